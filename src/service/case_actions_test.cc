#include "service/case_actions.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "service/case_test_store.h"
#include "storage/audit_log.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

using nlohmann::json;

Caller As(cases::Role role) {
  Caller c;
  c.username = std::string(cases::RoleName(role)) + "1";
  c.role = role;
  c.client_address = "127.0.0.1";
  c.action = "cases.act";
  c.route = "POST /api/v1/families/{id}/children/{child_id}/actions";
  return c;
}

CaseAction Parse(const json& j) {
  auto a = CaseActionFromJson(j, "body");
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(a).value() : CaseAction{};
}

class CaseActionsTest : public storage::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    db = db_->Open();
    ASSERT_TRUE(testing::BuildSmallCaseStore(*db).ok());
  }
  int64_t LastSeq() { return storage::EventLog(*db).LastSeq().value(); }
  int64_t AuditCount() {
    storage::AuditQuery q;
    q.limit = 1000;
    return static_cast<int64_t>(storage::AuditLog(*db).Find(q).value().size());
  }
  std::unique_ptr<storage::Connection> db;
  CaseFileCache cache{{REUNITE_SOURCE_DIR "/orders"}};
  const Date today{2018, 7, 20};
};

TEST_P(CaseActionsTest, AReachedCallIsStoredAuditedAndMeetsThePhoneClock) {
  CaseActions actions(cache);
  const int64_t before = LastSeq();
  auto out = actions.Apply(*db, As(cases::Role::kCaseworker), "PC1",
                           Parse({{"kind", "contact_attempt"},
                                  {"parent_id", "PM"},
                                  {"on", "2018-07-02"},
                                  {"channel", "phone"},
                                  {"outcome", "reached"}}),
                           today);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->events.size(), 2u);
  EXPECT_EQ(out->events[0].type, "contact_attempt");
  EXPECT_EQ(out->events[1].type, "phone_contact");
  EXPECT_EQ(out->events[1].subjects, R"(["PM","PC1"])");
  EXPECT_EQ(LastSeq(), before + 2);
  EXPECT_EQ(AuditCount(), 1);
  bool phone_met = false;
  for (const auto& order : out->status.orders) {
    for (const auto& c : order.clocks) {
      if (c.clock_id == "phone_contact") phone_met = c.state == cases::ClockState::kMet;
    }
  }
  EXPECT_TRUE(phone_met);
  EXPECT_TRUE(storage::EventLog(*db).Verify().value().ok);
  // The case file shows it (read back through the stored form).
  auto file = cache.Current(*db);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ((*file)->last_seq, before + 2);
  EXPECT_EQ((*file)->input.events.back().type, cases::EventType::kPhoneContact);
}

TEST_P(CaseActionsTest, AReunificationChangesTheStatusAndCannotBeRepeated) {
  CaseActions actions(cache);
  const CaseAction reunify = Parse({{"kind", "reunification"},
                                    {"parent_id", "PM"},
                                    {"on", "2018-07-18"},
                                    {"where", "in_country"}});
  auto out = actions.Apply(*db, As(cases::Role::kCaseworker), "PC1", reunify, today);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->status.finding.status, cases::ReunificationStatus::kReunified);
  const int64_t seq = LastSeq();
  const int64_t audits = AuditCount();
  auto again = actions.Apply(*db, As(cases::Role::kAdmin), "PC1", reunify, today);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(again.status().message().find("already reunified"), std::string::npos);
  EXPECT_EQ(LastSeq(), seq);
  EXPECT_EQ(AuditCount(), audits);
}

