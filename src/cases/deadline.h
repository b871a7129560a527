// Deadline: the clocks of one court order applied to one child.
//
// Class: the child's separation was made by the order's agency
// (Event::custodian.agency == OrderClass::separated_by_agency) for a reason
// not in excluded_separation_reasons, and the order is in effect on as_of.
// Children outside the class (or under review) get no clocks.
//
// Age basis: the child's whole-year age on the later of the order's effective
// date and the separation date (the synth order's "age_basis"). A clock
// applies when child_age_min <= age <= child_age_max. When the birth date is
// unknown the child is treated as age 0 (the youngest cohort's, i.e. the
// strictest, clocks) and `age_known` is false.
//
// Clock start: the same later date; due = start + days. Met by the first
// qualifying event on or before as_of (reunify: the child's `reunified`;
// phone_contact: a `phone_contact` of the child or the separated parent, or
// the reunification if earlier).
#ifndef REUNITE_CASES_DEADLINE_H_
#define REUNITE_CASES_DEADLINE_H_

#include <optional>
#include <string>
#include <vector>

#include "cases/child_case.h"
#include "cases/court_order.h"
#include "cases/reunification_status.h"

namespace reunite::cases {

enum class ClockState {
  kPending,      // not met, due date not passed: days_remaining >= 0
  kOverdue,      // not met, due date passed: days_overdue > 0
  kMet,          // met on or before the due date
  kMetLate,      // met after the due date: days_late > 0
  kNotRequired,  // the status (discharged, ineligible, declined) stops a reunify clock
};
std::string_view ClockStateName(ClockState s);  // pending | overdue | met | met_late | not_required

struct ClockResult {
  std::string clock_id;
  ClockAction action = ClockAction::kReunify;
  Date due_date;
  ClockState state = ClockState::kPending;
  std::optional<Date> met_on;
  std::string met_by_event;  // id of the meeting event
  int days_remaining = 0;    // kPending only
  int days_overdue = 0;      // kOverdue only
  int days_late = 0;         // kMetLate only
};

struct OrderEvaluation {
  std::string order_id;
  bool in_class = false;
  std::string exclusion;            // why not in class ("" when in class)
  std::optional<int> age_on_basis;  // nullopt when the birth date is unknown
  std::vector<ClockResult> clocks;  // empty when not in class
};

// Pure; `finding` is the child's derived status (it can stop reunify clocks).
OrderEvaluation EvaluateOrder(const CourtOrder& order, const ChildCase& child_case,
                              const StatusFinding& finding);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_DEADLINE_H_
