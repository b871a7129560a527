// The provenance report, the Inspector General's question: for each
// directive, the prosecution, separation and removal decisions made under it,
// by whom and where, the children they affected (ages at decision time,
// under-5 count), the median days those children were separated and how many
// still are; the decisions that separated a family without recording the
// children; and, for one child, the full chain from apprehension through each
// decision, its decider and directive, to the status as of the date.
// A pure function of the input and the options; only events on or before
// the as-of date count.
//
// Definitions (docs/reports.md has the long form):
//  * decision: a prosecution_decision, separation_decision or
//    removal_decision event; "under" a directive = its authority names it
//    (decisions citing none form the group "" — no directive cited).
//  * separates a family: a separation decision, or an accepted prosecution.
//  * children affected: those the decision's record named
//    (payload.affected_children); when a prosecution or separation record
//    names none, the subject's children by the relationships are listed as
//    `reconstructed` — what the record should have said — and, if the
//    decision separated a family, the decision is reported as missing them.
//  * separated under a directive: affected by one of its separating decisions
//    and having their own `separated` event; days separated = from that
//    separation to the child's reunification, or to the as-of date;
//    still separated = not reunified by the as-of date (whatever the status,
//    e.g. placed with a sponsor).
#ifndef REUNITE_REPORT_PROVENANCE_REPORT_H_
#define REUNITE_REPORT_PROVENANCE_REPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cases/child_status.h"
#include "report/case_index.h"
#include "report/child_chain.h"
#include "report/count_cell.h"
#include "report/day_stats.h"
#include "report/report_document.h"

namespace reunite::report {

enum class DecisionKind { kProsecution, kSeparation, kRemoval };
std::string_view DecisionKindName(DecisionKind k);  // prosecution | separation | removal
// The kind of a decision event; nullopt for any other event.
std::optional<DecisionKind> DecisionKindOf(const cases::Event& e);

struct DecisionRecord {
  std::string decision_id;  // the event id
  DecisionKind kind = DecisionKind::kSeparation;
  Date decided_on;
  std::string decider;       // Event::actor
  std::string office;        // Event::custodian.facility (district, sector, court)
  std::string directive_id;  // Event::authority; "" when none cited
  std::string subject_id;    // the adult decided about (first subject)
  std::string outcome;       // payload.outcome
  std::string reason;
  bool separates_family = false;
  std::vector<std::string> recorded_children;       // named by the record at decision time
  std::vector<std::string> reconstructed_children;  // the subject's children, when none named
  bool children_missing = false;  // separates a family, and the record names no child
};

struct AffectedChild {
  std::string child_id;
  std::optional<Date> birth_date;
  Date first_decision_on;  // the first decision under the directive naming the child
  std::optional<int> age_at_decision;
  bool recorded = false;               // named by a record (else only reconstructed)
  std::vector<std::string> decisions;  // ids, in date order
  bool separated = false;              // see the header comment
  std::optional<Date> separated_on, reunified_on;
  std::optional<int> days_separated;
  bool still_separated = false;
  cases::ReunificationStatus status = cases::ReunificationStatus::kNotSeparated;
};

struct DeciderSummary {
  std::string decider, office;
  int decisions = 0, prosecutions_accepted = 0, prosecutions_declined = 0, separations = 0,
      removals = 0;
  std::vector<std::string> children;  // affected, recorded or reconstructed
  int under_5 = 0;
};

struct DirectiveSummary {
  std::string directive_id;                   // "" = no directive cited
  std::optional<cases::Directive> directive;  // when the input knows it
  std::vector<size_t> decisions;              // indices into ProvenanceReport::decisions
  int prosecutions_accepted = 0, prosecutions_declined = 0, separations = 0, removals = 0;
  int decisions_missing_children = 0;
  std::vector<DeciderSummary> deciders;  // by decider, then office
  std::vector<AffectedChild> children;   // input order of persons
  int recorded = 0, reconstructed = 0, under_5 = 0, age_unknown = 0;
  int separated = 0, still_separated = 0;
  std::optional<double> median_days_separated;
  // The still-separated children by status name, in rule order.
  std::vector<std::pair<std::string, CountCell>> still_separated_by_status;
};

struct ProvenanceOptions {
  Date as_of;
  // Only this directive's section ("none" = decisions citing no directive);
  // empty: every directive.
  std::string directive;
  // Also the chain of this child; empty: no chain.
  std::string child;
};

struct ProvenanceReport {
  Date as_of;
  std::string source;
  std::string directive_filter;
  std::vector<DecisionRecord> decisions;  // those in the reported directives, date order
  std::vector<DirectiveSummary> directives;
  std::optional<ChildChain> chain;
};

// kNotFound for an unknown directive (naming the known ones) or child;
// kInvalidArgument for a person who is not a child or an invalid date.
Result<ProvenanceReport> BuildProvenanceReport(const CaseIndex& index,
                                               const ProvenanceOptions& options);

// Tables: directives, deciders, decisions, children, still_separated,
// missing (decisions that separated a family without recording children),
// and chain when a child was asked for. Primary: chain if present, else
// directives.
ReportDocument ProvenanceDocument(const ProvenanceReport& report);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_PROVENANCE_REPORT_H_
