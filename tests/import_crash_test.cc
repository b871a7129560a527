// Crash safety of `reunite import`: kill -9 at random points (5 times by
// default, REUNITE_CRASH_KILLS=20 for the full run of docs/reliability.md),
// on a real SQLite file and on a real PostgreSQL. After every kill the hash chain
// verifies and no file is partly stored; a final run completes with the same
// counts as an uninterrupted import.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "storage/test_databases.h"
#include "support/kill_harness.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

using storage::Backend;
using storage::TestDatabase;

class ImportCrashTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ImportCrashTest, KillNineAtRandomPointsLosesNothingAndLeavesNoPartialFile) {
  auto baseline_db = std::make_unique<TestDatabase>(GetParam());
  if (baseline_db->skipped()) GTEST_SKIP() << "PostgreSQL not configured";
  std::string dir = MakeTempDir("crash");
  std::ofstream(dir + "/e3.toml") << kCrashMapping;
  Rng rng(2018);
  const int kRows = 3000;
  WriteExport(dir + "/a.csv", 0, kRows, rng);
  WriteExport(dir + "/b.csv", kRows, kRows, rng);
  auto import_args = [&](const std::string& url) {
    return std::vector<std::string>{ReuniteBinary(), "import", "--mapping",    dir + "/e3.toml",
                                    "--db",          url,      dir + "/a.csv", dir + "/b.csv"};
  };

  // The uninterrupted import, timed to choose kill points.
  double full_ms = TimeFullRun(import_args(baseline_db->url()));
  ASSERT_GT(full_ms, 0);
  StoreCounts baseline = ReadStoreCounts(baseline_db->url());
  ASSERT_EQ(baseline.files, 2);
  ASSERT_GT(baseline.quarantined, 0);
  ASSERT_EQ(baseline.records + baseline.quarantined, 2 * kRows);

  auto db = std::make_unique<TestDatabase>(GetParam());
  const int kills = CrashKills();
  int killed = KillAtRandomPoints(
      kills, full_ms, rng, [&] { return import_args(db->url()); },
      [&](const KillRound& r) {
        ProcessResult verify = RunReunite("verify --db '" + db->url() + "'");
        EXPECT_EQ(verify.exit_code, 0) << "round " << r.round << ": " << verify.output;
        // Whole files only: the stored rows are exactly those of the files recorded.
        StoreCounts c = ReadStoreCounts(db->url());
        EXPECT_EQ(c.records + c.quarantined, c.files * kRows) << "round " << r.round;
        if (c.files == 2) {
          EXPECT_EQ(c, baseline) << ToString(c);
          db = std::make_unique<TestDatabase>(GetParam());  // later rounds also kill midway
        }
        return !::testing::Test::HasFailure();
      });
  EXPECT_GE(killed, kills / 2);
  std::printf("import: %d of %d runs killed; full run %.0f ms\n", killed, kills, full_ms);

  const std::string url = "'" + db->url() + "'";
  ProcessResult finish = RunReunite("import --mapping " + dir + "/e3.toml --db " + url + " " + dir +
                                    "/a.csv " + dir + "/b.csv");
  ASSERT_EQ(finish.exit_code, 0) << finish.output;
  EXPECT_EQ(ReadStoreCounts(db->url()), baseline);
  ProcessResult again =
      RunReunite("import --mapping " + dir + "/e3.toml --db " + url + " " + dir + "/a.csv");
  EXPECT_NE(again.output.find("already imported"), std::string::npos) << again.output;
  EXPECT_EQ(ReadStoreCounts(db->url()), baseline);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportCrashTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::testing
