// Roles of the people who use reunite. Only admins and caseworkers record
// actions; only admins may override a rule (with a reason). The others read:
// reviewers check decisions, monitors (the court's) and counsel follow cases,
// auditors read the log.
#ifndef REUNITE_CASES_ROLE_H_
#define REUNITE_CASES_ROLE_H_

#include <string_view>

#include "reunite/status.h"

namespace reunite::cases {

enum class Role { kAdmin, kCaseworker, kReviewer, kMonitor, kCounsel, kAuditor };

std::string_view RoleName(Role role);  // "admin", "caseworker", ...
Result<Role> ParseRole(std::string_view name);

// May record caseworker actions (commands.h).
bool MayAct(Role role);
// May override a command's overridable rule.
bool MayOverride(Role role);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_ROLE_H_
