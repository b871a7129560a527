#include "service/report_input_store.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

class ReportInputStoreTest : public storage::StorageTest {};

TEST_P(ReportInputStoreTest, AStoreWithoutPersonsSaysResolutionIsNeeded) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(storage::Migrate(*db).ok());
  auto n = CountResolvedPersons(*db);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 0);
  auto in = LoadStoreReportInput(*db, "orders");
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(in.status().message().find("run `reunite resolve`"), std::string::npos)
      << in.status().message();
}

TEST_P(ReportInputStoreTest, PersonsPresentButLoaderNotWiredIsSaidPlainly) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Execute("CREATE TABLE persons (person_id TEXT PRIMARY KEY)").ok());
  ASSERT_TRUE(db->Execute("INSERT INTO persons (person_id) VALUES ('P1')").ok());
  auto n = CountResolvedPersons(*db);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  auto in = LoadStoreReportInput(*db, "orders");
  ASSERT_FALSE(in.ok());
  EXPECT_NE(in.status().message().find("--scenario"), std::string::npos) << in.status().message();
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportInputStoreTest,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
