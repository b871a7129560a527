#include "report/compliance_report.h"

#include <algorithm>
#include <map>

namespace reunite::report {
namespace {

using cases::ClockState;
using cases::ReunificationStatus;

std::vector<Cohort> CohortsOf(const cases::CourtOrder& order) {
  std::vector<Cohort> out;
  for (const cases::Clock& c : order.clocks) {
    if (c.action != cases::ClockAction::kReunify) continue;
    Cohort k;
    k.id = "age_" + std::to_string(c.child_age_min) + "_" + std::to_string(c.child_age_max);
    k.label = c.child_age_min == 0
                  ? "under " + std::to_string(c.child_age_max + 1) + " (0–" +
                        std::to_string(c.child_age_max) + ")"
                  : std::to_string(c.child_age_min) + "–" + std::to_string(c.child_age_max);
    k.age_min = c.child_age_min;
    k.age_max = c.child_age_max;
    if (std::none_of(out.begin(), out.end(), [&](const Cohort& o) { return o.id == k.id; })) {
      out.push_back(std::move(k));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Cohort& a, const Cohort& b) { return a.age_min < b.age_min; });
  out.push_back({"other", "other ages", 0, -1});
  return out;
}

size_t CohortFor(const std::vector<Cohort>& cohorts, int age) {
  for (size_t i = 0; i + 1 < cohorts.size(); ++i) {
    if (age >= cohorts[i].age_min && age <= cohorts[i].age_max) return i;
  }
  return cohorts.size() - 1;
}

CountRow EmptyRow(std::string group, std::string key, size_t cohorts) {
  CountRow r;
  r.group = std::move(group);
  r.key = std::move(key);
  r.by_cohort.resize(cohorts);
  return r;
}

void Add(CountRow& row, size_t cohort, const std::string& child) {
  row.by_cohort[cohort].children.push_back(child);
  row.total.children.push_back(child);
}

// Per clock and cohort, the (child, days) lists behind the distributions.
struct DayLists {
  std::vector<std::pair<std::string, int>> overdue, late;
};

void AddClock(ClockCounts& k, const cases::ClockResult& r, const std::string& child,
              DayLists& days) {
  k.applicable.children.push_back(child);
  switch (r.state) {
    case ClockState::kMet:
      k.met.children.push_back(child);
      break;
    case ClockState::kMetLate:
      k.met_late.children.push_back(child);
      k.missed.children.push_back(child);
      days.late.emplace_back(child, r.days_late);
      break;
    case ClockState::kOverdue:
      k.overdue.children.push_back(child);
      k.missed.children.push_back(child);
      days.overdue.emplace_back(child, r.days_overdue);
      break;
    case ClockState::kPending:
      k.pending.children.push_back(child);
      break;
    case ClockState::kNotRequired:
      k.not_required.children.push_back(child);
      break;
  }
}

std::string KnownOrders(const ReportInput& in) {
  std::string out;
  for (const cases::CourtOrder& o : in.orders) out += (out.empty() ? "" : ", ") + o.order_id;
  return out.empty() ? "none" : out;
}

}  // namespace

Result<ComplianceReport> BuildComplianceReport(const CaseIndex& index, const std::string& order_id,
                                               Date as_of) {
  const ReportInput& in = index.input();
  const cases::CourtOrder* order = in.FindOrder(order_id);
  if (order == nullptr) {
    return NotFound("no court order '" + order_id + "' in the input (orders: " + KnownOrders(in) +
                    ")");
  }
  REUNITE_ASSIGN_OR_RETURN(std::vector<ChildAssessment> assessed, AssessChildren(index, as_of));

  ComplianceReport r;
  r.order_id = order->order_id;
  r.court = order->court;
  r.class_definition = order->class_def.definition;
  r.effective_date = order->effective_date;
  r.as_of = as_of;
  r.source = in.source;
  r.cohorts = CohortsOf(*order);
  const size_t nc = r.cohorts.size();
  for (int s = static_cast<int>(ReunificationStatus::kReunified);
       s <= static_cast<int>(ReunificationStatus::kParentLocationUnknown); ++s) {
    const auto status = static_cast<ReunificationStatus>(s);
    if (status == ReunificationStatus::kSeparationUnderReview) continue;
    r.class_by_status.push_back(
        EmptyRow("class", std::string(cases::ReunificationStatusName(status)), nc));
  }
  r.class_total = EmptyRow("class", "total", nc);
  r.under_review = EmptyRow("under_review", "possible_separation_under_review", nc);
  r.separated_total = EmptyRow("all", "total", nc);
  std::map<std::string, CountRow> excluded;
  for (const cases::Clock& clock : order->clocks) {
    ClockSummary k;
    k.clock_id = clock.id;
    k.action = clock.action;
    k.age_min = clock.child_age_min;
    k.age_max = clock.child_age_max;
    k.days = clock.days;
    k.by_cohort.resize(nc);
    r.clocks.push_back(std::move(k));
  }
  std::vector<std::vector<DayLists>> days(r.clocks.size(), std::vector<DayLists>(nc + 1));

  for (const ChildAssessment& a : assessed) {
    if (!a.separated()) continue;
    const cases::ChildCase& cc = a.child_case;
    const cases::ChildStatus st =
        cases::EvaluateChildCase(cc, std::span<const cases::CourtOrder>(order, 1));
    const cases::OrderEvaluation& ev = st.orders.front();
    ComplianceChild c;
    c.child_id = cc.child_id;
    c.birth_date = cc.birth_date;
    if (cc.separation) {
      c.separated_on = cc.separation->occurred_at;
    } else if (cc.parent_separation) {
      c.separated_on = cc.parent_separation->occurred_at;
    }
    c.parent_id = cc.parent_id;
    c.finding = a.finding;
    if (ev.in_class) {
      c.age_on_basis = ev.age_on_basis;
    } else if (cc.birth_date && c.separated_on) {
      c.age_on_basis = AgeOn(*cc.birth_date, std::max(order->effective_date, *c.separated_on));
    }
    const size_t cohort = CohortFor(r.cohorts, c.age_on_basis.value_or(0));
    c.cohort = r.cohorts[cohort].id;
    if (a.finding.status == ReunificationStatus::kSeparationUnderReview) {
      c.group = "under_review";
      Add(r.under_review, cohort, c.child_id);
    } else if (ev.in_class) {
      c.group = "class";
      const std::string name(cases::ReunificationStatusName(a.finding.status));
      for (CountRow& row : r.class_by_status) {
        if (row.key == name) Add(row, cohort, c.child_id);
      }
      Add(r.class_total, cohort, c.child_id);
      c.clocks = ev.clocks;
      c.due_date = st.due_date;
      c.days_remaining = st.days_remaining;
      c.days_overdue = st.days_overdue;
      for (const cases::ClockResult& clock : ev.clocks) {
        for (size_t k = 0; k < r.clocks.size(); ++k) {
          if (r.clocks[k].clock_id != clock.clock_id) continue;
          AddClock(r.clocks[k].by_cohort[cohort], clock, c.child_id, days[k][cohort]);
          AddClock(r.clocks[k].total, clock, c.child_id, days[k][nc]);
        }
      }
    } else {
      c.group = "excluded";
      c.exclusion = ev.exclusion;
      auto [it, fresh] = excluded.try_emplace(ev.exclusion, EmptyRow("excluded", ev.exclusion, nc));
      Add(it->second, cohort, c.child_id);
    }
    Add(r.separated_total, cohort, c.child_id);
    r.children.push_back(std::move(c));
  }
  for (auto& [reason, row] : excluded) r.excluded.push_back(std::move(row));
  for (size_t k = 0; k < r.clocks.size(); ++k) {
    for (size_t ci = 0; ci <= nc; ++ci) {
      ClockCounts& counts = ci < nc ? r.clocks[k].by_cohort[ci] : r.clocks[k].total;
      counts.days_overdue = Distribute(days[k][ci].overdue);
      counts.days_late = Distribute(days[k][ci].late);
    }
  }
  return r;
}

}  // namespace reunite::report
