#include "report/case_index.h"

#include <algorithm>

#include "cases/status_rules.h"

namespace reunite::report {

CaseIndex::CaseIndex(const ReportInput& input) : input_(input) {
  for (const ReportPerson& p : input.persons) persons_.emplace(p.person_id, &p);
  for (size_t i = 0; i < input.events.size(); ++i) {
    for (const std::string& s : input.events[i].subjects) {
      std::vector<size_t>& list = events_of_[s];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  for (size_t i = 0; i < input.relationships.size(); ++i) {
    child_rels_[input.relationships[i].child_id].push_back(i);
    parent_rels_[input.relationships[i].parent_id].push_back(i);
  }
}

const ReportPerson* CaseIndex::FindPerson(std::string_view person_id) const {
  auto it = persons_.find(person_id);
  return it == persons_.end() ? nullptr : it->second;
}

const std::vector<size_t>& CaseIndex::EventsOf(std::string_view person_id) const {
  static const std::vector<size_t> kNone;
  auto it = events_of_.find(person_id);
  return it == events_of_.end() ? kNone : it->second;
}

namespace {
std::vector<const cases::Relationship*> Pick(
    const ReportInput& in, const std::map<std::string, std::vector<size_t>, std::less<>>& m,
    std::string_view id) {
  std::vector<const cases::Relationship*> out;
  auto it = m.find(id);
  if (it == m.end()) return out;
  for (size_t i : it->second) out.push_back(&in.relationships[i]);
  return out;
}
}  // namespace

std::vector<const cases::Relationship*> CaseIndex::RelationshipsOfChild(
    std::string_view person_id) const {
  return Pick(input_, child_rels_, person_id);
}

std::vector<const cases::Relationship*> CaseIndex::RelationshipsOfParent(
    std::string_view person_id) const {
  return Pick(input_, parent_rels_, person_id);
}

std::vector<cases::Event> CaseIndex::HistoryOf(std::string_view child_id) const {
  std::vector<size_t> indices = EventsOf(child_id);
  for (const cases::Relationship* r : RelationshipsOfChild(child_id)) {
    const std::vector<size_t>& adult = EventsOf(r->parent_id);
    indices.insert(indices.end(), adult.begin(), adult.end());
  }
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  std::vector<cases::Event> out;
  out.reserve(indices.size());
  for (size_t i : indices) out.push_back(input_.events[i]);
  return out;
}

Result<std::vector<ChildAssessment>> AssessChildren(const CaseIndex& index, Date as_of) {
  if (!as_of.IsValid()) return InvalidArgument("report: invalid as-of date");
  std::vector<ChildAssessment> out;
  for (const ReportPerson& p : index.input().persons) {
    if (!p.child) continue;
    const std::vector<cases::Event> history = index.HistoryOf(p.person_id);
    std::vector<cases::Relationship> rels;
    for (const cases::Relationship* r : index.RelationshipsOfChild(p.person_id)) rels.push_back(*r);
    cases::CaseInput in{p.person_id, p.birth_date, history, rels, as_of};
    REUNITE_ASSIGN_OR_RETURN(cases::ChildCase c, cases::BuildChildCase(in));
    ChildAssessment a;
    a.person = &p;
    a.finding = cases::DeriveStatus(c);
    a.child_case = std::move(c);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace reunite::report
