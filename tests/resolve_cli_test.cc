// `reunite resolve`, `review` and `rebuild` driven through the real binary:
// exit codes, the summary lines and their errors.
#include <gtest/gtest.h>

#include <string>

#include "support/kill_harness.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

TEST(ResolveCliTest, ResolveReviewRebuildOnAScenario) {
  const std::string dir = MakeTempDir("resolve-cli");
  const std::string db = dir + "/r.db";
  const std::string model = " --model " + SourceDir() + "/models/person.json";
  ProcessResult none = RunReunite("resolve --db " + db + model);
  EXPECT_EQ(none.exit_code, 1) << none.output;
  EXPECT_NE(none.output.find("run `reunite import` first"), std::string::npos) << none.output;

  ASSERT_EQ(SynthScenario(dir, 60), "");
  ASSERT_EQ(ImportScenario(dir, db), "");
  ProcessResult bad = RunReunite("resolve --db " + db + model + " --threshold 1.5");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("--threshold"), std::string::npos) << bad.output;

  ProcessResult first = RunReunite("resolve --db " + db + model);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("persons"), std::string::npos) << first.output;
  EXPECT_EQ(first.output.find(" 0 events appended"), std::string::npos) << first.output;
  ProcessResult again = RunReunite("resolve --db " + db + model);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("; 0 events appended"), std::string::npos) << again.output;

  ProcessResult list = RunReunite("review list --db " + db);
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_EQ(list.output.rfind("priority,left_ref,right_ref", 0), 0u) << list.output;
  ProcessResult missing =
      RunReunite("review reject e3/NOPE e3/ALSO-NOPE --actor tester --db " + db);
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(missing.output.find("no such stored record"), std::string::npos) << missing.output;

  ProcessResult rebuild = RunReunite("rebuild --db " + db);
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.output;
  EXPECT_NE(rebuild.output.find("events read"), std::string::npos) << rebuild.output;
  ProcessResult verify = RunReunite("verify --db " + db);
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

}  // namespace
}  // namespace reunite::testing
