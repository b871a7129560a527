#include "cases/court_order.h"

#include <gtest/gtest.h>

#include <string>

namespace reunite::cases {
namespace {

std::string Source() { return REUNITE_SOURCE_DIR; }

TEST(CourtOrderTest, LoadsTheShippedOrderInTheSynthShape) {
  Result<CourtOrder> o = LoadCourtOrder(Source() + "/orders/ms_l_2018.json");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->order_id, "ORDER-2018-06-26");
  EXPECT_EQ(o->effective_date, (Date{2018, 6, 26}));
  EXPECT_EQ(o->class_def.separated_by_agency, "border");
  ASSERT_EQ(o->class_def.excluded_separation_reasons.size(), 2u);
  ASSERT_EQ(o->clocks.size(), 3u);
  EXPECT_EQ(o->clocks[0].days, 14);
  EXPECT_EQ(o->clocks[0].child_age_max, 4);
  EXPECT_EQ(o->clocks[1].days, 30);
  EXPECT_EQ(o->clocks[2].action, ClockAction::kPhoneContact);
}

TEST(CourtOrderTest, LoadsEveryOrderInTheFolder) {
  Result<std::vector<CourtOrder>> all = LoadCourtOrders(Source() + "/orders");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_GE(all->size(), 1u);
}

nlohmann::json Minimal() {
  return nlohmann::json::parse(R"({
    "order_id": "O1", "effective_date": "2018-06-26",
    "class": {"separated_by": "border agency"},
    "clocks": [{"id": "r", "action": "reunify", "child_age_min": 0, "child_age_max": 17,
                "days": 30, "deadline": "2018-07-26"}]})");
}

TEST(CourtOrderTest, ErrorsNameFileAndJsonPath) {
  ASSERT_TRUE(CourtOrderFromJson(Minimal(), "o.json").ok());

  nlohmann::json j = Minimal();
  j["clocks"][0]["days"] = "thirty";
  Result<CourtOrder> o = CourtOrderFromJson(j, "orders/o.json");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().message(), "orders/o.json: $.clocks[0].days: expected an integer");

  j = Minimal();
  j["clocks"][0]["deadline"] = "2018-07-27";
  o = CourtOrderFromJson(j, "o.json");
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("$.clocks[0].deadline"), std::string::npos);

  j = Minimal();
  j["clocks"].push_back(j["clocks"][0]);
  o = CourtOrderFromJson(j, "o.json");
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("duplicate clock id"), std::string::npos);

  // 2^32 + 14 must not read as 14 days (it was truncated to int).
  for (nlohmann::json days : {nlohmann::json(4294967310u), nlohmann::json(-4294967282),
                              nlohmann::json(18446744073709551614u)}) {
    j = Minimal();
    j["clocks"][0]["days"] = days;
    o = CourtOrderFromJson(j, "o.json");
    ASSERT_FALSE(o.ok()) << days;
    EXPECT_EQ(o.status().message(), "o.json: $.clocks[0].days: integer out of range");
  }

  j = Minimal();
  j["clocks"][0]["action"] = "apologise";
  o = CourtOrderFromJson(j, "o.json");
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("$.clocks[0].action"), std::string::npos);

  j = Minimal();
  j.erase("effective_date");
  o = CourtOrderFromJson(j, "o.json");
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("$.effective_date: missing"), std::string::npos);
}

TEST(CourtOrderTest, MissingFileAndBadJson) {
  Result<CourtOrder> o = LoadCourtOrder(Source() + "/orders/does_not_exist.json");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(o.status().message().find("does_not_exist.json"), std::string::npos);
}

TEST(CourtOrderTest, ParsesTextAndNamesTheSourceOfBadJson) {
  Result<CourtOrder> bad = ParseCourtOrder("{\"order_id\": ", "pasted.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(bad.status().message(), "pasted.json: not valid JSON");
  Result<CourtOrder> no_clocks = ParseCourtOrder(
      R"({"order_id": "O", "effective_date": "2018-06-26", "class": {}, "clocks": []})",
      "pasted.json");
  ASSERT_FALSE(no_clocks.ok());
  EXPECT_NE(no_clocks.status().message().find("pasted.json: $.clocks"), std::string::npos);
}

}  // namespace
}  // namespace reunite::cases
