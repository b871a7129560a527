#include "linkage/link_io.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "common/csv.h"

namespace reunite::linkage {
namespace {

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Probability(double p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", p);
  return buf;
}

}  // namespace

Result<names::DateOrder> ParseDateOrderFlag(const std::string& text) {
  if (text == "iso") return names::DateOrder::kIso;
  if (text == "mdy") return names::DateOrder::kMonthFirst;
  if (text == "dmy") return names::DateOrder::kDayFirst;
  if (text == "auto") return names::DateOrder::kAuto;
  return InvalidArgument("--date-order: '" + text + "': expected iso, mdy, dmy or auto");
}

namespace {

// True when `column` is read by a given-name or surname comparison (those
// fall back to the full_name column).
bool NameColumn(const Model& model, const std::string& column) {
  for (const Comparison& c : model.comparisons) {
    if (c.kind != ComparisonKind::kGivenName && c.kind != ComparisonKind::kSurnames) continue;
    if (std::find(c.columns.begin(), c.columns.end(), column) != c.columns.end()) return true;
  }
  return false;
}

}  // namespace

Result<Inputs> ReadInputs(const Model& model, const InputSpec& spec) {
  Inputs in;
  auto read_one = [&](const std::string& path, const std::string& id_column,
                      const std::string& column_map, const std::string& date_order,
                      RecordTable* out) -> Status {
    ReadOptions options;
    options.id_column = id_column;
    options.columns = model.Columns();
    options.trim = spec.trim;
    REUNITE_ASSIGN_OR_RETURN(options.column_map, ParseColumnMap(column_map));
    REUNITE_ASSIGN_OR_RETURN(names::DateOrder order, ParseDateOrderFlag(date_order));
    ReadReport report;
    REUNITE_ASSIGN_OR_RETURN(*out, ReadRecords(path, options, &report));
    out->date_order = order;
    const bool full_name = out->ColumnIndex(kFullNameColumn) >= 0;
    for (const std::string& c : report.missing_columns) {
      if (c == "maternal_surname") continue;            // optional by design
      if (full_name && NameColumn(model, c)) continue;  // split from full_name
      in.warnings.push_back(path + ": no column '" + c + "' (read as missing; use --map " + c +
                            "=COLUMN)");
    }
    return Status::Ok();
  };
  REUNITE_RETURN_IF_ERROR(
      read_one(spec.left_path, spec.id_column, spec.column_map, spec.date_order, &in.left));
  in.dedupe = spec.right_path.empty();
  if (!in.dedupe) {
    auto or_left = [](const std::string& right, const std::string& left) {
      return right.empty() ? left : right;
    };
    REUNITE_RETURN_IF_ERROR(read_one(spec.right_path, or_left(spec.right_id_column, spec.id_column),
                                     or_left(spec.right_column_map, spec.column_map),
                                     or_left(spec.right_date_order, spec.date_order), &in.right));
  }
  return in;
}

Result<std::vector<LabelledPair>> ReadLabels(const std::string& path, const RecordTable& left,
                                             const RecordTable& right) {
  CsvOptions csv;
  csv.trim_spaces = true;
  REUNITE_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path, csv));
  const int li = reader->ColumnIndex("left_id");
  const int ri = reader->ColumnIndex("right_id");
  const int mi = reader->ColumnIndex("is_match");
  if (li < 0 || ri < 0 || mi < 0) {
    return InvalidArgument(path + ": expected a header left_id,right_id,is_match");
  }
  std::unordered_map<std::string, uint32_t> left_index, right_index;
  for (uint32_t i = 0; i < left.size(); ++i) left_index.emplace(left.ids[i], i);
  for (uint32_t i = 0; i < right.size(); ++i) right_index.emplace(right.ids[i], i);
  std::vector<LabelledPair> out;
  std::vector<std::string> f;
  while (true) {
    REUNITE_ASSIGN_OR_RETURN(bool more, reader->Next(f));
    if (!more) break;
    if (f.size() != reader->header().size()) {
      return InvalidArgument(reader->Where() + ": expected " +
                             std::to_string(reader->header().size()) + " fields, found " +
                             std::to_string(f.size()));
    }
    auto l = left_index.find(f[static_cast<size_t>(li)]);
    if (l == left_index.end()) {
      return InvalidArgument(reader->Where() + ": field 'left_id': no record '" +
                             f[static_cast<size_t>(li)] + "' in " + left.source);
    }
    auto r = right_index.find(f[static_cast<size_t>(ri)]);
    if (r == right_index.end()) {
      return InvalidArgument(reader->Where() + ": field 'right_id': no record '" +
                             f[static_cast<size_t>(ri)] + "' in " + right.source);
    }
    const std::string& m = f[static_cast<size_t>(mi)];
    bool is_match;
    if (m == "1" || m == "true" || m == "yes") {
      is_match = true;
    } else if (m == "0" || m == "false" || m == "no") {
      is_match = false;
    } else {
      return InvalidArgument(reader->Where() + ": field 'is_match': expected 1/0, got '" + m + "'");
    }
    out.push_back({l->second, r->second, is_match});
  }
  return out;
}

