#include "linkage/scoring.h"

#include <algorithm>
#include <cmath>

namespace reunite::linkage {
namespace {
constexpr double kFloor = 1e-9;
// Term frequencies are shrunk towards u_exact as if this many extra records
// held values at the average frequency (docs/linkage.md).
constexpr double kTfPseudoRecords = 1000;
}  // namespace

double ProbabilityFromWeight(double weight) {
  if (weight > 60) return 1.0;
  if (weight < -60) return 0.0;
  double odds = std::exp2(weight);
  return odds / (1.0 + odds);
}

Scorer::Scorer(const FeatureSpace& space, const Model& model) : space_(space), model_(model) {
  prior_weight_ = std::log2(model_.prior / (1.0 - model_.prior));
  nc_ = model_.comparisons.size();
  tf_weight_.resize(nc_);
  for (size_t c = 0; c < nc_; ++c) {
    const Comparison& comp = model_.comparisons[c];
    tf_level_[c] = -1;
    const bool exact_only =
        comp.levels.size() == 3 && comp.levels[1].kind == LevelKind::kExact &&
        (comp.kind == ComparisonKind::kText || comp.kind == ComparisonKind::kId);
    path_[c] = exact_only                         ? Path::kExactOnly
               : CacheableComparison(comp)        ? Path::kCached
               : comp.kind == ComparisonKind::kId ? Path::kIdEqual
                                                  : Path::kGeneral;
    for (size_t l = 0; l < comp.levels.size(); ++l) {
      const Level& level = comp.levels[l];
      level_weight_[c][l] =
          l == 0 ? 0.0 : std::log2(std::max(level.m, kFloor) / std::max(level.u, kFloor));
      if (comp.tf_adjust && level.kind == LevelKind::kExact && tf_level_[c] < 0) {
        tf_level_[c] = static_cast<int>(l);
      }
    }
    if (tf_level_[c] < 0) continue;
    const double u_exact = std::max(comp.levels[static_cast<size_t>(tf_level_[c])].u, kFloor);
    const size_t values = space_.pool(c).size();
    tf_weight_[c].assign(values, 0.0);
    const double total = space_.TermTotal(c);
    for (uint32_t v = 1; v < values; ++v) {
      const double count = space_.TermCount(c, v);
      if (count <= 0) continue;  // no statistics: no adjustment
      // Shrunk towards u_exact so that small files do not over-adjust.
      const double tf = (count + kTfPseudoRecords * u_exact) / (total + kTfPseudoRecords);
      tf_weight_[c][v] = std::log2(u_exact / std::max(tf, comp.tf_minimum));
    }
  }
}

void Scorer::Levels(const PreparedTable& a, size_t i, const PreparedTable& b, size_t j,
                    uint8_t* levels, LevelCache* cache) const {
  const uint32_t* ra = a.Row(i);
  const uint32_t* rb = b.Row(j);
  for (size_t c = 0; c < nc_; ++c) {
    const uint32_t va = ra[c], vb = rb[c];
    if (va == 0 || vb == 0) {
      levels[c] = 0;
      continue;
    }
    if (path_[c] == Path::kExactOnly) {
      levels[c] = va == vb ? 1 : 2;
      continue;
    }
    if (path_[c] == Path::kIdEqual && va == vb) {
      levels[c] = 1;  // every ID level holds for equal IDs
      continue;
    }
    uint64_t key = 0;
    uint64_t* slot =
        cache != nullptr && path_[c] == Path::kCached ? cache->Slot(c, va, vb, &key) : nullptr;
    if (slot != nullptr && LevelCache::Holds(*slot, key)) {
      levels[c] = static_cast<uint8_t>(LevelCache::LevelOf(*slot));
      continue;
    }
    const int level = ComparisonLevel(model_.comparisons[c], a.comparisons[c], i, b.comparisons[c],
                                      j, space_.pool(c));
    if (slot != nullptr) *slot = LevelCache::Make(key, level);
    levels[c] = static_cast<uint8_t>(level);
  }
}

void Scorer::SetGroupPriors(const std::vector<double>& priors, size_t groups) {
  groups_ = groups;
  group_prior_weight_.resize(priors.size());
  for (size_t k = 0; k < priors.size(); ++k) {
    group_prior_weight_[k] = std::log2(priors[k] / (1.0 - priors[k]));
  }
}

double Scorer::WeightOf(const uint8_t* levels, const PreparedTable& a, size_t i,
                        const PreparedTable& b, size_t j) const {
  const uint32_t* ra = a.Row(i);
  double total = PriorWeight(a, i, b, j);
  for (size_t c = 0; c < nc_; ++c) {
    double tf = 0;
    if (levels[c] == tf_level_[c]) {
      const uint32_t v = ra[c];
      if (v < tf_weight_[c].size()) tf = tf_weight_[c][v];
    }
    total += level_weight_[c][levels[c]] + tf;
  }
  return total;
}

double Scorer::Score(const PreparedTable& a, size_t i, const PreparedTable& b, size_t j,
                     PairScore* explain, LevelCache* cache) const {
  uint8_t levels[kMaxComparisons];
  Levels(a, i, b, j, levels, cache);
  if (explain == nullptr) return WeightOf(levels, a, i, b, j);
  const uint32_t* ra = a.Row(i);
  const double prior_weight = PriorWeight(a, i, b, j);
  double total = prior_weight;
  for (size_t c = 0; c < nc_; ++c) {
    const double w = level_weight_[c][levels[c]];
    double tf = 0;
    if (levels[c] == tf_level_[c]) {
      const uint32_t v = ra[c];
      if (v < tf_weight_[c].size()) tf = tf_weight_[c][v];
    }
    total += w + tf;
    explain->levels[c] = levels[c];
    explain->weights[c] = w;
    explain->tf_weights[c] = tf;
  }
  explain->comparisons = static_cast<int>(nc_);
  explain->prior_weight = prior_weight;
  explain->match_weight = total;
  explain->match_probability = ProbabilityFromWeight(total);
  return total;
}

double Scorer::PatternWeight(const uint8_t* levels) const {
  double total = prior_weight_;
  for (size_t c = 0; c < nc_; ++c) total += level_weight_[c][levels[c]];
  return total;
}

}  // namespace reunite::linkage
