#include "linkage/training.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>
#include <unordered_map>

#include "common/hash.h"
#include "common/random.h"
#include "linkage/parallel.h"

namespace reunite::linkage {
namespace {

struct PatternKey {
  uint64_t lo = 0, hi = 0;
  bool operator==(const PatternKey&) const = default;
};
struct PatternKeyHash {
  size_t operator()(const PatternKey& k) const {
    return static_cast<size_t>((k.lo * 0x9E3779B97F4A7C15ULL) ^ (k.hi + (k.lo >> 29)));
  }
};

PatternKey Pack(const uint8_t* levels, size_t n) {
  PatternKey k;
  for (size_t c = 0; c < n; ++c) {
    uint64_t v = levels[c] & 0xF;
    if (c < 16) {
      k.lo |= v << (4 * c);
    } else {
      k.hi |= v << (4 * (c - 16));
    }
  }
  return k;
}

void Unpack(const PatternKey& k, size_t n, uint8_t* levels) {
  for (size_t c = 0; c < n; ++c) {
    levels[c] =
        static_cast<uint8_t>(c < 16 ? (k.lo >> (4 * c)) & 0xF : (k.hi >> (4 * (c - 16))) & 0xF);
  }
}

constexpr double kMinProbability = 1e-6;

}  // namespace

void EstimateU(const Scorer& scorer, const PreparedTable& left, const PreparedTable& right,
               bool dedupe, const TrainingOptions& options, Model* model, TrainingReport* report) {
  const size_t nc = model->comparisons.size();
  if (left.size == 0 || right.size == 0 || (dedupe && left.size < 2)) return;
  const int threads = std::max(1, options.threads);
  std::vector<std::vector<std::array<uint64_t, kMaxLevels>>> counts(
      static_cast<size_t>(threads), std::vector<std::array<uint64_t, kMaxLevels>>(nc));
  uint64_t sample = options.u_sample_pairs;
  if (sample == 0) {
    sample = std::clamp<uint64_t>(5 * (left.size + (dedupe ? 0 : right.size)), 50'000, 1'000'000);
  }
  const uint64_t per_thread = sample / static_cast<uint64_t>(threads) + 1;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      Rng rng(options.seed + 7919 * static_cast<uint64_t>(t));
      uint8_t levels[kMaxComparisons];
      LevelCache cache(scorer.model());
      auto& mine = counts[static_cast<size_t>(t)];
      for (uint64_t s = 0; s < per_thread; ++s) {
        size_t i = rng.Below(left.size);
        size_t j = rng.Below(right.size);
        if (dedupe && i == j) continue;
        scorer.Levels(left, i, right, j, levels, &cache);
        for (size_t c = 0; c < nc; ++c) ++mine[c][levels[c]];
      }
    });
  }
  for (auto& th : pool) th.join();
  uint64_t total_pairs = 0;
  for (size_t c = 0; c < nc; ++c) {
    Comparison& comp = model->comparisons[c];
    std::array<uint64_t, kMaxLevels> sum{};
    for (const auto& tc : counts) {
      for (size_t l = 0; l < comp.levels.size(); ++l) sum[l] += tc[c][l];
    }
    double nonnull = 0;
    for (size_t l = 1; l < comp.levels.size(); ++l) nonnull += static_cast<double>(sum[l]);
    total_pairs = std::max<uint64_t>(total_pairs, static_cast<uint64_t>(nonnull) + sum[0]);
    const double levels = static_cast<double>(comp.levels.size() - 1);
    for (size_t l = 1; l < comp.levels.size(); ++l) {
      Level& level = comp.levels[l];
      if (level.fixed_u || !options.train_u) continue;
      level.u = (static_cast<double>(sum[l]) + 0.5) / (nonnull + 0.5 * levels);
    }
  }
  if (report != nullptr) report->u_pairs = total_pairs;
}

