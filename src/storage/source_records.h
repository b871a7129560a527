// Source records: every row of every agency export, kept as received (raw
// bytes, their hash, file and line) with its canonical fields; the files they
// came in; and the quarantine of rows that could not be used. Nothing here is
// ever updated or deleted: a corrected re-export adds new rows.
//
// All writes happen inside the caller's write transaction (see
// service/import_service), so a file is stored completely or not at all.
// Thread-safety: as the Connection.
#ifndef REUNITE_STORAGE_SOURCE_RECORDS_H_
#define REUNITE_STORAGE_SOURCE_RECORDS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "storage/connection.h"

namespace reunite::storage {

struct ImportFile {
  int64_t file_id = 0;
  std::string source, path, content_hash, imported_at, actor;
  int64_t rows_read = 0, rows_new = 0, rows_duplicate = 0, rows_quarantined = 0;
  int64_t events_appended = 0;
};

struct SourceRecord {
  int64_t record_id = 0;  // reunite's id, 1, 2, ... across all sources
  std::string source, record_key, raw_hash;
  int64_t file_id = 0, line = 0;
  std::string raw;
  std::string fields;  // JSON object of canonical fields
};

struct QuarantinedRow {
  int64_t quarantine_id = 0;
  std::string source;
  int64_t file_id = 0, line = 0;
  std::string field, reason, raw, raw_hash;
  std::string path;  // of the file (joined from import_files when listing)
};

class SourceRecordStore {
 public:
  explicit SourceRecordStore(Connection& db) : db_(db) {}

  // The file already imported with this content, if any.
  Result<std::optional<ImportFile>> FindFile(const std::string& source,
                                             const std::string& content_hash);
  // Raw hashes already stored for `source`, in records and in quarantine.
  Status LoadKnownHashes(const std::string& source, std::unordered_set<std::string>& out);
  // Next free ids (max + 1), to number new rows inside the write transaction.
  Result<int64_t> NextFileId();
  Result<int64_t> NextRecordId();
  Result<int64_t> NextQuarantineId();

  Status InsertFile(const ImportFile& file);
  // Insert the rows, moving their text into the statements' values: the
  // vector is left empty (a bulk writer keeps no second copy of each row).
  Status InsertRecords(std::vector<SourceRecord>& records);
  Status InsertQuarantine(std::vector<QuarantinedRow>& rows);

  Result<std::vector<ImportFile>> ListFiles();
  // Quarantined rows, optionally of one source, in file and line order.
  Status ScanQuarantine(const std::string& source,
                        const std::function<Status(const QuarantinedRow&)>& on_row);
  Status ScanRecords(const std::string& source,
                     const std::function<Status(const SourceRecord&)>& on_record);
  Result<int64_t> CountRecords(const std::string& source = "");
  // One record by reunite's id, or by source and the agency's record key
  // (the newest row with that key); nullopt when there is none.
  Result<std::optional<SourceRecord>> FindRecord(int64_t record_id);
  Result<std::optional<SourceRecord>> FindRecordByKey(const std::string& source,
                                                      const std::string& record_key);
  // The largest record_id (0 when empty): changes whenever records are added.
  Result<int64_t> MaxRecordId();

 private:
  Result<int64_t> NextId(const char* table, const char* column);
  Connection& db_;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_SOURCE_RECORDS_H_
