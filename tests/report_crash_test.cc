// Crash safety of `reunite report … --out F`: kill -9 at random points (5 by
// default, REUNITE_CRASH_KILLS for more) while a compliance report is written
// from a real SQLite file and a real PostgreSQL, in xlsx, csv and json by
// turns. After every kill F is absent or byte for byte the file of an
// uninterrupted run (rendering writes F.tmp and renames it over F), and the
// store still verifies.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "storage/test_databases.h"
#include "support/kill_harness.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

using storage::Backend;
using storage::TestDatabase;
namespace fs = std::filesystem;

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ReportCrashTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ReportCrashTest, KillNineLeavesTheReportFileWholeOrAbsent) {
  TestDatabase db(GetParam());
  if (db.skipped()) GTEST_SKIP() << "PostgreSQL not configured";
  const std::string dir = MakeTempDir("report-crash");
  ASSERT_EQ(SynthScenario(dir, 20), "");
  ASSERT_EQ(ImportScenario(dir, db.url()), "");
  ProcessResult resolve =
      RunReunite("resolve --db '" + db.url() + "' --model " + SourceDir() + "/models/person.json");
  ASSERT_EQ(resolve.exit_code, 0) << resolve.output;

  const std::vector<std::string> formats = {"xlsx", "csv", "json"};
  auto report_args = [&](const std::string& format, const std::string& out) {
    return std::vector<std::string>{
        ReuniteBinary(), "report",          "compliance", "--db",       db.url(),
        "--orders",      dir + "/s/orders", "--as-of",    "2019-06-30", "--format",
        format,          "--out",           out};
  };
  // The whole file of each format, from an uninterrupted run; the slowest
  // run sets the kill window.
  std::map<std::string, std::string> whole;
  double full_ms = 0;
  for (const std::string& f : formats) {
    const std::string out = dir + "/baseline." + f;
    double ms = TimeFullRun(report_args(f, out));
    ASSERT_GT(ms, 0) << f;
    full_ms = std::max(full_ms, ms);
    whole[f] = ReadBytes(out);
    ASSERT_FALSE(whole[f].empty()) << f;
  }

  Rng rng(1997);
  int round_format = 0, absent = 0, complete = 0;
  std::string format, out;
  int killed = KillAtRandomPoints(
      CrashKills(), full_ms, rng,
      [&] {
        format = formats[round_format++ % formats.size()];
        out = dir + "/report." + format;
        fs::remove(out);
        return report_args(format, out);
      },
      [&](const KillRound& r) {
        if (!fs::exists(out)) {
          ++absent;
        } else {
          ++complete;
          EXPECT_EQ(ReadBytes(out), whole[format])
              << "round " << r.round << ": " << out << " is half-written";
        }
        ProcessResult verify = RunReunite("verify --db '" + db.url() + "'");
        EXPECT_EQ(verify.exit_code, 0) << "round " << r.round << ": " << verify.output;
        return !::testing::Test::HasFailure();
      });
  EXPECT_GE(killed, 1);
  std::printf("report: %d kills; file absent %d times, whole %d times; full run %.0f ms\n", killed,
              absent, complete, full_ms);
  // A run after the kills writes the same whole file (so "whole" is well
  // defined: the bytes are reproducible) over any temp file left behind.
  ASSERT_GT(TimeFullRun(report_args("xlsx", dir + "/report.xlsx")), 0);
  EXPECT_EQ(ReadBytes(dir + "/report.xlsx"), whole["xlsx"]);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportCrashTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::testing
