#include "service/records_service.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "ingest/mapping.h"
#include "service/audit_trail.h"
#include "service/import_service.h"

namespace reunite::service {
namespace {

nlohmann::json ParseObject(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json(text) : j;
}

std::string Ref(const std::string& source, const std::string& key) { return source + "/" + key; }

bool SafeName(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  return true;
}

std::string BaseName(const std::string& name) {
  std::string base = std::filesystem::path(name).filename().string();
  std::string out;
  for (char c : base) {
    out.push_back(
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ? c : '_');
  }
  if (out.empty() || out == "." || out == "..") out = "upload";
  return out.substr(0, 128);
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); !from.empty() && at != std::string::npos;
       at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

}  // namespace

nlohmann::json SourceRecordJson(const storage::SourceRecord& r) {
  return {{"id", r.record_id},
          {"ref", Ref(r.source, r.record_key)},
          {"source", r.source},
          {"record_key", r.record_key},
          {"file_id", r.file_id},
          {"line", r.line},
          {"raw_hash", r.raw_hash},
          {"fields", ParseObject(r.fields)},
          {"raw", r.raw}};
}

nlohmann::json EventJson(const storage::Event& e) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  };
  return {{"seq", e.seq},
          {"type", e.type},
          {"occurred_at", e.occurred_at},
          {"recorded_at", e.recorded_at},
          {"subjects", ParseObject(e.subjects)},
          {"family_unit", or_null(e.family_unit)},
          {"custodian", or_null(e.custodian)},
          {"reason", or_null(e.reason)},
          {"actor", e.actor},
          {"authority", or_null(e.authority)},
          {"sources", ParseObject(e.sources)},
          {"payload", ParseObject(e.payload)},
          {"hash", e.hash}};
}

Result<nlohmann::json> ReadSourceRecord(storage::Connection& db, const AccessPolicy& policy,
                                        const Caller& caller, const std::string& id) {
  storage::SourceRecordStore store(db);
  std::optional<storage::SourceRecord> rec;
  size_t slash = id.find('/');
  if (slash != std::string::npos) {
    REUNITE_ASSIGN_OR_RETURN(rec, store.FindRecordByKey(id.substr(0, slash), id.substr(slash + 1)));
  } else {
    char* end = nullptr;
    long long n = std::strtoll(id.c_str(), &end, 10);
    if (id.empty() || *end != '\0' || n <= 0) {
      return InvalidArgument("record id: expected a number or source/record_key, got '" + id + "'");
    }
    REUNITE_ASSIGN_OR_RETURN(rec, store.FindRecord(n));
  }
  if (!rec) return NotFound("no source record '" + id + "'");
  nlohmann::json out = SourceRecordJson(*rec);
  if (caller.role) policy.Redact(*caller.role, out);
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {Ref(rec->source, rec->record_key)}));
  return out;
}

Result<nlohmann::json> ListImports(storage::Connection& db) {
  storage::SourceRecordStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto files, store.ListFiles());
  nlohmann::json out = {{"files", nlohmann::json::array()}};
  for (const auto& f : files) {
    out["files"].push_back({{"id", f.file_id},
                            {"source", f.source},
                            {"path", f.path},
                            {"content_hash", f.content_hash},
                            {"imported_at", f.imported_at},
                            {"actor", f.actor},
                            {"rows_read", f.rows_read},
                            {"rows_new", f.rows_new},
                            {"rows_duplicate", f.rows_duplicate},
                            {"rows_quarantined", f.rows_quarantined},
                            {"events_appended", f.events_appended}});
  }
  return out;
}

Result<nlohmann::json> ListQuarantine(storage::Connection& db, const Caller& caller,
                                      const std::string& source, int64_t after_id, int64_t limit) {
  if (limit < 1 || limit > 1000) return InvalidArgument("limit: expected 1 to 1000");
  storage::SourceRecordStore store(db);
  nlohmann::json rows = nlohmann::json::array();
  bool full = false;  // stops the scan once the page is full
  Status s = store.ScanQuarantine(source, [&](const storage::QuarantinedRow& q) -> Status {
    if (q.quarantine_id <= after_id) return Status::Ok();
    if (static_cast<int64_t>(rows.size()) >= limit) {
      full = true;
      return Status(ErrorCode::kFailedPrecondition, "page full");
    }
    rows.push_back({{"id", q.quarantine_id},
                    {"source", q.source},
                    {"file_id", q.file_id},
                    {"path", q.path},
                    {"line", q.line},
                    {"field", q.field},
                    {"reason", q.reason},
                    {"raw", q.raw}});
    return Status::Ok();
  });
  if (!s.ok() && !full) return s;
  std::vector<std::string> subjects;
  for (const auto& r : rows)
    subjects.push_back("quarantine:" + std::to_string(r["id"].get<int64_t>()));
  REUNITE_RETURN_IF_ERROR(
      RecordAudit(db, caller, subjects, "ok", std::to_string(rows.size()) + " rows"));
  return nlohmann::json{{"rows", rows}};
}

