#include "storage/migrations.h"

#include <gtest/gtest.h>

#include "storage/test_databases.h"

namespace reunite::storage {
namespace {

using MigrationsTest = StorageTest;

TEST_P(MigrationsTest, FromEmptyToLatestAndIdempotent) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  auto v0 = SchemaVersion(*db);
  ASSERT_TRUE(v0.ok()) << v0.status().ToString();
  EXPECT_EQ(*v0, 0);
  int latest = AllMigrations().back().version;
  auto v = Migrate(*db);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, latest);
  auto again = Migrate(*db);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, latest);
  auto rows = db->Query("SELECT COUNT(*) FROM schema_migrations");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Int(0), static_cast<int64_t>(AllMigrations().size()));
}

TEST_P(MigrationsTest, FromEachEarlierVersion) {
  int previous = 0;  // versions may have gaps (each engineer has a range)
  for (const Migration& m : AllMigrations()) {
    TestDatabase fresh(GetParam());
    auto db = fresh.Open();
    ASSERT_TRUE(db);
    auto mid = Migrate(*db, m.version - 1);
    ASSERT_TRUE(mid.ok()) << mid.status().ToString();
    EXPECT_EQ(*mid, previous);
    previous = m.version;
    auto v = Migrate(*db);
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_EQ(*v, AllMigrations().back().version);
  }
}

TEST_P(MigrationsTest, RefusesASchemaNewerThanTheBinary) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(*db).ok());
  SqlValue p[] = {int64_t{999}, std::string("from the future"), std::string("x")};
  ASSERT_TRUE(
      db->Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", p)
          .ok());
  auto v = Migrate(*db);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), ErrorCode::kFailedPrecondition);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace reunite::storage
