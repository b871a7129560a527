#include "service/family_service.h"

#include <algorithm>
#include <vector>

#include "service/audit_trail.h"

namespace reunite::service {

using nlohmann::json;

namespace {

json Redacted(const AccessPolicy& policy, const Caller& caller, json j) {
  if (caller.role) policy.Redact(*caller.role, j);
  return j;
}

}  // namespace

Result<json> ListFamiliesFor(storage::Connection& db, CaseFileCache& cache,
                             const AccessPolicy& policy, const Caller& caller,
                             const FamilyListOptions& options) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  FamilyList list = ListFamilies(*file, options);
  std::vector<std::string> units;
  for (const FamilySummary& s : list.families) units.push_back(s.family_unit);
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, units, "ok", "families"));
  return Redacted(policy, caller, FamilyListJson(list));
}

Result<json> DashboardFor(storage::Connection& db, CaseFileCache& cache, const AccessPolicy& policy,
                          const Caller& caller, Date as_of) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  Dashboard d = GetDashboard(*file, as_of);
  std::vector<std::string> children;
  for (const OverdueChild& o : d.overdue) children.push_back(o.child_id);
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, children, "ok", "dashboard"));
  return Redacted(policy, caller, DashboardJson(d));
}

Result<json> FamilyChildrenFor(storage::Connection& db, CaseFileCache& cache,
                               const AccessPolicy& policy, const Caller& caller,
                               const std::string& family_unit, Date as_of) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  REUNITE_ASSIGN_OR_RETURN(FamilyView view, GetFamily(*file, family_unit, as_of));
  json children = json::array();
  for (const FamilyMemberView& m : view.members) {
    if (m.status) children.push_back(cases::ChildStatusToJson(*m.status));
  }
  return Redacted(policy, caller, std::move(children));
}

Result<json> ActOnChild(storage::Connection& db, CaseFileCache& cache, CaseActions& actions,
                        const AccessPolicy& policy, const Caller& caller,
                        const std::string& family_unit, const std::string& child_id,
                        const json& body, Date today) {
  REUNITE_ASSIGN_OR_RETURN(CaseAction action, CaseActionFromJson(body, "request body"));
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  const CaseFamilyUnit* unit = file->FindFamilyUnit(family_unit);
  if (unit == nullptr) return NotFound("no family unit '" + family_unit + "'");
  const bool member = std::any_of(unit->members.begin(), unit->members.end(),
                                  [&](const auto& m) { return m.first == child_id; });
  if (!member) {
    return NotFound("person '" + child_id + "' is not a member of family unit '" + family_unit +
                    "'");
  }
  REUNITE_ASSIGN_OR_RETURN(ActionOutcome outcome,
                           actions.Apply(db, caller, child_id, action, today));
  return Redacted(policy, caller, ActionOutcomeJson(outcome));
}

}  // namespace reunite::service