TEST_P(CaseActionsTest, InvalidActionsChangeNothing) {
  CaseActions actions(cache);
  const int64_t seq = LastSeq();
  const CaseAction call = Parse({{"kind", "contact_attempt"},
                                 {"parent_id", "PM"},
                                 {"on", "2018-07-02"},
                                 {"channel", "phone"},
                                 {"outcome", "reached"}});
  EXPECT_EQ(actions.Apply(*db, As(cases::Role::kMonitor), "PC1", call, today).status().code(),
            ErrorCode::kPermissionDenied);
  Caller anonymous;
  EXPECT_EQ(actions.Apply(*db, anonymous, "PC1", call, today).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(actions.Apply(*db, As(cases::Role::kCaseworker), "NOPE", call, today).status().code(),
            ErrorCode::kNotFound);
  auto future = Parse({{"kind", "reunification"},
                       {"parent_id", "PM"},
                       {"on", "2018-08-01"},
                       {"where", "in_country"}});
  auto f = actions.Apply(*db, As(cases::Role::kCaseworker), "PC1", future, today);
  EXPECT_EQ(f.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(f.status().message().find("future"), std::string::npos);
  auto stranger = Parse({{"kind", "reunification"},
                         {"parent_id", "PC2"},
                         {"on", "2018-07-18"},
                         {"where", "in_country"}});
  EXPECT_EQ(
      actions.Apply(*db, As(cases::Role::kCaseworker), "PC1", stranger, today).status().code(),
      ErrorCode::kFailedPrecondition);
  CaseAction overriding = call;
  overriding.override_reason = "court order";
  EXPECT_EQ(
      actions.Apply(*db, As(cases::Role::kCaseworker), "PC1", overriding, today).status().code(),
      ErrorCode::kPermissionDenied);
  EXPECT_EQ(LastSeq(), seq);
  EXPECT_EQ(AuditCount(), 0);
}

TEST_P(CaseActionsTest, ADeclineNeedsAContactUnlessAnAdminOverridesWithAReason) {
  CaseActions actions(cache);
  CaseAction decline = Parse(
      {{"kind", "preference"}, {"parent_id", "PM"}, {"on", "2018-07-05"}, {"wish", "decline"}});
  auto refused = actions.Apply(*db, As(cases::Role::kCaseworker), "PC2", decline, today);
  EXPECT_EQ(refused.status().code(), ErrorCode::kFailedPrecondition);
  decline.override_reason = "declined in person at the consulate";
  auto out = actions.Apply(*db, As(cases::Role::kAdmin), "PC2", decline, today);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->status.finding.status, cases::ReunificationStatus::kParentDeclined);
  const json payload = json::parse(out->events[0].payload);
  EXPECT_EQ(payload["override"]["reason"], "declined in person at the consulate");
}

TEST_P(CaseActionsTest, TwoServersCannotBothReunifyAChild) {
  // Two connections, each with its own case file cache (as two server processes).
  const CaseAction reunify = Parse(
      {{"kind", "reunification"}, {"parent_id", "PM"}, {"on", "2018-07-18"}, {"where", "abroad"}});
  std::atomic<int> ok{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&] {
      auto conn = db_->Open();
      CaseFileCache own({REUNITE_SOURCE_DIR "/orders"});
      ASSERT_TRUE(own.Current(*conn).ok());  // both read the state before either writes
      CaseActions actions(own);
      for (int attempt = 0; attempt < 20; ++attempt) {
        auto r = actions.Apply(*conn, As(cases::Role::kCaseworker), "PC1", reunify, today);
        if (r.ok()) {
          ++ok;
          return;
        }
        if (r.status().message().find("already reunified") != std::string::npos) {
          ++refused;
          return;
        }
        // A lock race ("retry") on SQLite: try again.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(refused.load(), 1);
  int reunified = 0;
  ASSERT_TRUE(storage::EventLog(*db)
                  .Scan(0,
                        [&](const storage::Event& e) {
                          reunified += e.type == "reunified";
                          return Status::Ok();
                        })
                  .ok());
  EXPECT_EQ(reunified, 1);
}

TEST(CaseActionFromJsonTest, ErrorsNameTheField) {
  auto missing = CaseActionFromJson({{"kind", "reunification"}, {"on", "2018-07-01"}}, "body");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("'parent_id'"), std::string::npos);
  auto bad_date = CaseActionFromJson({{"kind", "eligibility"}, {"on", "07/01/2018"}}, "body");
  EXPECT_NE(bad_date.status().message().find("'on'"), std::string::npos);
  auto no_flag = CaseActionFromJson({{"kind", "eligibility"}, {"on", "2018-07-01"}}, "body");
  EXPECT_NE(no_flag.status().message().find("'eligible'"), std::string::npos);
  auto kind = CaseActionFromJson({{"kind", "teleport"}, {"on", "2018-07-01"}}, "body");
  EXPECT_NE(kind.status().message().find("teleport"), std::string::npos);
  EXPECT_FALSE(CaseActionFromJson(json::array(), "body").ok());
  auto ok = CaseActionFromJson(
      {{"kind", "eligibility"}, {"on", "2018-07-01"}, {"eligible", false}, {"reason", "safety"}},
      "body");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(CaseActionKind(*ok), "eligibility");
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseActionsTest,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
