// CaseIndex: the report input indexed by person, so that each child's case is
// folded from its own history (the child's events and those of every adult
// related to it) rather than from every event of the input. AssessChildren
// folds every child as of a date with cases::BuildChildCase and derives its
// status (cases/status_rules.h): the one projection both reports start from.
//
// A CaseIndex borrows the ReportInput, which must outlive it; read-only and
// thread-safe once built.
#ifndef REUNITE_REPORT_CASE_INDEX_H_
#define REUNITE_REPORT_CASE_INDEX_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cases/child_case.h"
#include "cases/reunification_status.h"
#include "report/report_input.h"

namespace reunite::report {

class CaseIndex {
 public:
  explicit CaseIndex(const ReportInput& input);

  const ReportInput& input() const { return input_; }
  // The person with this id, or nullptr.
  const ReportPerson* FindPerson(std::string_view person_id) const;
  // Indices into input().events of the events naming `person_id` as a subject.
  const std::vector<size_t>& EventsOf(std::string_view person_id) const;
  // Relationships whose child / parent is `person_id`.
  std::vector<const cases::Relationship*> RelationshipsOfChild(std::string_view person_id) const;
  std::vector<const cases::Relationship*> RelationshipsOfParent(std::string_view person_id) const;
  // The events of the child and of every adult related to it, in input order.
  std::vector<cases::Event> HistoryOf(std::string_view child_id) const;

 private:
  const ReportInput& input_;
  std::map<std::string, const ReportPerson*, std::less<>> persons_;
  std::map<std::string, std::vector<size_t>, std::less<>> events_of_;
  std::map<std::string, std::vector<size_t>, std::less<>> child_rels_;
  std::map<std::string, std::vector<size_t>, std::less<>> parent_rels_;
};

struct ChildAssessment {
  const ReportPerson* person = nullptr;  // into the input
  cases::ChildCase child_case;
  cases::StatusFinding finding;
  bool separated() const { return finding.status != cases::ReunificationStatus::kNotSeparated; }
};

// Every child of the input (persons with child = true), in input order.
// kInvalidArgument if as_of is not a valid date.
Result<std::vector<ChildAssessment>> AssessChildren(const CaseIndex& index, Date as_of);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_CASE_INDEX_H_