namespace {

struct MaskedKey {
  PatternKey pattern;
  uint32_t rules = 0;
  bool operator==(const MaskedKey&) const = default;
};
struct MaskedKeyHash {
  size_t operator()(const MaskedKey& k) const {
    return PatternKeyHash{}(k.pattern) ^ (static_cast<size_t>(k.rules) * 0xBF58476D1CE4E5B9ULL);
  }
};

// Sorted by levels (deterministic: hash map order is not).
std::vector<PatternCount> ToPatterns(
    const std::unordered_map<PatternKey, uint64_t, PatternKeyHash>& map, size_t nc) {
  std::vector<PatternCount> out;
  out.reserve(map.size());
  for (const auto& [k, v] : map) {
    PatternCount p;
    Unpack(k, nc, p.levels.data());
    p.count = static_cast<double>(v);
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(),
            [](const PatternCount& a, const PatternCount& b) { return a.levels < b.levels; });
  return out;
}

}  // namespace

namespace {

// (level vector, rules) -> dense id, open addressing: the distinct keys are
// few (thousands) against tens of millions of pairs, so the table stays in
// cache and a lookup is a hash and a compare.
class KeyIndex {
 public:
  KeyIndex() : table_(1024, -1) {}
  uint32_t Add(const MaskedKey& k) {
    size_t h = MaskedKeyHash{}(k) & (table_.size() - 1);
    while (table_[h] >= 0) {
      const auto id = static_cast<uint32_t>(table_[h]);
      if (keys_[id] == k) {
        ++counts_[id];
        return id;
      }
      h = (h + 1) & (table_.size() - 1);
    }
    const auto id = static_cast<uint32_t>(keys_.size());
    keys_.push_back(k);
    counts_.push_back(1);
    table_[h] = static_cast<int32_t>(id);
    if (keys_.size() * 2 > table_.size()) Grow();
    return id;
  }
  const std::vector<MaskedKey>& keys() const { return keys_; }
  const std::vector<uint64_t>& counts() const { return counts_; }

 private:
  void Grow() {
    std::vector<int32_t> bigger(table_.size() * 2, -1);
    for (size_t id = 0; id < keys_.size(); ++id) {
      size_t h = MaskedKeyHash{}(keys_[id]) & (bigger.size() - 1);
      while (bigger[h] >= 0) h = (h + 1) & (bigger.size() - 1);
      bigger[h] = static_cast<int32_t>(id);
    }
    table_ = std::move(bigger);
  }
  std::vector<MaskedKey> keys_;
  std::vector<uint64_t> counts_;
  std::vector<int32_t> table_;
};

}  // namespace

