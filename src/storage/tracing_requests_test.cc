#include "storage/tracing_requests.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::storage {
namespace {

class TracingRequestStoreTest : public StorageTest {
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

TracingRequestRow Row(const std::string& ref) {
  TracingRequestRow r;
  r.reference = ref;
  r.received_at = "2026-01-01T00:00:00.000Z";
  r.client_address = "127.0.0.1";
  r.language = "es";
  r.requester = R"({"name":"Rosa"})";
  r.sought = R"({"given_name":"Chepe"})";
  r.status = "received";
  r.updated_at = r.received_at;
  return r;
}

TEST_P(TracingRequestStoreTest, InsertFindListUpdate) {
  TracingRequestStore store(*conn_);
  ASSERT_EQ(*store.Insert(Row("TR-AAAA-AAAA")), 1);
  ASSERT_EQ(*store.Insert(Row("TR-BBBB-BBBB")), 2);
  auto dup = store.Insert(Row("TR-AAAA-AAAA"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);

  auto one = store.Find(1);
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ((*one)->sought, R"({"given_name":"Chepe"})");
  EXPECT_EQ((*one)->assigned_to, "");
  TracingRequestRow changed = **one;
  changed.status = "assigned";
  changed.assigned_to = "maria";
  changed.candidates = R"([{"record":"orr/U1"}])";
  ASSERT_TRUE(store.Update(changed).ok());

  TracingQuery q;
  q.status = "received";
  auto received = store.List(q);
  ASSERT_TRUE(received.ok());
  ASSERT_EQ(received->size(), 1u);
  EXPECT_EQ((*received)[0].reference, "TR-BBBB-BBBB");
  q = TracingQuery{};
  q.assigned_to = "maria";
  auto mine = store.List(q);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].candidates, R"([{"record":"orr/U1"}])");
  auto ids = store.IdsWithStatus("received", 10);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<int64_t>{2});
  EXPECT_FALSE(store.Find(99)->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, TracingRequestStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace reunite::storage
