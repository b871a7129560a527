// ComplianceDocument: the compliance report as tables (see compliance_report.h).
#include <algorithm>

#include "report/compliance_report.h"

namespace reunite::report {
namespace {

using cases::ClockState;

std::string GroupLabel(const std::string& group) {
  if (group == "class") return "class member";
  if (group == "under_review") return "under review";
  if (group == "excluded") return "outside the class";
  return "all separated";
}

std::string Ages(int min, int max) {
  return max < 0 ? std::to_string(min) + "+" : std::to_string(min) + "–" + std::to_string(max);
}

bool Overlaps(const ClockSummary& k, const Cohort& c) {
  if (c.age_max < 0) return false;  // `other`: only when it has children (see below)
  return k.age_min <= c.age_max && c.age_min <= k.age_max;
}

Cell MedianCell(const DayDistribution& d) { return d.median ? Cell(*d.median) : Cell(); }
Cell MaxCell(const DayDistribution& d) { return OptionalIntCell(d.max); }

ReportTable SummaryTable(const ComplianceReport& r, ReportTable& counts) {
  ReportTable t;
  t.id = "summary";
  t.title = "Separated children by status and age cohort";
  t.note =
      "Age on the clock start (the later of the order's effective date and the separation "
      "date). Statuses are derived from the event log as of " +
      r.as_of.ToIso() + ".";
  t.columns = {{"group", "Group"}, {"status", "Status or reason"}};
  for (const Cohort& c : r.cohorts) t.columns.push_back({c.id, c.label});
  t.columns.push_back({"total", "Total"});
  auto add = [&](const CountRow& row) {
    std::vector<Cell> cells = {TextCell(GroupLabel(row.group)), TextCell(row.key)};
    for (size_t i = 0; i < row.by_cohort.size(); ++i) {
      cells.push_back(IntCell(row.by_cohort[i].count()));
      counts.rows.push_back({TextCell("summary"), TextCell(row.group + "/" + row.key),
                             TextCell(r.cohorts[i].id), IntCell(row.by_cohort[i].count()),
                             Cell(row.by_cohort[i].children)});
    }
    cells.push_back(IntCell(row.total.count()));
    counts.rows.push_back({TextCell("summary"), TextCell(row.group + "/" + row.key),
                           TextCell("total"), IntCell(row.total.count()),
                           Cell(row.total.children)});
    t.rows.push_back(std::move(cells));
  };
  for (const CountRow& row : r.class_by_status) add(row);
  add(r.class_total);
  add(r.under_review);
  for (const CountRow& row : r.excluded) add(row);
  add(r.separated_total);
  return t;
}

// (cohort label, counts) rows of one clock: the cohorts its ages cover, any
// other cohort that has children under it, then the total.
std::vector<std::pair<std::string, const ClockCounts*>> ClockRows(const ComplianceReport& r,
                                                                  const ClockSummary& k) {
  std::vector<std::pair<std::string, const ClockCounts*>> out;
  for (size_t i = 0; i < r.cohorts.size(); ++i) {
    if (Overlaps(k, r.cohorts[i]) || k.by_cohort[i].applicable.count() > 0) {
      out.emplace_back(r.cohorts[i].id, &k.by_cohort[i]);
    }
  }
  out.emplace_back("all", &k.total);
  return out;
}

ReportTable DeadlinesTable(const ComplianceReport& r, ReportTable& counts) {
  ReportTable t;
  t.id = "deadlines";
  t.title = "Deadlines met and missed (class members)";
  t.note =
      "met: on or before the due date; missed = met late + overdue; not required: the "
      "status (discharged, ineligible, parent declined) stops a reunification clock.";
  t.columns = {{"clock", "Clock"},
               {"action", "Action"},
               {"ages", "Ages"},
               {"days", "Days"},
               {"cohort", "Cohort"},
               {"applicable", "Applicable"},
               {"met", "Met on time"},
               {"met_late", "Met late"},
               {"missed", "Missed"},
               {"overdue", "Overdue (open)"},
               {"pending", "Pending"},
               {"not_required", "Not required"},
               {"overdue_median_days", "Median days overdue"},
               {"overdue_max_days", "Max days overdue"},
               {"late_median_days", "Median days late"},
               {"late_max_days", "Max days late"}};
  for (const ClockSummary& k : r.clocks) {
    for (const auto& [cohort, c] : ClockRows(r, k)) {
      t.rows.push_back({TextCell(k.clock_id), TextCell(std::string(ClockActionName(k.action))),
                        TextCell(Ages(k.age_min, k.age_max)), IntCell(k.days), TextCell(cohort),
                        IntCell(c->applicable.count()), IntCell(c->met.count()),
                        IntCell(c->met_late.count()), IntCell(c->missed.count()),
                        IntCell(c->overdue.count()), IntCell(c->pending.count()),
                        IntCell(c->not_required.count()), MedianCell(c->days_overdue),
                        MaxCell(c->days_overdue), MedianCell(c->days_late), MaxCell(c->days_late)});
      const std::pair<const char*, const CountCell*> cells[] = {
          {"applicable", &c->applicable},    {"met", &c->met},
          {"met_late", &c->met_late},        {"missed", &c->missed},
          {"overdue", &c->overdue},          {"pending", &c->pending},
          {"not_required", &c->not_required}};
      for (const auto& [state, cell] : cells) {
        counts.rows.push_back({TextCell("deadlines"), TextCell(k.clock_id + "/" + cohort),
                               TextCell(state), IntCell(cell->count()), Cell(cell->children)});
      }
    }
  }
  return t;
}

ReportTable OverdueTable(const ComplianceReport& r, ReportTable& counts) {
  ReportTable t;
  t.id = "overdue";
  t.title = "Days past the deadline";
  t.note =
      "overdue: deadlines still unmet on the as-of date, by days overdue; late: deadlines "
      "met after the due date, by days late.";
  t.columns = {{"clock", "Clock"}, {"cohort", "Cohort"}, {"kind", "Kind"}, {"count", "Children"}};
  for (const DayBucket& b : DayBuckets()) t.columns.push_back({b.id, b.label});
  t.columns.push_back({"median_days", "Median days"});
  t.columns.push_back({"max_days", "Max days"});
  for (const ClockSummary& k : r.clocks) {
    for (const auto& [cohort, c] : ClockRows(r, k)) {
      for (const auto& [kind, d] :
           {std::pair<std::string, const DayDistribution*>{"overdue", &c->days_overdue},
            {"late", &c->days_late}}) {
        std::vector<Cell> row = {TextCell(k.clock_id), TextCell(cohort), TextCell(kind),
                                 IntCell(d->count)};
        for (size_t b = 0; b < DayBuckets().size(); ++b) {
          row.push_back(IntCell(static_cast<int64_t>(d->buckets[b].size())));
          counts.rows.push_back(
              {TextCell("overdue"), TextCell(k.clock_id + "/" + cohort + "/" + kind),
               TextCell(DayBuckets()[b].id), IntCell(static_cast<int64_t>(d->buckets[b].size())),
               Cell(d->buckets[b])});
        }
        row.push_back(MedianCell(*d));
        row.push_back(MaxCell(*d));
        t.rows.push_back(std::move(row));
      }
    }
  }
  return t;
}

ReportTable ChildrenTable(const ComplianceReport& r) {
  ReportTable t;
  t.id = "children";
  t.title = "Separated children (the list behind the counts)";
  t.columns = {{"child", "Child"},
               {"birth_date", "Birth date"},
               {"age_on_basis", "Age on clock start"},
               {"cohort", "Cohort"},
               {"separated_on", "Separated on"},
               {"parent", "Parent"},
               {"group", "Group"},
               {"exclusion", "Outside the class because"},
               {"status", "Status"},
               {"reason", "Reason"},
               {"decided_by", "Decided by"},
               {"set_by_event", "Set by event"},
               {"due_date", "Reunification due"},
               {"days_remaining", "Days remaining"},
               {"days_overdue", "Days overdue"}};
  for (const ClockSummary& k : r.clocks) {
    t.columns.push_back({k.clock_id + "_state", k.clock_id + ": state"});
    t.columns.push_back({k.clock_id + "_met_on", k.clock_id + ": met on"});
  }
  for (const ComplianceChild& c : r.children) {
    std::vector<Cell> row = {TextCell(c.child_id),
                             OptionalDateCell(c.birth_date),
                             OptionalIntCell(c.age_on_basis),
                             TextCell(c.cohort),
                             OptionalDateCell(c.separated_on),
                             TextCell(c.parent_id),
                             TextCell(c.group),
                             TextCell(c.exclusion),
                             TextCell(std::string(ReunificationStatusName(c.finding.status))),
                             TextCell(c.finding.reason),
                             TextCell(c.finding.decided_by),
                             TextCell(c.finding.set_by_event),
                             OptionalDateCell(c.due_date),
                             OptionalIntCell(c.days_remaining),
                             OptionalIntCell(c.days_overdue)};
    for (const ClockSummary& k : r.clocks) {
      auto it = std::find_if(c.clocks.begin(), c.clocks.end(),
                             [&](const cases::ClockResult& x) { return x.clock_id == k.clock_id; });
      if (it == c.clocks.end()) {
        row.emplace_back();
        row.emplace_back();
      } else {
        row.push_back(TextCell(std::string(ClockStateName(it->state))));
        row.push_back(OptionalDateCell(it->met_on));
      }
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

ReportDocument ComplianceDocument(const ComplianceReport& r) {
  ReportDocument doc;
  doc.kind = "compliance";
  doc.title = "Compliance with " + r.order_id + " as of " + r.as_of.ToIso();
  doc.meta = {{"order", r.order_id},
              {"court", r.court},
              {"effective_date", r.effective_date.ToIso()},
              {"class", r.class_definition},
              {"as_of", r.as_of.ToIso()},
              {"source", r.source},
              {"separated_children", std::to_string(r.separated_total.total.count())},
              {"class_members", std::to_string(r.class_total.total.count())}};
  ReportTable counts;
  counts.id = "counts";
  counts.title = "Every count and the children behind it";
  counts.columns = {{"table", "Table"},
                    {"row", "Row"},
                    {"column", "Column"},
                    {"count", "Count"},
                    {"children", "Children"}};
  doc.tables.push_back(SummaryTable(r, counts));
  doc.tables.push_back(DeadlinesTable(r, counts));
  doc.tables.push_back(OverdueTable(r, counts));
  doc.tables.push_back(ChildrenTable(r));
  doc.tables.push_back(std::move(counts));
  doc.primary_table = "summary";
  return doc;
}

}  // namespace reunite::report
