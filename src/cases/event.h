// The domain event of the reunification case: one fact about one or more
// persons on one civil date (custody change, decision, caseworker action).
// This is the typed counterpart of storage::Event; the service layer converts
// between them (type names and JSON shapes below are the storage strings).
//
// Events are plain values; thread-compatible.
#ifndef REUNITE_CASES_EVENT_H_
#define REUNITE_CASES_EVENT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "reunite/status.h"

namespace reunite::cases {

// The event vocabulary (names match src/synth/custody_simulation.cc).
// Decision events (prosecution_decision, separation_decision,
// removal_decision) are the accountability record of a decision: subject =
// the adult decided about, actor = the decider, authority = the directive
// cited, custodian.facility = the office or district, and
// payload.affected_children = the person ids of the children the record named
// at decision time (absent or empty when it named none). They do not change
// custody: a child's separation is its own `separated` event.
enum class EventType {
  kApprehended,
  kReferredForProsecution,
  kProsecutionDecision,  // payload: outcome (accepted | declined), affected_children
  kSeparationDecision,   // payload: outcome, affected_children (see below)
  kRemovalDecision,      // payload: outcome (expedited_removal | removal_order), affected_children
  kCharged,
  kCriminalCustody,
  kSentenced,
  kSeparated,
  kCustodyTransferred,
  kDetained,
  kReleased,
  kRemoved,
  kPlacedWithSponsor,
  kAgedOut,
  kHospitalized,
  kLocated,
  kContactAttempt,
  kPhoneContact,
  kReunificationPreference,
  kEligibilityDetermined,
  kParentageVerified,
  kReunified,
  kProcessedAsAdult,
  kNote,
};

// "apprehended", "referred_for_prosecution", ...
std::string_view EventTypeName(EventType type);
// kInvalidArgument naming the unknown string.
Result<EventType> ParseEventType(std::string_view name);

// Who held the person when the event happened, e.g. {"immigration", "Port Isabel"}.
struct Custodian {
  std::string agency;    // border | immigration | prosecution | marshals | shelter | ngo | ...
  std::string facility;  // facility, district, place or country; may be empty
  friend bool operator==(const Custodian&, const Custodian&) = default;
};

struct Event {
  std::string id;  // stable id (storage seq as text); empty for a draft not yet stored
  EventType type = EventType::kNote;
  Date occurred_at;
  std::vector<std::string> subjects;  // person ids the event is about
  std::string family_unit;
  Custodian custodian;
  std::string reason;     // coded reason (e.g. separation reason), may be empty
  std::string actor;      // who recorded or decided it
  std::string authority;  // directive or court-order id, may be empty
  nlohmann::json payload = nlohmann::json::object();  // type-specific fields

  bool Involves(std::string_view person_id) const;
  // payload[key] as a string, or "" when absent or not a string.
  std::string PayloadString(std::string_view key) const;
};

// Parses the JSON shape written by EventToJson. Errors are kInvalidArgument
// naming `path` (e.g. "tests/golden/status/x.json: $.events[3].occurred_at").
Result<Event> EventFromJson(const nlohmann::json& j, std::string_view path);
nlohmann::json EventToJson(const Event& e);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_EVENT_H_
