#include "cases/deadline.h"

#include <gtest/gtest.h>

#include "cases/status_rules.h"
#include "cases/test_histories.h"

namespace reunite::cases {
namespace {

using testing::D;
using testing::E;
using testing::R;

CourtOrder Order() {
  CourtOrder o;
  o.order_id = "O1";
  o.effective_date = D("2018-06-26");
  o.class_def.separated_by_agency = "border";
  o.class_def.excluded_separation_reasons = {"criminal_history"};
  o.clocks = {{"under5", ClockAction::kReunify, 0, 4, 14},
              {"older", ClockAction::kReunify, 5, 17, 30},
              {"phone", ClockAction::kPhoneContact, 0, 17, 10}};
  return o;
}

OrderEvaluation Evaluate(const std::vector<Event>& events, std::optional<Date> dob, Date as_of) {
  std::vector<Relationship> rels = {R("p1", "c1")};
  ChildCase c = BuildChildCase({"c1", dob, events, rels, as_of}).value();
  return EvaluateOrder(Order(), c, DeriveStatus(c));
}

TEST(DeadlineTest, AgeOnTheLaterOfOrderAndSeparationPicksTheCohort) {
  // Turns 5 between the order (2018-06-26) and the separation (2018-07-10).
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-07-10", {"c1", "p1"}, "border", "", "other")};
  OrderEvaluation ev = Evaluate(events, D("2013-07-01"), D("2018-07-15"));
  ASSERT_TRUE(ev.in_class);
  EXPECT_EQ(ev.age_on_basis, 5);
  ASSERT_EQ(ev.clocks.size(), 2u);
  EXPECT_EQ(ev.clocks[0].clock_id, "older");
  EXPECT_EQ(ev.clocks[0].due_date, D("2018-08-09"));
  EXPECT_EQ(ev.clocks[0].days_remaining, 25);

  // Separated before the order: age on the order's date (4), clock from the order.
  events[0].occurred_at = D("2018-06-01");
  ev = Evaluate(events, D("2013-07-01"), D("2018-07-15"));
  EXPECT_EQ(ev.age_on_basis, 4);
  EXPECT_EQ(ev.clocks[0].clock_id, "under5");
  EXPECT_EQ(ev.clocks[0].due_date, D("2018-07-10"));
  EXPECT_EQ(ev.clocks[0].state, ClockState::kOverdue);
  EXPECT_EQ(ev.clocks[0].days_overdue, 5);
}

TEST(DeadlineTest, ExcludedReasonOtherAgencyAndAdultsGetNoClocks) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border", "", "criminal_history")};
  OrderEvaluation ev = Evaluate(events, D("2010-01-01"), D("2018-07-15"));
  EXPECT_FALSE(ev.in_class);
  EXPECT_NE(ev.exclusion.find("criminal_history"), std::string::npos);

  events[0].reason = "other";
  events[0].custodian.agency = "immigration";
  ev = Evaluate(events, D("2010-01-01"), D("2018-07-15"));
  EXPECT_FALSE(ev.in_class);
  EXPECT_NE(ev.exclusion.find("immigration"), std::string::npos);

  events[0].custodian.agency = "border";
  ev = Evaluate(events, D("1999-01-01"), D("2018-07-15"));  // 19: no clock's age range
  EXPECT_TRUE(ev.in_class);
  EXPECT_TRUE(ev.clocks.empty());
}

TEST(DeadlineTest, MetOnTheDueDateIsMetOneDayLaterIsLate) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border", "", "other"),
      E("e2", EventType::kReunified, "2018-07-26", {"c1", "p1"}, "shelter")};
  OrderEvaluation ev = Evaluate(events, D("2010-01-01"), D("2018-08-01"));
  ASSERT_EQ(ev.clocks.size(), 2u);
  EXPECT_EQ(ev.clocks[0].state, ClockState::kMet);
  events[1].occurred_at = D("2018-07-27");
  ev = Evaluate(events, D("2010-01-01"), D("2018-08-01"));
  EXPECT_EQ(ev.clocks[0].state, ClockState::kMetLate);
  EXPECT_EQ(ev.clocks[0].days_late, 1);
}

}  // namespace
}  // namespace reunite::cases
