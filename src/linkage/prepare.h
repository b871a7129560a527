// The PREPARE step: every record's features are computed once (folding,
// surname splitting, nickname resolution, phonetic keys, date parsing, ID
// normalisation via reunite::names), interned into compact per-comparison
// columns, so the per-pair loop does integer compares and short-string
// similarity only. Blocking keys are computed here too.
//
// A FeatureSpace owns the string pools shared by the tables of one run (both
// files of a link, or the registry and its queries); prepare every table of a
// run with the same FeatureSpace. Not thread-safe while preparing; read-only
// afterwards (safe to share between scoring threads).
#ifndef REUNITE_LINKAGE_PREPARE_H_
#define REUNITE_LINKAGE_PREPARE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/date.h"
#include "linkage/model.h"
#include "linkage/records.h"
#include "linkage/string_pool.h"
#include "names/given_names.h"
#include "names/surnames.h"

namespace reunite::linkage {

// Features of one comparison for every record of a table. Which vectors are
// filled depends on the comparison's kind (see prepare.cc).
struct PreparedComparison {
  std::vector<uint32_t> value;        // interned standardised value; 0 = missing
  std::vector<uint32_t> phonetic;     // interned phonetic key (text, given name)
  std::vector<uint32_t> first;        // interned first given name (given name)
  std::vector<uint32_t> token_begin;  // token_set: tokens[token_begin[i]..token_begin[i+1])
  std::vector<uint32_t> tokens;       // sorted interned token ids
  std::vector<Date> dates;            // date; Date{} = missing
  std::vector<double> numbers;        // numeric; NaN = missing
  std::vector<names::SurnameFeature> surnames;
  std::vector<names::GivenNameFeature> given;
};

struct PreparedTable {
  size_t size = 0;
  std::vector<PreparedComparison> comparisons;  // parallel to model.comparisons
  // Row-major copy of every comparison's `value` (numeric comparisons: 1 when
  // the number is present), so the per-pair loop reads one cache line per
  // record: rows[record * comparisons.size() + c]. 0 = missing.
  std::vector<uint32_t> rows;
  const uint32_t* Row(size_t record) const { return rows.data() + record * comparisons.size(); }
  std::vector<std::vector<uint64_t>> block_keys;  // [rule][record]; 0 = no key
  // [rule][record]: 1 when the record lacks the rule's if_missing value;
  // empty for rules without if_missing.
  std::vector<std::vector<uint8_t>> block_missing;
  int64_t unparsed_dates = 0;   // date values read as missing
  std::vector<uint8_t> groups;  // RecordTable::groups (empty when the table has none)
};

class FeatureSpace {
 public:
  explicit FeatureSpace(const Model& model);
  const Model& model() const { return model_; }
  const StringPool& pool(size_t comparison) const { return pools_[comparison]; }

  // Prepares `table` using `threads` workers for the per-record work.
  PreparedTable Prepare(const RecordTable& table, int threads = 1);

  // Counts each tf_adjust comparison's values over the given tables:
  // TermCount(c, id) records hold value id, out of TermTotal(c) non-missing.
  void CountTermFrequencies(const std::vector<const PreparedTable*>& tables);
  double TermCount(size_t comparison, uint32_t id) const {
    const auto& tf = term_frequency_[comparison];
    return id < tf.size() ? tf[id] : 0.0;
  }
  double TermTotal(size_t comparison) const { return term_total_[comparison]; }

 private:
  Model model_;
  std::vector<StringPool> pools_;
  std::vector<std::vector<double>> term_frequency_;  // counts
  std::vector<double> term_total_;
};

// True when record i has no value for the comparison (null level).
bool IsMissing(const PreparedComparison& pc, size_t i);

// The standardised text of a raw value for blocking and display: the date in
// ISO form for date columns, else names::FoldText.
std::string StandardiseForKey(std::string_view raw, bool is_date, names::DateOrder order);

// The date order to read `column` of `table` with: `requested` unless it is
// kAuto, else detected from the first 1000 non-empty values.
names::DateOrder ResolveDateOrder(const RecordTable& table, int column, names::DateOrder requested);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_PREPARE_H_
