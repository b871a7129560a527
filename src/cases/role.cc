#include "cases/role.h"

#include <array>
#include <string>
#include <utility>

namespace reunite::cases {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles{{
    {Role::kAdmin, "admin"},
    {Role::kCaseworker, "caseworker"},
    {Role::kReviewer, "reviewer"},
    {Role::kMonitor, "monitor"},
    {Role::kCounsel, "counsel"},
    {Role::kAuditor, "auditor"},
}};
}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "";
}

Result<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoles) {
    if (n == name) return r;
  }
  return InvalidArgument("unknown role '" + std::string(name) +
                         "' (admin, caseworker, reviewer, monitor, counsel, auditor)");
}

bool MayAct(Role role) { return role == Role::kAdmin || role == Role::kCaseworker; }
bool MayOverride(Role role) { return role == Role::kAdmin; }

}  // namespace reunite::cases
