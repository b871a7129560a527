// ProvenanceDocument: the provenance report as tables (see provenance_report.h).
#include <map>

#include "report/provenance_report.h"

namespace reunite::report {
namespace {

std::string GroupName(const std::string& directive_id) {
  return directive_id.empty() ? "(no directive cited)" : directive_id;
}

Cell YesNo(bool b) { return TextCell(b ? "yes" : "no"); }

Cell MedianCell(const std::optional<double>& m) { return m ? Cell(*m) : Cell(); }

ReportTable DirectivesTable(const ProvenanceReport& r) {
  ReportTable t;
  t.id = "directives";
  t.title = "Decisions and children affected, by directive";
  t.note =
      "Children affected: named by a decision's record, or reconstructed from the "
      "relationships when the record named none. Separated: affected by a separating "
      "decision under the directive and separated; days separated run to the "
      "reunification or to " +
      r.as_of.ToIso() + ".";
  t.columns = {{"directive", "Directive"},
               {"issuer", "Issued by"},
               {"issued", "In force from"},
               {"decisions", "Decisions"},
               {"prosecutions_accepted", "Prosecutions accepted"},
               {"prosecutions_declined", "Prosecutions declined"},
               {"separations", "Separation decisions"},
               {"removals", "Removal decisions"},
               {"deciders", "Deciders"},
               {"decisions_missing_children", "Separating decisions without children recorded"},
               {"children_affected", "Children affected"},
               {"children_recorded", "Named by a record"},
               {"children_reconstructed", "Reconstructed"},
               {"under_5", "Under 5 at decision"},
               {"age_unknown", "Age unknown"},
               {"separated", "Separated"},
               {"median_days_separated", "Median days separated"},
               {"still_separated", "Still separated"}};
  for (const DirectiveSummary& s : r.directives) {
    t.rows.push_back(
        {TextCell(GroupName(s.directive_id)), TextCell(s.directive ? s.directive->issuer : ""),
         s.directive ? Cell(s.directive->issued) : Cell(),
         IntCell(static_cast<int64_t>(s.decisions.size())), IntCell(s.prosecutions_accepted),
         IntCell(s.prosecutions_declined), IntCell(s.separations), IntCell(s.removals),
         IntCell(static_cast<int64_t>(s.deciders.size())), IntCell(s.decisions_missing_children),
         IntCell(static_cast<int64_t>(s.children.size())), IntCell(s.recorded),
         IntCell(s.reconstructed), IntCell(s.under_5), IntCell(s.age_unknown), IntCell(s.separated),
         MedianCell(s.median_days_separated), IntCell(s.still_separated)});
  }
  return t;
}

ReportTable DecidersTable(const ProvenanceReport& r) {
  ReportTable t;
  t.id = "deciders";
  t.title = "Decisions by decider and office";
  t.columns = {{"directive", "Directive"},
               {"decider", "Decider"},
               {"office", "Office"},
               {"decisions", "Decisions"},
               {"prosecutions_accepted", "Prosecutions accepted"},
               {"prosecutions_declined", "Prosecutions declined"},
               {"separations", "Separations"},
               {"removals", "Removals"},
               {"children_affected", "Children affected"},
               {"under_5", "Under 5 at decision"}};
  for (const DirectiveSummary& s : r.directives) {
    for (const DeciderSummary& d : s.deciders) {
      t.rows.push_back({TextCell(GroupName(s.directive_id)), TextCell(d.decider),
                        TextCell(d.office), IntCell(d.decisions), IntCell(d.prosecutions_accepted),
                        IntCell(d.prosecutions_declined), IntCell(d.separations),
                        IntCell(d.removals), IntCell(static_cast<int64_t>(d.children.size())),
                        IntCell(d.under_5)});
    }
  }
  return t;
}

std::vector<Column> DecisionColumns() {
  return {{"decision", "Decision"},
          {"date", "Date"},
          {"kind", "Kind"},
          {"outcome", "Outcome"},
          {"reason", "Reason"},
          {"decider", "Decider"},
          {"office", "Office"},
          {"directive", "Directive"},
          {"subject", "Subject"},
          {"separates_family", "Separates a family"},
          {"children_recorded", "Children named by the record"},
          {"children_reconstructed", "Children reconstructed"},
          {"children_missing", "Children missing from the record"}};
}

std::vector<Cell> DecisionRow(const DecisionRecord& d) {
  return {TextCell(d.decision_id),
          Cell(d.decided_on),
          TextCell(std::string(DecisionKindName(d.kind))),
          TextCell(d.outcome),
          TextCell(d.reason),
          TextCell(d.decider),
          TextCell(d.office),
          TextCell(GroupName(d.directive_id)),
          TextCell(d.subject_id),
          YesNo(d.separates_family),
          Cell(d.recorded_children),
          Cell(d.reconstructed_children),
          YesNo(d.children_missing)};
}

ReportTable DecisionsTable(const ProvenanceReport& r) {
  ReportTable t;
  t.id = "decisions";
  t.title = "Every decision, its decider, office and directive";
  t.columns = DecisionColumns();
  for (const DecisionRecord& d : r.decisions) t.rows.push_back(DecisionRow(d));
  return t;
}

ReportTable MissingTable(const ProvenanceReport& r) {
  ReportTable t;
  t.id = "missing";
  t.title = "Decisions that separated a family without recording the children";
  t.note =
      "The children listed as reconstructed are the subject's children by the "
      "relationships: who the record should have named.";
  t.columns = DecisionColumns();
  for (const DecisionRecord& d : r.decisions) {
    if (d.children_missing) t.rows.push_back(DecisionRow(d));
  }
  return t;
}

ReportTable ChildrenTable(const ProvenanceReport& r) {
  ReportTable t;
  t.id = "children";
  t.title = "Children affected, by directive";
  t.columns = {{"directive", "Directive"},
               {"child", "Child"},
               {"birth_date", "Birth date"},
               {"first_decision_on", "First decision"},
               {"age_at_decision", "Age at decision"},
               {"under_5", "Under 5"},
               {"named", "Named or reconstructed"},
               {"decisions", "Decisions"},
               {"separated", "Separated under the directive"},
               {"separated_on", "Separated on"},
               {"reunified_on", "Reunified on"},
               {"days_separated", "Days separated"},
               {"still_separated", "Still separated"},
               {"status", "Status"}};
  for (const DirectiveSummary& s : r.directives) {
    for (const AffectedChild& a : s.children) {
      t.rows.push_back({TextCell(GroupName(s.directive_id)), TextCell(a.child_id),
                        OptionalDateCell(a.birth_date), Cell(a.first_decision_on),
                        OptionalIntCell(a.age_at_decision),
                        a.age_at_decision ? YesNo(*a.age_at_decision < 5) : Cell(),
                        TextCell(a.recorded ? "named" : "reconstructed"), Cell(a.decisions),
                        YesNo(a.separated), OptionalDateCell(a.separated_on),
                        OptionalDateCell(a.reunified_on), OptionalIntCell(a.days_separated),
                        YesNo(a.still_separated),
                        TextCell(std::string(ReunificationStatusName(a.status)))});
    }
  }
  return t;
}

ReportTable StillSeparatedTable(const ProvenanceReport& r) {
  ReportTable t;
  t.id = "still_separated";
  t.title = "Children still separated, by directive and status";
  t.columns = {
      {"directive", "Directive"}, {"status", "Status"}, {"count", "Children"}, {"children", "Who"}};
  for (const DirectiveSummary& s : r.directives) {
    for (const auto& [status, cell] : s.still_separated_by_status) {
      t.rows.push_back({TextCell(GroupName(s.directive_id)), TextCell(status),
                        IntCell(cell.count()), Cell(cell.children)});
    }
  }
  return t;
}

ReportTable ChainTable(const ChildChain& c, Date as_of) {
  ReportTable t;
  t.id = "chain";
  t.title = "The chain of " + c.child_id + ", from apprehension to " + as_of.ToIso();
  std::string adults;
  for (const auto& [id, how] : c.adults)
    adults += (adults.empty() ? "" : "; ") + id + " (" + how + ")";
  t.note = "Related adults: " + (adults.empty() ? std::string("none recorded") : adults) + ".";
  t.columns = {{"step", "Step"},
               {"date", "Date"},
               {"event", "Event"},
               {"type", "What"},
               {"subject", "About"},
               {"relation", "Relation to the child"},
               {"agency", "Agency"},
               {"place", "Where"},
               {"decider", "Decided or recorded by"},
               {"directive", "Directive"},
               {"issuer", "Directive issued by"},
               {"reason", "Reason"},
               {"outcome", "Outcome"},
               {"child_named", "Child named in the record"}};
  int n = 0;
  for (const ChainStep& s : c.steps) {
    t.rows.push_back({IntCell(++n), Cell(s.on), TextCell(s.event_id), TextCell(s.event_type),
                      TextCell(s.subject_id), TextCell(s.relation), TextCell(s.agency),
                      TextCell(s.place), TextCell(s.actor), TextCell(s.directive_id),
                      TextCell(s.directive_issuer), TextCell(s.reason), TextCell(s.outcome),
                      TextCell(s.child_named)});
  }
  const cases::StatusFinding& f = c.status.finding;
  std::string due;
  if (c.status.due_date) {
    due = "reunification due " + c.status.due_date->ToIso() + " (" + c.status.due_order_id + ")";
    if (c.status.days_overdue)
      due += ", " + std::to_string(*c.status.days_overdue) + " days overdue";
    if (c.status.days_remaining) {
      due += ", " + std::to_string(*c.status.days_remaining) + " days remaining";
    }
  }
  t.rows.push_back({IntCell(++n), Cell(as_of), TextCell(f.set_by_event),
                    TextCell("status: " + std::string(ReunificationStatusName(f.status))),
                    TextCell(c.child_id), TextCell("child"), Cell(), Cell(), TextCell(f.decided_by),
                    Cell(), Cell(), TextCell(f.reason), TextCell(due), Cell()});
  return t;
}

}  // namespace

ReportDocument ProvenanceDocument(const ProvenanceReport& r) {
  ReportDocument doc;
  doc.kind = "provenance";
  doc.title =
      "Provenance of prosecution, separation and removal decisions as of " + r.as_of.ToIso();
  int decisions = 0, missing = 0;
  for (const DecisionRecord& d : r.decisions) {
    ++decisions;
    missing += d.children_missing;
  }
  doc.meta = {{"as_of", r.as_of.ToIso()},
              {"source", r.source},
              {"directive", r.directive_filter.empty() ? "all" : r.directive_filter},
              {"decisions", std::to_string(decisions)},
              {"decisions_missing_children", std::to_string(missing)}};
  if (r.chain) doc.meta.emplace_back("child", r.chain->child_id);
  if (r.chain) doc.tables.push_back(ChainTable(*r.chain, r.as_of));
  doc.tables.push_back(DirectivesTable(r));
  doc.tables.push_back(DecidersTable(r));
  doc.tables.push_back(MissingTable(r));
  doc.tables.push_back(StillSeparatedTable(r));
  doc.tables.push_back(ChildrenTable(r));
  doc.tables.push_back(DecisionsTable(r));
  doc.primary_table = r.chain ? "chain" : "directives";
  return doc;
}

}  // namespace reunite::report
