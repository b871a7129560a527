#include "report/child_chain.h"

#include <gtest/gtest.h>

#include "cases/test_histories.h"

namespace reunite::report {
namespace {

using cases::EventType;
using cases::testing::D;
using cases::testing::E;
using cases::testing::R;

ReportInput Input() {
  ReportInput in;
  in.persons = {{"p", D("1985-01-01"), false},
                {"k", D("2012-01-01"), true},
                {"sib", D("2013-01-01"), true},
                {"stranger", D("1970-01-01"), false}};
  cases::Event named =
      E("d1", EventType::kSeparationDecision, "2018-05-02", {"stranger"}, "border", "Yuma Sector");
  named.actor = "SBPA Somebody";
  named.payload["affected_children"] = {"k"};
  cases::Event other =
      E("d2", EventType::kProsecutionDecision, "2018-05-01", {"p"}, "prosecution", "D. Ariz.");
  other.payload["affected_children"] = {"sib"};
  in.events = {E("e1", EventType::kApprehended, "2018-05-01", {"p", "k", "sib"}, "border", "YUM"),
               other, named, E("e2", EventType::kReunified, "2018-06-01", {"sib"}, "shelter", "x"),
               E("e3", EventType::kReleased, "2018-09-01", {"p"}, "immigration", "interior")};
  in.relationships = {R("p", "k"), R("p", "sib")};
  return in;
}

TEST(ChildChainTest, TheChildsAndItsAdultsEventsAndEveryDecisionNamingIt) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  auto c = BuildChildChain(index, "k", D("2018-08-01"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->steps.size(),
            3u);  // e1, d2 (about p), d1 (names k); not e2 (sibling), not e3 (later)
  EXPECT_EQ(c->steps[0].event_id, "e1");
  EXPECT_EQ(c->steps[0].relation, "child");
  EXPECT_EQ(c->steps[1].event_id, "d2");
  EXPECT_EQ(c->steps[1].relation, "parent, asserted");
  EXPECT_EQ(c->steps[1].child_named, "not named: the record names other children");
  EXPECT_EQ(c->steps[2].event_id, "d1");
  EXPECT_EQ(c->steps[2].relation, "other");
  EXPECT_EQ(c->steps[2].subject_id, "stranger");
  EXPECT_EQ(c->steps[2].child_named, "named");
  EXPECT_EQ(c->adults,
            (std::vector<std::pair<std::string, std::string>>{{"p", "parent, asserted"}}));
  EXPECT_EQ(c->status.finding.status, cases::ReunificationStatus::kNotSeparated);
}

TEST(ChildChainTest, UnknownPersonsAndAdultsAreRefused) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  EXPECT_EQ(BuildChildChain(index, "nobody", D("2018-08-01")).status().code(),
            ErrorCode::kNotFound);
  auto adult = BuildChildChain(index, "p", D("2018-08-01"));
  EXPECT_EQ(adult.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(adult.status().message().find("'p' is not a child"), std::string::npos);
}

}  // namespace
}  // namespace reunite::report
