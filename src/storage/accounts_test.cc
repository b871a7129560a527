#include "storage/accounts.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::storage {
namespace {

class AccountStoreTest : public StorageTest {
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

UserRow User(const std::string& name) {
  return UserRow{0, name, "Name " + name, "caseworker", "$argon2id$fake", false, 1000, 1000};
}

TEST_P(AccountStoreTest, UsersAreUniqueAndUpdatable) {
  AccountStore store(*conn_);
  auto id = store.InsertUser(User("maria"));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, 1);
  auto dup = store.InsertUser(User("maria"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
  ASSERT_EQ(*store.InsertUser(User("ana")), 2);
  ASSERT_TRUE(store.SetDisabled(1, true).ok());
  ASSERT_TRUE(store.SetPassword(1, "$argon2id$new", 2000).ok());
  ASSERT_TRUE(store.SetRole(1, "admin").ok());
  auto maria = store.FindUser("maria");
  ASSERT_TRUE(maria.ok() && maria->has_value());
  EXPECT_TRUE((*maria)->disabled);
  EXPECT_EQ((*maria)->password_hash, "$argon2id$new");
  EXPECT_EQ((*maria)->password_changed_ms, 2000);
  EXPECT_EQ((*maria)->role, "admin");
  auto list = store.ListUsers();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].username, "ana");
  auto none = store.FindUser("nobody");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_P(AccountStoreTest, SessionsRevokeOneOrAll) {
  AccountStore store(*conn_);
  ASSERT_TRUE(store.InsertUser(User("maria")).ok());
  for (const char* t : {"t1", "t2", "t3"}) {
    ASSERT_TRUE(store.InsertSession({t, 1, "c", 10, 100000, 10, std::nullopt, "127.0.0.1"}).ok());
  }
  ASSERT_TRUE(store.RevokeSession("t1", 50).ok());
  auto t1 = store.FindSession("t1");
  ASSERT_TRUE(t1.ok() && t1->has_value());
  EXPECT_EQ((*t1)->revoked_ms.value_or(0), 50);
  auto n = store.RevokeUserSessions(1, 60);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2);
  auto t3 = store.FindSession("t3");
  EXPECT_EQ((*t3)->revoked_ms.value_or(0), 60);
  ASSERT_TRUE(store.TouchSession("t2", 70).ok());
  EXPECT_EQ((*store.FindSession("t2"))->last_seen_ms, 70);
  ASSERT_TRUE(store.DeleteExpiredSessions(200000).ok());
  EXPECT_FALSE(store.FindSession("t2")->has_value());
}

TEST_P(AccountStoreTest, ThrottleRowsPutAndClear) {
  AccountStore store(*conn_);
  ASSERT_TRUE(store.PutThrottle({"login-user:maria", 3, 100, 0}).ok());
  ASSERT_TRUE(store.PutThrottle({"login-user:maria", 4, 100, 900}).ok());
  auto row = store.FindThrottle("login-user:maria");
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->failures, 4);
  EXPECT_EQ((*row)->blocked_until_ms, 900);
  ASSERT_TRUE(store.ClearThrottle("login-user:maria").ok());
  EXPECT_FALSE(store.FindThrottle("login-user:maria")->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace reunite::storage
