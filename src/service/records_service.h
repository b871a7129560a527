// Reads and writes of the stored agency data for the API: one source record
// (redacted for the caller's role), the imported files, the quarantine, the
// event log's recent events (redacted), and an import from an uploaded file.
// Person reads are audited before the data is returned; the import is audited
// in its own transaction.
#ifndef REUNITE_SERVICE_RECORDS_SERVICE_H_
#define REUNITE_SERVICE_RECORDS_SERVICE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "service/access_policy.h"
#include "service/caller.h"
#include "storage/connection.h"
#include "storage/event_log.h"
#include "storage/source_records.h"

namespace reunite::service {

// {"id", "ref": "orr/U123", "source", "record_key", "file_id", "line",
//  "raw_hash", "fields": {...}, "raw", "redacted": [...]}, redacted for caller.role.
nlohmann::json SourceRecordJson(const storage::SourceRecord& r);
nlohmann::json EventJson(const storage::Event& e);

// A stored record ("source/record_key") as the API shows it, redacted for
// caller.role (not audited: the caller audits the read it is part of); the
// names of the removed fields are added to `removed`. kNotFound naming the ref.
Result<nlohmann::json> RedactedRecordJson(storage::Connection& db, const AccessPolicy& policy,
                                          const Caller& caller, const std::string& ref,
                                          std::set<std::string>& removed);

// By reunite's numeric id or by "source/record_key".
Result<nlohmann::json> ReadSourceRecord(storage::Connection& db, const AccessPolicy& policy,
                                        const Caller& caller, const std::string& id);
Result<nlohmann::json> ListImports(storage::Connection& db);
Result<nlohmann::json> ListQuarantine(storage::Connection& db, const Caller& caller,
                                      const std::string& source, int64_t after_id, int64_t limit);
// {"events": [...], "last_seq": N}; events with seq > after_seq (after_seq < 0: the
// newest `limit`), redacted.
Result<nlohmann::json> ListEvents(storage::Connection& db, const AccessPolicy& policy,
                                  const Caller& caller, int64_t after_seq, int64_t limit);

struct UploadedExport {
  std::string source;    // selects MAPPINGS/<source>.toml
  std::string filename;  // as the client named it (recorded as upload:<filename>)
  std::string body;      // the file's bytes
};
// Writes the bytes to a private temporary file and imports it (all or
// nothing, idempotent, as `reunite import`); audited with the import.
Result<nlohmann::json> ImportUpload(storage::Connection& db, const Caller& caller,
                                    const std::string& mappings_dir, const UploadedExport& upload);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_RECORDS_SERVICE_H_
