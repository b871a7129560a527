// ChildStatus: the full answer for one child as of a date — the derived
// status (status_rules.h), each order's clocks (deadline.h) and the binding
// reunification deadline. A pure function of (events, relationships, orders,
// as_of): the same inputs always give the same answer.
#ifndef REUNITE_CASES_CHILD_STATUS_H_
#define REUNITE_CASES_CHILD_STATUS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cases/child_case.h"
#include "cases/court_order.h"
#include "cases/deadline.h"
#include "cases/reunification_status.h"

namespace reunite::cases {

struct ChildStatus {
  std::string child_id;
  Date as_of;
  std::string parent_id;
  StatusFinding finding;
  std::vector<OrderEvaluation> orders;  // one per order, input order
  // The binding reunification deadline: of the in-class reunify clocks, the
  // earliest pending/overdue one; if none is open, the earliest of them all.
  // Unset when no order's reunify clock applies.
  std::optional<Date> due_date;
  std::string due_order_id;
  std::optional<int> days_remaining;  // set when the binding clock is pending
  std::optional<int> days_overdue;    // set when it is overdue
};

// kInvalidArgument for a bad input (see BuildChildCase).
Result<ChildStatus> EvaluateChild(const CaseInput& input, std::span<const CourtOrder> orders);
// The same for a case already folded by BuildChildCase, for callers that also
// read the ChildCase (reports) or evaluate one case against several order sets.
ChildStatus EvaluateChildCase(const ChildCase& child_case, std::span<const CourtOrder> orders);

// {"child","as_of","status","reason","decided_by","set_by_event","rule","due_date",
//  "days_remaining","days_overdue","orders":[{"order","in_class","exclusion","clocks":[...]}]}
nlohmann::json ChildStatusToJson(const ChildStatus& s);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_CHILD_STATUS_H_
