#include "cases/child_status.h"

#include <gtest/gtest.h>

#include "cases/test_histories.h"

namespace reunite::cases {
namespace {

using testing::D;
using testing::E;
using testing::R;

CourtOrder Order(std::string id, const char* effective, int days) {
  CourtOrder o;
  o.order_id = std::move(id);
  o.effective_date = D(effective);
  o.class_def.separated_by_agency = "border";
  o.clocks = {{"reunify", ClockAction::kReunify, 0, 17, days}};
  return o;
}

TEST(ChildStatusTest, EarliestOpenClockAcrossOrdersBinds) {
  // Order A (due 06-21) is overdue, order B (due 07-26) pending: A binds.
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border", "", "other"),
      E("e2", EventType::kDetained, "2018-06-02", {"p1"}, "immigration")};
  std::vector<Relationship> rels = {R("p1", "c1")};
  std::vector<CourtOrder> orders = {Order("A", "2018-06-01", 20), Order("B", "2018-06-26", 30)};
  Result<ChildStatus> s =
      EvaluateChild({"c1", D("2010-01-01"), events, rels, D("2018-07-01")}, orders);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->due_order_id, "A");
  EXPECT_EQ(s->due_date, D("2018-06-21"));
  EXPECT_EQ(s->days_overdue, 10);
  EXPECT_FALSE(s->days_remaining.has_value());

  nlohmann::json j = ChildStatusToJson(*s);
  EXPECT_EQ(j["status"], "parent_in_immigration_custody");
  EXPECT_EQ(j["orders"].size(), 2u);
}

TEST(ChildStatusTest, SameInputsSameAnswer) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border", "", "other")};
  std::vector<Relationship> rels = {R("p1", "c1")};
  std::vector<CourtOrder> orders = {Order("A", "2018-06-26", 30)};
  CaseInput in{"c1", D("2010-01-01"), events, rels, D("2018-07-01")};
  EXPECT_EQ(ChildStatusToJson(EvaluateChild(in, orders).value()),
            ChildStatusToJson(EvaluateChild(in, orders).value()));
}

}  // namespace
}  // namespace reunite::cases
