#include "cases/event.h"

#include <gtest/gtest.h>

namespace reunite::cases {
namespace {

TEST(EventTypeTest, NamesRoundTripForTheSimulatorVocabulary) {
  for (const char* name : {"apprehended",
                           "referred_for_prosecution",
                           "prosecution_decision",
                           "separation_decision",
                           "removal_decision",
                           "charged",
                           "sentenced",
                           "separated",
                           "custody_transferred",
                           "detained",
                           "released",
                           "removed",
                           "placed_with_sponsor",
                           "aged_out",
                           "hospitalized",
                           "located",
                           "contact_attempt",
                           "phone_contact",
                           "reunification_preference",
                           "eligibility_determined",
                           "parentage_verified",
                           "reunified",
                           "processed_as_adult",
                           "criminal_custody"}) {
    Result<EventType> t = ParseEventType(name);
    ASSERT_TRUE(t.ok()) << name;
    EXPECT_EQ(EventTypeName(*t), name);
  }
  Result<EventType> bad = ParseEventType("teleported");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("teleported"), std::string::npos);
}

TEST(EventJsonTest, ParsesAndWritesBack) {
  nlohmann::json j = nlohmann::json::parse(R"({
    "id": "e7", "type": "removed", "occurred_at": "2018-07-20", "subjects": ["p1"],
    "custodian": {"agency": "immigration", "facility": "Honduras"},
    "reason": "final order", "actor": "ERO", "authority": "DIR-1",
    "payload": {"country": "HN"}})");
  Result<Event> e = EventFromJson(j, "x.json: $.events[0]");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->type, EventType::kRemoved);
  EXPECT_EQ(e->occurred_at, (Date{2018, 7, 20}));
  EXPECT_TRUE(e->Involves("p1"));
  EXPECT_FALSE(e->Involves("c1"));
  EXPECT_EQ(e->custodian.facility, "Honduras");
  EXPECT_EQ(e->PayloadString("country"), "HN");
  EXPECT_EQ(e->PayloadString("missing"), "");
  Result<Event> again = EventFromJson(EventToJson(*e), "round trip");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(EventToJson(*again), EventToJson(*e));
}

TEST(EventJsonTest, ErrorsNameTheJsonPath) {
  nlohmann::json j = nlohmann::json::parse(
      R"({"type": "removed", "occurred_at": "20/07/2018", "subjects": ["p1"]})");
  Result<Event> e = EventFromJson(j, "x.json: $.events[3]");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(e.status().message().find("x.json: $.events[3].occurred_at"), std::string::npos)
      << e.status().message();

  j = nlohmann::json::parse(R"({"type": "removed", "occurred_at": "2018-07-20", "subjects": []})");
  e = EventFromJson(j, "$.events[0]");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("$.events[0].subjects"), std::string::npos);
}

}  // namespace
}  // namespace reunite::cases
