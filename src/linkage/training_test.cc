#include "linkage/training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "common/random.h"

namespace reunite::linkage {
namespace {

// Two comparisons with 3 non-null levels each; known m and u.
Model TwoComparisonModel() {
  Model m;
  m.prior = 0.01;
  for (const char* name : {"a", "b"}) {
    Comparison c;
    c.name = name;
    c.columns = {name};
    c.levels = {{"null", LevelKind::kNull},
                {"exact", LevelKind::kExact},
                {"close", LevelKind::kJaroWinkler, 0.9},
                {"else", LevelKind::kElse}};
    m.comparisons.push_back(c);
  }
  m.comparisons.push_back(m.comparisons[0]);
  m.comparisons[2].name = "c";
  return m;
}

TEST(TrainingTest, EmRecoversKnownMFromPatternCounts) {
  const double true_m[3] = {0.85, 0.1, 0.05};
  const double true_u[3] = {0.02, 0.08, 0.90};
  const double lambda = 0.2;
  Model model = TwoComparisonModel();
  for (Comparison& c : model.comparisons) {
    for (size_t l = 1; l < 4; ++l) c.levels[l].u = true_u[l - 1];
  }
  // Simulate 200,000 pairs, collapse them to pattern counts.
  Rng rng(7);
  std::map<std::array<uint8_t, kMaxComparisons>, double> counts;
  auto draw = [&rng](const double* p) {
    double x = rng.Uniform();
    return x < p[0] ? 1 : x < p[0] + p[1] ? 2 : 3;
  };
  for (int n = 0; n < 200000; ++n) {
    bool match = rng.Chance(lambda);
    std::array<uint8_t, kMaxComparisons> levels{};
    for (int c = 0; c < 3; ++c)
      levels[static_cast<size_t>(c)] = static_cast<uint8_t>(draw(match ? true_m : true_u));
    counts[levels] += 1;
  }
  std::vector<PatternCount> patterns;
  for (const auto& [levels, n] : counts) patterns.push_back({levels, n, -1});
  EXPECT_LE(patterns.size(), 27u);  // EM runs on at most 3^3 patterns, not 200,000 pairs
  SetStartingM(&model);
  TrainingOptions options;
  TrainingReport report;
  double est = RunEm(patterns, 0.05, options, &model, &report);
  EXPECT_NEAR(est, lambda, 0.01);
  for (const Comparison& c : model.comparisons) {
    for (size_t l = 1; l < 4; ++l) EXPECT_NEAR(c.levels[l].m, true_m[l - 1], 0.02) << c.name << l;
  }
  EXPECT_TRUE(report.converged);
}

TEST(TrainingTest, LabelledPatternsPinTheirPosterior) {
  Model model = TwoComparisonModel();
  for (Comparison& c : model.comparisons) {
    c.levels[1].u = 0.1;
    c.levels[2].u = 0.1;
    c.levels[3].u = 0.8;
  }
  SetStartingM(&model);
  // Only labelled pairs: every match agrees exactly on a, b, c.
  std::vector<PatternCount> patterns;
  PatternCount all_exact;
  all_exact.levels[0] = all_exact.levels[1] = all_exact.levels[2] = 1;
  all_exact.count = 50;
  all_exact.label = 1;
  PatternCount non;
  non.levels[0] = non.levels[1] = non.levels[2] = 3;
  non.count = 50;
  non.label = 0;
  patterns = {all_exact, non};
  TrainingOptions options;
  RunEm(patterns, 0.5, options, &model, nullptr);
  EXPECT_GT(model.comparisons[0].levels[1].m, 0.99);
  EXPECT_LT(model.comparisons[0].levels[3].m, 0.01);
}

// Candidate pairs of a blocking rule on comparison `blocked`: every pair agrees
// exactly on it (a dominant common-surname block: non-matches agree too), the
// other comparisons follow true m (matches) or true u (non-matches).
std::vector<PatternCount> SimulateRulePairs(size_t blocked, double lambda, uint64_t seed,
                                            const double* true_m, const double* true_u) {
  Rng rng(seed);
  std::map<std::array<uint8_t, kMaxComparisons>, double> counts;
  auto draw = [&rng](const double* p) {
    double x = rng.Uniform();
    return x < p[0] ? 1 : x < p[0] + p[1] ? 2 : 3;
  };
  for (int n = 0; n < 100000; ++n) {
    bool match = rng.Chance(lambda);
    std::array<uint8_t, kMaxComparisons> levels{};
    for (size_t c = 0; c < 4; ++c) {
      levels[c] = c == blocked ? 1 : static_cast<uint8_t>(draw(match ? true_m : true_u));
    }
    counts[levels] += 1;
  }
  std::vector<PatternCount> patterns;
  for (const auto& [levels, n] : counts) patterns.push_back({levels, n, -1});
  return patterns;
}

TEST(TrainingTest, PerRuleEmRecoversMWhenBlockingMakesNonMatchesAgree) {
  const double true_m[3] = {0.85, 0.1, 0.05};
  const double true_u[3] = {0.02, 0.08, 0.90};
  Model model = TwoComparisonModel();
  model.comparisons.push_back(model.comparisons[0]);  // a fourth, "d": EM needs 3 free
  model.comparisons[3].name = "d";
  model.comparisons[2].columns = {"c"};
  model.comparisons[3].columns = {"d"};
  for (Comparison& c : model.comparisons) {
    for (size_t l = 1; l < 4; ++l) c.levels[l].u = true_u[l - 1];
  }
  model.blocking.resize(2);
  model.blocking[0].keys = {"a"};
  model.blocking[1].keys = {"b:first1"};
  // Rule 0 blocks on a, rule 1 on b; only 5% / 10% of each rule's pairs match.
  std::vector<std::vector<PatternCount>> by_rule = {SimulateRulePairs(0, 0.05, 11, true_m, true_u),
                                                    SimulateRulePairs(1, 0.10, 12, true_m, true_u)};

  // One EM over all pairs with the random-pair u sees "a exact" in every pair of
  // rule 0 and takes the blocking agreement for evidence of a match.
  std::vector<PatternCount> all = by_rule[0];
  all.insert(all.end(), by_rule[1].begin(), by_rule[1].end());
  Model global = model;
  SetStartingM(&global);
  TrainingOptions options;
  options.em_candidate_u = false;
  RunEm(all, 0.05, options, &global, nullptr);
  double global_error = 0;
  for (const Comparison& c : global.comparisons) {
    for (size_t l = 1; l < 4; ++l) {
      global_error = std::max(global_error, std::fabs(c.levels[l].m - true_m[l - 1]));
    }
  }
  EXPECT_GT(global_error, 0.1);

  Model per_rule = model;
  SetStartingM(&per_rule);
  EstimateMPerRule(by_rule, {}, 1000, options, &per_rule);
  for (const Comparison& c : per_rule.comparisons) {
    for (size_t l = 1; l < 4; ++l) {
      EXPECT_NEAR(c.levels[l].m, true_m[l - 1], 0.03) << c.name << " level " << l;
      EXPECT_EQ(c.levels[l].u, true_u[l - 1]) << "u must stay the random-sample u";
    }
  }
}

TEST(TrainingTest, StartingValuesNeedNoLabels) {
  Model model = TwoComparisonModel();
  SetStartingM(&model);
  const Comparison& c = model.comparisons[0];
  EXPECT_GT(c.levels[1].m, c.levels[2].m);
  EXPECT_GT(c.levels[2].m, c.levels[3].m);
  EXPECT_NEAR(c.levels[1].m + c.levels[2].m + c.levels[3].m, 1.0, 1e-12);
}

}  // namespace
}  // namespace reunite::linkage
