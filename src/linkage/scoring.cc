#include "linkage/scoring.h"

#include <algorithm>
#include <cmath>

#include "linkage/compare.h"

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
  const size_t nc = model_.comparisons.size();
  level_weight_.resize(nc);
  tf_level_.assign(nc, -1);
  tf_weight_.resize(nc);
  for (size_t c = 0; c < nc; ++c) {
    const Comparison& comp = model_.comparisons[c];
    for (size_t l = 0; l < comp.levels.size(); ++l) {
      const Level& level = comp.levels[l];
      double w = l == 0 ? 0.0 : std::log2(std::max(level.m, kFloor) / std::max(level.u, kFloor));
      level_weight_[c].push_back(w);
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
                    uint8_t* levels) const {
  for (size_t c = 0; c < model_.comparisons.size(); ++c) {
    levels[c] = static_cast<uint8_t>(ComparisonLevel(model_.comparisons[c], a.comparisons[c], i,
                                                     b.comparisons[c], j, space_.pool(c)));
  }
}

double Scorer::Score(const PreparedTable& a, size_t i, const PreparedTable& b, size_t j,
                     PairScore* explain) const {
  uint8_t levels[kMaxComparisons];
  Levels(a, i, b, j, levels);
  double total = prior_weight_;
  const size_t nc = model_.comparisons.size();
  for (size_t c = 0; c < nc; ++c) {
    const double w = level_weight_[c][levels[c]];
    double tf = 0;
    if (levels[c] == tf_level_[c]) {
      const uint32_t v = a.comparisons[c].value[i];
      if (v < tf_weight_[c].size()) tf = tf_weight_[c][v];
    }
    total += w + tf;
    if (explain != nullptr) {
      explain->levels[c] = levels[c];
      explain->weights[c] = w;
      explain->tf_weights[c] = tf;
    }
  }
  if (explain != nullptr) {
    explain->comparisons = static_cast<int>(nc);
    explain->prior_weight = prior_weight_;
    explain->match_weight = total;
    explain->match_probability = ProbabilityFromWeight(total);
  }
  return total;
}

double Scorer::PatternWeight(const uint8_t* levels) const {
  double total = prior_weight_;
  for (size_t c = 0; c < model_.comparisons.size(); ++c) total += level_weight_[c][levels[c]];
  return total;
}

}  // namespace reunite::linkage
