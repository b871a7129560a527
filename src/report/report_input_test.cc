#include "report/report_input.h"

#include <gtest/gtest.h>

namespace reunite::report {
namespace {

nlohmann::json Minimal() {
  return nlohmann::json::parse(R"({
    "persons": [{"id": "p1", "child": false}, {"id": "c1", "birth_date": "2015-01-01", "child": true}],
    "events": [{"id": "e1", "type": "separated", "occurred_at": "2018-05-01", "subjects": ["p1", "c1"]},
               {"id": "d1", "type": "separation_decision", "occurred_at": "2018-05-01",
                "subjects": ["p1"], "payload": {"affected_children": ["c1"]}}],
    "relationships": [{"parent": "p1", "child": "c1", "status": "asserted"}],
    "directives": [{"id": "DIR-1", "issued": "2018-04-06"}],
    "orders": ["orders/ms_l_2018.json"]
  })");
}

TEST(ReportInputTest, ParsesTheJsonForm) {
  auto in = ReportInputFromJson(Minimal(), "case.json", REUNITE_SOURCE_DIR);
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->persons.size(), 2u);
  EXPECT_FALSE(in->persons[0].birth_date.has_value());
  EXPECT_TRUE(in->persons[1].child);
  EXPECT_EQ(in->events.size(), 2u);
  EXPECT_EQ(AffectedChildren(in->events[1]), (std::vector<std::string>{"c1"}));
  EXPECT_TRUE(AffectedChildren(in->events[0]).empty());
  ASSERT_NE(in->FindDirective("DIR-1"), nullptr);
  ASSERT_NE(in->FindOrder("ORDER-2018-06-26"), nullptr);
  EXPECT_EQ(in->FindPerson("nobody"), nullptr);
}

TEST(ReportInputTest, ErrorsNameTheJsonPathOrTheProblem) {
  struct Case {
    std::function<void(nlohmann::json&)> spoil;
    std::string expect;
  };
  const Case cases[] = {
      {[](auto& j) { j["persons"][1].erase("child"); }, "case.json: $.persons[1].child"},
      {[](auto& j) { j["persons"][1]["birth_date"] = "2015-02-30"; }, "$.persons[1].birth_date"},
      {[](auto& j) { j["events"][0]["type"] = "teleported"; }, "$.events[0].type"},
      {[](auto& j) { j["events"][1]["subjects"] = {"ghost"}; }, "unknown person 'ghost'"},
      {[](auto& j) { j["events"][1]["payload"]["affected_children"] = {"kid"}; },
       "payload.affected_children names unknown person 'kid'"},
      {[](auto& j) { j["events"][1]["id"] = "e1"; }, "event id 'e1' appears twice"},
      {[](auto& j) { j["persons"][1]["id"] = "p1"; }, "person 'p1' appears twice"},
      {[](auto& j) { j["relationships"][0]["child"] = "c9"; }, "unknown person 'c9'"},
      {[](auto& j) { j["directives"][0].erase("issued"); }, "$.directives[0].issued"},
      {[](auto& j) { j["orders"] = {"orders/none.json"}; }, "orders/none.json"},
      {[](auto& j) { j["events"] = 3; }, "$.events: expected an array"},
  };
  for (const Case& c : cases) {
    nlohmann::json j = Minimal();
    c.spoil(j);
    auto in = ReportInputFromJson(j, "case.json", REUNITE_SOURCE_DIR);
    ASSERT_FALSE(in.ok()) << c.expect;
    EXPECT_NE(in.status().message().find(c.expect), std::string::npos)
        << "got: " << in.status().message() << "\nwant: " << c.expect;
  }
}

}  // namespace
}  // namespace reunite::report
