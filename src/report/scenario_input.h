// Loads a ReportInput from a synthetic scenario's ground truth (the
// directory `reunite synth --out DIR` writes; docs/synthetic-data.md):
//   truth/persons.csv        persons (role child = a child; dob)
//   truth/relationships.csv  parent/guardian -> child (mother, father: parent;
//                            grandmother, grandfather: other_relative), asserted
//   truth/timeline.csv       one event per row, id "timeline.csv:<line>"; the
//                            rows of type prosecution_decision are skipped:
//                            decisions.csv holds the same decisions in full
//   truth/decisions.csv      one decision event per row, id = decision_id:
//                            prosecution_decision (custodian agency
//                            "prosecution"), separation_decision ("border"),
//                            removal_decision ("immigration"); facility =
//                            district; payload.outcome; payload.affected_children
//                            only when children_recorded is 1, i.e. what the
//                            decision's record said at decision time
//   truth/directives.csv     directives
//   orders/*.json            court orders
// This stands in for the store's case-file loader until persons are
// resolved there; the report code cannot tell the two apart.
//
// Errors name the file and line: kNotFound for a missing file,
// kInvalidArgument for a missing column, kParseError for a bad date or value.
#ifndef REUNITE_REPORT_SCENARIO_INPUT_H_
#define REUNITE_REPORT_SCENARIO_INPUT_H_

#include <string>

#include "report/report_input.h"

namespace reunite::report {

Result<ReportInput> LoadScenarioInput(const std::string& dir);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_SCENARIO_INPUT_H_
