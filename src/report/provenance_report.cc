#include "report/provenance_report.h"

#include <algorithm>
#include <map>
#include <set>

#include "report/child_chain.h"

namespace reunite::report {
namespace {

using cases::EventType;

constexpr char kNoDirective[] = "none";

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

DecisionRecord ToRecord(const cases::Event& e, DecisionKind kind, const CaseIndex& index) {
  DecisionRecord d;
  d.decision_id = e.id;
  d.kind = kind;
  d.decided_on = e.occurred_at;
  d.decider = e.actor;
  d.office = e.custodian.facility;
  d.directive_id = e.authority;
  d.subject_id = e.subjects.empty() ? "" : e.subjects.front();
  d.outcome = e.PayloadString("outcome");
  d.reason = e.reason;
  d.separates_family = kind == DecisionKind::kSeparation ||
                       (kind == DecisionKind::kProsecution && d.outcome == "accepted");
  for (const std::string& c : AffectedChildren(e)) {
    const ReportPerson* p = index.FindPerson(c);
    if (p != nullptr && p->child && !Contains(d.recorded_children, c))
      d.recorded_children.push_back(c);
  }
  if (d.recorded_children.empty() && kind != DecisionKind::kRemoval) {
    for (const cases::Relationship* r : index.RelationshipsOfParent(d.subject_id)) {
      const ReportPerson* p = index.FindPerson(r->child_id);
      if (p != nullptr && p->child && !Contains(d.reconstructed_children, r->child_id)) {
        d.reconstructed_children.push_back(r->child_id);
      }
    }
  }
  d.children_missing = d.separates_family && d.recorded_children.empty();
  return d;
}

std::string KnownDirectives(const ReportInput& in) {
  std::string out;
  for (const cases::Directive& d : in.directives) {
    out += (out.empty() ? "" : ", ") + d.directive_id;
  }
  return out + (out.empty() ? "" : ", ") + kNoDirective;
}

// Fills the children, deciders and counts of `s` from its decisions.
void Summarize(DirectiveSummary& s, const std::vector<DecisionRecord>& decisions,
               const CaseIndex& index, const std::map<std::string, const ChildAssessment*>& kids,
               Date as_of) {
  std::map<std::string, AffectedChild> children;
  std::map<std::pair<std::string, std::string>, DeciderSummary> deciders;
  std::map<std::string, std::set<std::string>> separated_by;  // child -> separating decisions
  for (size_t i : s.decisions) {
    const DecisionRecord& d = decisions[i];
    switch (d.kind) {
      case DecisionKind::kProsecution:
        s.prosecutions_accepted += d.outcome == "accepted";
        s.prosecutions_declined += d.outcome == "declined";
        break;
      case DecisionKind::kSeparation:
        ++s.separations;
        break;
      case DecisionKind::kRemoval:
        ++s.removals;
        break;
    }
    s.decisions_missing_children += d.children_missing;
    DeciderSummary& who = deciders[{d.decider, d.office}];
    who.decider = d.decider;
    who.office = d.office;
    ++who.decisions;
    who.prosecutions_accepted += d.kind == DecisionKind::kProsecution && d.outcome == "accepted";
    who.prosecutions_declined += d.kind == DecisionKind::kProsecution && d.outcome == "declined";
    who.separations += d.kind == DecisionKind::kSeparation;
    who.removals += d.kind == DecisionKind::kRemoval;
    for (const auto* list : {&d.recorded_children, &d.reconstructed_children}) {
      for (const std::string& c : *list) {
        AffectedChild& a = children[c];
        if (a.child_id.empty()) {
          a.child_id = c;
          a.first_decision_on = d.decided_on;
        }
        a.first_decision_on = std::min(a.first_decision_on, d.decided_on);
        a.recorded |= list == &d.recorded_children;
        if (!Contains(a.decisions, d.decision_id)) a.decisions.push_back(d.decision_id);
        if (d.separates_family) separated_by[c].insert(d.decision_id);
        if (!Contains(who.children, c)) who.children.push_back(c);
      }
    }
  }
  // Children in input order, with their separation as of the date.
  std::vector<std::pair<std::string, int>> days;
  std::map<std::string, CountCell> still_by_status;
  for (const ReportPerson& p : index.input().persons) {
    auto it = children.find(p.person_id);
    if (it == children.end()) continue;
    AffectedChild a = std::move(it->second);
    a.birth_date = p.birth_date;
    if (p.birth_date) a.age_at_decision = AgeOn(*p.birth_date, a.first_decision_on);
    auto kid = kids.find(p.person_id);
    if (kid != kids.end()) {
      const cases::ChildCase& cc = kid->second->child_case;
      a.status = kid->second->finding.status;
      if (separated_by.contains(p.person_id) && cc.separation) {
        a.separated = true;
        a.separated_on = cc.separation->occurred_at;
        if (cc.reunified) a.reunified_on = cc.reunified->occurred_at;
        const Date end = a.reunified_on.value_or(as_of);
        a.days_separated = static_cast<int>(end.ToDays() - a.separated_on->ToDays());
        a.still_separated = !a.reunified_on;
        days.emplace_back(p.person_id, *a.days_separated);
        if (a.still_separated) {
          still_by_status[std::string(ReunificationStatusName(a.status))].children.push_back(
              p.person_id);
        }
      }
    }
    s.recorded += a.recorded;
    s.reconstructed += !a.recorded;
    s.under_5 += a.age_at_decision && *a.age_at_decision < 5;
    s.age_unknown += !a.age_at_decision;
    s.separated += a.separated;
    s.still_separated += a.still_separated;
    s.children.push_back(std::move(a));
  }
  std::vector<int> values;
  for (const auto& [child, n] : days) values.push_back(n);
  s.median_days_separated = Median(std::move(values));
  for (int st = 0; st <= static_cast<int>(cases::ReunificationStatus::kParentLocationUnknown);
       ++st) {
    const std::string name(ReunificationStatusName(static_cast<cases::ReunificationStatus>(st)));
    auto it = still_by_status.find(name);
    if (it != still_by_status.end()) s.still_separated_by_status.emplace_back(name, it->second);
  }
  for (auto& [key, who] : deciders) {
    for (const AffectedChild& a : s.children) {
      if (Contains(who.children, a.child_id) && a.age_at_decision && *a.age_at_decision < 5) {
        ++who.under_5;
      }
    }
    s.deciders.push_back(std::move(who));
  }
}

}  // namespace

std::string_view DecisionKindName(DecisionKind k) {
  switch (k) {
    case DecisionKind::kProsecution:
      return "prosecution";
    case DecisionKind::kSeparation:
      return "separation";
    case DecisionKind::kRemoval:
      return "removal";
  }
  return "";
}

std::optional<DecisionKind> DecisionKindOf(const cases::Event& e) {
  switch (e.type) {
    case EventType::kProsecutionDecision:
      return DecisionKind::kProsecution;
    case EventType::kSeparationDecision:
      return DecisionKind::kSeparation;
    case EventType::kRemovalDecision:
      return DecisionKind::kRemoval;
    default:
      return std::nullopt;
  }
}

Result<ProvenanceReport> BuildProvenanceReport(const CaseIndex& index, const ProvenanceOptions& o) {
  const ReportInput& in = index.input();
  if (!o.as_of.IsValid()) return InvalidArgument("report: invalid as-of date");
  ProvenanceReport r;
  r.as_of = o.as_of;
  r.source = in.source;
  r.directive_filter = o.directive;

  // Decisions on or before the date, in date order (same day: input order).
  std::vector<const cases::Event*> events;
  for (const cases::Event& e : in.events) {
    if (DecisionKindOf(e) && e.occurred_at <= o.as_of) events.push_back(&e);
  }
  std::stable_sort(events.begin(), events.end(), [](const cases::Event* a, const cases::Event* b) {
    return a->occurred_at < b->occurred_at;
  });

  // Groups: the input's directives in order, then unknown cited ids, then none.
  std::vector<std::string> groups;
  for (const cases::Directive& d : in.directives) groups.push_back(d.directive_id);
  std::set<std::string> unknown;
  bool none = false;
  for (const cases::Event* e : events) {
    if (e->authority.empty()) {
      none = true;
    } else if (in.FindDirective(e->authority) == nullptr) {
      unknown.insert(e->authority);
    }
  }
  groups.insert(groups.end(), unknown.begin(), unknown.end());
  if (none) groups.push_back("");
  if (!o.directive.empty()) {
    const std::string wanted = o.directive == kNoDirective ? "" : o.directive;
    if (std::find(groups.begin(), groups.end(), wanted) == groups.end()) {
      if (o.directive != kNoDirective) {
        return NotFound("no directive '" + o.directive +
                        "' in the input (directives: " + KnownDirectives(in) + ")");
      }
    }
    groups = {wanted};
  }

  REUNITE_ASSIGN_OR_RETURN(std::vector<ChildAssessment> assessed, AssessChildren(index, o.as_of));
  std::map<std::string, const ChildAssessment*> kids;
  for (const ChildAssessment& a : assessed) kids[a.person->person_id] = &a;

  const std::set<std::string> selected(groups.begin(), groups.end());
  for (const cases::Event* e : events) {
    if (selected.contains(e->authority)) {
      r.decisions.push_back(ToRecord(*e, *DecisionKindOf(*e), index));
    }
  }
  for (const std::string& g : groups) {
    DirectiveSummary s;
    s.directive_id = g;
    if (const cases::Directive* d = in.FindDirective(g)) s.directive = *d;
    for (size_t i = 0; i < r.decisions.size(); ++i) {
      if (r.decisions[i].directive_id == g) s.decisions.push_back(i);
    }
    Summarize(s, r.decisions, index, kids, o.as_of);
    r.directives.push_back(std::move(s));
  }

  if (!o.child.empty()) {
    REUNITE_ASSIGN_OR_RETURN(ChildChain chain, BuildChildChain(index, o.child, o.as_of));
    r.chain = std::move(chain);
  }
  return r;
}

}  // namespace reunite::report
