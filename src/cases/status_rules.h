// StatusRules: the ordered table that derives a child's reunification status
// from their ChildCase. The first rule whose condition holds decides; each
// rule documents why it sits where it does (docs/reunification.md carries the
// same table for readers). Pure functions; thread-safe.
#ifndef REUNITE_CASES_STATUS_RULES_H_
#define REUNITE_CASES_STATUS_RULES_H_

#include <functional>
#include <optional>
#include <span>
#include <string_view>

#include "cases/child_case.h"
#include "cases/reunification_status.h"

namespace reunite::cases {

struct StatusRule {
  std::string_view id;         // e.g. "reunified"
  std::string_view rationale;  // why the rule exists and why at this precedence
  // The finding when the rule applies (status, reason, set_by_event), else nullopt.
  std::function<std::optional<StatusFinding>(const ChildCase&)> apply;
};

// The rules in precedence order. The last rule always applies.
std::span<const StatusRule> StatusRules();

// Runs the table; always returns a finding (with `rule` filled in).
StatusFinding DeriveStatus(const ChildCase& child_case);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_STATUS_RULES_H_
