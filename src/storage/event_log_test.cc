#include "storage/event_log.h"

#include <gtest/gtest.h>

#include <thread>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::storage {
namespace {

EventDraft Draft(std::string type, const std::string& subject) {
  EventDraft d;
  d.type = std::move(type);
  d.occurred_at = "2018-05-10";
  d.subjects = "[\"" + subject + "\"]";
  d.family_unit = "FU-1";
  d.actor = "synthetic-agent";
  d.payload = R"({"facility":"Ursula"})";
  return d;
}

class EventLogTest : public StorageTest {
 protected:
  std::unique_ptr<Connection> OpenMigrated() {
    auto db = db_->Open();
    if (db) {
      auto v = Migrate(*db);
      EXPECT_TRUE(v.ok()) << v.status().ToString();
    }
    return db;
  }
};

TEST_P(EventLogTest, AppendsChainAndScansInOrder) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  EventLog log(*db);
  std::vector<EventDraft> drafts = {Draft("apprehended", "P1"), Draft("separated", "P2")};
  auto appended = log.Append(drafts);
  ASSERT_TRUE(appended.ok()) << appended.status().ToString();
  ASSERT_EQ(appended->size(), 2u);
  EXPECT_EQ((*appended)[0].seq, 1);
  EXPECT_EQ((*appended)[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ((*appended)[1].prev_hash, (*appended)[0].hash);
  std::vector<Event> seen;
  ASSERT_TRUE(log.Scan(0,
                       [&](const Event& e) {
                         seen.push_back(e);
                         return Status::Ok();
                       })
                  .ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1].type, "separated");
  EXPECT_EQ(seen[1].payload, R"({"facility":"Ursula"})");
  EXPECT_EQ(seen[1].hash, ComputeEventHash(seen[1]));
  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->entries_checked, 2);
}

TEST_P(EventLogTest, InvalidDraftAppendsNothing) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  EventLog log(*db);
  EventDraft bad = Draft("note", "P1");
  bad.actor.clear();
  std::vector<EventDraft> drafts = {Draft("apprehended", "P1"), bad};
  auto r = log.Append(drafts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(*log.LastSeq(), 0);
}

TEST_P(EventLogTest, VerifyNamesTheFirstAlteredEvent) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  EventLog log(*db);
  std::vector<EventDraft> drafts;
  for (int i = 0; i < 5; ++i)
    drafts.push_back(Draft("custody_transferred", "P" + std::to_string(i)));
  ASSERT_TRUE(log.Append(drafts).ok());
  // Behind reunite's back, as someone with database access might.
  ASSERT_TRUE(db->Execute("UPDATE events SET reason = 'edited' WHERE seq = 3", {}).ok());
  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 3);
  EXPECT_NE(report->problem.find("hash"), std::string::npos);
}

TEST_P(EventLogTest, VerifyDetectsDeletedEvents) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  EventLog log(*db);
  std::vector<EventDraft> drafts(4, Draft("note", "P1"));
  ASSERT_TRUE(log.Append(drafts).ok());
  ASSERT_TRUE(db->Execute("DELETE FROM events WHERE seq = 2", {}).ok());
  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 2);
  ASSERT_TRUE(db->Execute("DELETE FROM events WHERE seq >= 2", {}).ok());
  report = log.Verify();
  EXPECT_FALSE(report->ok);  // truncation: the head still names event 4
}

TEST_P(EventLogTest, ConcurrentWritersNeverForkTheChain) {
  ASSERT_TRUE(OpenMigrated());
  constexpr int kWriters = 4, kBatches = 25;
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto conn = OpenConnection(db_->url());
      if (!conn.ok()) {
        ++failures;
        return;
      }
      EventLog log(**conn);
      for (int b = 0; b < kBatches; ++b) {
        std::vector<EventDraft> batch = {Draft("note", "W" + std::to_string(w)),
                                         Draft("note", "W" + std::to_string(w))};
        Result<std::vector<Event>> r = log.Append(batch);
        // A writer that loses a lock race retries, as callers are told to.
        for (int tries = 0;
             !r.ok() && r.status().code() == ErrorCode::kFailedPrecondition && tries < 50;
             ++tries) {
          r = log.Append(batch);
        }
        if (!r.ok()) ++failures;
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto db = db_->Open();
  EventLog log(*db);
  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->entries_checked, kWriters * kBatches * 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, EventLogTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace reunite::storage
