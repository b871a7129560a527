#include "service/report_service.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "report/case_index.h"
#include "report/compliance_report.h"
#include "report/provenance_report.h"
#include "service/audit_trail.h"
#include "service/report_input_store.h"

namespace reunite::service {
namespace {

nlohmann::json OrNull(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

std::string DirectiveKey(const std::string& id) { return id.empty() ? "none" : id; }

Result<report::ProvenanceReport> BuildProvenance(storage::Connection& db,
                                                 const ReportQuery& query) {
  REUNITE_ASSIGN_OR_RETURN(report::ReportInput in, LoadStoreReportInput(db, query.orders_dir));
  const report::CaseIndex index(in);
  return report::BuildProvenanceReport(index, {query.as_of, query.directive, query.child});
}

nlohmann::json DirectiveSummaryJson(const report::DirectiveSummary& d) {
  nlohmann::json out = {
      {"id", DirectiveKey(d.directive_id)},
      {"title", d.directive_id.empty() ? "Decisions citing no directive" : d.directive_id},
      {"decisions", static_cast<int64_t>(d.decisions.size())},
      {"children_affected", static_cast<int64_t>(d.children.size())},
      {"under_5", d.under_5},
      {"separated", d.separated},
      {"still_separated", d.still_separated},
      {"median_days_separated", OrNull(d.median_days_separated)},
      {"decisions_missing_children", d.decisions_missing_children}};
  if (d.directive) {
    if (!d.directive->summary.empty()) out["title"] = d.directive->summary;
    out["issued_at"] = d.directive->issued.ToIso();
    out["issued_by"] = d.directive->issuer;
  }
  return out;
}

}  // namespace

std::vector<std::string> RedactDocument(const AccessPolicy& policy, cases::Role role,
                                        report::ReportDocument& doc) {
  std::set<std::string> removed;
  for (report::ReportTable& table : doc.tables) {
    std::vector<size_t> keep;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (policy.Sees(role, table.columns[i].id)) {
        keep.push_back(i);
      } else {
        removed.insert(table.columns[i].id);
      }
    }
    if (keep.size() == table.columns.size()) continue;
    std::vector<report::Column> columns;
    for (size_t i : keep) columns.push_back(table.columns[i]);
    table.columns = std::move(columns);
    for (auto& row : table.rows) {
      std::vector<report::Cell> cells;
      for (size_t i : keep) cells.push_back(std::move(row[i]));
      row = std::move(cells);
    }
  }
  return {removed.begin(), removed.end()};
}

Result<report::ReportDocument> ComplianceReportFor(storage::Connection& db,
                                                   const AccessPolicy& policy, const Caller& caller,
                                                   const ReportQuery& query) {
  REUNITE_ASSIGN_OR_RETURN(report::ReportInput in, LoadStoreReportInput(db, query.orders_dir));
  std::string order = query.order;
  if (order.empty()) {
    if (in.orders.size() != 1) {
      std::string ids;
      for (const auto& o : in.orders) ids += (ids.empty() ? "" : ", ") + o.order_id;
      return InvalidArgument("query parameter 'order': required (orders: " +
                             (ids.empty() ? std::string("none") : ids) + ")");
    }
    order = in.orders.front().order_id;
  }
  const report::CaseIndex index(in);
  REUNITE_ASSIGN_OR_RETURN(report::ComplianceReport r,
                           report::BuildComplianceReport(index, order, query.as_of));
  report::ReportDocument doc = report::ComplianceDocument(r);
  if (caller.role) RedactDocument(policy, *caller.role, doc);
  REUNITE_RETURN_IF_ERROR(
      RecordAudit(db, caller, {"order:" + order}, "ok", "compliance as of " + query.as_of.ToIso()));
  return doc;
}

Result<report::ReportDocument> ProvenanceReportFor(storage::Connection& db,
                                                   const AccessPolicy& policy, const Caller& caller,
                                                   const ReportQuery& query) {
  REUNITE_ASSIGN_OR_RETURN(report::ProvenanceReport r, BuildProvenance(db, query));
  report::ReportDocument doc = report::ProvenanceDocument(r);
  if (caller.role) RedactDocument(policy, *caller.role, doc);
  std::vector<std::string> subjects;
  if (!query.directive.empty()) subjects.push_back("directive:" + query.directive);
  if (!query.child.empty()) subjects.push_back(query.child);
  REUNITE_RETURN_IF_ERROR(
      RecordAudit(db, caller, subjects, "ok", "provenance as of " + query.as_of.ToIso()));
  return doc;
}

Result<nlohmann::json> ListDirectives(storage::Connection& db, const AccessPolicy& /*policy*/,
                                      const Caller& caller, const ReportQuery& query) {
  ReportQuery all = query;
  all.directive.clear();
  all.child.clear();
  REUNITE_ASSIGN_OR_RETURN(report::ProvenanceReport r, BuildProvenance(db, all));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : r.directives) list.push_back(DirectiveSummaryJson(d));
  REUNITE_RETURN_IF_ERROR(
      RecordAudit(db, caller, {}, "ok", "directives as of " + query.as_of.ToIso()));
  return nlohmann::json{{"as_of", r.as_of.ToIso()}, {"directives", std::move(list)}};
}

Result<nlohmann::json> ReadDirective(storage::Connection& db, const AccessPolicy& /*policy*/,
                                     const Caller& caller, const std::string& directive_id,
                                     const ReportQuery& query) {
  ReportQuery one = query;
  one.directive = directive_id;
  one.child.clear();
  REUNITE_ASSIGN_OR_RETURN(report::ProvenanceReport r, BuildProvenance(db, one));
  if (r.directives.empty()) return NotFound("no directive '" + directive_id + "'");
  const report::DirectiveSummary& d = r.directives.front();
  nlohmann::json out = DirectiveSummaryJson(d);
  nlohmann::json decisions = nlohmann::json::array();
  for (size_t i : d.decisions) {
    const report::DecisionRecord& rec = r.decisions[i];
    char* end = nullptr;
    long long seq = std::strtoll(rec.decision_id.c_str(), &end, 10);
    const bool reconstructed = rec.recorded_children.empty();
    decisions.push_back(
        {{"event_seq", end != nullptr && *end == '\0' ? seq : 0},
         {"decision_id", rec.decision_id},
         {"type", std::string(report::DecisionKindName(rec.kind))},
         {"decided_by", rec.decider},
         {"office", rec.office},
         {"occurred_at", rec.decided_on.ToIso()},
         {"subject", rec.subject_id},
         {"outcome", rec.outcome},
         {"separates_family", rec.separates_family},
         {"children", reconstructed ? rec.reconstructed_children : rec.recorded_children},
         {"children_reconstructed", reconstructed},
         {"children_missing", rec.children_missing}});
  }
  out["decisions"] = std::move(decisions);
  nlohmann::json deciders = nlohmann::json::array();
  for (const auto& s : d.deciders) {
    deciders.push_back({{"decided_by", s.decider},
                        {"office", s.office},
                        {"decisions", s.decisions},
                        {"separations", s.separations},
                        {"children", static_cast<int64_t>(s.children.size())},
                        {"under_5", s.under_5}});
  }
  out["deciders"] = std::move(deciders);
  out["as_of"] = r.as_of.ToIso();
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {"directive:" + DirectiveKey(d.directive_id)},
                                      "ok", "directive as of " + query.as_of.ToIso()));
  return out;
}

}  // namespace reunite::service
