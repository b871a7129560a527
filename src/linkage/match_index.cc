// LinkageIndex (include/reunite/linkage.h): the registry prepared once, its
// blocking keys sorted per rule; a query is prepared as a one-record table
// and scored against the union of its blocks (deduplicated as in Blocker).
#include <algorithm>
#include <mutex>
#include <unordered_set>

#include "linkage/blocking.h"
#include "linkage/link_io.h"
#include "linkage/model.h"
#include "linkage/prepare.h"
#include "linkage/records.h"
#include "linkage/scoring.h"
#include "reunite/linkage.h"

namespace reunite::linkage {

struct LinkageIndex::Impl {
  Model model;
  RecordTable registry;
  std::unique_ptr<FeatureSpace> space;
  PreparedTable prepared;
  std::unique_ptr<Scorer> scorer;
  // Per rule: (key, record) sorted; effective keys (0 for a record in an
  // oversized block) for deduplication across rules.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> sorted;
  std::vector<std::vector<uint64_t>> keys;
  double min_probability = 0;
  mutable std::mutex mu;
  mutable size_t last_candidates = 0;

  Status Build(int threads) {
    space = std::make_unique<FeatureSpace>(model);
    prepared = space->Prepare(registry, threads);
    space->CountTermFrequencies({&prepared});
    scorer = std::make_unique<Scorer>(*space, model);
    const size_t rules = prepared.block_keys.size();
    sorted.resize(rules);
    keys = prepared.block_keys;
    for (size_t r = 0; r < rules; ++r) {
      auto& s = sorted[r];
      for (uint32_t i = 0; i < prepared.size; ++i) {
        if (keys[r][i] != 0) s.push_back({keys[r][i], i});
      }
      std::sort(s.begin(), s.end());
      // Drop oversized blocks (as batch blocking does) and clear their keys.
      // An if_missing block is bounded by the pairs of its records lacking
      // the value (BlockTooLarge); when it has more than max_block_size
      // records only those are kept (a query without the value then meets
      // only them, not the whole block).
      std::vector<std::pair<uint64_t, uint32_t>> kept;
      const std::vector<uint8_t>& missing = prepared.block_missing[r];
      const auto max_size = static_cast<uint64_t>(model.MaxBlockSize(r));
      size_t b = 0;
      while (b < s.size()) {
        size_t e = b + 1;
        while (e < s.size() && s[e].first == s[b].first) ++e;
        uint64_t lacking = e - b;
        if (!missing.empty()) {
          lacking = 0;
          for (size_t k = b; k < e; ++k) lacking += missing[s[k].second];
        }
        if (BlockTooLarge(e - b, lacking, max_size)) {
          for (size_t k = b; k < e; ++k) keys[r][s[k].second] = 0;
        } else if (e - b > max_size) {
          for (size_t k = b; k < e; ++k) {
            if (missing[s[k].second]) {
              kept.push_back(s[k]);
            } else {
              keys[r][s[k].second] = 0;
            }
          }
        } else {
          kept.insert(kept.end(), s.begin() + static_cast<long>(b),
                      s.begin() + static_cast<long>(e));
        }
        b = e;
      }
      s = std::move(kept);
    }
    return Status::Ok();
  }
};

LinkageIndex::LinkageIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LinkageIndex::~LinkageIndex() = default;

namespace {

Result<std::unique_ptr<LinkageIndex::Impl>> MakeImpl(Result<Model> model,
                                                     const IndexOptions& options) {
  if (!model.ok()) return model.status();
  auto impl = std::make_unique<LinkageIndex::Impl>();
  impl->model = std::move(model).value();
  impl->min_probability = options.min_probability;
  return impl;
}

ReadOptions ReadOptionsFor(const Model& model, const IndexOptions& options) {
  ReadOptions r;
  r.id_column = options.id_column;
  r.column_map = options.column_map;
  r.columns = model.Columns();
  return r;
}

}  // namespace

Result<std::unique_ptr<LinkageIndex>> LinkageIndex::Open(const std::string& model_path,
                                                         const std::string& registry_csv,
                                                         const IndexOptions& options) {
  REUNITE_ASSIGN_OR_RETURN(auto impl, MakeImpl(LoadModel(model_path), options));
  REUNITE_ASSIGN_OR_RETURN(impl->registry,
                           ReadRecords(registry_csv, ReadOptionsFor(impl->model, options)));
  REUNITE_ASSIGN_OR_RETURN(impl->registry.date_order, ParseDateOrderFlag(options.date_order));
  REUNITE_RETURN_IF_ERROR(impl->Build(options.threads));
  return std::unique_ptr<LinkageIndex>(new LinkageIndex(std::move(impl)));
}

Result<std::unique_ptr<LinkageIndex>> LinkageIndex::FromStrings(const std::string& model_json,
                                                                const std::string& registry_csv,
                                                                const IndexOptions& options) {
  REUNITE_ASSIGN_OR_RETURN(auto impl, MakeImpl(ParseModel(model_json, "model"), options));
  REUNITE_ASSIGN_OR_RETURN(
      impl->registry,
      ReadRecordsFromString(registry_csv, "registry", ReadOptionsFor(impl->model, options)));
  REUNITE_ASSIGN_OR_RETURN(impl->registry.date_order, ParseDateOrderFlag(options.date_order));
  REUNITE_RETURN_IF_ERROR(impl->Build(options.threads));
  return std::unique_ptr<LinkageIndex>(new LinkageIndex(std::move(impl)));
}

Result<std::unique_ptr<LinkageIndex>> LinkageIndex::FromTable(const Model& model,
                                                              RecordTable registry,
                                                              const IndexOptions& options) {
  REUNITE_ASSIGN_OR_RETURN(auto impl, MakeImpl(model, options));
  for (const std::string& column : model.Columns()) {
    if (registry.ColumnIndex(column) < 0 && column != "maternal_surname") {
      return InvalidArgument(registry.source + ": no column '" + column + "' (read by model '" +
                             model.name + "')");
    }
  }
  if (registry.data.size() != registry.columns.size() ||
      std::any_of(registry.data.begin(), registry.data.end(),
                  [&](const auto& col) { return col.size() != registry.ids.size(); }) ||
      registry.lines.size() != registry.ids.size()) {
    return InvalidArgument(registry.source + ": columns, ids and lines differ in length");
  }
  std::unordered_set<std::string_view> seen;
  for (const std::string& id : registry.ids) {
    if (!seen.insert(id).second) {
      return InvalidArgument(registry.source + ": duplicate record id '" + id + "'");
    }
  }
  impl->registry = std::move(registry);
  REUNITE_RETURN_IF_ERROR(impl->Build(options.threads));
  return std::unique_ptr<LinkageIndex>(new LinkageIndex(std::move(impl)));
}

size_t LinkageIndex::size() const { return impl_->registry.size(); }
size_t LinkageIndex::last_candidates() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->last_candidates;
}

