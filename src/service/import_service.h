// The import use case: one agency export file into the store, all or
// nothing. Inside one write transaction it records the file, every new raw
// row with its hash, file and line, the canonical fields, the quarantine of
// bad rows with file, line, field and reason, and the events the mapping
// derives from each new row, chained into the event log.
//
// Idempotent: a file whose content was imported before adds nothing; a
// changed re-export adds only rows whose bytes are new (a corrected row is a
// new row; nothing stored is changed). A crash or kill before the commit
// leaves nothing of the file; running the import again completes it.
#ifndef REUNITE_SERVICE_IMPORT_SERVICE_H_
#define REUNITE_SERVICE_IMPORT_SERVICE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "common/progress.h"
#include "ingest/mapping.h"
#include "storage/connection.h"

namespace reunite::service {

struct ImportSummary;

struct ImportOptions {
  std::string actor = "import";  // who ran the import (recorded with the file)
  Progress* progress = nullptr;  // optional, advanced per row
  size_t chunk_rows = 20000;     // rows buffered before each bulk insert
  std::string recorded_path;     // the path stored with the file (default: the path read)
  // Runs inside the import's write transaction just before it commits, so
  // that e.g. the server's audit entry commits with the import or not at all.
  std::function<Status(const ImportSummary&)> before_commit;
};

struct ImportSummary {
  std::string path;
  std::string source;
  int64_t file_id = 0;
  bool already_imported = false;  // the same bytes were imported before
  int64_t rows_read = 0;
  int64_t rows_new = 0;
  int64_t rows_duplicate = 0;  // rows whose bytes were already stored
  int64_t rows_quarantined = 0;
  int64_t events_appended = 0;
  double seconds = 0;
};

Result<ImportSummary> ImportFile(storage::Connection& db, const ingest::SourceMapping& mapping,
                                 const std::string& path, const ImportOptions& options = {});

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_IMPORT_SERVICE_H_
