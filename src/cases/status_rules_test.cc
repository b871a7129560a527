#include "cases/status_rules.h"

#include <gtest/gtest.h>

#include <set>

#include "cases/test_histories.h"

namespace reunite::cases {
namespace {

using testing::D;
using testing::E;
using testing::R;

TEST(StatusRulesTest, EveryRuleIsDocumentedAndIdsAreUnique) {
  std::set<std::string_view> ids;
  for (const StatusRule& rule : StatusRules()) {
    EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
    EXPECT_GT(rule.rationale.size(), 40u) << rule.id;
    EXPECT_TRUE(ParseReunificationStatus(rule.id).ok()) << rule.id;
  }
  EXPECT_EQ(StatusRules().back().id, "parent_location_unknown");
}

TEST(StatusRulesTest, ReunificationOutranksLaterSponsorPlacementAndRemoval) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border"),
      E("e2", EventType::kReunified, "2018-06-20", {"c1", "p1"}, "immigration"),
      E("e3", EventType::kRemoved, "2018-07-01", {"p1"}, "immigration", "GT"),
      E("e4", EventType::kPlacedWithSponsor, "2018-08-01", {"c1"}, "shelter"),
  };
  std::vector<Relationship> rels = {R("p1", "c1")};
  Result<ChildCase> c = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-09-01")});
  ASSERT_TRUE(c.ok());
  StatusFinding f = DeriveStatus(*c);
  EXPECT_EQ(f.status, ReunificationStatus::kReunified);
  EXPECT_EQ(f.reason, "in_country");  // the removal came after the reunification
  EXPECT_EQ(f.set_by_event, "e2");
  EXPECT_EQ(f.rule, "reunified");
}

TEST(StatusRulesTest, EligibleDecisionAfterIneligibleReopens) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border"),
      E("e2", EventType::kEligibilityDetermined, "2018-06-10", {"c1"}, "shelter", "",
        "ineligible: safety"),
      E("e3", EventType::kEligibilityDetermined, "2018-06-20", {"c1"}, "shelter", "", "eligible"),
      E("e4", EventType::kReleased, "2018-06-05", {"p1"}, "immigration", "interior"),
  };
  events[2].payload["eligible"] = true;
  std::vector<Relationship> rels = {R("p1", "c1")};
  Result<ChildCase> mid = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-06-15")});
  Result<ChildCase> late = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-06-25")});
  ASSERT_TRUE(mid.ok() && late.ok());
  EXPECT_EQ(DeriveStatus(*mid).status, ReunificationStatus::kIneligible);
  EXPECT_EQ(DeriveStatus(*mid).reason, "safety");
  EXPECT_EQ(DeriveStatus(*late).status, ReunificationStatus::kParentReleased);
}

}  // namespace
}  // namespace reunite::cases