CandidatePatterns CountCandidatePatterns(const Scorer& scorer, const PreparedTable& left,
                                         const PreparedTable& right, const Blocker& blocker,
                                         int threads, RecordedPatterns* recorded) {
  const size_t nc = scorer.model().comparisons.size();
  threads = std::max(1, threads);
  std::vector<KeyIndex> indexes(static_cast<size_t>(threads));
  std::vector<std::vector<uint32_t>> local_ids(recorded != nullptr ? threads : 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      KeyIndex& index = indexes[static_cast<size_t>(t)];
      std::vector<uint32_t>* ids =
          recorded != nullptr ? &local_ids[static_cast<size_t>(t)] : nullptr;
      uint8_t levels[kMaxComparisons];
      LevelCache cache(scorer.model());
      blocker.ForEachPairWithRules(t, threads, [&](uint32_t i, uint32_t j, uint32_t rules) {
        scorer.Levels(left, i, right, j, levels, &cache);
        const uint32_t id = index.Add(MaskedKey{Pack(levels, nc), rules});
        if (ids != nullptr) ids->push_back(id);
      });
    });
  }
  for (auto& th : pool) th.join();
  // Merge: distinct level vectors over all threads and rules.
  std::unordered_map<PatternKey, uint32_t, PatternKeyHash> pattern_index;
  std::vector<PatternKey> pattern_keys;
  std::vector<uint64_t> all_counts;
  std::vector<std::unordered_map<uint32_t, uint64_t>> by_rule(blocker.rules());
  std::vector<std::vector<uint32_t>> local_to_pattern(static_cast<size_t>(threads));
  for (size_t t = 0; t < indexes.size(); ++t) {
    const KeyIndex& index = indexes[t];
    for (size_t id = 0; id < index.keys().size(); ++id) {
      const MaskedKey& k = index.keys()[id];
      auto [it, added] =
          pattern_index.emplace(k.pattern, static_cast<uint32_t>(pattern_keys.size()));
      if (added) {
        pattern_keys.push_back(k.pattern);
        all_counts.push_back(0);
      }
      const uint32_t p = it->second;
      const uint64_t v = index.counts()[id];
      all_counts[p] += v;
      for (uint32_t rest = k.rules; rest != 0; rest &= rest - 1) {
        by_rule[static_cast<size_t>(__builtin_ctz(rest))][p] += v;
      }
      local_to_pattern[t].push_back(p);
    }
  }
  auto to_patterns = [&](auto counts_of) {
    std::unordered_map<PatternKey, uint64_t, PatternKeyHash> map;
    counts_of(map);
    return ToPatterns(map, nc);
  };
  CandidatePatterns out;
  out.all = to_patterns([&](auto& map) {
    for (size_t p = 0; p < pattern_keys.size(); ++p) map[pattern_keys[p]] += all_counts[p];
  });
  for (const auto& m : by_rule) {
    out.by_rule.push_back(to_patterns([&](auto& map) {
      for (const auto& [p, v] : m) map[pattern_keys[p]] += v;
    }));
  }
  if (recorded != nullptr) {
    recorded->shards = threads;
    recorded->patterns.assign(pattern_keys.size(), {});
    for (size_t p = 0; p < pattern_keys.size(); ++p) {
      Unpack(pattern_keys[p], nc, recorded->patterns[p].data());
    }
    recorded->pattern_of_pair.resize(static_cast<size_t>(threads));
    for (size_t t = 0; t < local_ids.size(); ++t) {
      std::vector<uint32_t>& ids = local_ids[t];
      for (uint32_t& id : ids) id = local_to_pattern[t][id];
      recorded->pattern_of_pair[t] = std::move(ids);
    }
  }
  return out;
}

namespace {

// Which comparisons a blocking rule's keys read (by comparison name or column).
std::vector<bool> RuleComparisons(const Model& model, const BlockingRule& rule) {
  std::vector<bool> used(model.comparisons.size(), false);
  for (const std::string& key : rule.keys) {
    const std::string name = key.substr(0, key.find(':'));
    for (size_t c = 0; c < model.comparisons.size(); ++c) {
      const Comparison& comp = model.comparisons[c];
      if (comp.name == name ||
          std::find(comp.columns.begin(), comp.columns.end(), name) != comp.columns.end()) {
        used[c] = true;
      }
    }
  }
  return used;
}

}  // namespace

// Sequential per-rule m estimation: in model order, each rule's EM runs over
// that rule's pairs with the rule's own comparisons switched off; comparisons
// an earlier rule already estimated are used with their m fixed (they make the
// classification sharp), the rest are estimated and then fixed in turn.
void EstimateMPerRule(const std::vector<std::vector<PatternCount>>& by_rule,
                      const std::vector<PatternCount>& labelled, double expected_matches,
                      const TrainingOptions& options, Model* model) {
  const size_t nc = model->comparisons.size();
  std::vector<bool> estimated(nc, false);
  TrainingOptions rule_options = options;
  rule_options.em_candidate_u = false;
  for (size_t r = 0; r < by_rule.size() && r < model->blocking.size(); ++r) {
    const std::vector<bool> used = RuleComparisons(*model, model->blocking[r]);
    bool anything_new = false;
    for (size_t c = 0; c < nc; ++c) anything_new |= !used[c] && !estimated[c];
    if (!anything_new) continue;
    std::vector<PatternCount> patterns = by_rule[r];
    patterns.insert(patterns.end(), labelled.begin(), labelled.end());
    double n = 0;
    for (PatternCount& p : patterns) {
      for (size_t c = 0; c < nc; ++c) {
        if (used[c]) p.levels[c] = 0;
      }
      if (p.label < 0) n += p.count;
    }
    if (n <= 0) continue;
    Model rule_model = *model;
    for (size_t c = 0; c < nc; ++c) {
      if (!estimated[c]) continue;
      for (Level& level : rule_model.comparisons[c].levels) level.fixed_m = true;
    }
    RunEm(patterns, std::min(0.5, 0.5 * expected_matches / n), rule_options, &rule_model, nullptr);
    for (size_t c = 0; c < nc; ++c) {
      if (used[c] || estimated[c]) continue;
      for (size_t l = 1; l < model->comparisons[c].levels.size(); ++l) {
        Level& level = model->comparisons[c].levels[l];
        if (!level.fixed_m) level.m = rule_model.comparisons[c].levels[l].m;
      }
      estimated[c] = true;
    }
  }
}

