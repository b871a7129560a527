#include "service/user_service.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

using storage::Backend;

class UserServiceTest : public storage::StorageTest {};

TEST_P(UserServiceTest, CreateListUpdateAndKeepOneAdmin) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(storage::Migrate(*db).ok());
  Caller cli = CommandLineCaller("user");
  cli.action = "users.create";
  PasswordCost cheap{1, 8u << 20};
  ASSERT_TRUE(
      CreateUser(*db, cli, cheap, {"root", "", cases::Role::kAdmin, "root-password-1"}).ok());
  auto dup = CreateUser(*db, cli, cheap, {"ROOT", "", cases::Role::kAdmin, "root-password-1"});
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(CreateUser(*db, cli, cheap, {"a b", "", cases::Role::kAdmin, "root-password-1"})
                .status()
                .code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      CreateUser(*db, cli, cheap, {"ana", "", cases::Role::kMonitor, "short"}).status().code(),
      ErrorCode::kInvalidArgument);
  auto ana =
      CreateUser(*db, cli, cheap, {"ana", "Ana P.", cases::Role::kMonitor, "ana-password-12"});
  ASSERT_TRUE(ana.ok());
  EXPECT_EQ((*ana)["role"], "monitor");
  EXPECT_FALSE(ana->contains("password_hash"));

  UserChange off;
  off.disabled = true;
  auto last = UpdateUser(*db, cli, "root", off);
  EXPECT_EQ(last.status().code(), ErrorCode::kFailedPrecondition);
  UserChange promote;
  promote.role = cases::Role::kAdmin;
  ASSERT_TRUE(UpdateUser(*db, cli, "ana", promote).ok());
  EXPECT_TRUE(UpdateUser(*db, cli, "root", off).ok());
  EXPECT_EQ(UpdateUser(*db, cli, "ghost", off).status().code(), ErrorCode::kNotFound);

  auto list = ListUsers(*db, cli);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ((*list)["users"].size(), 2u);
  EXPECT_EQ((*list)["users"][0]["username"], "ana");
  EXPECT_EQ((*list)["users"][1]["disabled"], true);
}

INSTANTIATE_TEST_SUITE_P(Backends, UserServiceTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
