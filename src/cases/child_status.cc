#include "cases/child_status.h"

#include "cases/status_rules.h"

namespace reunite::cases {

Result<ChildStatus> EvaluateChild(const CaseInput& input, std::span<const CourtOrder> orders) {
  REUNITE_ASSIGN_OR_RETURN(ChildCase c, BuildChildCase(input));
  return EvaluateChildCase(c, orders);
}

ChildStatus EvaluateChildCase(const ChildCase& c, std::span<const CourtOrder> orders) {
  ChildStatus s;
  s.child_id = c.child_id;
  s.as_of = c.as_of;
  s.parent_id = c.parent_id;
  s.finding = DeriveStatus(c);
  const ClockResult* binding = nullptr;
  bool binding_open = false;
  for (const CourtOrder& order : orders) {
    s.orders.push_back(EvaluateOrder(order, c, s.finding));
  }
  for (const OrderEvaluation& ev : s.orders) {
    for (const ClockResult& r : ev.clocks) {
      if (r.action != ClockAction::kReunify) continue;
      const bool open = r.state == ClockState::kPending || r.state == ClockState::kOverdue;
      const bool better = !binding || (open && !binding_open) ||
                          (open == binding_open && r.due_date < binding->due_date);
      if (better) {
        binding = &r;
        binding_open = open;
        s.due_order_id = ev.order_id;
      }
    }
  }
  if (binding) {
    s.due_date = binding->due_date;
    if (binding->state == ClockState::kPending) s.days_remaining = binding->days_remaining;
    if (binding->state == ClockState::kOverdue) s.days_overdue = binding->days_overdue;
  }
  return s;
}

nlohmann::json ChildStatusToJson(const ChildStatus& s) {
  nlohmann::json j;
  j["child"] = s.child_id;
  j["as_of"] = s.as_of.ToIso();
  j["parent"] = s.parent_id;
  j["status"] = std::string(ReunificationStatusName(s.finding.status));
  j["reason"] = s.finding.reason;
  j["decided_by"] = s.finding.decided_by;
  j["set_by_event"] = s.finding.set_by_event;
  j["rule"] = s.finding.rule;
  j["due_date"] = s.due_date ? nlohmann::json(s.due_date->ToIso()) : nlohmann::json();
  j["due_order"] = s.due_order_id;
  j["days_remaining"] = s.days_remaining ? nlohmann::json(*s.days_remaining) : nlohmann::json();
  j["days_overdue"] = s.days_overdue ? nlohmann::json(*s.days_overdue) : nlohmann::json();
  nlohmann::json orders = nlohmann::json::array();
  for (const OrderEvaluation& ev : s.orders) {
    nlohmann::json o;
    o["order"] = ev.order_id;
    o["in_class"] = ev.in_class;
    o["exclusion"] = ev.exclusion;
    o["age_on_basis"] = ev.age_on_basis ? nlohmann::json(*ev.age_on_basis) : nlohmann::json();
    nlohmann::json clocks = nlohmann::json::array();
    for (const ClockResult& r : ev.clocks) {
      nlohmann::json k;
      k["clock"] = r.clock_id;
      k["due_date"] = r.due_date.ToIso();
      k["state"] = std::string(ClockStateName(r.state));
      if (r.met_on) k["met_on"] = r.met_on->ToIso();
      if (!r.met_by_event.empty()) k["met_by_event"] = r.met_by_event;
      if (r.state == ClockState::kPending) k["days_remaining"] = r.days_remaining;
      if (r.state == ClockState::kOverdue) k["days_overdue"] = r.days_overdue;
      if (r.state == ClockState::kMetLate) k["days_late"] = r.days_late;
      clocks.push_back(std::move(k));
    }
    o["clocks"] = std::move(clocks);
    orders.push_back(std::move(o));
  }
  j["orders"] = std::move(orders);
  return j;
}

}  // namespace reunite::cases
