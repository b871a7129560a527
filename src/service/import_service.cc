#include "service/import_service.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>

#include "common/clock.h"
#include "common/hash.h"
#include "common/json_text.h"
#include "ingest/export_reader.h"
#include "ingest/normalizer.h"
#include "storage/event_log.h"
#include "storage/source_records.h"

namespace reunite::service {
namespace {

using ingest::CanonicalRecord;
using ingest::EventSpec;

bool ConditionHolds(const ingest::Condition& c, const CanonicalRecord& rec) {
  const std::string* v = rec.Get(c.field);
  if (v == nullptr || v->empty()) return false;
  if (c.values.empty()) return true;
  for (const std::string& want : c.values) {
    if (want.size() == v->size() &&
        std::equal(want.begin(), want.end(), v->begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return true;
    }
  }
  return false;
}

std::string FieldOr(const CanonicalRecord& rec, const std::string& name) {
  if (name.empty()) return "";
  const std::string* v = rec.Get(name);
  return v ? *v : "";
}

// The columns a JSON Lines export must provide: the id and every mapped column.
std::vector<std::string> MappedColumns(const ingest::SourceMapping& m) {
  std::vector<std::string> cols = {m.record_id};
  for (const auto& f : m.fields) cols.push_back(f.column);
  return cols;
}

}  // namespace

Result<ImportSummary> ImportFile(storage::Connection& db, const ingest::SourceMapping& mapping,
                                 const std::string& path, const ImportOptions& options) {
  auto start = std::chrono::steady_clock::now();
  ImportSummary summary;
  summary.path = path;
  summary.source = mapping.source;
  REUNITE_ASSIGN_OR_RETURN(std::string content_hash, FileHash128Hex(path));
  REUNITE_ASSIGN_OR_RETURN(
      auto reader, ingest::ExportReader::Open(path, mapping.format, MappedColumns(mapping)));
  REUNITE_ASSIGN_OR_RETURN(auto normalizer,
                           ingest::RowNormalizer::Create(mapping, reader->columns(), path));

  storage::SourceRecordStore store(db);
  storage::EventLog log(db);
  // A whole file is one transaction: on SQLite, a page cache big enough for
  // it (256 MiB) keeps dirty pages from spilling to the WAL before the
  // commit (a spilled page dirtied again is written again). The connection's
  // own setting comes back afterwards, and the pages are released.
  const bool sqlite = db.dialect() == storage::Dialect::kSqlite;
  int64_t cache_pages = -2000;
  if (sqlite) {
    REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query("PRAGMA cache_size"));
    if (!rows.empty()) cache_pages = rows[0].Int(0);
    REUNITE_RETURN_IF_ERROR(db.Execute("PRAGMA cache_size = -262144", {}));
  }
  Status s = storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(auto existing, store.FindFile(mapping.source, content_hash));
    if (existing) {
      summary.already_imported = true;
      summary.file_id = existing->file_id;
      return Status::Ok();
    }
    std::unordered_set<std::string> known;
    REUNITE_RETURN_IF_ERROR(store.LoadKnownHashes(mapping.source, known));
    REUNITE_ASSIGN_OR_RETURN(int64_t file_id, store.NextFileId());
    REUNITE_ASSIGN_OR_RETURN(int64_t next_record, store.NextRecordId());
    REUNITE_ASSIGN_OR_RETURN(int64_t next_quarantine, store.NextQuarantineId());
    summary.file_id = file_id;
    storage::ImportFile file;
    file.file_id = file_id;
    file.source = mapping.source;
    file.path = options.recorded_path.empty() ? path : options.recorded_path;
    file.content_hash = content_hash;
    file.imported_at = UtcNowIso();
    file.actor = options.actor;
    // The file row goes first (records reference it); its counts are final
    // only at the end, so it is rewritten then, in the same transaction.
    REUNITE_RETURN_IF_ERROR(store.InsertFile(file));

    std::vector<storage::SourceRecord> records;
    std::vector<storage::QuarantinedRow> quarantined;
    std::vector<storage::EventDraft> events;
    auto flush = [&]() -> Status {
      REUNITE_RETURN_IF_ERROR(store.InsertRecords(records));
      REUNITE_RETURN_IF_ERROR(store.InsertQuarantine(quarantined));
      summary.events_appended += static_cast<int64_t>(events.size());
      return log.AppendMovedInTransaction(events).status();
    };

