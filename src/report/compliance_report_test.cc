#include "report/compliance_report.h"

#include <gtest/gtest.h>

#include "cases/test_histories.h"

namespace reunite::report {
namespace {

using cases::EventType;
using cases::testing::D;
using cases::testing::E;
using cases::testing::R;

// An order with its own cohorts (0–2 within 7 days, 3–17 within 21) that
// took effect on 2018-06-01.
cases::CourtOrder TwoCohortOrder() {
  auto o = cases::CourtOrderFromJson(nlohmann::json::parse(R"({
    "order_id": "ORDER-B", "effective_date": "2018-06-01",
    "class": {"definition": "Separated by the border agency", "separated_by": "border agency"},
    "clocks": [{"id": "toddlers", "action": "reunify", "child_age_min": 0, "child_age_max": 2, "days": 7},
               {"id": "older", "action": "reunify", "child_age_min": 3, "child_age_max": 17, "days": 21}]
  })"),
                                     "order-b.json");
  EXPECT_TRUE(o.ok()) << o.status().ToString();
  return *o;
}

ReportInput Input() {
  ReportInput in;
  in.persons = {{"p1", D("1990-01-01"), false},
                {"c1", D("2016-08-01"), true},
                {"c2", std::nullopt, true},
                {"c3", D("2009-01-01"), true}};
  in.events = {
      E("e1", EventType::kSeparated, "2018-05-01", {"p1", "c1", "c2", "c3"}, "border", "RGV",
        "prosecution"),
      E("e2", EventType::kDetained, "2018-05-03", {"p1"}, "immigration", "Port Isabel"),
      E("e3", EventType::kReunified, "2018-06-05", {"c1"}, "immigration", "Karnes"),
  };
  in.relationships = {R("p1", "c1"), R("p1", "c2"), R("p1", "c3")};
  in.orders = {TwoCohortOrder()};
  return in;
}

TEST(ComplianceReportTest, CohortsComeFromTheOrdersReunifyClocks) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  auto r = BuildComplianceReport(index, "ORDER-B", D("2018-06-30"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->cohorts.size(), 3u);
  EXPECT_EQ(r->cohorts[0].id, "age_0_2");
  EXPECT_EQ(r->cohorts[0].label, "under 3 (0–2)");
  EXPECT_EQ(r->cohorts[1].id, "age_3_17");
  EXPECT_EQ(r->cohorts[2].id, "other");
  // c1 (age 1) and c2 (no birth date: the youngest cohort) are toddlers; c3 (9) is older.
  EXPECT_EQ(r->class_total.by_cohort[0].children, (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(r->class_total.by_cohort[1].children, (std::vector<std::string>{"c3"}));
  // Toddlers' clock: due 2018-06-08; c1 met on 06-05, c2 overdue 22 days.
  const ClockSummary& toddlers = r->clocks[0];
  EXPECT_EQ(toddlers.total.met.children, (std::vector<std::string>{"c1"}));
  EXPECT_EQ(toddlers.total.overdue.children, (std::vector<std::string>{"c2"}));
  EXPECT_EQ(toddlers.total.days_overdue.max, 22);
  // Older: due 2018-06-22, overdue 8 days.
  EXPECT_EQ(r->clocks[1].total.overdue.children, (std::vector<std::string>{"c3"}));
  EXPECT_EQ(r->clocks[1].total.days_overdue.median, 8.0);
  EXPECT_FALSE(r->children[1].age_on_basis.has_value());
}

TEST(ComplianceReportTest, EachOrderIsReportedOnItsOwn) {
  ReportInput in = Input();
  auto ms_l = cases::LoadCourtOrder(std::string(REUNITE_SOURCE_DIR) + "/orders/ms_l_2018.json");
  ASSERT_TRUE(ms_l.ok());
  in.orders.push_back(*ms_l);
  const CaseIndex index(in);
  // On 2018-06-20 ORDER-B is in effect, the 2018-06-26 order not yet.
  auto b = BuildComplianceReport(index, "ORDER-B", D("2018-06-20"));
  auto m = BuildComplianceReport(index, "ORDER-2018-06-26", D("2018-06-20"));
  ASSERT_TRUE(b.ok() && m.ok());
  EXPECT_EQ(b->class_total.total.count(), 3);
  EXPECT_EQ(m->class_total.total.count(), 0);
  ASSERT_EQ(m->excluded.size(), 1u);
  EXPECT_EQ(m->excluded[0].key, "order not in effect until 2018-06-26");
  EXPECT_EQ(m->excluded[0].total.count(), 3);
}

TEST(ComplianceReportTest, AnUnknownOrderNamesTheKnownOnes) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  auto r = BuildComplianceReport(index, "ORDER-Z", D("2018-06-30"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(r.status().message().find("orders: ORDER-B"), std::string::npos);
  auto bad = BuildComplianceReport(index, "ORDER-B", Date{2018, 2, 30});
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
}

TEST(ComplianceReportTest, TheDocumentsCountsTableListsTheChildrenBehindEachCount) {
  const ReportInput in = Input();
  const CaseIndex index(in);
  auto r = BuildComplianceReport(index, "ORDER-B", D("2018-06-30"));
  ASSERT_TRUE(r.ok());
  const ReportDocument doc = ComplianceDocument(*r);
  EXPECT_EQ(doc.primary_table, "summary");
  const ReportTable* counts = doc.Find("counts");
  ASSERT_NE(counts, nullptr);
  bool found = false;
  for (const auto& row : counts->rows) {
    if (CellText(row[0]) == "deadlines" && CellText(row[1]) == "toddlers/all" &&
        CellText(row[2]) == "overdue") {
      found = true;
      EXPECT_EQ(CellText(row[3]), "1");
      EXPECT_EQ(CellText(row[4]), "c2");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace reunite::report
