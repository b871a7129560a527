// Each agency's export, rendered from a simulated Family in that agency's own
// schema and habits (see docs/synthetic-data.md for every column). Rendering
// applies the error model (ErrorModel) with the family's own Rng, so a
// family's rows are reproducible on any thread.
//
// Record IDs are sequential per source and so are assigned by the single
// writer (generator.cc) in family order: an ExportRow carries everything but
// its record ID. Thread-safe: no shared mutable state.
#ifndef REUNITE_SYNTH_EXPORTS_H_
#define REUNITE_SYNTH_EXPORTS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synth/corruption.h"
#include "synth/scenario.h"

namespace reunite::synth {

enum class Source { kE3 = 0, kIce, kShelter, kProsecution, kOutreach, kDecisionLog };
inline constexpr int kSourceCount = 6;
inline constexpr std::array<Source, kSourceCount> kAllSources = {
    Source::kE3,          Source::kIce,      Source::kShelter,
    Source::kProsecution, Source::kOutreach, Source::kDecisionLog};

// Short name used in truth/records.csv: e3, ice, orr, usao, ngo, dlog.
std::string_view SourceName(Source source);
// File name under DIR/exports/.
std::string_view ExportFileName(Source source);
// The CSV header line (no line end); empty for the JSON Lines export.
std::string_view ExportHeader(Source source);
// The name of the record ID column (or JSON key).
std::string_view RecordIdColumn(Source source);

// Error rates of one source (probabilities per record unless noted).
struct SourceErrors {
  NameRates names;
  DobRates dob;
  double a_number_missing = 0;
  double a_number_mistyped = 0;
  double sex_wrong = 0;
  double duplicate = 0;     // the row is entered twice (a new record ID, re-typed fields)
  double accents_kept = 0;  // names keep their accents (else folded to ASCII)
};
struct ErrorModel {
  std::array<SourceErrors, kSourceCount> source;
  static ErrorModel Default();
  const SourceErrors& of(Source s) const { return source[static_cast<int>(s)]; }
};

struct ExportRow {
  std::string person_id;  // truth: whose record this is
  // Prosecution only: the case-number prefix ("7:18") whose counter numbers
  // the case, and the Marshals district code for the register number.
  std::string case_prefix;
  std::string_view usms_code;
  // The fields after the record ID, each preceded by its delimiter (CSV) or
  // the rest of the JSON object after the ID member; no line end.
  std::string tail;
};

struct RenderedExports {
  std::array<std::vector<ExportRow>, kSourceCount> rows;
  std::vector<ExportRow>& of(Source s) { return rows[static_cast<int>(s)]; }
};

// Renders every export row of `family` (appends to `out`).
void RenderExports(const Family& family, Rng& rng, const ErrorModel& errors, RenderedExports& out);

// The record ID for sequence number `seq` (1-based within the source, or
// within the case prefix for prosecution).
std::string FormatRecordId(Source source, uint64_t seq, std::string_view case_prefix);
// Marshals register number "12345-379" for sequence `seq` within a district.
std::string FormatUsmsNumber(uint64_t seq, std::string_view usms_code);

namespace internal {
// Per-source renderers (exports_border.cc, exports_care.cc).
void RenderE3(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out);
void RenderIce(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out);
void RenderProsecution(const Family& f, Rng& rng, const SourceErrors& e,
                       std::vector<ExportRow>& out);
void RenderShelter(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out);
void RenderOutreach(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out);
// exports_decisions.cc
void RenderDecisionLog(const Family& f, Rng& rng, const SourceErrors& e,
                       std::vector<ExportRow>& out);

// Shared helpers.
void AddField(std::string& tail, std::string_view value);
std::string UsDate(const Date& d);
std::string IsoDate(const Date& d);
std::string DmyDate(const Date& d);
// A recorded name for `p` with the source's rates and a hard-variation budget
// that depends on whether a correct A-number is on the same record.
RecordedName RecordPersonName(Rng& rng, const Person& p, const SourceErrors& e, bool anchored);
Date RecordPersonDob(Rng& rng, const Person& p, const SourceErrors& e, int budget_left);
// The recorded A-number in one of `styles` (weights), or empty; sets `correct`.
std::string RecordANumber(Rng& rng, const Person& p, const SourceErrors& e,
                          std::initializer_list<std::pair<ANumberStyle, double>> styles,
                          bool& correct);
}  // namespace internal

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_EXPORTS_H_
