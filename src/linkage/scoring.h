// Fellegi–Sunter scoring. One function, Scorer::Score, computes a pair's
// level vector and each comparison's contribution; scoring sums them and
// `reunite explain` prints them, so an explanation is always the score.
//
//   match_weight = log2(prior / (1 - prior))
//                + Σ_c log2(m_c[level] / u_c[level])
//                + Σ_c tf_c   (exact level with tf_adjust: log2(u_exact / tf(value)),
//                              tf = (count + 1000 u_exact) / (records + 1000))
//   match_probability = 2^w / (1 + 2^w)
//
// Thread-safe after construction (read-only tables); does not allocate per pair.
#ifndef REUNITE_LINKAGE_SCORING_H_
#define REUNITE_LINKAGE_SCORING_H_

#include <cstdint>
#include <vector>

#include "linkage/compare.h"
#include "linkage/model.h"
#include "linkage/prepare.h"

namespace reunite::linkage {

// The waterfall of one pair.
struct PairScore {
  int comparisons = 0;
  uint8_t levels[kMaxComparisons] = {};
  double weights[kMaxComparisons] = {};     // log2(m/u) at the level (0 for null)
  double tf_weights[kMaxComparisons] = {};  // term-frequency adjustment (0 if none)
  double prior_weight = 0;                  // log2(prior / (1 - prior))
  double match_weight = 0;
  double match_probability = 0;
};

double ProbabilityFromWeight(double weight);

class Scorer {
 public:
  // `space` must outlive the scorer; its term frequencies are read (call
  // CountTermFrequencies first to enable TF adjustment). m/u come from `model`
  // (which may differ from space.model() only in m, u and prior).
  Scorer(const FeatureSpace& space, const Model& model);

  // Level of every comparison for (a[i], b[j]) into levels[0..comparisons).
  // `cache` (one per thread, optional) memoises name and text levels; the
  // levels are the same with or without it.
  void Levels(const PreparedTable& a, size_t i, const PreparedTable& b, size_t j, uint8_t* levels,
              LevelCache* cache = nullptr) const;
  // Match weight of (a[i], b[j]); fills `explain` when it is not null.
  double Score(const PreparedTable& a, size_t i, const PreparedTable& b, size_t j,
               PairScore* explain = nullptr, LevelCache* cache = nullptr) const;
  // Match weight from levels already computed for (a[i], b[j]).
  double WeightOf(const uint8_t* levels, const PreparedTable& a, size_t i, const PreparedTable& b,
                  size_t j) const;
  // The weight of a level vector without TF adjustment (used by training reports).
  double PatternWeight(const uint8_t* levels) const;

  const Model& model() const { return model_; }
  double prior_weight() const { return prior_weight_; }

  // Priors per pair of record groups (PreparedTable::groups): priors[g * groups
  // + h], symmetric. Pairs of records without groups keep the model's prior.
  void SetGroupPriors(const std::vector<double>& priors, size_t groups);
  // The prior weight of (a[i], b[j]).
  double PriorWeight(const PreparedTable& a, size_t i, const PreparedTable& b, size_t j) const {
    if (group_prior_weight_.empty() || a.groups.empty() || b.groups.empty()) return prior_weight_;
    return group_prior_weight_[a.groups[i] * groups_ + b.groups[j]];
  }

 private:
  const FeatureSpace& space_;
  Model model_;
  double prior_weight_ = 0;
  size_t nc_ = 0;
  // How Levels() decides each comparison: kExactOnly (levels null, exact,
  // else: one integer compare), kCached (memoised in a LevelCache), kIdEqual
  // (equal IDs are level 1, else computed), kGeneral.
  enum class Path : uint8_t { kExactOnly, kCached, kIdEqual, kGeneral };
  Path path_[kMaxComparisons] = {};
  double level_weight_[kMaxComparisons][kMaxLevels] = {};
  int tf_level_[kMaxComparisons] = {};          // exact level index, or -1
  std::vector<std::vector<double>> tf_weight_;  // [comparison][value id]
  std::vector<double> group_prior_weight_;      // [g * groups_ + h]; empty: none
  size_t groups_ = 0;
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_SCORING_H_
