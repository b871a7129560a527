// The truth-file loader on a real `reunite synth` scenario, and its errors.
#include "report/scenario_input.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.h"

namespace reunite::report {
namespace {

namespace fs = std::filesystem;

class ScenarioInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = ::reunite::testing::MakeTempDir("scenario_input");
    auto r =
        ::reunite::testing::RunReunite("synth --families 80 --seed 5 --threads 1 --out " + dir_);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static size_t Lines(const std::string& rel) {
    std::ifstream in(dir_ + "/" + rel);
    size_t n = 0;
    std::string line;
    while (std::getline(in, line)) ++n;
    return n - 1;  // header
  }
  static inline std::string dir_;
};

TEST_F(ScenarioInputTest, LoadsEveryTruthFile) {
  auto in = LoadScenarioInput(dir_);
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->persons.size(), Lines("truth/persons.csv"));
  EXPECT_EQ(in->relationships.size(), Lines("truth/relationships.csv"));
  EXPECT_EQ(in->directives.size(), Lines("truth/directives.csv"));
  ASSERT_EQ(in->orders.size(), 1u);
  EXPECT_EQ(in->orders[0].order_id, "ORDER-2018-06-26");
  // Timeline rows minus prosecution_decision rows, plus one event per decision.
  std::ifstream timeline(dir_ + "/truth/timeline.csv");
  std::string line;
  size_t rows = 0, prosecution_rows = 0;
  std::getline(timeline, line);
  while (std::getline(timeline, line)) {
    ++rows;
    prosecution_rows += line.find(",prosecution_decision,") != std::string::npos;
  }
  EXPECT_GT(prosecution_rows, 0u);
  EXPECT_EQ(in->events.size(), rows - prosecution_rows + Lines("truth/decisions.csv"));
  int decisions = 0, unrecorded = 0;
  for (const cases::Event& e : in->events) {
    if (e.type != cases::EventType::kSeparationDecision &&
        e.type != cases::EventType::kProsecutionDecision &&
        e.type != cases::EventType::kRemovalDecision) {
      continue;
    }
    ++decisions;
    EXPECT_FALSE(e.actor.empty()) << e.id;
    unrecorded += !e.payload.contains("affected_children");
  }
  EXPECT_EQ(decisions, static_cast<int>(Lines("truth/decisions.csv")));
  EXPECT_EQ(in->source, "scenario " + dir_);
  EXPECT_GT(unrecorded, 0);  // some records named no children (truth: children_recorded=0)
}

TEST_F(ScenarioInputTest, ErrorsNameTheFileLineAndField) {
  const std::string bad = ::reunite::testing::MakeTempDir("scenario_bad");
  fs::copy(dir_, bad, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  {
    std::ofstream out(bad + "/truth/persons.csv", std::ios::app);
    out << "FU9999999-1,FU9999999,child,Ana,López,,2018-02-30,1,F,Honduras,Spanish,A200000001,0,,"
           "\n";
  }
  auto in = LoadScenarioInput(bad);
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.status().code(), ErrorCode::kParseError);
  const std::string lines = std::to_string(Lines("truth/persons.csv") + 2);
  EXPECT_NE(in.status().message().find("persons.csv:" + lines + ": field 'dob'"), std::string::npos)
      << in.status().message();
  fs::remove(bad + "/truth/persons.csv");
  auto missing = LoadScenarioInput(bad);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().message().find("truth/persons.csv"), std::string::npos);
  auto nodir = LoadScenarioInput(bad + "/nope");
  EXPECT_EQ(nodir.status().code(), ErrorCode::kNotFound);
  fs::remove_all(bad);
}

}  // namespace
}  // namespace reunite::report
