// `reunite link`, `train` and `explain` on the golden CSVs (tests/golden/linkage).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/process.h"

namespace reunite::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Golden(const std::string& name) {
  return SourceDir() + "/tests/golden/linkage/" + name;
}

const std::string kMap = " --id id --map given_name=first,dob=birth_date ";

TEST(LinkCliTest, LinksTwoFilesAndWritesPairsAndClusters) {
  std::string dir = MakeTempDir("link");
  ProcessResult r =
      RunReunite("link " + Golden("left.csv") + " " + Golden("right.csv") + " --model " +
                 SourceDir() + "/models/person.json" + kMap + "--one-to-one --out " + dir +
                 "/pairs.csv --clusters " + dir + "/clusters.csv");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string pairs = ReadFile(dir + "/pairs.csv");
  EXPECT_EQ(pairs.rfind("left_id,right_id,match_weight,match_probability\n", 0), 0u) << pairs;
  EXPECT_NE(pairs.find("L1,R1,"), std::string::npos) << pairs;
  EXPECT_NE(pairs.find("L4,R4,"), std::string::npos) << pairs;
  EXPECT_EQ(pairs.find("L3,R3,"), std::string::npos) << pairs;  // Francisco is not Francisca
  std::string clusters = ReadFile(dir + "/clusters.csv");
  EXPECT_EQ(clusters.rfind("cluster_id,file,record_id\n", 0), 0u);
  EXPECT_NE(clusters.find(",2,R7"), std::string::npos);
}

TEST(LinkCliTest, DeduplicatesOneFileAndTrains) {
  std::string dir = MakeTempDir("train");
  ProcessResult t =
      RunReunite("train " + Golden("left.csv") + " " + Golden("right.csv") + " --model " +
                 SourceDir() + "/models/person.json" + kMap + "--labels " + Golden("labels.csv") +
                 " --out " + dir + "/trained.json");
  ASSERT_EQ(t.exit_code, 0) << t.output;
  EXPECT_NE(t.output.find("EM iterations"), std::string::npos) << t.output;
  std::string model = ReadFile(dir + "/trained.json");
  EXPECT_NE(model.find("\"format_version\": 1"), std::string::npos);
  ProcessResult d = RunReunite("link " + Golden("right.csv") + " --model " + dir + "/trained.json" +
                               kMap + "--out " + dir + "/dedupe.csv");
  ASSERT_EQ(d.exit_code, 0) << d.output;
  EXPECT_EQ(ReadFile(dir + "/dedupe.csv").rfind("left_id,right_id,", 0), 0u);
}

TEST(LinkCliTest, ExplainPrintsTheWaterfallAndJson) {
  const std::string base = "explain " + Golden("left.csv") + " " + Golden("right.csv") +
                           " --model " + SourceDir() + "/models/person.json" + kMap +
                           "--left-id L1 --right-id R1";
  ProcessResult text = RunReunite(base);
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_NE(text.output.find("prior"), std::string::npos);
  EXPECT_NE(text.output.find("nickname of the same name"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("match probability"), std::string::npos);
  ProcessResult json = RunReunite(base + " --json", false);
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_NE(json.output.find("\"match_weight\""), std::string::npos);
  EXPECT_NE(json.output.find("\"label\": \"day and month swapped\""), std::string::npos)
      << json.output;
}

TEST(LinkCliTest, BadInputNamesFileLineAndField) {
  std::string dir = MakeTempDir("bad");
  ProcessResult r = RunReunite("link " + Golden("bad.csv") + " --model " + SourceDir() +
                               "/models/person.json" + kMap + "--out " + dir + "/p.csv");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("bad.csv:3: expected 8 fields, found 7"), std::string::npos) << r.output;
  ProcessResult m =
      RunReunite("link " + Golden("left.csv") + " --model " + SourceDir() +
                 "/models/person.json --id id --map given_name=nope --out " + dir + "/p.csv");
  EXPECT_EQ(m.exit_code, 1);
  EXPECT_NE(m.output.find("given_name=nope"), std::string::npos) << m.output;
  ProcessResult e =
      RunReunite("explain " + Golden("left.csv") + " " + Golden("right.csv") + " --model " +
                 SourceDir() + "/models/person.json" + kMap + "--left-id L1 --right-id NOPE");
  EXPECT_EQ(e.exit_code, 1);
  EXPECT_NE(e.output.find("no record with id 'NOPE'"), std::string::npos) << e.output;
}

}  // namespace
}  // namespace reunite::testing
