// Caseworker commands: each validates a requested action against the child's
// current state (derived as of `CommandContext::today`) and returns the domain
// events that record it. Nothing is stored here; the service layer appends the
// events to the log. An invalid action returns an error and no events.
//
// Errors (every message says what is wrong and, when overridable, how):
//   kPermissionDenied   the role may not act (only admin, caseworker), or a
//                       non-admin asked to override
//   kInvalidArgument    a malformed field (unknown channel, method, wish, empty
//                       reason) or a date in the future / before the separation;
//                       never overridable
//   kFailedPrecondition the action is valid but not in the current state. Rules
//                       marked (overridable) pass when an admin supplies
//                       override_reason; the events then carry
//                       payload.override = {"reason", "rules": [ids]}.
//
// Pure functions; thread-safe.
#ifndef REUNITE_CASES_COMMANDS_H_
#define REUNITE_CASES_COMMANDS_H_

#include <string>
#include <vector>

#include "cases/child_case.h"
#include "cases/event.h"
#include "cases/role.h"

namespace reunite::cases {

struct CommandContext {
  std::string actor_id;  // recorded as Event::actor
  Role role = Role::kCaseworker;
  Date today;                   // dates after today are in the future
  std::string override_reason;  // non-empty: override overridable rules (admin only)
};

// The child's current history (CaseInput::as_of is ignored; today is used).
using CaseState = CaseInput;

struct ContactAttempt {
  std::string parent_id;
  Date on;
  std::string channel;  // phone | whatsapp | video | in_person | letter | email
  std::string outcome;  // free text; "reached" by phone/whatsapp/video also records a phone_contact
  std::string authority;
};

struct PreferenceStatement {
  std::string parent_id;
  Date on;
  std::string wish;  // reunify | waive | decline | undecided
  std::string authority;
};

struct EligibilityDecision {
  Date on;
  bool eligible = true;
  std::string reason;  // required when ineligible: safety, not_the_parent, ...
  std::string authority;
};

struct ParentageVerification {
  std::string parent_id;
  Date on;
  std::string method;  // documents | dna
};

struct Reunification {
  std::string parent_id;
  Date on;
  std::string where;  // in_country | abroad
  std::string authority;
};

// Rules: the parent has a relationship to the child; the child is separated.
Result<std::vector<Event>> RecordContactAttempt(const CaseState& state, const CommandContext& ctx,
                                                const ContactAttempt& cmd);
// Rules: child not already reunified; relationship not refuted (overridable);
// a waive/decline needs a prior reached contact with the parent (overridable).
Result<std::vector<Event>> RecordPreference(const CaseState& state, const CommandContext& ctx,
                                            const PreferenceStatement& cmd);
// Rules: child not already reunified; an ineligible decision needs a reason.
Result<std::vector<Event>> RecordEligibility(const CaseState& state, const CommandContext& ctx,
                                             const EligibilityDecision& cmd);
// Rules: relationship exists; not refuted (overridable).
Result<std::vector<Event>> RecordParentageVerification(const CaseState& state,
                                                       const CommandContext& ctx,
                                                       const ParentageVerification& cmd);
// Rules: child not already reunified (never overridable); relationship not
// refuted and not disputed, child not ineligible, parent has not declined
// (each overridable).
Result<std::vector<Event>> RecordReunification(const CaseState& state, const CommandContext& ctx,
                                               const Reunification& cmd);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_COMMANDS_H_
