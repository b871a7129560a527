// The API's case-file reads and the caseworker actions (GET /persons?q=,
// /persons/{id}, /persons/{id}/timeline, GET /families, /families/{id},
// GET /dashboard, POST
// /families/{id}/children/{child_id}/actions) over the shared CaseFileCache
// (case_file.h) and the case-file queries (case_queries.h) and CaseActions
// (case_actions.h). Every reply is passed through AccessPolicy::Redact for
// the caller's role; every read naming persons is in the audit log before the
// data is returned (the dashboard's counts and overdue list name children and
// are audited too); an action's events and audit entry commit together
// (CaseActions).
//
// Errors: the store's kFailedPrecondition while it holds no resolved persons;
// kNotFound for an unknown family unit or child, or a child that is not a
// member of the family unit; the command's errors for an invalid action
// (cases/commands.h; nothing is appended). Thread-safety: as the Connection;
// the cache and CaseActions are shared.
#ifndef REUNITE_SERVICE_FAMILY_SERVICE_H_
#define REUNITE_SERVICE_FAMILY_SERVICE_H_

#include <nlohmann/json.hpp>
#include <string>

#include "common/date.h"
#include "service/access_policy.h"
#include "service/caller.h"
#include "service/case_actions.h"
#include "service/case_file.h"
#include "service/case_queries.h"

namespace reunite::service {

// GET /persons?q=: SearchPersons over the cached case file and its name
// index (SearchJson, PersonPage), only `kind` ("child" | "adult" | "": both);
// the persons found are audited. kInvalidArgument for an empty or long query
// or a bad kind.
Result<nlohmann::json> SearchPersonsFor(storage::Connection& db, CaseFileCache& cache,
                                        PersonNameIndexCache& names, const AccessPolicy& policy,
                                        const Caller& caller, const std::string& query,
                                        const std::string& kind, size_t limit, Date as_of);
// GET /persons/{id}: PersonViewJson with each record as stored (redacted);
// audited. kNotFound for an unknown person.
Result<nlohmann::json> ReadPersonFor(storage::Connection& db, CaseFileCache& cache,
                                     const AccessPolicy& policy, const Caller& caller,
                                     const std::string& person_id, Date as_of);
// GET /persons/{id}/timeline: TimelineJson (redacted); audited.
Result<nlohmann::json> PersonTimelineFor(storage::Connection& db, CaseFileCache& cache,
                                         const AccessPolicy& policy, const Caller& caller,
                                         const std::string& person_id);

// FamilyListJson of the matching families.
// The children's statuses come from `statuses` (shared with the dashboard).
Result<nlohmann::json> ListFamiliesFor(storage::Connection& db, CaseFileCache& cache,
                                       ChildStatusCache& statuses, const AccessPolicy& policy,
                                       const Caller& caller, const FamilyListOptions& options);
// DashboardJson as of `as_of`, the children's statuses from `statuses`.
Result<nlohmann::json> DashboardFor(storage::Connection& db, CaseFileCache& cache,
                                    ChildStatusCache& statuses, const AccessPolicy& policy,
                                    const Caller& caller, Date as_of);
// GET /families/{id}: the family unit from the case file — "members"
// (PersonSummaryJson, with each child's status), "relationships" between two
// members (RelationshipJson), "children" (ChildStatusToJson of each member
// with a derived status) and "timeline" (every event naming a member,
// TimelineJson's events, each once, in time order). Redacted; the members'
// read is audited. kNotFound for an unknown family unit.
Result<nlohmann::json> ReadFamilyFor(storage::Connection& db, CaseFileCache& cache,
                                     const AccessPolicy& policy, const Caller& caller,
                                     const std::string& family_unit, Date as_of);
// Applies `body` (CaseActionFromJson) to `child_id`, who must be a member of
// `family_unit`; ActionOutcomeJson, redacted.
Result<nlohmann::json> ActOnChild(storage::Connection& db, CaseFileCache& cache,
                                  CaseActions& actions, const AccessPolicy& policy,
                                  const Caller& caller, const std::string& family_unit,
                                  const std::string& child_id, const nlohmann::json& body,
                                  Date today);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_FAMILY_SERVICE_H_
