// CaseActions: caseworker actions on a separated child as a use case over the
// store. Apply() runs, in ONE write transaction:
//   1. takes the event log's chain-head lock (SQLite: BEGIN IMMEDIATE;
//      PostgreSQL: SELECT … FOR UPDATE on chain_head), so the state read next
//      cannot change before the append — two servers can never both reunify
//      a child;
//   2. reads the child's current CaseState from the store under that lock
//      (the case file, reloaded if the log grew: case_file.h);
//   3. validates the command (cases/commands.h: role, dates, state; overrides
//      need a reason and a role that may override);
//   4. appends the produced events (subjects = person ids) and an audit entry
//      for the caller, then commits.
// An invalid action returns the command's error and changes nothing (no
// event, no audit entry from here; the HTTP dispatcher audits refusals).
// After the commit the case file is refreshed and the child's new status
// returned.
//
// Thread-safety: one CaseActions may be shared by threads, each passing its
// own Connection (the CaseFileCache is thread-safe).
#ifndef REUNITE_SERVICE_CASE_ACTIONS_H_
#define REUNITE_SERVICE_CASE_ACTIONS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "cases/child_status.h"
#include "cases/commands.h"
#include "service/caller.h"
#include "service/case_file.h"
#include "storage/event_log.h"

namespace reunite::service {

struct CaseAction {
  std::variant<cases::ContactAttempt, cases::PreferenceStatement, cases::EligibilityDecision,
               cases::ParentageVerification, cases::Reunification>
      command;
  std::string override_reason;  // non-empty: override the overridable rules (admin only)
};

// The kind names: contact_attempt | preference | eligibility | parentage_verification |
// reunification.
std::string_view CaseActionKind(const CaseAction& action);

// Decodes a request body:
//   {"kind": "contact_attempt", "parent_id", "on": "YYYY-MM-DD", "channel", "outcome",
//    "authority"?, "override_reason"?}
//   {"kind": "preference", "parent_id", "on", "wish", "authority"?}
//   {"kind": "eligibility", "on", "eligible": bool, "reason"?, "authority"?}
//   {"kind": "parentage_verification", "parent_id", "on", "method"}
//   {"kind": "reunification", "parent_id", "on", "where", "authority"?}
// kInvalidArgument naming `where` and the field for a missing or mistyped one.
Result<CaseAction> CaseActionFromJson(const nlohmann::json& body, std::string_view where);

struct ActionOutcome {
  std::vector<storage::Event> events;  // as stored
  cases::ChildStatus status;           // the child's status after the action, as of today
};
// {"events": [{"seq","type","occurred_at","subjects"}], "status": ChildStatusToJson}
nlohmann::json ActionOutcomeJson(const ActionOutcome& outcome);

class CaseActions {
 public:
  // `cache` must outlive this object; it is refreshed after each action.
  explicit CaseActions(CaseFileCache& cache) : cache_(cache) {}

  // Applies `action` to child `child_id` as `caller` on `today` (dates after
  // it are in the future). The caller's role must be set (kPermissionDenied
  // otherwise). kNotFound when the child is not a resolved person; the
  // command's errors otherwise (cases/commands.h).
  Result<ActionOutcome> Apply(storage::Connection& db, const Caller& caller,
                              const std::string& child_id, const CaseAction& action, Date today);

 private:
  CaseFileCache& cache_;
};

// The child's current history from a case file: the events of the child
// and of every adult related to it, and the child's relationships.
struct ChildState {
  std::vector<cases::Event> events;
  std::vector<cases::Relationship> relationships;
  std::optional<Date> birth_date;
  cases::CaseState View(const std::string& child_id, Date as_of) const;
};
Result<ChildState> ChildStateOf(const CaseFile& file, const std::string& child_id);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_CASE_ACTIONS_H_
