// Crash safety of `reunite resolve`: kill -9 at random points (5 by default,
// REUNITE_CRASH_KILLS for more) on a real SQLite file and a real PostgreSQL.
// Resolve appends its events and projects them in one transaction, so after
// every kill verify passes and the store is either as imported (nothing of
// the run) or exactly as an uninterrupted resolve left it; a re-run then
// completes with the counts of the uninterrupted run.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "storage/test_databases.h"
#include "support/kill_harness.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

using storage::Backend;
using storage::TestDatabase;

const std::vector<std::string> kResolutionTables = {
    "events",         "persons",       "person_records", "family_units",
    "family_members", "relationships", "review_queue"};

class ResolveCrashTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ResolveCrashTest, KillNineLeavesTheStoreAsImportedOrFullyResolved) {
  TestDatabase baseline_db(GetParam());
  if (baseline_db.skipped()) GTEST_SKIP() << "PostgreSQL not configured";
  const std::string dir = MakeTempDir("resolve-crash");
  ASSERT_EQ(SynthScenario(dir, 20), "");
  ASSERT_EQ(ImportScenario(dir, baseline_db.url()), "");
  const std::string imported = CountRows(baseline_db.url(), kResolutionTables);
  auto resolve_args = [&](const std::string& url) {
    return std::vector<std::string>{
        ReuniteBinary(), "resolve", "--db", url, "--model", SourceDir() + "/models/person.json"};
  };
  double full_ms = TimeFullRun(resolve_args(baseline_db.url()));
  ASSERT_GT(full_ms, 0);
  const std::string resolved = CountRows(baseline_db.url(), kResolutionTables);
  ASSERT_NE(resolved, imported);

  // Each round starts from a freshly imported store (a new database once a
  // round let resolve commit).
  std::unique_ptr<TestDatabase> db;
  auto fresh = [&] {
    db = std::make_unique<TestDatabase>(GetParam());
    EXPECT_EQ(ImportScenario(dir, db->url()), "");
    EXPECT_EQ(CountRows(db->url(), kResolutionTables), imported);
  };
  fresh();
  Rng rng(1848);
  int resolved_rounds = 0;
  int killed = KillAtRandomPoints(
      CrashKills(), full_ms, rng, [&] { return resolve_args(db->url()); },
      [&](const KillRound& r) {
        ProcessResult verify = RunReunite("verify --db '" + db->url() + "'");
        EXPECT_EQ(verify.exit_code, 0) << "round " << r.round << ": " << verify.output;
        std::string now = CountRows(db->url(), kResolutionTables);
        EXPECT_TRUE(now == imported || now == resolved)
            << "round " << r.round << ": " << now << "\nimported: " << imported
            << "\nresolved: " << resolved;
        if (now == resolved) {
          ++resolved_rounds;
          fresh();  // the next round kills a resolve midway again
        }
        return !::testing::Test::HasFailure();
      });
  EXPECT_GE(killed, 1);
  std::printf("resolve: %d kills, %d of them after the commit; full run %.0f ms\n", killed,
              resolved_rounds, full_ms);

  ProcessResult finish =
      RunReunite("resolve --db '" + db->url() + "' --model " + SourceDir() + "/models/person.json");
  ASSERT_EQ(finish.exit_code, 0) << finish.output;
  EXPECT_EQ(CountRows(db->url(), kResolutionTables), resolved);
  EXPECT_EQ(RunReunite("verify --db '" + db->url() + "'").exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ResolveCrashTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::testing
