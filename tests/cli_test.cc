// Runs the real binary and checks its exit codes and messages.
#include <gtest/gtest.h>

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
