#include "storage/audit_log.h"

#include <gtest/gtest.h>

#include <thread>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::storage {
namespace {

AuditDraft Draft(const std::string& actor, const std::string& action,
                 std::vector<std::string> subjects, const std::string& outcome = "ok") {
  AuditDraft d;
  d.actor = actor;
  d.role = "caseworker";
  d.action = action;
  d.route = "GET /api/v1/source-records/{id}";
  d.target = "/api/v1/source-records/7";
  d.subjects = std::move(subjects);
  d.client_address = "127.0.0.1";
  d.outcome = outcome;
  return d;
}

class AuditLogTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    conn_ = db_->Open();
    ASSERT_TRUE(conn_);
    ASSERT_TRUE(Migrate(*conn_).ok());
  }
  std::unique_ptr<Connection> conn_;
};

TEST_P(AuditLogTest, AppendsChainedEntriesAndFindsBySubjectActorAction) {
  AuditLog log(*conn_);
  auto a = log.Append(Draft("maria", "records.read", {"orr/U1"}));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->seq, 1);
  EXPECT_EQ(a->prev_hash, std::string(kGenesisHash));
  auto b = log.Append(Draft("ana", "records.read", {"orr/U2", "orr/U1", "orr/U1"}));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->prev_hash, a->hash);
  ASSERT_TRUE(log.Append(Draft("ana", "users.create", {"user:joe"}, "permission_denied")).ok());

  AuditQuery q;
  q.subject = "orr/U1";
  auto hits = log.Find(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].seq, 2);  // newest first
  EXPECT_EQ((*hits)[1].draft.actor, "maria");
  q = AuditQuery{};
  q.actor = "ana";
  q.outcome = "permission_denied";
  hits = log.Find(q);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].draft.action, "users.create");
  q = AuditQuery{};
  q.after_seq = 1;
  q.newest_first = false;
  q.limit = 1;
  hits = log.Find(q);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].seq, 2);
  EXPECT_EQ((*hits)[0].draft.subjects, (std::vector<std::string>{"orr/U2", "orr/U1", "orr/U1"}));

  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->entries_checked, 3);
}

TEST_P(AuditLogTest, RefusesUpdateAndDelete) {
  AuditLog log(*conn_);
  ASSERT_TRUE(log.Append(Draft("maria", "records.read", {"orr/U1"})).ok());
  Status up = conn_->Execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1", {});
  EXPECT_FALSE(up.ok());
  EXPECT_NE(up.message().find("append-only"), std::string::npos) << up.ToString();
  Status del = conn_->Execute("DELETE FROM audit_log WHERE seq = 1", {});
  EXPECT_FALSE(del.ok());
}

TEST_P(AuditLogTest, VerifyNamesAnEntryEditedBehindItsBack) {
  AuditLog log(*conn_);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(log.Append(Draft("maria", "records.read", {"x"})).ok());
  // Someone with database access removes the guard and rewrites history.
  std::string drop = conn_->dialect() == Dialect::kPostgres
                         ? "DROP TRIGGER audit_log_no_change ON audit_log"
                         : "DROP TRIGGER audit_log_no_update";
  ASSERT_TRUE(conn_->Execute(drop, {}).ok());
  ASSERT_TRUE(conn_->Execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3", {}).ok());
  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 3);
  EXPECT_NE(report->problem.find("contents"), std::string::npos) << report->problem;
}

TEST_P(AuditLogTest, ConcurrentWritersNeverForkTheChain) {
  constexpr int kWriters = 4, kEach = 10;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      auto c = OpenConnection(db_->url());
      if (!c.ok()) {
        ++failures;
        return;
      }
      AuditLog log(**c);
      for (int i = 0; i < kEach; ++i) {
        // SQLite may report a busy lock as kFailedPrecondition: retry.
        for (int attempt = 0; attempt < 50; ++attempt) {
          auto r = log.Append(Draft("w" + std::to_string(w), "records.read", {"x"}));
          if (r.ok()) break;
          if (r.status().code() != ErrorCode::kFailedPrecondition || attempt == 49) ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto report = AuditLog(*conn_).Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->entries_checked, kWriters * kEach);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace reunite::storage
