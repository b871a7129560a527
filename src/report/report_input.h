// ReportInput: everything the compliance and provenance reports read, at the
// domain level — persons, their events (subjects are person ids, not record
// references), parent/child relationships, directives and court orders.
// It is a plain value with no tie to storage: the synthetic scenario's truth
// files fill it (scenario_input.h), a JSON document fills it (golden tests,
// ReportInputFromJson), and the store's case-file loader (resolved persons,
// events with subjects mapped to person ids) is meant to fill it too.
//
// What a loader must provide:
//  * every person an event, relationship or decision names, with `child` set
//    for minors (the report population) and the birth date when known;
//  * events as cases::Event (see cases/event.h): custody events, caseworker
//    actions, and decision events (prosecution_decision, separation_decision,
//    removal_decision) with actor = the decider, authority = the directive
//    cited, custodian.facility = the office, payload.outcome, and
//    payload.affected_children = the person ids the decision's record named
//    at decision time (absent/empty when it named none);
//  * event ids that are stable and unique (they are printed as evidence).
// The order of `events` matters only for same-day events (log order).
//
// Thread-compatible: build once, then read from any number of threads.
#ifndef REUNITE_REPORT_REPORT_INPUT_H_
#define REUNITE_REPORT_REPORT_INPUT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/court_order.h"
#include "cases/directive.h"
#include "cases/event.h"
#include "cases/relationship.h"
#include "common/date.h"
#include "reunite/status.h"

namespace reunite::report {

struct ReportPerson {
  std::string person_id;
  std::optional<Date> birth_date;  // unknown: age-based counts say so
  bool child = false;              // a minor: the population the reports count
};

struct ReportInput {
  std::vector<ReportPerson> persons;
  std::vector<cases::Event> events;
  std::vector<cases::Relationship> relationships;
  std::vector<cases::Directive> directives;
  std::vector<cases::CourtOrder> orders;
  // Where the input came from, for the report's header ("scenario DIR").
  std::string source;

  const ReportPerson* FindPerson(std::string_view person_id) const;
  const cases::Directive* FindDirective(std::string_view directive_id) const;
  const cases::CourtOrder* FindOrder(std::string_view order_id) const;
};

// Checks what the reports rely on: unique non-empty person ids, unique event
// ids, every event subject, relationship end and affected child a known
// person, unique directive and order ids. kInvalidArgument naming the first problem.
Status ValidateReportInput(const ReportInput& input);

// The JSON form used by golden tests:
//   {"persons": [{"id", "birth_date"?, "child"}], "events": [cases event JSON],
//    "relationships": [...], "directives": [{"id", "issuer", "issued", "scope", "summary"}],
//    "orders": [order object | "path/relative/to/base_dir.json"]}
// Errors are kInvalidArgument naming `where` and the JSON path.
Result<ReportInput> ReportInputFromJson(const nlohmann::json& j, std::string_view where,
                                        const std::string& base_dir);

// The ids in payload.affected_children of a decision event (strings only).
std::vector<std::string> AffectedChildren(const cases::Event& decision);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_REPORT_INPUT_H_