void SetStartingM(Model* model) {
  for (Comparison& c : model->comparisons) {
    const size_t n = c.levels.size();
    double weights[kMaxLevels] = {};
    double total = 0;
    for (size_t l = 1; l < n; ++l) {
      const LevelKind kind = c.levels[l].kind;
      double w;
      if (kind == LevelKind::kElse || kind == LevelKind::kGivenGenderMismatch ||
          kind == LevelKind::kGivenDifferentNames || kind == LevelKind::kGivenMiddleConflict) {
        w = 0.02;
      } else {
        w = std::pow(0.4, static_cast<double>(l - 1));
      }
      weights[l] = w;
      total += w;
    }
    for (size_t l = 1; l < n; ++l) {
      if (!c.levels[l].fixed_m) c.levels[l].m = weights[l] / total;
    }
  }
}

double RunEm(const std::vector<PatternCount>& patterns, double start_lambda,
             const TrainingOptions& options, Model* model, TrainingReport* report) {
  const size_t nc = model->comparisons.size();
  double lambda = std::clamp(start_lambda, 1e-9, 0.999);
  std::vector<std::array<double, kMaxLevels>> log_m(nc), log_u(nc), num(nc), num_u(nc);
  // u used inside EM: starts at the model's (random-sample) u; re-estimated
  // among candidates when options.em_candidate_u.
  std::vector<std::array<double, kMaxLevels>> em_u(nc);
  for (size_t c = 0; c < nc; ++c) {
    for (size_t l = 1; l < model->comparisons[c].levels.size(); ++l) {
      em_u[c][l] = model->comparisons[c].levels[l].u;
    }
  }
  int it = 0;
  bool converged = false;
  for (; it < options.max_iterations; ++it) {
    for (size_t c = 0; c < nc; ++c) {
      for (size_t l = 1; l < model->comparisons[c].levels.size(); ++l) {
        const Level& level = model->comparisons[c].levels[l];
        log_m[c][l] = std::log(std::max(level.m, kMinProbability));
        log_u[c][l] = std::log(std::max(em_u[c][l], kMinProbability));
      }
      num[c].fill(0);
      num_u[c].fill(0);
    }
    double matched = 0, total = 0;
    const double log_prior = std::log(lambda) - std::log1p(-lambda);
    for (const PatternCount& p : patterns) {
      double w;
      if (p.label >= 0) {
        w = p.label;
      } else {
        double lw = log_prior;
        for (size_t c = 0; c < nc; ++c) {
          const uint8_t l = p.levels[c];
          if (l == 0) continue;
          lw += log_m[c][l] - log_u[c][l];
        }
        w = lw > 40 ? 1.0 : lw < -40 ? 0.0 : 1.0 / (1.0 + std::exp(-lw));
      }
      const double mass = w * p.count;
      if (p.label < 0) {
        matched += mass;
        total += p.count;
      }
      const double non_mass = (1.0 - w) * p.count;
      for (size_t c = 0; c < nc; ++c) {
        num[c][p.levels[c]] += mass;
        num_u[c][p.levels[c]] += non_mass;
      }
    }
    double new_lambda = total > 0 ? std::clamp(matched / total, 1e-9, 0.999) : lambda;
    double max_change = std::fabs(new_lambda - lambda);
    lambda = new_lambda;
    if (options.train_m) {
      for (size_t c = 0; c < nc; ++c) {
        Comparison& comp = model->comparisons[c];
        double den = 0;
        for (size_t l = 1; l < comp.levels.size(); ++l) den += num[c][l];
        const double pseudo = 1e-3;
        for (size_t l = 1; l < comp.levels.size(); ++l) {
          Level& level = comp.levels[l];
          if (level.fixed_m) continue;
          double m =
              (num[c][l] + pseudo) / (den + pseudo * static_cast<double>(comp.levels.size() - 1));
          max_change = std::max(max_change, std::fabs(m - level.m));
          level.m = m;
        }
      }
    }
    if (options.em_candidate_u) {
      for (size_t c = 0; c < nc; ++c) {
        const Comparison& comp = model->comparisons[c];
        double den = 0;
        for (size_t l = 1; l < comp.levels.size(); ++l) den += num_u[c][l];
        for (size_t l = 1; l < comp.levels.size(); ++l) {
          if (comp.levels[l].fixed_u || den <= 0) continue;
          em_u[c][l] =
              (num_u[c][l] + 1e-3) / (den + 1e-3 * static_cast<double>(comp.levels.size() - 1));
        }
      }
    }
    if (max_change < options.tolerance) {
      converged = true;
      ++it;
      break;
    }
  }
  if (report != nullptr) {
    report->iterations = it;
    report->converged = converged;
    report->lambda_candidates = lambda;
  }
  return lambda;
}

