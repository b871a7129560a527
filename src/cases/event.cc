#include "cases/event.h"

#include <algorithm>
#include <array>
#include <utility>

#include "cases/json_fields.h"

namespace reunite::cases {
namespace {

constexpr std::array<std::pair<EventType, std::string_view>, 25> kNames{{
    {EventType::kApprehended, "apprehended"},
    {EventType::kReferredForProsecution, "referred_for_prosecution"},
    {EventType::kProsecutionDecision, "prosecution_decision"},
    {EventType::kSeparationDecision, "separation_decision"},
    {EventType::kRemovalDecision, "removal_decision"},
    {EventType::kCharged, "charged"},
    {EventType::kCriminalCustody, "criminal_custody"},
    {EventType::kSentenced, "sentenced"},
    {EventType::kSeparated, "separated"},
    {EventType::kCustodyTransferred, "custody_transferred"},
    {EventType::kDetained, "detained"},
    {EventType::kReleased, "released"},
    {EventType::kRemoved, "removed"},
    {EventType::kPlacedWithSponsor, "placed_with_sponsor"},
    {EventType::kAgedOut, "aged_out"},
    {EventType::kHospitalized, "hospitalized"},
    {EventType::kLocated, "located"},
    {EventType::kContactAttempt, "contact_attempt"},
    {EventType::kPhoneContact, "phone_contact"},
    {EventType::kReunificationPreference, "reunification_preference"},
    {EventType::kEligibilityDetermined, "eligibility_determined"},
    {EventType::kParentageVerified, "parentage_verified"},
    {EventType::kReunified, "reunified"},
    {EventType::kProcessedAsAdult, "processed_as_adult"},
    {EventType::kNote, "note"},
}};

}  // namespace

std::string_view EventTypeName(EventType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return "note";
}

Result<EventType> ParseEventType(std::string_view name) {
  for (const auto& [t, n] : kNames) {
    if (n == name) return t;
  }
  return InvalidArgument("unknown event type '" + std::string(name) + "'");
}

bool Event::Involves(std::string_view person_id) const {
  return std::find(subjects.begin(), subjects.end(), person_id) != subjects.end();
}

std::string Event::PayloadString(std::string_view key) const {
  if (!payload.is_object()) return "";
  auto it = payload.find(std::string(key));
  if (it == payload.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

Result<Event> EventFromJson(const nlohmann::json& j, std::string_view path) {
  if (!j.is_object()) return InvalidArgument(std::string(path) + ": expected an object");
  Event e;
  REUNITE_ASSIGN_OR_RETURN(e.id, OptionalString(j, "id", path));
  REUNITE_ASSIGN_OR_RETURN(std::string type, RequiredString(j, "type", path));
  Result<EventType> t = ParseEventType(type);
  if (!t.ok()) return t.status().WithContext(JsonPath(path, "type"));
  e.type = *t;
  REUNITE_ASSIGN_OR_RETURN(e.occurred_at, RequiredDate(j, "occurred_at", path));
  auto subjects = j.find("subjects");
  if (subjects == j.end() || !subjects->is_array() || subjects->empty()) {
    return InvalidArgument(JsonPath(path, "subjects") + ": expected a non-empty array of ids");
  }
  for (size_t i = 0; i < subjects->size(); ++i) {
    if (!(*subjects)[i].is_string()) {
      return InvalidArgument(JsonPath(JsonPath(path, "subjects"), i) + ": expected a string");
    }
    e.subjects.push_back((*subjects)[i].get<std::string>());
  }
  REUNITE_ASSIGN_OR_RETURN(e.family_unit, OptionalString(j, "family_unit", path));
  auto cust = j.find("custodian");
  if (cust != j.end() && cust->is_object()) {
    const std::string cp = JsonPath(path, "custodian");
    REUNITE_ASSIGN_OR_RETURN(e.custodian.agency, OptionalString(*cust, "agency", cp));
    REUNITE_ASSIGN_OR_RETURN(e.custodian.facility, OptionalString(*cust, "facility", cp));
  } else {
    REUNITE_ASSIGN_OR_RETURN(e.custodian.agency, OptionalString(j, "custodian", path));
  }
  REUNITE_ASSIGN_OR_RETURN(e.reason, OptionalString(j, "reason", path));
  REUNITE_ASSIGN_OR_RETURN(e.actor, OptionalString(j, "actor", path));
  REUNITE_ASSIGN_OR_RETURN(e.authority, OptionalString(j, "authority", path));
  auto payload = j.find("payload");
  if (payload != j.end()) {
    if (!payload->is_object()) {
      return InvalidArgument(JsonPath(path, "payload") + ": expected an object");
    }
    e.payload = *payload;
  }
  return e;
}

nlohmann::json EventToJson(const Event& e) {
  nlohmann::json j = nlohmann::json::object();
  if (!e.id.empty()) j["id"] = e.id;
  j["type"] = std::string(EventTypeName(e.type));
  j["occurred_at"] = e.occurred_at.ToIso();
  j["subjects"] = e.subjects;
  if (!e.family_unit.empty()) j["family_unit"] = e.family_unit;
  if (!e.custodian.agency.empty() || !e.custodian.facility.empty()) {
    j["custodian"] = {{"agency", e.custodian.agency}, {"facility", e.custodian.facility}};
  }
  if (!e.reason.empty()) j["reason"] = e.reason;
  if (!e.actor.empty()) j["actor"] = e.actor;
  if (!e.authority.empty()) j["authority"] = e.authority;
  j["payload"] = e.payload;
  return j;
}

}  // namespace reunite::cases
