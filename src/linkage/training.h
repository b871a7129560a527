// Training without labels: u by random sampling of record pairs
// (deterministic seed), m and the prior by expectation–maximisation over the
// COUNTS of distinct agreement patterns among candidate pairs (fastLink's
// trick: EM cost depends on the number of distinct level vectors, not on the
// number of pairs). Reviewed pairs, when given, enter EM with their posterior
// pinned to the label (1 match, 0 non-match).
//
// Functions here are thread-safe with respect to their arguments (they use
// their own worker threads and do not touch global state).
#ifndef REUNITE_LINKAGE_TRAINING_H_
#define REUNITE_LINKAGE_TRAINING_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "linkage/blocking.h"
#include "linkage/model.h"
#include "linkage/prepare.h"
#include "linkage/scoring.h"

namespace reunite::linkage {

struct TrainingOptions {
  uint64_t seed = 42;  // u sampling
  // Random pairs drawn for u; 0 = 5 per record, clamped to [50k, 1M].
  uint64_t u_sample_pairs = 0;
  int max_iterations = 200;
  double tolerance = 1e-7;  // stop when no m moves more than this
  int threads = 2;
  bool train_u = true;
  bool train_m = true;
  // EM also re-estimates u among the CANDIDATE pairs (as fastLink does), as a
  // nuisance parameter: blocking makes agreement on blocked fields common among
  // candidate non-matches, and a random-pair u would let EM mistake that for
  // matching. The model keeps the random-sample u for scoring.
  bool em_candidate_u = true;
  // Splink-style m estimation: one EM per blocking rule, in model order, over
  // that rule's own pairs (without the cross-rule dedup) with the comparisons
  // its keys read switched off (they agree by construction among its pairs).
  // A comparison's m comes from the first rule that does not block on it;
  // later rules use it with m fixed. u stays the random-sample u. The prior is
  // then estimated over all candidates with m fixed. Comparisons that every
  // rule blocks on keep the global EM's m. The per-rule counts come from the
  // same pass over the candidates as the global ones (CountCandidatePatterns).
  bool per_rule_m = true;
};

struct TrainingReport {
  uint64_t u_pairs = 0;
  uint64_t candidate_pairs = 0;
  uint64_t distinct_patterns = 0;
  uint64_t labelled_pairs = 0;
  int iterations = 0;
  bool converged = false;
  double lambda_candidates = 0;  // share of candidate pairs that match (EM)
};

// A distinct level vector and how many pairs have it. label: -1 unknown,
// 0 reviewed non-match, 1 reviewed match.
struct PatternCount {
  std::array<uint8_t, kMaxComparisons> levels{};
  double count = 0;
  int label = -1;
};

// A reviewed pair, by record index (left table, right table).
struct LabelledPair {
  uint32_t left = 0;
  uint32_t right = 0;
  bool is_match = false;
};

// u[c][l] from `pairs` random pairs of (left, right) (right == left: dedupe, i != j).
void EstimateU(const Scorer& scorer, const PreparedTable& left, const PreparedTable& right,
               bool dedupe, const TrainingOptions& options, Model* model, TrainingReport* report);

// The level vectors of the candidate pairs, counted in ONE pass over them:
// over all candidates, and per blocking rule over that rule's own pairs
// (every pair of its kept blocks, also those an earlier rule found).
struct CandidatePatterns {
  std::vector<PatternCount> all;
  std::vector<std::vector<PatternCount>> by_rule;  // [rule]
};
// The level vector of every candidate pair, kept from the counting pass so
// that scoring need not compare the pair again: pattern_of_pair[shard][k] is
// the index into `patterns` of the k-th pair Blocker::ForEachPair(shard,
// shards) visits. 4 bytes per candidate pair.
struct RecordedPatterns {
  int shards = 0;
  std::vector<std::array<uint8_t, kMaxComparisons>> patterns;
  std::vector<std::vector<uint32_t>> pattern_of_pair;
};

CandidatePatterns CountCandidatePatterns(const Scorer& scorer, const PreparedTable& left,
                                         const PreparedTable& right, const Blocker& blocker,
                                         int threads, RecordedPatterns* recorded = nullptr);

// Heuristic label-free starting m: strongest level most likely, halving
// down the levels; gender-mismatch levels start near 0.
void SetStartingM(Model* model);

// Per-blocking-rule m (see TrainingOptions::per_rule_m): by_rule[r] are the
// pattern counts of rule r's own pairs (model->blocking[r]); `labelled` are
// reviewed pairs added to every rule's EM. Sets m of every comparison some
// rule does not block on; others are left as they are. u is never changed.
void EstimateMPerRule(const std::vector<std::vector<PatternCount>>& by_rule,
                      const std::vector<PatternCount>& labelled, double expected_matches,
                      const TrainingOptions& options, Model* model);

// EM over pattern counts: updates m of every level that is not fixed_m and
// returns lambda (the match share among the counted pairs). u is held fixed.
double RunEm(const std::vector<PatternCount>& patterns, double start_lambda,
             const TrainingOptions& options, Model* model, TrainingReport* report);

// The whole recipe: u by sampling, m by EM on candidate patterns (+ labels),
// prior = lambda * candidates / all pairs. `space` must have been used to
// prepare both tables. With `recorded`, the candidates' level vectors are
// kept for scoring (Scorer::Levels is then not called again per pair).
Model Train(const FeatureSpace& space, const PreparedTable& left, const PreparedTable& right,
            bool dedupe, const Blocker& blocker, const std::vector<LabelledPair>& labels,
            const TrainingOptions& options, TrainingReport* report,
            RecordedPatterns* recorded = nullptr);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_TRAINING_H_
