// Golden pairs: each file in tests/golden/linkage/pairs/ lists two records as
// the store holds them (source, record key, canonical fields from the ingest
// normaliser) and the expected level, weight (log2 m/u plus the
// term-frequency adjustment) of every comparison, the match weight and the
// match probability under the shipped model's m/u. The records go through
// the production path: PersonRecordTable, FeatureSpace::Prepare (full-name
// splitting, folding, nicknames, dates), Scorer::Score.
//
// After an intended change: REUNITE_UPDATE_GOLDEN=1 rewrites the "expected"
// blocks; review the diff before committing.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "linkage/person_records.h"
#include "linkage/prepare.h"
#include "linkage/scoring.h"
#include "support/process.h"

namespace reunite::linkage {
namespace {

using Json = nlohmann::ordered_json;

SourceRecord RecordOf(const Json& j) {
  SourceRecord r;
  r.source = j.at("source").get<std::string>();
  r.record_key = j.at("record_key").get<std::string>();
  for (const auto& [k, v] : j.at("fields").items()) r.fields.emplace_back(k, v.get<std::string>());
  return r;
}

double Round(double x, double scale) { return std::round(x * scale) / scale; }

// The "expected" block the code produces for a case.
Json Actual(const Json& c, const std::string& dir) {
  auto model = LoadModel(dir + "/" + c.at("model").get<std::string>());
  EXPECT_TRUE(model.ok()) << model.status().message();
  if (!model.ok()) return Json();
  std::vector<SourceRecord> left = {RecordOf(c.at("left"))};
  std::vector<SourceRecord> right = {RecordOf(c.at("right"))};
  RecordTable lt = PersonRecordTable(left);
  RecordTable rt = PersonRecordTable(right);
  FeatureSpace space(*model);
  PreparedTable lp = space.Prepare(lt, 1);
  PreparedTable rp = space.Prepare(rt, 1);
  space.CountTermFrequencies({&lp, &rp});
  Scorer scorer(space, *model);
  PairScore s;
  scorer.Score(lp, 0, rp, 0, &s);
  Json e;
  e["levels"] = Json::object();
  e["weights"] = Json::object();
  for (int k = 0; k < s.comparisons; ++k) {
    const Comparison& comp = model->comparisons[static_cast<size_t>(k)];
    e["levels"][comp.name] = comp.levels[s.levels[k]].label;
    e["weights"][comp.name] = Round(s.weights[k] + s.tf_weights[k], 1e4);
  }
  e["match_weight"] = Round(s.match_weight, 1e4);
  e["match_probability"] = Round(s.match_probability, 1e6);
  return e;
}

TEST(GoldenPairsTest, LevelsWeightsAndProbabilities) {
  const std::string dir = reunite::testing::SourceDir();
  const std::filesystem::path cases = dir + "/tests/golden/linkage/pairs";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(cases)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 10u) << cases;
  const bool update = std::getenv("REUNITE_UPDATE_GOLDEN") != nullptr;
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    Json c = Json::parse(ss.str());
    Json actual = Actual(c, dir);
    if (update) {
      c["expected"] = actual;
      std::ofstream(file) << c.dump(2, ' ', false) << "\n";
      continue;
    }
    const Json& expected = c.at("expected");
    ASSERT_TRUE(expected.is_object()) << "no expected block: run with REUNITE_UPDATE_GOLDEN=1";
    EXPECT_EQ(expected.at("levels").dump(), actual.at("levels").dump());
    for (const auto& [name, w] : expected.at("weights").items()) {
      EXPECT_NEAR(w.get<double>(), actual.at("weights").at(name).get<double>(), 1e-3) << name;
    }
    EXPECT_NEAR(expected.at("match_weight").get<double>(), actual.at("match_weight").get<double>(),
                1e-3);
    EXPECT_NEAR(expected.at("match_probability").get<double>(),
                actual.at("match_probability").get<double>(), 1e-5);
  }
  if (update) GTEST_SKIP() << "rewrote " << files.size() << " files in " << cases;
}

}  // namespace
}  // namespace reunite::linkage
