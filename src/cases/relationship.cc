#include "cases/relationship.h"

#include <array>
#include <utility>

#include "cases/json_fields.h"

namespace reunite::cases {
namespace {

template <typename E, size_t N>
Result<E> Lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s,
                 std::string_view path) {
  for (const auto& [v, name] : table) {
    if (name == s) return v;
  }
  std::string allowed;
  for (const auto& [v, name] : table) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
  return InvalidArgument(std::string(path) + ": '" + std::string(s) + "' is not one of " + allowed);
}

template <typename E, size_t N>
std::string_view Name(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [e, name] : table) {
    if (e == v) return name;
  }
  return "";
}

constexpr std::array<std::pair<RelationshipKind, std::string_view>, 3> kKinds{{
    {RelationshipKind::kParent, "parent"},
    {RelationshipKind::kLegalGuardian, "legal_guardian"},
    {RelationshipKind::kOtherRelative, "other_relative"},
}};
constexpr std::array<std::pair<RelationshipStatus, std::string_view>, 4> kStatuses{{
    {RelationshipStatus::kAsserted, "asserted"},
    {RelationshipStatus::kVerified, "verified"},
    {RelationshipStatus::kDisputed, "disputed"},
    {RelationshipStatus::kRefuted, "refuted"},
}};
constexpr std::array<std::pair<Evidence, std::string_view>, 4> kEvidence{{
    {Evidence::kClaimed, "claimed"},
    {Evidence::kAgencyRecord, "agency_record"},
    {Evidence::kDocument, "document"},
    {Evidence::kDna, "dna"},
}};

}  // namespace

std::string_view RelationshipKindName(RelationshipKind k) { return Name(kKinds, k); }
std::string_view RelationshipStatusName(RelationshipStatus s) { return Name(kStatuses, s); }
std::string_view EvidenceName(Evidence e) { return Name(kEvidence, e); }

Result<Relationship> RelationshipFromJson(const nlohmann::json& j, std::string_view path) {
  if (!j.is_object()) return InvalidArgument(std::string(path) + ": expected an object");
  Relationship r;
  REUNITE_ASSIGN_OR_RETURN(r.parent_id, RequiredString(j, "parent", path));
  REUNITE_ASSIGN_OR_RETURN(r.child_id, RequiredString(j, "child", path));
  REUNITE_ASSIGN_OR_RETURN(std::string status, RequiredString(j, "status", path));
  REUNITE_ASSIGN_OR_RETURN(r.status, Lookup(kStatuses, status, JsonPath(path, "status")));
  REUNITE_ASSIGN_OR_RETURN(std::string kind, OptionalString(j, "kind", path));
  if (!kind.empty()) {
    REUNITE_ASSIGN_OR_RETURN(r.kind, Lookup(kKinds, kind, JsonPath(path, "kind")));
  }
  REUNITE_ASSIGN_OR_RETURN(std::string evidence, OptionalString(j, "evidence", path));
  if (!evidence.empty()) {
    REUNITE_ASSIGN_OR_RETURN(r.evidence, Lookup(kEvidence, evidence, JsonPath(path, "evidence")));
  }
  REUNITE_ASSIGN_OR_RETURN(r.source, OptionalString(j, "source", path));
  REUNITE_ASSIGN_OR_RETURN(r.status_since, OptionalDate(j, "status_since", path));
  return r;
}

}  // namespace reunite::cases
