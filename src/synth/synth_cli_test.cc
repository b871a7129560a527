// Drives `reunite synth` through the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/process.h"

namespace reunite::testing {
namespace {

namespace fs = std::filesystem;

TEST(SynthCliTest, WritesExportsTruthAndOrder) {
  const std::string dir = MakeTempDir("synth_cli");
  ProcessResult r = RunReunite("synth --families 60 --seed 3 --threads 2 --out " + dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("60 families"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("e3_apprehensions.csv"), std::string::npos) << r.output;
  for (const char* f :
       {"exports/e3_apprehensions.csv", "exports/ice_detention.csv", "exports/orr_shelter.csv",
        "exports/prosecution_cases.csv", "exports/ngo_outreach.jsonl", "exports/decision_log.csv",
        "truth/persons.csv", "truth/records.csv", "truth/relationships.csv",
        "truth/family_units.csv", "truth/timeline.csv", "truth/directives.csv",
        "truth/decisions.csv", "orders/court_order.json"}) {
    EXPECT_TRUE(fs::exists(fs::path(dir) / f)) << f;
  }
  EXPECT_GT(fs::file_size(fs::path(dir) / "exports/e3_apprehensions.csv"), 1000u);
  fs::remove_all(dir);
}

TEST(SynthCliTest, BadArgumentsAreUserErrors) {
  const std::string dir = MakeTempDir("synth_cli_bad");
  ProcessResult zero = RunReunite("synth --families 0 --out " + dir);
  EXPECT_EQ(zero.exit_code, 1) << zero.output;
  EXPECT_NE(zero.output.find("--families"), std::string::npos) << zero.output;
  ProcessResult date = RunReunite("synth --families 5 --start 2018-13-01 --out " + dir);
  EXPECT_EQ(date.exit_code, 1) << date.output;
  EXPECT_NE(date.output.find("--start"), std::string::npos) << date.output;
  ProcessResult order =
      RunReunite("synth --families 5 --start 2018-06-01 --end 2018-01-01 --out " + dir);
  EXPECT_EQ(order.exit_code, 1) << order.output;
  ProcessResult missing = RunReunite("synth --families 5");
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  std::ofstream(dir + "/blocker") << "x";
  ProcessResult unwritable = RunReunite("synth --families 5 --out " + dir + "/blocker/out");
  EXPECT_EQ(unwritable.exit_code, 1) << unwritable.output;
  EXPECT_NE(unwritable.output.find(dir + "/blocker/out"), std::string::npos) << unwritable.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace reunite::testing
