#include "service/audit_trail.h"

#include "storage/event_log.h"

namespace reunite::service {
namespace {

nlohmann::json ReportJson(const storage::VerifyReport& r) {
  nlohmann::json j = {{"ok", r.ok}, {"entries_checked", r.entries_checked}};
  if (!r.ok) {
    j["first_broken_seq"] = r.first_broken_seq;
    j["problem"] = r.problem;
  }
  return j;
}

}  // namespace

storage::AuditDraft AuditDraftFor(const Caller& caller, std::vector<std::string> subjects,
                                  std::string outcome, std::string detail) {
  storage::AuditDraft d;
  d.actor = caller.username.empty() ? "anonymous" : caller.username;
  d.role = caller.RoleName();
  d.action = caller.action;
  d.route = caller.route;
  d.target = caller.target;
  d.subjects = std::move(subjects);
  d.client_address = caller.client_address;
  d.outcome = std::move(outcome);
  d.detail = std::move(detail);
  return d;
}

Status RecordAudit(storage::Connection& db, const Caller& caller, std::vector<std::string> subjects,
                   std::string outcome, std::string detail) {
  storage::AuditLog log(db);
  return log
      .Append(AuditDraftFor(caller, std::move(subjects), std::move(outcome), std::move(detail)))
      .status();
}

Status RecordAuditInTransaction(storage::Connection& db, const Caller& caller,
                                std::vector<std::string> subjects, std::string outcome,
                                std::string detail) {
  storage::AuditLog log(db);
  return log
      .AppendInTransaction(
          AuditDraftFor(caller, std::move(subjects), std::move(outcome), std::move(detail)))
      .status();
}

nlohmann::json AuditEntryJson(const storage::AuditEntry& e) {
  const storage::AuditDraft& d = e.draft;
  return {
      {"seq", e.seq},         {"recorded_at", e.recorded_at}, {"actor", d.actor},
      {"role", d.role},       {"action", d.action},           {"route", d.route},
      {"target", d.target},   {"subjects", d.subjects},       {"client_address", d.client_address},
      {"outcome", d.outcome}, {"detail", d.detail},           {"prev_hash", e.prev_hash},
      {"hash", e.hash}};
}

Result<nlohmann::json> QueryAudit(storage::Connection& db, const Caller& caller,
                                  storage::AuditQuery query) {
  if (query.limit < 1 || query.limit > 1000) {
    return InvalidArgument("limit: expected 1 to 1000, got " + std::to_string(query.limit));
  }
  storage::AuditLog log(db);
  REUNITE_ASSIGN_OR_RETURN(auto entries, log.Find(query));
  nlohmann::json out = {{"entries", nlohmann::json::array()}};
  for (const auto& e : entries) out["entries"].push_back(AuditEntryJson(e));
  out["next_before_seq"] = entries.size() == static_cast<size_t>(query.limit) && !entries.empty()
                               ? nlohmann::json(entries.back().seq)
                               : nlohmann::json(nullptr);
  REUNITE_RETURN_IF_ERROR(
      RecordAudit(db, caller, {}, "ok", std::to_string(entries.size()) + " entries"));
  return out;
}

Result<nlohmann::json> VerifyChains(storage::Connection& db, const Caller& caller) {
  storage::EventLog events(db);
  storage::AuditLog audit(db);
  REUNITE_ASSIGN_OR_RETURN(auto e, events.Verify());
  REUNITE_ASSIGN_OR_RETURN(auto a, audit.Verify());
  nlohmann::json out = {{"ok", e.ok && a.ok}, {"events", ReportJson(e)}, {"audit", ReportJson(a)}};
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {}, "ok", out["ok"] ? "intact" : "broken"));
  return out;
}

}  // namespace reunite::service
