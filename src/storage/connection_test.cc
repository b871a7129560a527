#include "storage/connection.h"

#include <gtest/gtest.h>

#include "storage/postgres/postgres_connection.h"
#include "storage/test_databases.h"

namespace reunite::storage {
namespace {

TEST(PlaceholderTest, RewritesOutsideQuotesOnly) {
  EXPECT_EQ(RewritePlaceholders("SELECT ?, '?', \"a?\" WHERE x = ?"),
            "SELECT $1, '?', \"a?\" WHERE x = $2");
}

using ConnectionTest = StorageTest;

TEST_P(ConnectionTest, ValuesRoundTripWithTypesAndNulls) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Execute("CREATE TABLE t (i BIGINT, d DOUBLE PRECISION, s TEXT)", {}).ok());
  SqlValue row[] = {int64_t{-42}, 2.5, std::string("Q'anjob'al; DROP TABLE t;--")};
  ASSERT_TRUE(db->Execute("INSERT INTO t (i, d, s) VALUES (?, ?, ?)", row).ok());
  SqlValue nulls[] = {SqlValue{}, SqlValue{}, SqlValue{}};
  ASSERT_TRUE(db->Execute("INSERT INTO t (i, d, s) VALUES (?, ?, ?)", nulls).ok());
  auto rows = db->Query("SELECT i, d, s FROM t ORDER BY i NULLS LAST");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  const Row& r = (*rows)[0];
  EXPECT_EQ(r.Int(0), -42);
  EXPECT_DOUBLE_EQ(r.Double(1), 2.5);
  EXPECT_EQ(r.Text(2), "Q'anjob'al; DROP TABLE t;--");
  EXPECT_TRUE((*rows)[1].IsNull(0));
  EXPECT_TRUE((*rows)[1].IsNull(2));
}

TEST_P(ConnectionTest, FailedTransactionLeavesNothing) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Execute("CREATE TABLE t (k TEXT PRIMARY KEY)", {}).ok());
  Status s = InWriteTransaction(*db, [&] {
    SqlValue a = std::string("a");
    REUNITE_RETURN_IF_ERROR(db->Execute("INSERT INTO t (k) VALUES (?)", std::span(&a, 1)));
    return db->Execute("INSERT INTO t (k) VALUES (?)", std::span(&a, 1));  // duplicate key
  });
  EXPECT_EQ(s.code(), ErrorCode::kAlreadyExists) << s.ToString();
  auto rows = db->Query("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Int(0), 0);
}

TEST_P(ConnectionTest, BulkInsertKeepsEveryByte) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Execute("CREATE TABLE t (i BIGINT, s TEXT)", {}).ok());
  std::vector<std::vector<SqlValue>> rows;
  const std::string tricky = "tab\there\nnew line\\back\rslash \\N K'iche'";
  for (int64_t i = 0; i < 1000; ++i) {
    rows.push_back({i, i % 10 == 0 ? SqlValue{} : SqlValue{tricky + std::to_string(i)}});
  }
  constexpr std::string_view kCols[] = {"i", "s"};
  ASSERT_TRUE(InWriteTransaction(*db, [&] { return db->BulkInsert("t", kCols, rows); }).ok());
  auto got = db->Query("SELECT i, s FROM t ORDER BY i");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 1000u);
  EXPECT_TRUE((*got)[0].IsNull(1));
  EXPECT_EQ((*got)[7].Text(1), tricky + "7");
}

TEST_P(ConnectionTest, SqlErrorsNameTheDatabase) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  Status s = db->Execute("SELECT * FROM no_such_table", {});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(db->dialect() == Dialect::kSqlite ? "sqlite:" : "postgresql://"),
            std::string::npos)
      << s.message();
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectionTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

TEST(OpenConnectionTest, UnreachablePostgresIsUnavailableWithoutPassword) {
  auto c = OpenConnection("postgresql://u:s3cret@127.0.0.1:1/x?connect_timeout=2");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(c.status().message().find("s3cret"), std::string::npos) << c.status().message();
}

TEST(OpenConnectionTest, UnwritableSqlitePathIsAnIoError) {
  auto c = OpenConnection("/nonexistent-dir/reunite.db");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("/nonexistent-dir/reunite.db"), std::string::npos);
}

}  // namespace
}  // namespace reunite::storage
