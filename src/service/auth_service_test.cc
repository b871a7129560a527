#include "service/auth_service.h"

#include <gtest/gtest.h>

#include "service/user_service.h"
#include "storage/audit_log.h"
#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

using storage::Backend;

class AuthServiceTest : public storage::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    conn_ = db_->Open();
    ASSERT_TRUE(conn_);
    ASSERT_TRUE(storage::Migrate(*conn_).ok());
    options_.cost = {1, 8u << 20};
    options_.now_ms = [this] { return now_; };
    Caller cli = CommandLineCaller("user add");
    cli.action = "users.create";
    NewUser u{"maria", "María", cases::Role::kCaseworker, "maria-password-1"};
    ASSERT_TRUE(CreateUser(*conn_, cli, options_.cost, u).ok());
    from_.client_address = "10.0.0.1";
    from_.action = "auth.login";
  }
  std::unique_ptr<storage::Connection> conn_;
  AuthOptions options_;
  int64_t now_ = 1'700'000'000'000;
  Caller from_;
};

TEST_P(AuthServiceTest, LoginAuthenticateLogout) {
  auto s = Login(*conn_, options_, from_, "Maria", "maria-password-1");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->user["username"], "maria");
  // Only the hash of the token is stored.
  auto rows = conn_->Query("SELECT token_hash FROM sessions");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), TokenHash(s->token));
  EXPECT_NE((*rows)[0].Text(0), s->token);

  auto who = Authenticate(*conn_, options_, s->token);
  ASSERT_TRUE(who.ok()) << who.status().ToString();
  EXPECT_EQ(who->username, "maria");
  EXPECT_EQ(who->role, cases::Role::kCaseworker);
  EXPECT_TRUE(CheckCsrf(*who, s->csrf_token).ok());
  EXPECT_EQ(CheckCsrf(*who, "forged").code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(CheckCsrf(*who, "").code(), ErrorCode::kPermissionDenied);

  EXPECT_EQ(Authenticate(*conn_, options_, "forged-token").status().code(),
            ErrorCode::kUnauthenticated);
  Caller out = from_;
  out.action = "auth.logout";
  out.username = "maria";
  ASSERT_TRUE(Logout(*conn_, options_, out, *who).ok());
  auto after = Authenticate(*conn_, options_, s->token);
  EXPECT_EQ(after.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(after.status().message().find("signed out"), std::string::npos);
  // Login and logout are in the audit log, without the password or token.
  storage::AuditLog log(*conn_);
  auto entries = log.Find({});
  ASSERT_TRUE(entries.ok());
  ASSERT_GE(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].draft.action, "auth.logout");
  EXPECT_EQ((*entries)[1].draft.action, "auth.login");
  EXPECT_EQ((*entries)[1].draft.client_address, "10.0.0.1");
  for (const auto& e : *entries) {
    EXPECT_EQ(e.draft.detail.find("maria-password-1"), std::string::npos);
    EXPECT_EQ(e.draft.detail.find(s->token), std::string::npos);
  }
}

TEST_P(AuthServiceTest, ExpiryAndIdleTimeout) {
  auto s = Login(*conn_, options_, from_, "maria", "maria-password-1");
  ASSERT_TRUE(s.ok());
  now_ += options_.idle_timeout_ms - 1000;
  ASSERT_TRUE(Authenticate(*conn_, options_, s->token).ok());  // touches last_seen
  now_ += options_.idle_timeout_ms - 1000;
  ASSERT_TRUE(Authenticate(*conn_, options_, s->token).ok());
  now_ += options_.idle_timeout_ms + 1;
  auto idle = Authenticate(*conn_, options_, s->token);
  EXPECT_EQ(idle.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(idle.status().message().find("inactivity"), std::string::npos);

  auto s2 = Login(*conn_, options_, from_, "maria", "maria-password-1");
  ASSERT_TRUE(s2.ok());
  options_.idle_timeout_ms = options_.session_ttl_ms * 2;
  now_ += options_.session_ttl_ms;
  auto expired = Authenticate(*conn_, options_, s2->token);
  EXPECT_EQ(expired.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(expired.status().message().find("expired"), std::string::npos);
}

TEST_P(AuthServiceTest, WrongPasswordsAreThrottledPerAccountAndUnknownUsersLookTheSame) {
  for (int i = 0; i < 5; ++i) {
    auto bad = Login(*conn_, options_, from_, "maria", "wrong-password-x");
    EXPECT_EQ(bad.status().code(), ErrorCode::kUnauthenticated);
    EXPECT_EQ(bad.status().message(), "wrong username or password");
  }
  auto unknown = Login(*conn_, options_, from_, "nobody", "wrong-password-x");
  EXPECT_EQ(unknown.status().message(), "wrong username or password");
  // The 6th wrong attempt blocks the account; now even the right password waits.
  EXPECT_FALSE(Login(*conn_, options_, from_, "maria", "wrong-password-x").ok());
  auto blocked = Login(*conn_, options_, from_, "maria", "maria-password-1");
  EXPECT_EQ(blocked.status().code(), ErrorCode::kResourceExhausted);
  now_ += 1000;
  EXPECT_TRUE(Login(*conn_, options_, from_, "maria", "maria-password-1").ok());
}

TEST_P(AuthServiceTest, ThrottledPerAddressAcrossAccounts) {
  options_.per_address.free = 3;
  for (int i = 0; i < 4; ++i) {
    (void)Login(*conn_, options_, from_, "user" + std::to_string(i), "wrong-password-x");
  }
  EXPECT_EQ(Login(*conn_, options_, from_, "maria", "maria-password-1").status().code(),
            ErrorCode::kResourceExhausted);
  Caller elsewhere = from_;
  elsewhere.client_address = "10.0.0.2";
  EXPECT_TRUE(Login(*conn_, options_, elsewhere, "maria", "maria-password-1").ok());
}

TEST_P(AuthServiceTest, DisablingAndResettingRevokeSessions) {
  Caller admin = CommandLineCaller("user");
  admin.action = "users.update";
  auto s = Login(*conn_, options_, from_, "maria", "maria-password-1");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(ResetPassword(*conn_, admin, options_.cost, "maria", "a-brand-new-pass").ok());
  EXPECT_FALSE(Authenticate(*conn_, options_, s->token).ok());
  EXPECT_FALSE(Login(*conn_, options_, from_, "maria", "maria-password-1").ok());
  auto s2 = Login(*conn_, options_, from_, "maria", "a-brand-new-pass");
  ASSERT_TRUE(s2.ok());
  UserChange off;
  off.disabled = true;
  ASSERT_TRUE(UpdateUser(*conn_, admin, "maria", off).ok());
  EXPECT_FALSE(Authenticate(*conn_, options_, s2->token).ok());
  EXPECT_EQ(Login(*conn_, options_, from_, "maria", "a-brand-new-pass").status().message(),
            "wrong username or password");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthServiceTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
