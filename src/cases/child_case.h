// ChildCase: the projection of one separated child's history as of a date —
// the child's and their parents' events folded in time order into the facts
// the status rules and clocks read. A pure function of its inputs, so any past
// state is reproducible by choosing an earlier `as_of`.
//
// Inputs are borrowed for the call only; the ChildCase holds copies.
#ifndef REUNITE_CASES_CHILD_CASE_H_
#define REUNITE_CASES_CHILD_CASE_H_

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cases/event.h"
#include "cases/relationship.h"
#include "common/date.h"
#include "reunite/status.h"

namespace reunite::cases {

// Everything a child's status depends on (besides the orders).
struct CaseInput {
  std::string child_id;
  std::optional<Date> child_birth_date;  // unknown: the youngest cohort's clocks apply
  std::span<const Event> events;         // any events; those not about the child or
                                         // their related adults are ignored
  std::span<const Relationship> relationships;
  Date as_of;  // events after this date are ignored
};

enum class ParentLocation {
  kUnknown,
  kImmigrationCustody,
  kCriminalCustody,
  kReleasedInterior,
  kRemoved,
};
std::string_view ParentLocationName(ParentLocation l);

struct ChildCase {
  std::string child_id;
  std::optional<Date> birth_date;
  Date as_of;

  // The child's first `separated` event on or before as_of.
  std::optional<Event> separation;
  // The adult the child was separated from: a non-refuted relationship's
  // parent, preferring one named in the separation event, then one with their
  // own `separated` event, then a verified one. Empty when none.
  std::string parent_id;
  std::optional<Relationship> relationship;  // to parent_id, status as of as_of
  // The parent's own `separated` event (used when the child's record lacks one).
  std::optional<Event> parent_separation;
  // Every relationship of the child is refuted (and there is at least one).
  bool all_relationships_refuted = false;
  std::optional<Relationship> refuted_relationship;  // the first refuted one, for the decider

  ParentLocation parent_location = ParentLocation::kUnknown;
  std::optional<Event> parent_location_event;  // the event that set parent_location
  std::optional<Date> parent_removed_on;

  std::optional<Event> reunified;     // the child's first `reunified` event after separation
  std::optional<Event> discharged;    // latest placed_with_sponsor / aged_out of the child
  std::optional<Event> eligibility;   // latest eligibility_determined of the child
  std::optional<Event> preference;    // latest reunification_preference of the parent
  std::vector<Event> phone_contacts;  // phone_contact of child or parent, on/after separation
};

// Folds the input. kInvalidArgument if child_id is empty or as_of invalid.
Result<ChildCase> BuildChildCase(const CaseInput& input);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_CHILD_CASE_H_
