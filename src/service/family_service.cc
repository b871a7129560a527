#include "service/family_service.h"

#include <algorithm>
#include <set>
#include <vector>

#include "service/audit_trail.h"
#include "service/records_service.h"

namespace reunite::service {

using nlohmann::json;

namespace {

json Redacted(const AccessPolicy& policy, const Caller& caller, json j) {
  if (caller.role) policy.Redact(*caller.role, j);
  return j;
}

}  // namespace

Result<json> SearchPersonsFor(storage::Connection& db, CaseFileCache& cache,
                              PersonNameIndexCache& names, const AccessPolicy& policy,
                              const Caller& caller, const std::string& query,
                              const std::string& kind, size_t limit, Date as_of) {
  if (!kind.empty() && kind != "child" && kind != "adult") {
    return InvalidArgument("query parameter 'kind': expected child or adult");
  }
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  REUNITE_ASSIGN_OR_RETURN(auto index, names.Current(db, *file));
  // Ask for more when filtering by kind, so the filter leaves enough.
  SearchOptions options{kind.empty() ? limit : limit * 4, as_of};
  REUNITE_ASSIGN_OR_RETURN(auto hits, SearchPersons(*file, index.get(), query, options));
  std::vector<SearchHit> kept;
  std::vector<std::string> subjects;
  for (SearchHit& h : hits) {
    if (kept.size() == limit) break;
    if (!kind.empty() && h.person.age_group != kind) continue;
    subjects.push_back(h.person.person_id);
    kept.push_back(std::move(h));
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects, "ok",
                                      "search: " + std::to_string(kept.size()) + " persons"));
  return Redacted(policy, caller, SearchJson(kept));
}

Result<json> ReadPersonFor(storage::Connection& db, CaseFileCache& cache,
                           const AccessPolicy& policy, const Caller& caller,
                           const std::string& person_id, Date as_of) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  REUNITE_ASSIGN_OR_RETURN(PersonView view, GetPerson(*file, person_id, as_of));
  json person = Redacted(policy, caller, PersonViewJson(view));
  std::set<std::string> removed;
  if (person.contains("redacted")) {
    for (const auto& f : person["redacted"]) removed.insert(f.get<std::string>());
  }
  json records = json::array();
  for (const std::string& ref : view.records) {
    REUNITE_ASSIGN_OR_RETURN(json r, RedactedRecordJson(db, policy, caller, ref, removed));
    records.push_back(std::move(r));
  }
  person["records"] = std::move(records);
  if (!removed.empty()) {
    person["redacted"] = json(std::vector<std::string>(removed.begin(), removed.end()));
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {person_id}));
  return person;
}

Result<json> PersonTimelineFor(storage::Connection& db, CaseFileCache& cache,
                               const AccessPolicy& policy, const Caller& caller,
                               const std::string& person_id) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  REUNITE_ASSIGN_OR_RETURN(auto timeline, PersonTimeline(*file, person_id));
  json out = TimelineJson(person_id, timeline);
  for (auto& e : out["events"]) {
    if (caller.role) policy.Redact(*caller.role, e);
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {person_id}, "ok", "timeline"));
  return out;
}

Result<json> ListFamiliesFor(storage::Connection& db, CaseFileCache& cache,
                             ChildStatusCache& statuses, const AccessPolicy& policy,
                             const Caller& caller, const FamilyListOptions& options) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  FamilyList list = ListFamilies(*file, *statuses.Current(file, options.as_of), options);
  std::vector<std::string> units;
  for (const FamilySummary& s : list.families) units.push_back(s.family_unit);
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, units, "ok", "families"));
  return Redacted(policy, caller, FamilyListJson(list));
}

Result<json> DashboardFor(storage::Connection& db, CaseFileCache& cache, ChildStatusCache& statuses,
                          const AccessPolicy& policy, const Caller& caller, Date as_of) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  Dashboard d = GetDashboard(*file, *statuses.Current(file, as_of), as_of);
  std::vector<std::string> children;
  for (const OverdueChild& o : d.overdue) children.push_back(o.child_id);
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, children, "ok", "dashboard"));
  return Redacted(policy, caller, DashboardJson(d));
}

Result<json> ReadFamilyFor(storage::Connection& db, CaseFileCache& cache,
                           const AccessPolicy& policy, const Caller& caller,
                           const std::string& family_unit, Date as_of) {
  REUNITE_ASSIGN_OR_RETURN(auto file, cache.Current(db));
  REUNITE_ASSIGN_OR_RETURN(FamilyView view, GetFamily(*file, family_unit, as_of));
  json members = json::array();
  json children = json::array();
  std::vector<std::string> subjects;
  std::vector<TimelineEntry> timeline;
  std::set<int64_t> seen;
  for (const FamilyMemberView& m : view.members) {
    members.push_back(PersonSummaryJson(m.person));
    if (m.status) children.push_back(cases::ChildStatusToJson(*m.status));
    subjects.push_back(m.person.person_id);
    REUNITE_ASSIGN_OR_RETURN(auto mine, PersonTimeline(*file, m.person.person_id));
    for (TimelineEntry& e : mine) {
      if (seen.insert(e.seq).second) timeline.push_back(std::move(e));
    }
  }
  std::stable_sort(
      timeline.begin(), timeline.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        return a.occurred_at != b.occurred_at ? a.occurred_at < b.occurred_at : a.seq < b.seq;
      });
  const std::set<std::string> ids(subjects.begin(), subjects.end());
  json relationships = json::array();
  for (const CaseRelationship& r : view.relationships) {
    if (ids.contains(r.parent_id) && ids.contains(r.child_id)) {
      relationships.push_back(RelationshipJson(r));
    }
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects, "ok", "family " + family_unit));
  json out = {{"id", view.family_unit},
              {"status", view.status},
              {"apprehended_on", view.apprehended_on.empty() ? json() : json(view.apprehended_on)},
              {"members", std::move(members)},
              {"relationships", std::move(relationships)},
              {"children", json::array()},
              {"timeline", json::array()}};
  out = Redacted(policy, caller, std::move(out));
  out["children"] = Redacted(policy, caller, std::move(children));
  json events = std::move(TimelineJson(family_unit, timeline)["events"]);
  for (auto& e : events) e = Redacted(policy, caller, std::move(e));
  out["timeline"] = std::move(events);
  return out;
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
