// The must-show test of resolution: a synthetic scenario, all six exports
// imported through the shipped mappings, resolved, and compared with its
// ground truth; then re-run (nothing appended) and rebuilt (identical rows),
// on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <cstdio>

#include "ingest/mapping.h"
#include "resolution/projection.h"
#include "resolution/resolution.h"
#include "resolution/review.h"
#include "resolution/scenario_check.h"
#include "service/import_service.h"
#include "storage/event_log.h"
#include "storage/migrations.h"
#include "storage/test_databases.h"
#include "support/process.h"
#include "synth/exports.h"
#include "synth/generator.h"

namespace reunite::resolution {
namespace {

// Generates the scenario once per size and seed (shared by the tests).
const std::string& Scenario(uint64_t families, uint64_t seed) {
  static std::map<std::pair<uint64_t, uint64_t>, std::string> dirs;
  auto [it, added] = dirs.try_emplace({families, seed});
  if (added) {
    it->second = reunite::testing::MakeTempDir("resolve-scenario");
    synth::SynthOptions so;
    so.families = families;
    so.seed = seed;
    so.out_dir = it->second;
    so.threads = 1;
    auto s = synth::GenerateScenario(so);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
  }
  return it->second;
}

void ImportAll(storage::Connection& db, const std::string& dir) {
  for (synth::Source source : synth::kAllSources) {
    auto mapping = ingest::LoadMapping(reunite::testing::SourceDir() + "/mappings/" +
                                       std::string(synth::SourceName(source)) + ".toml");
    ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
    auto s = service::ImportFile(db, *mapping,
                                 dir + "/exports/" + std::string(synth::ExportFileName(source)));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
  }
}

ResolveOptions Options() {
  ResolveOptions o;
  o.model_path = reunite::testing::SourceDir() + "/models/person.json";
  o.progress = ProgressMode::kNever;
  return o;
}

class ScenarioResolutionTest : public storage::StorageTest {};

TEST_P(ScenarioResolutionTest, PersonsAndParentChildLinksMatchTheTruth) {
  const std::string& dir = Scenario(400, 7);
  auto db = db_->Open();
  ASSERT_TRUE(storage::Migrate(*db).ok());
  ImportAll(*db, dir);
  auto summary = Resolve(*db, Options());
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_GT(summary->events_appended, 0);
  EXPECT_GT(summary->relationships, 0);

  auto check = CheckAgainstTruth(*db, dir);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  const ScenarioCheck& c = *check;
  std::printf(
      "persons: precision %.4f recall %.4f; relationships: precision %.4f recall %.4f "
      "(%llu true, %llu found); separated children reachable %llu of %llu\n",
      c.person_pairs.precision(), c.person_pairs.recall(), c.relationships.precision(),
      c.relationships.recall(), static_cast<unsigned long long>(c.relationships.truth),
      static_cast<unsigned long long>(c.relationships.found),
      static_cast<unsigned long long>(c.reachable),
      static_cast<unsigned long long>(c.separated_children));
  EXPECT_GE(c.person_pairs.precision(), 0.98);
  EXPECT_GE(c.person_pairs.recall(), 0.98);
  EXPECT_GE(c.relationships.precision(), 0.98);
  EXPECT_GE(c.relationships.recall(), 0.98);
  EXPECT_GT(c.separated_children, 0u);
  EXPECT_EQ(c.reachable, c.separated_children) << ::testing::PrintToString(c.unreachable);

  // Re-running on the same data appends nothing.
  storage::EventLog log(*db);
  auto last = log.LastSeq();
  auto again = Resolve(*db, Options());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->events_appended, 0);
  EXPECT_EQ(*log.LastSeq(), *last);
  EXPECT_EQ(again->persons, summary->persons);

  // The projections rebuilt from the log are the same rows.
  auto dump = DumpProjections(*db);
  ASSERT_TRUE(dump.ok());
  auto rebuilt = RebuildProjections(*db, ProgressMode::kNever);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->persons, summary->persons);
  auto after = DumpProjections(*db);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *dump);
  auto verify = log.Verify();
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->ok);
}

// A wrong merge undone: rejecting a pair of one person's two records splits
// it (person_split, one part keeps the id); accepting it again merges them
// (person_merged) back under the original id. Both decisions survive re-runs.
TEST(ResolutionHistoryTest, ReviewDecisionsSplitAndMergeWithStableIds) {
  storage::TestDatabase tdb(storage::Backend::kSqlite);
  auto db = tdb.Open();
  ASSERT_TRUE(storage::Migrate(*db).ok());
  ImportAll(*db, Scenario(400, 7));
  ASSERT_TRUE(Resolve(*db, Options()).ok());
  auto rows = db->Query(
      "SELECT person_id FROM persons WHERE status = 'active' AND record_count = 2 "
      "ORDER BY person_id LIMIT 1");
  ASSERT_TRUE(rows.ok() && !rows->empty());
  const std::string person = (*rows)[0].Text(0);
  auto refs = RecordsOfPerson(*db, person);
  ASSERT_TRUE(refs.ok());
  ASSERT_EQ(refs->size(), 2u);

  ReviewDecision reject{(*refs)[1], (*refs)[0], false, "different people", "reviewer1"};
  ASSERT_TRUE(DecideReview(*db, reject).ok());
  auto split = Resolve(*db, Options());
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  EXPECT_EQ(split->splits, 1);
  auto first = PersonOfRecord(*db, (*refs)[0]);
  auto second = PersonOfRecord(*db, (*refs)[1]);
  ASSERT_TRUE(first.ok() && second.ok() && *first && *second);
  EXPECT_NE(**first, **second);
  EXPECT_TRUE(**first == person || **second == person);
  auto again = Resolve(*db, Options());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->events_appended, 0);  // the rejection holds on a re-run

  ReviewDecision accept{(*refs)[0], (*refs)[1], true, "same person after all", "reviewer2"};
  ASSERT_TRUE(DecideReview(*db, accept).ok());
  auto merged = Resolve(*db, Options());
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->merges, 1);
  auto joined = PersonOfRecord(*db, (*refs)[1]);
  ASSERT_TRUE(joined.ok() && *joined);
  EXPECT_EQ(**joined, person);
  auto history = db->Query(
      "SELECT type FROM events WHERE type IN ('person_split', 'person_merged', "
      "'review_accepted', 'review_rejected') ORDER BY seq");
  ASSERT_TRUE(history.ok());
  std::vector<std::string> types;
  for (const auto& r : *history) types.push_back(r.Text(0));
  EXPECT_EQ(types, (std::vector<std::string>{"review_rejected", "person_split", "review_accepted",
                                             "person_merged"}));
  auto retired = FindPerson(*db, **second == person ? **first : **second);
  ASSERT_TRUE(retired.ok() && *retired);
  EXPECT_EQ((*retired)->status, "retired");
}

INSTANTIATE_TEST_SUITE_P(Backends, ScenarioResolutionTest,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::resolution
