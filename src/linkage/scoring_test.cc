// Scoring = prior + sum of the explained contributions, and the golden
// file tests/golden/linkage/expected_pairs.json (levels, weight, probability
// of person pairs). Set REUNITE_UPDATE_GOLDEN=1 to rewrite the golden file
// after an intended change, then review its diff.
#include "linkage/scoring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "linkage/link_io.h"
#include "support/process.h"

namespace reunite::linkage {
namespace {

struct Golden {
  Model model;
  Inputs in;
  std::unique_ptr<FeatureSpace> space;
  PreparedTable left, right;
  std::unique_ptr<Scorer> scorer;

  void Load() {
    const std::string dir = reunite::testing::SourceDir();
    auto m = LoadModel(dir + "/models/person.json");
    ASSERT_TRUE(m.ok()) << m.status().message();
    model = *m;
    InputSpec spec;
    spec.left_path = dir + "/tests/golden/linkage/left.csv";
    spec.right_path = dir + "/tests/golden/linkage/right.csv";
    spec.id_column = "id";
    spec.column_map = "given_name=first,dob=birth_date";
    auto r = ReadInputs(model, spec);
    ASSERT_TRUE(r.ok()) << r.status().message();
    in = std::move(r).value();
    space = std::make_unique<FeatureSpace>(model);
    left = space->Prepare(in.left, 1);
    right = space->Prepare(in.right, 1);
    space->CountTermFrequencies({&left, &right});
    scorer = std::make_unique<Scorer>(*space, model);
  }
};

TEST(ScoringTest, WeightIsPriorPlusExplainedContributions) {
  Golden g;
  g.Load();
  for (size_t i = 0; i < g.in.left.size(); ++i) {
    for (size_t j = 0; j < g.in.right.size(); ++j) {
      PairScore s;
      double w = g.scorer->Score(g.left, i, g.right, j, &s);
      double sum = s.prior_weight;
      for (int c = 0; c < s.comparisons; ++c) sum += s.weights[c] + s.tf_weights[c];
      EXPECT_NEAR(w, sum, 1e-9);
      EXPECT_DOUBLE_EQ(w, s.match_weight);
      EXPECT_NEAR(s.match_probability, std::exp2(w) / (1 + std::exp2(w)), 1e-12);
      // The level weights are log2(m/u) of the model's levels.
      for (int c = 0; c < s.comparisons; ++c) {
        const Level& level = g.model.comparisons[static_cast<size_t>(c)].levels[s.levels[c]];
        if (s.levels[c] == 0) {
          EXPECT_EQ(s.weights[c], 0.0);
        } else {
          EXPECT_NEAR(s.weights[c], std::log2(level.m / level.u), 1e-9);
        }
      }
    }
  }
}

TEST(ScoringTest, GoldenPairs) {
  Golden g;
  g.Load();
  const std::string path =
      reunite::testing::SourceDir() + "/tests/golden/linkage/expected_pairs.json";
  const char* pairs[][2] = {{"L1", "R1"}, {"L2", "R2"}, {"L3", "R3"}, {"L4", "R4"},
                            {"L5", "R5"}, {"L6", "R7"}, {"L1", "R6"}};
  auto index = [](const RecordTable& t, const std::string& id) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (t.ids[i] == id) return i;
    }
    return size_t{0};
  };
  nlohmann::ordered_json actual = nlohmann::ordered_json::array();
  for (const auto& p : pairs) {
    size_t i = index(g.in.left, p[0]), j = index(g.in.right, p[1]);
    PairScore s;
    g.scorer->Score(g.left, i, g.right, j, &s);
    nlohmann::ordered_json e;
    e["left_id"] = p[0];
    e["right_id"] = p[1];
    e["levels"] = nlohmann::ordered_json::object();
    for (int c = 0; c < s.comparisons; ++c) {
      const Comparison& comp = g.model.comparisons[static_cast<size_t>(c)];
      e["levels"][comp.name] = comp.levels[s.levels[c]].label;
    }
    e["match_weight"] = std::round(s.match_weight * 1e4) / 1e4;
    e["match_probability"] = std::round(s.match_probability * 1e6) / 1e6;
    actual.push_back(e);
  }
  if (std::getenv("REUNITE_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path) << actual.dump(2) << "\n";
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream f(path);
  ASSERT_TRUE(f) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  auto expected = nlohmann::json::parse(ss.str());
  ASSERT_EQ(expected.size(), actual.size());
  for (size_t k = 0; k < expected.size(); ++k) {
    const auto& e = expected[k];
    const auto& a = actual[k];
    SCOPED_TRACE(e["left_id"].get<std::string>() + "~" + e["right_id"].get<std::string>());
    EXPECT_EQ(e["levels"].dump(), nlohmann::json(a["levels"]).dump());
    EXPECT_NEAR(e["match_weight"].get<double>(), a["match_weight"].get<double>(), 1e-3);
    EXPECT_NEAR(e["match_probability"].get<double>(), a["match_probability"].get<double>(), 1e-5);
  }
}

}  // namespace
}  // namespace reunite::linkage
