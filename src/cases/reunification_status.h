// The derived reunification status of a separated child (never typed in) and
// the finding that explains it: which rule matched, why, and which event set it.
#ifndef REUNITE_CASES_REUNIFICATION_STATUS_H_
#define REUNITE_CASES_REUNIFICATION_STATUS_H_

#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "reunite/status.h"

namespace reunite::cases {

enum class ReunificationStatus {
  kNotSeparated,           // no separation on record as of the date
  kReunified,              // reason: in_country | abroad
  kDischargedOther,        // reason: sponsor | aged_out
  kSeparationUnderReview,  // reason: no_child_separation_record | relationship_disputed
  kIneligible,             // reason: safety, not_the_parent, ...; decided_by
  kParentDeclined,         // reason: waive | decline
  kParentRemoved,          // reason: country
  kParentInCriminalCustody,
  kParentInImmigrationCustody,
  kParentReleased,         // reason: place (e.g. interior)
  kParentLocationUnknown,  // reason: no_parent_identified | no_parent_custody_record
};

// Stable snake_case names ("parent_removed") used in golden files and reports.
std::string_view ReunificationStatusName(ReunificationStatus s);
Result<ReunificationStatus> ParseReunificationStatus(std::string_view name);

struct StatusFinding {
  ReunificationStatus status = ReunificationStatus::kNotSeparated;
  std::string reason;        // status-specific reason code, may be empty
  std::string decided_by;    // for ineligible: who decided; else empty
  std::string set_by_event;  // id of the event that set the status ("" if none)
  std::optional<Date> set_on;
  std::string rule;  // id of the rule that matched (status_rules.h)
};

}  // namespace reunite::cases

#endif  // REUNITE_CASES_REUNIFICATION_STATUS_H_
