// The compliance report for one court order, in the shape of a court's joint
// status report: as of a date, every separated child counted by derived
// status and age cohort, the order's deadlines met and missed, the days
// overdue, and the children behind every count. A pure function of the
// input, the order and the date: an earlier as-of date reproduces the report
// that was true then (only events on or before it count).
//
// Population: every child (ReportPerson::child) whose derived status as of
// the date is not `not_separated`. Each is in exactly one group:
//  * `class`        — in the order's class (cases/deadline.h); counted by status;
//  * `under_review` — status possible_separation_under_review (no clocks);
//  * `excluded`     — separated but outside the class, by exclusion reason.
// Age cohorts are the order's reunify clocks (e.g. ages 0–4 and 5–17), by the
// child's age on the clock start (the later of the effective date and the
// separation date); a child whose age fits no reunify clock is in `other`.
// An unknown birth date counts in the cohort of age 0, as the clocks do.
#ifndef REUNITE_REPORT_COMPLIANCE_REPORT_H_
#define REUNITE_REPORT_COMPLIANCE_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "cases/child_status.h"
#include "report/case_index.h"
#include "report/count_cell.h"
#include "report/day_stats.h"
#include "report/report_document.h"

namespace reunite::report {

struct Cohort {
  std::string id;     // "age_0_4", "age_5_17", "other"
  std::string label;  // "under 5 (0–4)", "5–17", "other ages"
  int age_min = 0;
  int age_max = -1;  // -1 for `other`
};

// One row of a count table: a cell per cohort and the total.
struct CountRow {
  std::string group;  // class | under_review | excluded | all
  std::string key;    // status name, exclusion reason, or "total"
  std::vector<CountCell> by_cohort;
  CountCell total;
};

struct ClockCounts {
  CountCell applicable, met, met_late, overdue, pending, not_required;
  CountCell missed;              // met_late + overdue: the deadline passed unmet
  DayDistribution days_overdue;  // of `overdue`, as of the date
  DayDistribution days_late;     // of `met_late`
};

struct ClockSummary {
  std::string clock_id;
  cases::ClockAction action = cases::ClockAction::kReunify;
  int age_min = 0, age_max = 17, days = 0;
  std::vector<ClockCounts> by_cohort;  // parallel to ComplianceReport::cohorts
  ClockCounts total;
};

struct ComplianceChild {
  std::string child_id;
  std::optional<Date> birth_date;
  std::optional<int> age_on_basis;   // age on the clock start; unknown birth date: nullopt
  std::string cohort;                // Cohort::id
  std::optional<Date> separated_on;  // the child's separation (the parent's when under review)
  std::string parent_id;
  std::string group;      // class | under_review | excluded
  std::string exclusion;  // why outside the class (excluded only)
  cases::StatusFinding finding;
  std::vector<cases::ClockResult> clocks;  // this order's clocks (class only)
  std::optional<Date> due_date;            // the binding reunify deadline under this order
  std::optional<int> days_remaining, days_overdue;
};

struct ComplianceReport {
  std::string order_id, court, class_definition;
  Date effective_date;
  Date as_of;
  std::string source;  // ReportInput::source
  std::vector<Cohort> cohorts;
  std::vector<CountRow> class_by_status;  // one per status, rule order (zeros included)
  CountRow class_total;
  CountRow under_review;
  std::vector<CountRow> excluded;         // one per exclusion reason, sorted
  CountRow separated_total;               // every separated child
  std::vector<ClockSummary> clocks;       // the order's clocks, in order
  std::vector<ComplianceChild> children;  // input order
};

// kNotFound naming the known orders when `order_id` is not in the input;
// kInvalidArgument for an invalid date or input.
Result<ComplianceReport> BuildComplianceReport(const CaseIndex& index, const std::string& order_id,
                                               Date as_of);

// Tables: summary (status × cohort), deadlines (clock × cohort), overdue
// (days overdue and late by bucket), children (the list), counts (every count
// with its children). The primary (CSV default) table is `summary`.
ReportDocument ComplianceDocument(const ComplianceReport& report);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_COMPLIANCE_REPORT_H_
