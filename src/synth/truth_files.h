// The ground truth written beside the exports (DIR/truth/*.csv, DIR/orders/):
// who everyone really is, which export records are whose, relationships,
// family units, each person's timeline, directives and decisions. Column
// meanings: docs/synthetic-data.md. Thread-safe: pure functions.
#ifndef REUNITE_SYNTH_TRUTH_FILES_H_
#define REUNITE_SYNTH_TRUTH_FILES_H_

#include <string>
#include <string_view>

#include "synth/scenario.h"

namespace reunite::synth {

enum class TruthFile { kPersons = 0, kRelationships, kFamilyUnits, kTimeline, kDecisions };
inline constexpr int kTruthFileCount = 5;

std::string_view TruthFileName(TruthFile file);  // "persons.csv", ...
std::string_view TruthHeader(TruthFile file);    // header line, no line end
inline constexpr std::string_view kRecordsHeader = "source,record_id,person_id";
inline constexpr std::string_view kDirectivesHeader =
    "directive_id,effective_date,end_date,issuer,scope,summary";

struct TruthRows {
  std::string text[kTruthFileCount];  // complete lines, each ending in '\n'
  std::string& of(TruthFile f) { return text[static_cast<int>(f)]; }
};

// Appends the truth rows of `family` to `out`.
void RenderTruth(const Family& family, TruthRows& out);

// The whole of truth/directives.csv (header included).
std::string DirectivesCsv();
// The whole of orders/court_order.json.
std::string CourtOrderJson();

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_TRUTH_FILES_H_
