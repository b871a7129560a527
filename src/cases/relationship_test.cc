#include "cases/relationship.h"

#include <gtest/gtest.h>

namespace reunite::cases {
namespace {

TEST(RelationshipTest, ParsesStatusKindEvidence) {
  Result<Relationship> r = RelationshipFromJson(
      nlohmann::json::parse(
          R"({"parent":"p1","child":"c1","status":"refuted","kind":"legal_guardian","evidence":"dna","source":"lab"})"),
      "$.relationships[0]");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, RelationshipStatus::kRefuted);
  EXPECT_EQ(r->kind, RelationshipKind::kLegalGuardian);
  EXPECT_EQ(r->evidence, Evidence::kDna);
  EXPECT_EQ(RelationshipStatusName(r->status), "refuted");
  EXPECT_EQ(EvidenceName(r->evidence), "dna");
}

TEST(RelationshipTest, UnknownStatusNamesPathAndChoices) {
  Result<Relationship> r = RelationshipFromJson(
      nlohmann::json::parse(R"({"parent":"p1","child":"c1","status":"maybe"})"),
      "$.relationships[2]");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("$.relationships[2].status"), std::string::npos);
  EXPECT_NE(r.status().message().find("verified"), std::string::npos);
}

}  // namespace
}  // namespace reunite::cases