Result<std::vector<MatchCandidate>> LinkageIndex::Match(
    const std::map<std::string, std::string>& record, size_t top_k) const {
  Impl& x = *impl_;
  RecordTable query;
  query.source = "query";
  query.columns = x.registry.columns;
  if (query.ColumnIndex(kFullNameColumn) < 0) query.columns.push_back(kFullNameColumn);
  query.data.resize(query.columns.size());
  for (const auto& [column, value] : record) {
    if (query.ColumnIndex(column) < 0) {
      return InvalidArgument("query: field '" + column + "': not a column of model '" +
                             x.model.name + "'");
    }
  }
  for (size_t c = 0; c < query.columns.size(); ++c) {
    auto it = record.find(query.columns[c]);
    query.data[c].push_back(it == record.end() ? std::string() : it->second);
  }
  query.ids.push_back("query");
  query.lines.push_back(0);
  query.date_order = names::DateOrder::kAuto;

  std::lock_guard<std::mutex> lock(x.mu);
  PreparedTable q = x.space->Prepare(query, 1);
  std::vector<std::pair<double, uint32_t>> scored;
  const size_t rules = q.block_keys.size();
  for (size_t r = 0; r < rules; ++r) {
    const uint64_t key = q.block_keys[r][0];
    if (key == 0) continue;
    // An if_missing rule pairs the query with every record of the block when
    // the query lacks the value, else only with the records that lack it.
    auto paired = [&](size_t rule, uint32_t j) {
      const std::vector<uint8_t>& miss = x.prepared.block_missing[rule];
      return miss.empty() || q.block_missing[rule][0] || miss[j];
    };
    const auto& s = x.sorted[r];
    auto it = std::lower_bound(s.begin(), s.end(), std::make_pair(key, uint32_t{0}));
    for (; it != s.end() && it->first == key; ++it) {
      const uint32_t j = it->second;
      if (!paired(r, j)) continue;
      bool earlier = false;
      for (size_t e = 0; e < r && !earlier; ++e) {
        earlier = q.block_keys[e][0] != 0 && q.block_keys[e][0] == x.keys[e][j] && paired(e, j);
      }
      if (earlier) continue;
      scored.push_back({x.scorer->Score(q, 0, x.prepared, j), j});
    }
  }
  x.last_candidates = scored.size();
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<MatchCandidate> out;
  for (const auto& [w, j] : scored) {
    if (out.size() >= top_k) break;
    PairScore score;
    x.scorer->Score(q, 0, x.prepared, j, &score);
    if (score.match_probability < x.min_probability) break;
    MatchCandidate c;
    c.record_id = x.registry.ids[j];
    c.record_index = j;
    c.match_weight = score.match_weight;
    c.match_probability = score.match_probability;
    c.prior_weight = score.prior_weight;
    for (int k = 0; k < score.comparisons; ++k) {
      const Comparison& comp = x.model.comparisons[static_cast<size_t>(k)];
      const Level& level = comp.levels[score.levels[k]];
      Contribution ct;
      ct.comparison = comp.name;
      ct.level = score.levels[k];
      ct.level_label = level.label;
      ct.query_value = ComparisonValue(comp, query, 0);
      ct.record_value = ComparisonValue(comp, x.registry, j);
      if (ct.level != 0) {
        ct.m = level.m;
        ct.u = level.u;
      }
      ct.weight = score.weights[k];
      ct.tf_adjustment = score.tf_weights[k];
      c.explanation.push_back(std::move(ct));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace reunite::linkage
