#include "cases/reunification_status.h"

#include <array>
#include <utility>

namespace reunite::cases {
namespace {
constexpr std::array<std::pair<ReunificationStatus, std::string_view>, 11> kNames{{
    {ReunificationStatus::kNotSeparated, "not_separated"},
    {ReunificationStatus::kReunified, "reunified"},
    {ReunificationStatus::kDischargedOther, "discharged_other"},
    {ReunificationStatus::kSeparationUnderReview, "possible_separation_under_review"},
    {ReunificationStatus::kIneligible, "ineligible"},
    {ReunificationStatus::kParentDeclined, "parent_declined"},
    {ReunificationStatus::kParentRemoved, "parent_removed"},
    {ReunificationStatus::kParentInCriminalCustody, "parent_in_criminal_custody"},
    {ReunificationStatus::kParentInImmigrationCustody, "parent_in_immigration_custody"},
    {ReunificationStatus::kParentReleased, "parent_released"},
    {ReunificationStatus::kParentLocationUnknown, "parent_location_unknown"},
}};
}  // namespace

std::string_view ReunificationStatusName(ReunificationStatus s) {
  for (const auto& [v, name] : kNames) {
    if (v == s) return name;
  }
  return "";
}

Result<ReunificationStatus> ParseReunificationStatus(std::string_view name) {
  for (const auto& [v, n] : kNames) {
    if (n == name) return v;
  }
  return InvalidArgument("unknown reunification status '" + std::string(name) + "'");
}

}  // namespace reunite::cases
