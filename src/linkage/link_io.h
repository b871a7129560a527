// Files around a linkage run, shared by `reunite link`, `train` and
// `explain`: reading the input exports with a column map and date order,
// reading reviewed pairs, writing pairs.csv and clusters.csv, and rendering
// an explanation (text waterfall or JSON).
#ifndef REUNITE_LINKAGE_LINK_IO_H_
#define REUNITE_LINKAGE_LINK_IO_H_

#include <string>
#include <vector>

#include "linkage/link_job.h"
#include "linkage/model.h"
#include "linkage/records.h"
#include "linkage/scoring.h"
#include "names/dates.h"
#include "reunite/status.h"

namespace reunite::linkage {

struct InputSpec {
  std::string left_path;
  std::string right_path;  // empty: deduplicate left
  std::string id_column;
  std::string column_map;           // "given_name=first,dob=birth_date"
  std::string date_order = "auto";  // iso | mdy | dmy | auto
  bool trim = true;
  // The right file's own id column, column map and date order when its
  // schema differs from the left's; empty means "as the left file".
  std::string right_id_column;
  std::string right_column_map;
  std::string right_date_order;
};

struct Inputs {
  RecordTable left;
  RecordTable right;  // empty when deduplicating
  bool dedupe = true;
  std::vector<std::string> warnings;  // e.g. columns absent from a file
};

// "iso" -> kIso, "mdy" -> kMonthFirst, "dmy" -> kDayFirst, "auto" -> kAuto.
Result<names::DateOrder> ParseDateOrderFlag(const std::string& text);

Result<Inputs> ReadInputs(const Model& model, const InputSpec& spec);

// Reads a CSV with header left_id,right_id,is_match (is_match: 1/0, true/false,
// yes/no). Ids are looked up in `left` and `right` (the same table when
// deduplicating). Errors name file:line:field.
Result<std::vector<LabelledPair>> ReadLabels(const std::string& path, const RecordTable& left,
                                             const RecordTable& right);

// pairs.csv: left_id,right_id,match_weight,match_probability (one row per match).
Status WritePairs(const std::string& path, const LinkJob& job, const RecordTable& left,
                  const RecordTable& right);
// clusters.csv: cluster_id,file,record_id (file: 1 or 2; every record listed).
Status WriteClusters(const std::string& path, const LinkJob& job, const RecordTable& left,
                     const RecordTable& right);

// The waterfall for one pair (the PairScore must come from Scorer::Score).
std::string ExplainText(const Model& model, const RecordTable& left, size_t i,
                        const RecordTable& right, size_t j, const PairScore& score);
std::string ExplainJson(const Model& model, const RecordTable& left, size_t i,
                        const RecordTable& right, size_t j, const PairScore& score);

// The raw value(s) a comparison reads, joined with " / " for two columns.
std::string ComparisonValue(const Comparison& c, const RecordTable& table, size_t record);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_LINK_IO_H_
