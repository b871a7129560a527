#include "report/child_chain.h"

#include <algorithm>

#include "report/provenance_report.h"

namespace reunite::report {

Result<ChildChain> BuildChildChain(const CaseIndex& index, const std::string& child_id,
                                   Date as_of) {
  const ReportInput& in = index.input();
  const ReportPerson* person = index.FindPerson(child_id);
  if (person == nullptr) return NotFound("no person '" + child_id + "' in the input");
  if (!person->child) return InvalidArgument("'" + child_id + "' is not a child");
  if (!as_of.IsValid()) return InvalidArgument("report: invalid as-of date");

  ChildChain chain;
  chain.child_id = child_id;
  chain.birth_date = person->birth_date;
  const std::vector<const cases::Relationship*> rels = index.RelationshipsOfChild(child_id);
  std::vector<size_t> indices = index.EventsOf(child_id);
  for (const cases::Relationship* r : rels) {
    chain.adults.emplace_back(r->parent_id, std::string(RelationshipKindName(r->kind)) + ", " +
                                                std::string(RelationshipStatusName(r->status)));
    const std::vector<size_t>& adult = index.EventsOf(r->parent_id);
    indices.insert(indices.end(), adult.begin(), adult.end());
  }
  for (size_t i = 0; i < in.events.size(); ++i) {
    const cases::Event& e = in.events[i];
    if (!DecisionKindOf(e)) continue;
    const std::vector<std::string> named = AffectedChildren(e);
    if (std::find(named.begin(), named.end(), child_id) != named.end()) indices.push_back(i);
  }
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  std::erase_if(indices, [&](size_t i) { return as_of < in.events[i].occurred_at; });
  std::stable_sort(indices.begin(), indices.end(), [&](size_t a, size_t b) {
    return in.events[a].occurred_at < in.events[b].occurred_at;
  });

  for (size_t i : indices) {
    const cases::Event& e = in.events[i];
    ChainStep s;
    s.on = e.occurred_at;
    s.event_id = e.id;
    s.event_type = std::string(cases::EventTypeName(e.type));
    s.subject_id = e.subjects.empty() ? "" : e.subjects.front();
    if (e.Involves(child_id)) {
      s.subject_id = child_id;
      s.relation = "child";
    } else {
      s.relation = "other";
      for (size_t k = 0; k < rels.size(); ++k) {
        if (e.Involves(rels[k]->parent_id)) {
          s.subject_id = rels[k]->parent_id;
          s.relation = chain.adults[k].second;
          break;
        }
      }
    }
    s.agency = e.custodian.agency;
    s.place = e.custodian.facility;
    s.actor = e.actor;
    s.directive_id = e.authority;
    if (const cases::Directive* d = in.FindDirective(e.authority)) s.directive_issuer = d->issuer;
    s.reason = e.reason;
    s.outcome = e.PayloadString("outcome");
    if (DecisionKindOf(e)) {
      const std::vector<std::string> named = AffectedChildren(e);
      if (std::find(named.begin(), named.end(), child_id) != named.end()) {
        s.child_named = "named";
      } else if (named.empty()) {
        s.child_named = "not named: the record names no children";
      } else {
        s.child_named = "not named: the record names other children";
      }
    }
    chain.steps.push_back(std::move(s));
  }

  const std::vector<cases::Event> history = index.HistoryOf(child_id);
  std::vector<cases::Relationship> own;
  for (const cases::Relationship* r : rels) own.push_back(*r);
  REUNITE_ASSIGN_OR_RETURN(
      chain.status,
      cases::EvaluateChild({child_id, person->birth_date, history, own, as_of}, in.orders));
  return chain;
}

}  // namespace reunite::report
