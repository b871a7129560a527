// The reports over the API: the compliance report of one court order and the
// provenance of decisions (per directive), as of a date, read from the store
// (service/report_input_store.h: resolved persons, their events, relationships,
// directives; orders from files). Each function loads the input, builds the
// report with src/report, removes the columns the caller's role may not see
// (AccessPolicy field classes: a table column named like a redacted field is
// dropped from every format), and records the read in the audit log before
// returning.
//
// Errors: kInvalidArgument for a bad date or an ambiguous order (naming the
// orders); kNotFound for an unknown order, directive or child; the store's
// kFailedPrecondition while it holds no resolved persons. Thread-safety: as
// the Connection.
#ifndef REUNITE_SERVICE_REPORT_SERVICE_H_
#define REUNITE_SERVICE_REPORT_SERVICE_H_

#include <nlohmann/json.hpp>
#include <string>

#include "common/date.h"
#include "report/report_document.h"
#include "service/access_policy.h"
#include "service/caller.h"
#include "storage/connection.h"

namespace reunite::service {

struct ReportQuery {
  std::string orders_dir = "orders";  // court orders (*.json)
  Date as_of;
  std::string order;      // compliance: the order id; empty = the only order loaded
  std::string directive;  // provenance: one directive ("none": citing none); empty = all
  std::string child;      // provenance: also this child's chain
};

// The compliance document (tables summary, deadlines, overdue, children,
// counts), redacted for caller.role.
Result<report::ReportDocument> ComplianceReportFor(storage::Connection& db,
                                                   const AccessPolicy& policy, const Caller& caller,
                                                   const ReportQuery& query);
// The provenance document (tables directives, deciders, decisions, children,
// still_separated, missing, and chain with a child), redacted for caller.role.
Result<report::ReportDocument> ProvenanceReportFor(storage::Connection& db,
                                                   const AccessPolicy& policy, const Caller& caller,
                                                   const ReportQuery& query);

// GET /directives: {"as_of", "directives": [{"id", "title", "issued_at",
// "issued_by", "decisions", "children_affected", "under_5", "separated",
// "still_separated", "median_days_separated", "decisions_missing_children"}]};
// the group of decisions citing no directive has id "none".
Result<nlohmann::json> ListDirectives(storage::Connection& db, const AccessPolicy& policy,
                                      const Caller& caller, const ReportQuery& query);
// GET /directives/{id}: the directive with its decisions ({"event_seq",
// "decision_id", "type", "decided_by", "office", "occurred_at", "outcome",
// "children", "children_reconstructed", "children_missing"}) and deciders.
Result<nlohmann::json> ReadDirective(storage::Connection& db, const AccessPolicy& policy,
                                     const Caller& caller, const std::string& directive_id,
                                     const ReportQuery& query);

// Drops from every table of `doc` the columns `role` may not see; returns
// their ids (sorted, unique).
std::vector<std::string> RedactDocument(const AccessPolicy& policy, cases::Role role,
                                        report::ReportDocument& doc);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_REPORT_SERVICE_H_
