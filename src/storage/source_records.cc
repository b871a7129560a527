#include "storage/source_records.h"

namespace reunite::storage {

Result<std::optional<ImportFile>> SourceRecordStore::FindFile(const std::string& source,
                                                              const std::string& content_hash) {
  SqlValue p[] = {source, content_hash};
  REUNITE_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT file_id, source, path, content_hash, imported_at, actor, rows_read, "
                "rows_new, rows_duplicate, rows_quarantined, events_appended FROM import_files "
                "WHERE source = ? AND content_hash = ?",
                p));
  if (rows.empty()) return std::optional<ImportFile>();
  const Row& r = rows[0];
  ImportFile f{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5),
               r.Int(6), r.Int(7),  r.Int(8),  r.Int(9),  r.Int(10)};
  return std::optional<ImportFile>(std::move(f));
}

Status SourceRecordStore::LoadKnownHashes(const std::string& source,
                                          std::unordered_set<std::string>& out) {
  SqlValue p[] = {source, source};
  return db_.QueryEach(
      "SELECT raw_hash FROM source_records WHERE source = ? UNION ALL "
      "SELECT raw_hash FROM quarantine WHERE source = ?",
      p, [&out](const Row& r) {
        out.insert(r.Text(0));
        return Status::Ok();
      });
}

Result<int64_t> SourceRecordStore::NextId(const char* table, const char* column) {
  REUNITE_ASSIGN_OR_RETURN(auto rows,
                           db_.Query(std::string("SELECT MAX(") + column + ") FROM " + table));
  return (rows.empty() || rows[0].IsNull(0) ? 0 : rows[0].Int(0)) + 1;
}

Result<int64_t> SourceRecordStore::NextFileId() { return NextId("import_files", "file_id"); }
Result<int64_t> SourceRecordStore::NextRecordId() { return NextId("source_records", "record_id"); }
Result<int64_t> SourceRecordStore::NextQuarantineId() {
  return NextId("quarantine", "quarantine_id");
}

Status SourceRecordStore::InsertFile(const ImportFile& f) {
  SqlValue p[] = {f.file_id,        f.source,    f.path,     f.content_hash,   f.imported_at,
                  f.actor,          f.rows_read, f.rows_new, f.rows_duplicate, f.rows_quarantined,
                  f.events_appended};
  return db_.Execute(
      "INSERT INTO import_files (file_id, source, path, content_hash, imported_at, actor, "
      "rows_read, rows_new, rows_duplicate, rows_quarantined, events_appended) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p);
}

Status SourceRecordStore::InsertRecords(std::vector<SourceRecord>& records) {
  static constexpr std::string_view kCols[] = {"record_id", "source", "record_key", "raw_hash",
                                               "file_id",   "line",   "raw",        "fields"};
  std::vector<std::vector<SqlValue>> rows;
  rows.reserve(records.size());
  for (SourceRecord& r : records) {
    rows.push_back({r.record_id, std::move(r.source), std::move(r.record_key),
                    std::move(r.raw_hash), r.file_id, r.line, std::move(r.raw),
                    std::move(r.fields)});
  }
  records.clear();
  return db_.BulkInsert("source_records", kCols, rows);
}

Status SourceRecordStore::InsertQuarantine(std::vector<QuarantinedRow>& quarantined) {
  static constexpr std::string_view kCols[] = {"quarantine_id", "source", "file_id", "line",
                                               "field",         "reason", "raw",     "raw_hash"};
  std::vector<std::vector<SqlValue>> rows;
  rows.reserve(quarantined.size());
  for (QuarantinedRow& q : quarantined) {
    rows.push_back({q.quarantine_id, std::move(q.source), q.file_id, q.line, std::move(q.field),
                    std::move(q.reason), std::move(q.raw), std::move(q.raw_hash)});
  }
  quarantined.clear();
  return db_.BulkInsert("quarantine", kCols, rows);
}

Result<std::vector<ImportFile>> SourceRecordStore::ListFiles() {
  std::vector<ImportFile> out;
  REUNITE_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT file_id, source, path, content_hash, imported_at, actor, rows_read, rows_new, "
      "rows_duplicate, rows_quarantined, events_appended FROM import_files ORDER BY file_id",
      {}, [&out](const Row& r) {
        out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6),
                       r.Int(7), r.Int(8), r.Int(9), r.Int(10)});
        return Status::Ok();
      }));
  return out;
}