Model Train(const FeatureSpace& space, const PreparedTable& left, const PreparedTable& right,
            bool dedupe, const Blocker& blocker, const std::vector<LabelledPair>& labels,
            const TrainingOptions& options, TrainingReport* report, RecordedPatterns* recorded) {
  Model model = space.model();
  TrainingReport local;
  if (report == nullptr) report = &local;
  {
    Scorer scorer(space, model);
    EstimateU(scorer, left, right, dedupe, options, &model, report);
  }
  SetStartingM(&model);
  Scorer scorer(space, model);
  CandidatePatterns counted =
      CountCandidatePatterns(scorer, left, right, blocker, options.threads, recorded);
  std::vector<PatternCount> patterns = std::move(counted.all);
  double candidates = 0;
  for (const PatternCount& p : patterns) candidates += p.count;
  report->candidate_pairs = static_cast<uint64_t>(candidates);
  report->distinct_patterns = patterns.size();
  const size_t nc = model.comparisons.size();
  std::vector<PatternCount> labelled;
  for (const LabelledPair& lp : labels) {
    PatternCount p;
    scorer.Levels(left, lp.left, right, lp.right, p.levels.data());
    p.count = 1;
    p.label = lp.is_match ? 1 : 0;
    labelled.push_back(p);
  }
  patterns.insert(patterns.end(), labelled.begin(), labelled.end());
  report->labelled_pairs = labels.size();
  const double expected_matches = static_cast<double>(std::min(left.size, right.size));
  const double start = candidates > 0 ? std::min(0.5, 0.5 * expected_matches / candidates) : 0.01;
  double lambda = RunEm(patterns, start, options, &model, report);
  if (options.per_rule_m && options.train_m && !model.blocking.empty()) {
    Model tmp = model;
    SetStartingM(&tmp);
    EstimateMPerRule(counted.by_rule, labelled, expected_matches, options, &tmp);
    // Copy per-rule m where some rule did not block on the comparison.
    for (size_t c = 0; c < nc; ++c) {
      bool free_somewhere = false;
      for (const BlockingRule& rule : model.blocking) {
        if (!RuleComparisons(model, rule)[c]) free_somewhere = true;
      }
      if (!free_somewhere) continue;
      for (size_t l = 1; l < model.comparisons[c].levels.size(); ++l) {
        if (!model.comparisons[c].levels[l].fixed_m) {
          model.comparisons[c].levels[l].m = tmp.comparisons[c].levels[l].m;
        }
      }
    }
    // The prior among candidates with m (and u) fixed.
    TrainingOptions lambda_options = options;
    lambda_options.train_m = false;
    lambda = RunEm(patterns, start, lambda_options, &model, report);
  }
  const double all_pairs = dedupe ? static_cast<double>(left.size) * (left.size - 1) / 2.0
                                  : static_cast<double>(left.size) * right.size;
  if (all_pairs > 0 && candidates > 0) {
    model.prior = std::clamp(lambda * candidates / all_pairs, 1e-12, 0.5);
  }
  return model;
}

}  // namespace reunite::linkage