Status WritePairs(const std::string& path, const LinkJob& job, const RecordTable& left,
                  const RecordTable& right) {
  REUNITE_ASSIGN_OR_RETURN(auto writer, CsvWriter::Open(path));
  writer->WriteRow({"left_id", "right_id", "match_weight", "match_probability"});
  for (const ScoredPair& p : job.matches()) {
    writer->WriteRow({left.ids[p.left], right.ids[p.right], Fixed(p.weight, 4),
                      Probability(ProbabilityFromWeight(p.weight))});
  }
  return writer->Close();
}

Status WriteClusters(const std::string& path, const LinkJob& job, const RecordTable& left,
                     const RecordTable& right) {
  REUNITE_ASSIGN_OR_RETURN(auto writer, CsvWriter::Open(path));
  writer->WriteRow({"cluster_id", "file", "record_id"});
  const Clusters& c = job.clusters();
  for (size_t i = 0; i < left.size(); ++i) {
    writer->WriteRow({c.cluster_ids[c.cluster_of[i]], "1", left.ids[i]});
  }
  if (!job.dedupe()) {
    for (size_t j = 0; j < right.size(); ++j) {
      writer->WriteRow({c.cluster_ids[c.cluster_of[left.size() + j]], "2", right.ids[j]});
    }
  }
  return writer->Close();
}

std::string ComparisonValue(const Comparison& c, const RecordTable& table, size_t record) {
  std::string out;
  bool empty = true;
  for (size_t k = 0; k < c.columns.size(); ++k) {
    if (k > 0) out += " / ";
    const std::string& v = table.Value(table.ColumnIndex(c.columns[k]), record);
    empty = empty && v.empty();
    out += v;
  }
  if (empty && (c.kind == ComparisonKind::kGivenName || c.kind == ComparisonKind::kSurnames)) {
    const std::string& full = table.Value(table.ColumnIndex(kFullNameColumn), record);
    if (!full.empty()) return "(full name) " + full;
  }
  return out;
}

namespace {
// The prior the pair was scored with: the model's, or its group pair's
// (LinkJob::group_priors).
double PairPrior(const Model& model, const PairScore& score) {
  const double model_weight = std::log2(model.prior / (1.0 - model.prior));
  return std::fabs(score.prior_weight - model_weight) < 1e-9
             ? model.prior
             : ProbabilityFromWeight(score.prior_weight);
}
}  // namespace

std::string ExplainText(const Model& model, const RecordTable& left, size_t i,
                        const RecordTable& right, size_t j, const PairScore& score) {
  std::string out;
  out += "pair " + left.ids[i] + " (" + left.Where(i) + ") ~ " + right.ids[j] + " (" +
         right.Where(j) + ")\n";
  char line[512];
  std::snprintf(line, sizeof line, "%-16s %-24s %-20s %-20s %9s %9s %8s %7s\n", "comparison",
                "level", "left", "right", "m", "u", "weight", "tf");
  out += line;
  std::snprintf(line, sizeof line, "%-16s %-24s %-20s %-20s %9s %9s %+8.3f %7s\n", "prior",
                ("P=" + Probability(PairPrior(model, score))).c_str(), "", "", "", "",
                score.prior_weight, "");
  out += line;
  for (int c = 0; c < score.comparisons; ++c) {
    const Comparison& comp = model.comparisons[static_cast<size_t>(c)];
    const Level& level = comp.levels[score.levels[c]];
    const bool null_level = score.levels[c] == 0;
    std::string tf = score.tf_weights[c] != 0 ? Fixed(score.tf_weights[c], 3) : "";
    std::snprintf(line, sizeof line, "%-16s %-24s %-20.20s %-20.20s %9s %9s %+8.3f %7s\n",
                  comp.name.c_str(), level.label.c_str(), ComparisonValue(comp, left, i).c_str(),
                  ComparisonValue(comp, right, j).c_str(),
                  null_level ? "-" : Probability(level.m).c_str(),
                  null_level ? "-" : Probability(level.u).c_str(), score.weights[c], tf.c_str());
    out += line;
  }
  std::snprintf(line, sizeof line, "match weight %+.3f  match probability %s\n", score.match_weight,
                Probability(score.match_probability).c_str());
  out += line;
  return out;
}

std::string ExplainJson(const Model& model, const RecordTable& left, size_t i,
                        const RecordTable& right, size_t j, const PairScore& score) {
  nlohmann::ordered_json j_out;
  j_out["left_id"] = left.ids[i];
  j_out["right_id"] = right.ids[j];
  j_out["prior"] = PairPrior(model, score);
  j_out["prior_weight"] = score.prior_weight;
  j_out["comparisons"] = nlohmann::ordered_json::array();
  for (int c = 0; c < score.comparisons; ++c) {
    const Comparison& comp = model.comparisons[static_cast<size_t>(c)];
    const Level& level = comp.levels[score.levels[c]];
    nlohmann::ordered_json e;
    e["name"] = comp.name;
    e["level"] = score.levels[c];
    e["label"] = level.label;
    e["left"] = ComparisonValue(comp, left, i);
    e["right"] = ComparisonValue(comp, right, j);
    if (score.levels[c] != 0) {
      e["m"] = level.m;
      e["u"] = level.u;
    }
    e["weight"] = score.weights[c];
    e["tf_adjustment"] = score.tf_weights[c];
    j_out["comparisons"].push_back(e);
  }
  j_out["match_weight"] = score.match_weight;
  j_out["match_probability"] = score.match_probability;
  return j_out.dump(2) + "\n";
}

}  // namespace reunite::linkage
