// Runs the real binary and checks its exit codes and messages.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/process.h"

namespace reunite::testing {
namespace {

TEST(CliTest, VersionAndHelp) {
  ProcessResult v = RunReunite("version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.output.find("reunite 0."), std::string::npos) << v.output;
  ProcessResult h = RunReunite("--help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.output.find("version"), std::string::npos) << h.output;
}

TEST(CliTest, UnknownSubcommandIsAUserError) {
  ProcessResult r = RunReunite("no-such-command");
  EXPECT_EQ(r.exit_code, 1) << r.output;
}

}  // namespace
}  // namespace reunite::testing

namespace reunite::testing {
namespace {

// Two exports with different schemas are linked by naming each file's own
// id column and columns (--right-id-column, --right-map).
TEST(CliTest, LinkTwoSchemasWithPerFileColumns) {
  std::string dir = MakeTempDir("link2");
  {
    std::ofstream(dir + "/orr.csv") << "uac_id,child_first_name,child_last_name,dob,sex\n"
                                       "UAC1,Ixchel,Tzul Coc,03/14/2012,F\n"
                                       "UAC2,José Luis,García López,11/02/2009,M\n";
    std::ofstream(dir + "/e3.csv") << "event_id,first_name,last_name,dob,sex\n"
                                      "EID9,JOSE LUIS,GARCIA LOPEZ,11/02/2009,M\n"
                                      "EID8,IXCHEL,TZUL COC,03/14/2012,F\n"
                                      "EID7,MARIA,PEREZ,01/01/1990,F\n";
  }
  ProcessResult r = RunReunite(
      "link " + dir + "/orr.csv " + dir + "/e3.csv --model " + SourceDir() +
      "/models/person.json --id uac_id --map "
      "given_name=child_first_name,family_name=child_last_name"
      " --right-id-column event_id --right-map given_name=first_name,family_name=last_name"
      " --date-order mdy --out " +
      dir + "/pairs.csv");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream in(dir + "/pairs.csv");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("UAC1,EID8,"), std::string::npos) << text;
  EXPECT_NE(text.find("UAC2,EID9,"), std::string::npos) << text;
  EXPECT_EQ(text.find("EID7"), std::string::npos) << text;
  ProcessResult bad =
      RunReunite("link " + dir + "/orr.csv " + dir + "/e3.csv --model " + SourceDir() +
                 "/models/person.json --id uac_id --out " + dir + "/p.csv");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;  // e3.csv has no uac_id column
  EXPECT_NE(bad.output.find("uac_id"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace reunite::testing
