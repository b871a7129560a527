#include "cases/deadline.h"

#include <algorithm>

namespace reunite::cases {

std::string_view ClockStateName(ClockState s) {
  switch (s) {
    case ClockState::kPending:
      return "pending";
    case ClockState::kOverdue:
      return "overdue";
    case ClockState::kMet:
      return "met";
    case ClockState::kMetLate:
      return "met_late";
    case ClockState::kNotRequired:
      return "not_required";
  }
  return "";
}

namespace {

bool StopsReunifyClock(ReunificationStatus s) {
  return s == ReunificationStatus::kDischargedOther || s == ReunificationStatus::kIneligible ||
         s == ReunificationStatus::kParentDeclined;
}

std::optional<Event> MeetingEvent(ClockAction action, const ChildCase& c) {
  if (action == ClockAction::kReunify) return c.reunified;
  // Phone contact: the first phone_contact, or the reunification if earlier
  // (a reunited parent needs no phone call).
  std::optional<Event> first;
  if (!c.phone_contacts.empty()) first = c.phone_contacts.front();
  if (c.reunified && (!first || c.reunified->occurred_at < first->occurred_at)) first = c.reunified;
  return first;
}

}  // namespace

OrderEvaluation EvaluateOrder(const CourtOrder& order, const ChildCase& c,
                              const StatusFinding& finding) {
  OrderEvaluation ev;
  ev.order_id = order.order_id;
  if (!c.separation) {
    ev.exclusion = "no separation on record";
    return ev;
  }
  if (c.as_of < order.effective_date) {
    ev.exclusion = "order not in effect until " + order.effective_date.ToIso();
    return ev;
  }
  const Event& sep = *c.separation;
  if (sep.custodian.agency != order.class_def.separated_by_agency) {
    ev.exclusion = "separated by '" + sep.custodian.agency + "', class requires '" +
                   order.class_def.separated_by_agency + "'";
    return ev;
  }
  const auto& excluded = order.class_def.excluded_separation_reasons;
  if (std::find(excluded.begin(), excluded.end(), sep.reason) != excluded.end()) {
    ev.exclusion = "separation reason '" + sep.reason + "' is excluded";
    return ev;
  }
  if (finding.status == ReunificationStatus::kSeparationUnderReview) {
    ev.exclusion = "separation under review";
    return ev;
  }
  ev.in_class = true;
  const Date start = std::max(order.effective_date, sep.occurred_at);
  if (c.birth_date) ev.age_on_basis = AgeOn(*c.birth_date, start);
  const int age = ev.age_on_basis.value_or(0);

  for (const Clock& clock : order.clocks) {
    if (age < clock.child_age_min || age > clock.child_age_max) continue;
    ClockResult r;
    r.clock_id = clock.id;
    r.action = clock.action;
    r.due_date = start.AddDays(clock.days);
    const std::optional<Event> met = MeetingEvent(clock.action, c);
    if (met) {
      r.met_on = met->occurred_at;
      r.met_by_event = met->id;
      const int late = static_cast<int>(met->occurred_at.ToDays() - r.due_date.ToDays());
      r.state = late > 0 ? ClockState::kMetLate : ClockState::kMet;
      r.days_late = std::max(late, 0);
    } else if (clock.action == ClockAction::kReunify && StopsReunifyClock(finding.status)) {
      r.state = ClockState::kNotRequired;
    } else {
      const int diff = static_cast<int>(r.due_date.ToDays() - c.as_of.ToDays());
      if (diff >= 0) {
        r.state = ClockState::kPending;
        r.days_remaining = diff;
      } else {
        r.state = ClockState::kOverdue;
        r.days_overdue = -diff;
      }
    }
    ev.clocks.push_back(r);
  }
  return ev;
}

}  // namespace reunite::cases