    ingest::RawRow row;
    JsonObjectText fields;
    while (true) {
      REUNITE_ASSIGN_OR_RETURN(bool got, reader->Next(row));
      if (!got) break;
      ++summary.rows_read;
      if (options.progress) options.progress->Advance();
      std::string raw_hash = Hash128Hex(row.raw);
      if (!known.insert(raw_hash).second) {
        ++summary.rows_duplicate;
        continue;
      }
      auto result = normalizer.Normalize(row);
      if (auto* rej = std::get_if<ingest::Rejection>(&result)) {
        ++summary.rows_quarantined;
        quarantined.push_back({next_quarantine++, mapping.source, file_id, row.line, rej->field,
                               rej->reason, row.raw, raw_hash, path});
      } else {
        auto& rec = std::get<CanonicalRecord>(result);
        ++summary.rows_new;
        fields.Clear();
        for (const auto& [k, v] : rec.fields) fields.AddString(k, v);
        if (!rec.blanked.empty()) {
          JsonObjectText notes;
          for (const auto& [k, why] : rec.blanked) notes.AddString(k, why);
          fields.AddRaw("_blanked", notes.Text());
        }
        // The record's reference and its source pointer, as JSON text
        // (written directly: no JSON tree per row).
        std::string subjects = "[";
        AppendJsonString(subjects, mapping.source + "/" + rec.record_key);
        subjects += "]";
        JsonObjectText source_ref;
        source_ref.AddString("source", mapping.source);
        source_ref.AddString("record_key", rec.record_key);
        source_ref.AddString("raw_hash", raw_hash);
        source_ref.AddInt("file_id", file_id);
        source_ref.AddInt("line", row.line);
        std::string sources = "[";
        source_ref.AppendTo(sources);
        sources += "]";
        for (const EventSpec& spec : mapping.events) {
          if (!std::all_of(spec.when.begin(), spec.when.end(),
                           [&](const ingest::Condition& c) { return ConditionHolds(c, rec); })) {
            continue;
          }
          std::string at = FieldOr(rec, spec.occurred_at);
          if (at.empty()) continue;
          storage::EventDraft d;
          d.type = spec.type;
          d.occurred_at = at;
          d.subjects = subjects;
          d.family_unit = FieldOr(rec, spec.family_unit);
          d.custodian = FieldOr(rec, spec.custodian);
          d.reason = FieldOr(rec, spec.reason);
          d.authority = FieldOr(rec, spec.authority);
          d.actor = FieldOr(rec, spec.actor);
          if (d.actor.empty()) d.actor = "source:" + mapping.source;
          d.sources = sources;
          JsonObjectText payload;
          for (const std::string& p : spec.payload) {
            const std::string* v = p.empty() ? nullptr : rec.Get(p);
            if (v != nullptr && !v->empty()) payload.AddString(p, *v);
          }
          d.payload = payload.Text();
          events.push_back(std::move(d));
        }
        records.push_back({next_record++, mapping.source, rec.record_key, raw_hash, file_id,
                           row.line, row.raw, fields.Text()});
      }
      if (records.size() + quarantined.size() >= options.chunk_rows) {
        REUNITE_RETURN_IF_ERROR(flush());
      }
    }
    REUNITE_RETURN_IF_ERROR(flush());
    storage::SqlValue p[] = {summary.rows_read,       summary.rows_new,
                             summary.rows_duplicate,  summary.rows_quarantined,
                             summary.events_appended, file_id};
    REUNITE_RETURN_IF_ERROR(
        db.Execute("UPDATE import_files SET rows_read = ?, rows_new = ?, rows_duplicate = ?, "
                   "rows_quarantined = ?, events_appended = ? WHERE file_id = ?",
                   p));
    return options.before_commit ? options.before_commit(summary) : Status::Ok();
  });
  if (sqlite) {
    // Best effort: the import's outcome is decided at its commit, before this.
    (void)db.Execute("PRAGMA cache_size = " + std::to_string(cache_pages) +
                     "; PRAGMA shrink_memory");
  }
  REUNITE_RETURN_IF_ERROR(s);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace reunite::service
