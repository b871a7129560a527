// Test-only helpers that build small event histories (used by *_test.cc).
#ifndef REUNITE_CASES_TEST_HISTORIES_H_
#define REUNITE_CASES_TEST_HISTORIES_H_

#include <string>
#include <vector>

#include "cases/event.h"
#include "cases/relationship.h"

namespace reunite::cases::testing {

inline Date D(const char* iso) { return Date::ParseIso(iso).value(); }

inline Event E(std::string id, EventType type, const char* on, std::vector<std::string> subjects,
               std::string agency = "", std::string facility = "", std::string reason = "") {
  Event e;
  e.id = std::move(id);
  e.type = type;
  e.occurred_at = D(on);
  e.subjects = std::move(subjects);
  e.custodian = {std::move(agency), std::move(facility)};
  e.reason = std::move(reason);
  return e;
}

inline Relationship R(std::string parent, std::string child,
                      RelationshipStatus status = RelationshipStatus::kAsserted) {
  Relationship r;
  r.parent_id = std::move(parent);
  r.child_id = std::move(child);
  r.status = status;
  r.source = "test";
  return r;
}

}  // namespace reunite::cases::testing

#endif  // REUNITE_CASES_TEST_HISTORIES_H_
