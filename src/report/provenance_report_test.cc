#include "report/provenance_report.h"

#include <gtest/gtest.h>

#include "cases/test_histories.h"

namespace reunite::report {
namespace {

using cases::EventType;
using cases::testing::D;
using cases::testing::E;
using cases::testing::R;

cases::Event Decision(std::string id, EventType type, const char* on, std::string subject,
                      std::string decider, std::string directive, std::string outcome,
                      std::vector<std::string> children, bool with_list = true) {
  cases::Event e = E(std::move(id), type, on, {std::move(subject)}, "border", "Office");
  e.actor = std::move(decider);
  e.authority = std::move(directive);
  e.payload["outcome"] = std::move(outcome);
  if (with_list) e.payload["affected_children"] = std::move(children);
  return e;
}

ReportInput Input() {
  ReportInput in;
  in.persons = {{"a", D("1980-01-01"), false},
                {"k", D("2014-01-01"), true},
                {"b", D("1981-01-01"), false},
                {"j", D("2010-01-01"), true},
                {"adult_kid", D("1999-01-01"), false}};
  in.events = {
      Decision("d1", EventType::kSeparationDecision, "2018-05-01", "a", "SBPA One", "DIR-A",
               "children_separated", {"k", "adult_kid"}),
      E("s1", EventType::kSeparated, "2018-05-01", {"a", "k"}, "border", "RGV", "prosecution"),
      Decision("d2", EventType::kSeparationDecision, "2018-06-01", "b", "SBPA Two", "DIR-A",
               "children_separated", {}, false),
      E("s2", EventType::kSeparated, "2018-06-01", {"b", "j"}, "border", "RGV", "other"),
      Decision("d3", EventType::kProsecutionDecision, "2018-07-01", "b", "AUSA Three", "",
               "declined", {"j"}),
      Decision("d4", EventType::kSeparationDecision, "2018-09-01", "a", "SBPA One", "DIR-A",
               "children_separated", {"k"}),
  };
  in.relationships = {R("a", "k"), R("b", "j"), R("b", "adult_kid")};
  in.directives = {{"DIR-A", "Issuer A", D("2018-01-01"), "", ""},
                   {"DIR-B", "Issuer B", D("2018-02-01"), "", ""}};
  return in;
}

TEST(ProvenanceReportTest, DecisionsAfterTheDateAndAdultsNamedAsChildrenDoNotCount) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  auto r = BuildProvenanceReport(index, {D("2018-08-01"), "", ""});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->directives.size(), 3u);  // DIR-A, DIR-B (no decisions), none cited
  const DirectiveSummary& a = r->directives[0];
  EXPECT_EQ(a.directive_id, "DIR-A");
  EXPECT_EQ(a.decisions.size(), 2u);  // d4 is after the date
  ASSERT_EQ(a.children.size(), 2u);
  EXPECT_EQ(a.children[0].child_id, "k");
  EXPECT_TRUE(a.children[0].recorded);
  EXPECT_EQ(a.children[1].child_id, "j");  // d2 named none: rebuilt from b's children
  EXPECT_FALSE(a.children[1].recorded);
  EXPECT_EQ(a.decisions_missing_children, 1);
  EXPECT_EQ(r->decisions[a.decisions[1]].reconstructed_children, (std::vector<std::string>{"j"}));
  EXPECT_EQ(r->directives[1].directive_id, "DIR-B");
  EXPECT_TRUE(r->directives[1].decisions.empty());
  EXPECT_EQ(r->directives[2].directive_id, "");
  EXPECT_EQ(r->directives[2].prosecutions_declined, 1);
  EXPECT_EQ(r->directives[2].separated, 0);  // a declined prosecution separates no one
  EXPECT_FALSE(r->chain.has_value());
}

TEST(ProvenanceReportTest, DirectiveFilterAndItsErrors) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  auto none = BuildProvenanceReport(index, {D("2018-08-01"), "none", ""});
  ASSERT_TRUE(none.ok());
  ASSERT_EQ(none->directives.size(), 1u);
  EXPECT_EQ(none->directives[0].directive_id, "");
  EXPECT_EQ(none->decisions.size(), 1u);
  auto unknown = BuildProvenanceReport(index, {D("2018-08-01"), "DIR-Q", ""});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("DIR-A, DIR-B, none"), std::string::npos)
      << unknown.status().message();
  auto child = BuildProvenanceReport(index, {D("2018-08-01"), "DIR-A", "k"});
  ASSERT_TRUE(child.ok());
  ASSERT_TRUE(child->chain.has_value());
  const ReportDocument doc = ProvenanceDocument(*child);
  EXPECT_EQ(doc.primary_table, "chain");
}

TEST(ProvenanceReportTest, DaysSeparatedRunToTheDateWhileStillSeparated) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  auto r = BuildProvenanceReport(index, {D("2018-08-01"), "DIR-A", ""});
  ASSERT_TRUE(r.ok());
  const DirectiveSummary& a = r->directives[0];
  EXPECT_EQ(a.children[0].days_separated, 92);  // 2018-05-01 .. 2018-08-01
  EXPECT_EQ(a.children[1].days_separated, 61);  // 2018-06-01 .. 2018-08-01
  EXPECT_EQ(a.median_days_separated, 76.5);
  EXPECT_EQ(a.still_separated, 2);
  EXPECT_EQ(a.under_5, 1);  // k was 4 on 2018-05-01
}

}  // namespace
}  // namespace reunite::report
