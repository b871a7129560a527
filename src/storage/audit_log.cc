#include "storage/audit_log.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/utf8.h"

namespace reunite::storage {
namespace {

constexpr std::string_view kHeadTable = "audit_head";
constexpr std::string_view kColumns =
    "seq, recorded_at, actor, role, action, route, target, subjects, client_address, outcome, "
    "detail, prev_hash, hash";

AuditEntry FromRow(const Row& r) {
  AuditEntry e;
  e.seq = r.Int(0);
  e.recorded_at = r.Text(1);
  e.draft.actor = r.Text(2);
  e.draft.role = r.Text(3);
  e.draft.action = r.Text(4);
  e.draft.route = r.Text(5);
  e.draft.target = r.Text(6);
  e.subjects_json = r.Text(7);
  e.draft.client_address = r.Text(8);
  e.draft.outcome = r.Text(9);
  e.draft.detail = r.Text(10);
  e.prev_hash = r.Text(11);
  e.hash = r.Text(12);
  nlohmann::json subjects = nlohmann::json::parse(e.subjects_json, nullptr, false);
  if (subjects.is_array()) {
    for (const auto& s : subjects) {
      if (s.is_string()) e.draft.subjects.push_back(s.get<std::string>());
    }
  }
  return e;
}

}  // namespace

std::string ComputeAuditHash(const AuditEntry& e) {
  const AuditDraft& d = e.draft;
  return ChainHash("reunite-audit-v1", e.seq,
                   {e.recorded_at, d.actor, d.role, d.action, d.route, d.target, e.subjects_json,
                    d.client_address, d.outcome, d.detail, e.prev_hash});
}

Result<AuditEntry> AuditLog::Append(const AuditDraft& draft) {
  AuditEntry out;
  REUNITE_RETURN_IF_ERROR(InWriteTransaction(db_, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(out, AppendInTransaction(draft));
    return Status::Ok();
  }));
  return out;
}

namespace {

// Audit text comes partly from outside (request targets, error messages that
// quote input). Both backends must store exactly what is hashed, so NUL bytes
// and bytes that are not UTF-8 become U+FFFD before hashing.
std::string Storable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t bad = 0;
  while (!s.empty()) {
    if (IsValidUtf8(s, &bad)) bad = s.size();
    for (char c : s.substr(0, bad)) {
      if (c == '\0') {
        out += "\xEF\xBF\xBD";
      } else {
        out += c;
      }
    }
    if (bad == s.size()) break;
    out += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace

Result<AuditEntry> AuditLog::AppendInTransaction(const AuditDraft& in) {
  AuditDraft draft = in;
  for (std::string* f : {&draft.actor, &draft.role, &draft.action, &draft.route, &draft.target,
                         &draft.client_address, &draft.outcome, &draft.detail}) {
    *f = Storable(*f);
  }
  for (std::string& subject : draft.subjects) subject = Storable(subject);
  if (draft.actor.empty() || draft.action.empty() || draft.outcome.empty()) {
    return InvalidArgument("audit entry: actor, action and outcome are required");
  }
  REUNITE_ASSIGN_OR_RETURN(ChainHead head, LockChainHead(db_, kHeadTable));
  AuditEntry e;
  e.seq = head.seq + 1;
  e.recorded_at = UtcNowIso();
  e.draft = draft;
  e.subjects_json = nlohmann::json(draft.subjects).dump();
  e.prev_hash = head.hash;
  e.hash = ComputeAuditHash(e);
  const AuditDraft& d = e.draft;
  SqlValue p[] = {e.seq,    e.recorded_at, d.actor,         d.role,           d.action,
                  d.route,  d.target,      e.subjects_json, d.client_address, d.outcome,
                  d.detail, e.prev_hash,   e.hash};
  REUNITE_RETURN_IF_ERROR(db_.Execute("INSERT INTO audit_log (" + std::string(kColumns) +
                                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                      p));
  std::vector<std::string> unique = d.subjects;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const std::string& s : unique) {
    SqlValue sp[] = {s, e.seq};
    REUNITE_RETURN_IF_ERROR(
        db_.Execute("INSERT INTO audit_subjects (subject, seq) VALUES (?, ?)", sp));
  }
  REUNITE_RETURN_IF_ERROR(SetChainHead(db_, kHeadTable, {e.seq, e.hash}));
  return e;
}

Result<std::vector<AuditEntry>> AuditLog::Find(const AuditQuery& q) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM audit_log WHERE 1 = 1";
  std::vector<SqlValue> p;
  auto where = [&](const char* clause, const std::string& value) {
    if (value.empty()) return;
    sql += clause;
    p.push_back(value);
  };
  where(" AND actor = ?", q.actor);
  where(" AND action = ?", q.action);
  where(" AND outcome = ?", q.outcome);
  where(" AND recorded_at >= ?", q.from);
  where(" AND recorded_at < ?", q.to);
  where(" AND seq IN (SELECT seq FROM audit_subjects WHERE subject = ?)", q.subject);
  if (q.after_seq > 0) {
    sql += " AND seq > ?";
    p.push_back(q.after_seq);
  }
  if (q.before_seq > 0) {
    sql += " AND seq < ?";
    p.push_back(q.before_seq);
  }
  sql += q.newest_first ? " ORDER BY seq DESC" : " ORDER BY seq";
  sql += " LIMIT ?";
  p.push_back(q.limit);
  std::vector<AuditEntry> out;
  REUNITE_RETURN_IF_ERROR(db_.QueryEach(sql, p, [&](const Row& r) {
    out.push_back(FromRow(r));
    return Status::Ok();
  }));
  return out;
}

Status AuditLog::Scan(int64_t after_seq, const std::function<Status(const AuditEntry&)>& on_entry) {
  SqlValue p = after_seq;
  return db_.QueryEach(
      "SELECT " + std::string(kColumns) + " FROM audit_log WHERE seq > ? ORDER BY seq",
      std::span<const SqlValue>(&p, 1), [&](const Row& r) { return on_entry(FromRow(r)); });
}

Result<VerifyReport> AuditLog::Verify() {
  ChainVerifier verifier("audit entry");
  Status s = Scan(0, [&](const AuditEntry& e) {
    return verifier.Check(e.seq, e.prev_hash, e.hash, ComputeAuditHash(e));
  });
  return verifier.Finish(db_, kHeadTable, s);
}

}  // namespace reunite::storage