Status SourceRecordStore::ScanQuarantine(
    const std::string& source, const std::function<Status(const QuarantinedRow&)>& on_row) {
  std::string sql =
      "SELECT q.quarantine_id, q.source, q.file_id, q.line, q.field, q.reason, q.raw, q.raw_hash, "
      "f.path FROM quarantine q JOIN import_files f ON f.file_id = q.file_id";
  std::vector<SqlValue> p;
  if (!source.empty()) {
    sql += " WHERE q.source = ?";
    p.push_back(source);
  }
  sql += " ORDER BY q.file_id, q.line";
  return db_.QueryEach(sql, p, [&](const Row& r) {
    QuarantinedRow q{r.Int(0),  r.Text(1), r.Int(2),  r.Int(3), r.Text(4),
                     r.Text(5), r.Text(6), r.Text(7), r.Text(8)};
    return on_row(q);
  });
}

Status SourceRecordStore::ScanRecords(const std::string& source,
                                      const std::function<Status(const SourceRecord&)>& on_record) {
  std::string sql =
      "SELECT record_id, source, record_key, raw_hash, file_id, line, raw, fields FROM "
      "source_records";
  std::vector<SqlValue> p;
  if (!source.empty()) {
    sql += " WHERE source = ?";
    p.push_back(source);
  }
  sql += " ORDER BY record_id";
  return db_.QueryEach(sql, p, [&](const Row& r) {
    SourceRecord s{r.Int(0), r.Text(1), r.Text(2), r.Text(3),
                   r.Int(4), r.Int(5),  r.Text(6), r.Text(7)};
    return on_record(s);
  });
}

Result<int64_t> SourceRecordStore::CountRecords(const std::string& source) {
  std::vector<SqlValue> p;
  std::string sql = "SELECT COUNT(*) FROM source_records";
  if (!source.empty()) {
    sql += " WHERE source = ?";
    p.push_back(source);
  }
  REUNITE_ASSIGN_OR_RETURN(auto rows, db_.Query(sql, p));
  return rows[0].Int(0);
}

Result<std::optional<SourceRecord>> SourceRecordStore::FindRecord(int64_t record_id) {
  SqlValue p = record_id;
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT record_id, source, record_key, raw_hash, file_id, line, raw, "
                           "fields FROM source_records WHERE record_id = ?",
                           std::span<const SqlValue>(&p, 1)));
  if (rows.empty()) return std::optional<SourceRecord>();
  const Row& r = rows[0];
  return std::optional<SourceRecord>(SourceRecord{r.Int(0), r.Text(1), r.Text(2), r.Text(3),
                                                  r.Int(4), r.Int(5), r.Text(6), r.Text(7)});
}

Result<std::optional<SourceRecord>> SourceRecordStore::FindRecordByKey(
    const std::string& source, const std::string& record_key) {
  SqlValue p[] = {source, record_key};
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT MAX(record_id) FROM source_records WHERE source = ? AND "
                           "record_key = ?",
                           p));
  if (rows.empty() || rows[0].IsNull(0)) return std::optional<SourceRecord>();
  return FindRecord(rows[0].Int(0));
}

Result<int64_t> SourceRecordStore::MaxRecordId() {
  REUNITE_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT MAX(record_id) FROM source_records"));
  return rows.empty() || rows[0].IsNull(0) ? 0 : rows[0].Int(0);
}

}  // namespace reunite::storage
