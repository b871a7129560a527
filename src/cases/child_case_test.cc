#include "cases/child_case.h"

#include <gtest/gtest.h>

#include "cases/test_histories.h"

namespace reunite::cases {
namespace {

using testing::D;
using testing::E;
using testing::R;

TEST(ChildCaseTest, FoldsParentLocationInTimeOrderRegardlessOfInputOrder) {
  std::vector<Event> events = {
      E("e3", EventType::kRemoved, "2018-07-01", {"p1"}, "immigration", "GT"),
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border", "", "other"),
      E("e2", EventType::kDetained, "2018-06-02", {"p1"}, "immigration", "Otero"),
      E("x9", EventType::kReleased, "2018-06-03", {"p2"}, "immigration", "interior"),
  };
  std::vector<Relationship> rels = {R("p1", "c1"), R("p2", "c9")};
  Result<ChildCase> c = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-06-15")});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->parent_id, "p1");
  ASSERT_TRUE(c->separation.has_value());
  EXPECT_EQ(c->separation->id, "e1");
  EXPECT_EQ(c->parent_location, ParentLocation::kImmigrationCustody);
  EXPECT_EQ(c->parent_location_event->id, "e2");

  c = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-07-01")});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->parent_location, ParentLocation::kRemoved);
  EXPECT_EQ(c->parent_removed_on, D("2018-07-01"));
}

TEST(ChildCaseTest, PrefersTheAdultNamedInTheSeparationAndSkipsRefuted) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p2"}, "border"),
  };
  std::vector<Relationship> rels = {R("p1", "c1", RelationshipStatus::kVerified), R("p2", "c1"),
                                    R("p3", "c1", RelationshipStatus::kRefuted)};
  Result<ChildCase> c = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-06-15")});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->parent_id, "p2");
  EXPECT_FALSE(c->all_relationships_refuted);

  std::vector<Relationship> refuted = {R("p3", "c1", RelationshipStatus::kRefuted)};
  c = BuildChildCase({"c1", std::nullopt, events, refuted, D("2018-06-15")});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->parent_id, "");
  EXPECT_TRUE(c->all_relationships_refuted);
}

TEST(ChildCaseTest, ParentageVerifiedUpgradesDisputedFromItsDate) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border"),
      E("e2", EventType::kParentageVerified, "2018-06-10", {"p1", "c1"}, "shelter", "", "dna"),
  };
  std::vector<Relationship> rels = {R("p1", "c1", RelationshipStatus::kDisputed)};
  Result<ChildCase> before = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-06-09")});
  Result<ChildCase> after = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-06-10")});
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->relationship->status, RelationshipStatus::kDisputed);
  EXPECT_EQ(after->relationship->status, RelationshipStatus::kVerified);
}

TEST(ChildCaseTest, RelationshipStatusAppliesFromItsDate) {
  std::vector<Event> events = {
      E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border"),
  };
  std::vector<Relationship> rels = {R("p1", "c1", RelationshipStatus::kRefuted)};
  rels[0].status_since = D("2018-07-01");
  Result<ChildCase> before = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-06-30")});
  Result<ChildCase> after = BuildChildCase({"c1", std::nullopt, events, rels, D("2018-07-01")});
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->parent_id, "p1");
  EXPECT_FALSE(before->all_relationships_refuted);
  EXPECT_TRUE(after->all_relationships_refuted);
}

TEST(ChildCaseTest, RejectsEmptyChildAndInvalidDate) {
  EXPECT_EQ(BuildChildCase({"", std::nullopt, {}, {}, D("2018-06-09")}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(BuildChildCase({"c1", std::nullopt, {}, {}, Date{}}).status().code(),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace reunite::cases