Result<nlohmann::json> ListEvents(storage::Connection& db, const AccessPolicy& policy,
                                  const Caller& caller, int64_t after_seq, int64_t limit) {
  if (limit < 1 || limit > 1000) return InvalidArgument("limit: expected 1 to 1000");
  storage::EventLog log(db);
  REUNITE_ASSIGN_OR_RETURN(int64_t last, log.LastSeq());
  if (after_seq < 0) after_seq = std::max<int64_t>(0, last - limit);
  REUNITE_ASSIGN_OR_RETURN(auto events, log.Page(after_seq, limit));
  nlohmann::json out = {{"events", nlohmann::json::array()}, {"last_seq", last}};
  std::set<std::string> subjects;
  for (const auto& e : events) {
    nlohmann::json j = EventJson(e);
    for (const auto& s : j["subjects"]) {
      if (s.is_string()) subjects.insert(s.get<std::string>());
    }
    if (caller.role) policy.Redact(*caller.role, j);
    out["events"].push_back(std::move(j));
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {subjects.begin(), subjects.end()}, "ok",
                                      std::to_string(events.size()) + " events"));
  return out;
}

Result<nlohmann::json> ImportUpload(storage::Connection& db, const Caller& caller,
                                    const std::string& mappings_dir, const UploadedExport& up) {
  if (!SafeName(up.source)) return InvalidArgument("source: expected a mapping name like 'orr'");
  if (up.body.empty()) return InvalidArgument("the uploaded file is empty");
  std::string mapping_path = (std::filesystem::path(mappings_dir) / (up.source + ".toml")).string();
  if (!std::filesystem::exists(mapping_path)) {
    return NotFound("source '" + up.source + "': no mapping " + up.source + ".toml on the server");
  }
  REUNITE_ASSIGN_OR_RETURN(ingest::SourceMapping mapping, ingest::LoadMapping(mapping_path));
  // Messages to the client name the mapping, never the server's directories.
  mapping.path = up.source + ".toml";
  std::string display = BaseName(up.filename.empty() ? up.source + "-upload" : up.filename);
  std::string tmpl = (std::filesystem::temp_directory_path() / "reunite-upload-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) return IoError("cannot create a temporary directory");
  std::string path = tmpl + "/" + display;
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } cleanup{tmpl};
  {
    std::ofstream out(path, std::ios::binary);
    out.write(up.body.data(), static_cast<std::streamsize>(up.body.size()));
    if (!out) return IoError("cannot write the upload to a temporary file");
  }
  ImportOptions options;
  options.actor = caller.username;
  options.recorded_path = "upload:" + display;
  options.before_commit = [&](const ImportSummary& s) {
    return RecordAuditInTransaction(
        db, caller, {"file:" + std::to_string(s.file_id)}, "ok",
        up.source + " " + display + ": " + std::to_string(s.rows_new) + " new rows");
  };
  auto summary = ImportFile(db, mapping, path, options);
  if (!summary.ok()) {
    const Status& s = summary.status();
    return Status(s.code(), ReplaceAll(s.message(), path, display));
  }
  if (summary->already_imported) {
    REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {"file:" + std::to_string(summary->file_id)},
                                        "ok", "already imported"));
  }
  return nlohmann::json{{"file_id", summary->file_id},
                        {"source", summary->source},
                        {"path", options.recorded_path},
                        {"already_imported", summary->already_imported},
                        {"rows_read", summary->rows_read},
                        {"rows_new", summary->rows_new},
                        {"rows_duplicate", summary->rows_duplicate},
                        {"rows_quarantined", summary->rows_quarantined},
                        {"events_appended", summary->events_appended}};
}

Result<nlohmann::json> RedactedRecordJson(storage::Connection& db, const AccessPolicy& policy,
                                          const Caller& caller, const std::string& ref,
                                          std::set<std::string>& removed) {
  const size_t slash = ref.find('/');
  const std::string source = slash == std::string::npos ? "" : ref.substr(0, slash);
  const std::string key = slash == std::string::npos ? ref : ref.substr(slash + 1);
  storage::SourceRecordStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto rec, store.FindRecordByKey(source, key));
  if (!rec) return NotFound("no source record '" + ref + "'");
  nlohmann::json out = SourceRecordJson(*rec);
  if (caller.role) policy.Redact(*caller.role, out);
  if (out.contains("redacted")) {
    for (const auto& f : out["redacted"]) removed.insert(f.get<std::string>());
  }
  return out;
}

}  // namespace reunite::service
