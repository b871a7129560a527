// `reunite verify` on a real SQLite file: intact, then altered behind its back.
#include <gtest/gtest.h>

#include "storage/event_log.h"
#include "storage/migrations.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

TEST(VerifyCliTest, IntactChainPassesAlteredChainFailsNamingTheEvent) {
  std::string dir = MakeTempDir("verify");
  std::string path = dir + "/reunite.db";
  {
    auto db = storage::OpenAndMigrate(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    storage::EventLog log(**db);
    std::vector<storage::EventDraft> drafts(3);
    for (auto& d : drafts) {
      d.type = "note";
      d.occurred_at = "2018-06-01";
      d.subjects = "[\"P1\"]";
      d.actor = "test";
    }
    ASSERT_TRUE(log.Append(drafts).ok());
  }
  ProcessResult ok = RunReunite("verify --db " + path);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("3 events, hash chain intact"), std::string::npos) << ok.output;
  {
    auto db = storage::OpenConnection(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Execute("UPDATE events SET actor = 'someone else' WHERE seq = 2", {}).ok());
  }
  ProcessResult bad = RunReunite("verify --db " + path);
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("broken at event 2"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace reunite::testing
