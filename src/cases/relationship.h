// Parent/guardian <-> child relationship with its evidence and status, as the
// linkage and caseworkers establish it. Status decides whether reunification
// with that adult is allowed (refuted: never without an override).
#ifndef REUNITE_CASES_RELATIONSHIP_H_
#define REUNITE_CASES_RELATIONSHIP_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "reunite/status.h"

namespace reunite::cases {

enum class RelationshipKind { kParent, kLegalGuardian, kOtherRelative };
enum class RelationshipStatus { kAsserted, kVerified, kDisputed, kRefuted };
enum class Evidence { kClaimed, kAgencyRecord, kDocument, kDna };

std::string_view RelationshipKindName(RelationshipKind k);      // parent | legal_guardian | ...
std::string_view RelationshipStatusName(RelationshipStatus s);  // asserted | verified | ...
std::string_view EvidenceName(Evidence e);                      // claimed | agency_record | ...

struct Relationship {
  std::string parent_id;  // the adult
  std::string child_id;
  RelationshipKind kind = RelationshipKind::kParent;
  RelationshipStatus status = RelationshipStatus::kAsserted;
  Evidence evidence = Evidence::kClaimed;
  std::string source;  // who established the status (record, caseworker, lab)
  // The date the status was established; before it the relationship reads as
  // asserted (so past as-of dates are not rewritten). Unset: always.
  std::optional<Date> status_since;
};

// {"parent","child","kind","status","evidence","source","status_since"}; kind,
// evidence, source and status_since are optional. kInvalidArgument naming `path` on a bad field.
Result<Relationship> RelationshipFromJson(const nlohmann::json& j, std::string_view path);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_RELATIONSHIP_H_
