// The chain of one child, for the provenance report: every event of the
// child and of each related adult, and every decision whose record names the
// child, in date order — apprehension, each decision with its decider and
// directive, custody, caseworker actions — up to the status as of the date.
// Pure; only events on or before the date count.
#ifndef REUNITE_REPORT_CHILD_CHAIN_H_
#define REUNITE_REPORT_CHILD_CHAIN_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/child_status.h"
#include "report/case_index.h"

namespace reunite::report {

struct ChainStep {
  Date on;
  std::string event_id, event_type;
  std::string subject_id;
  std::string relation;  // "child", the adult's relationship ("parent, asserted"), or "other"
  std::string agency, place, actor;
  std::string directive_id, directive_issuer;
  std::string reason, outcome;
  // Decisions only: "named", "not named: the record names no children",
  // "not named: the record names other children".
  std::string child_named;
};

struct ChildChain {
  std::string child_id;
  std::optional<Date> birth_date;
  std::vector<std::pair<std::string, std::string>> adults;  // (person id, "parent, verified")
  std::vector<ChainStep> steps;                             // date order
  cases::ChildStatus status;  // as of the date, against every order of the input
};

// kNotFound when `child_id` is not a person of the input, kInvalidArgument
// when the person is not a child or the date is invalid.
Result<ChildChain> BuildChildChain(const CaseIndex& index, const std::string& child_id, Date as_of);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_CHILD_CHAIN_H_
