#include "service/throttle.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

using storage::Backend;

class ThrottleTest : public storage::StorageTest {};

TEST_P(ThrottleTest, ExponentialBackoffAfterTheFreeAttempts) {
  auto db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(storage::Migrate(*db).ok());
  storage::AccountStore store(*db);
  ThrottlePolicy p{3, 1000, 8000, 60000};
  int64_t t = 1'000'000;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(CheckThrottle(store, "k", p, t).ok());
    ASSERT_TRUE(CountAttempt(store, "k", p, t).ok());
  }
  EXPECT_TRUE(CheckThrottle(store, "k", p, t).ok());  // 3 free attempts used, not blocked yet
  ASSERT_TRUE(CountAttempt(store, "k", p, t).ok());   // 4th: blocked 1 s
  Status s = CheckThrottle(store, "k", p, t + 500);
  EXPECT_EQ(s.code(), ErrorCode::kResourceExhausted);
  EXPECT_NE(s.message().find("retry in 1 s"), std::string::npos) << s.message();
  EXPECT_TRUE(CheckThrottle(store, "k", p, t + 1000).ok());
  ASSERT_TRUE(CountAttempt(store, "k", p, t + 1000).ok());  // 5th: 2 s
  EXPECT_FALSE(CheckThrottle(store, "k", p, t + 2900).ok());
  EXPECT_TRUE(CheckThrottle(store, "k", p, t + 3000).ok());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(CountAttempt(store, "k", p, t + 3000).ok());
  auto row = store.FindThrottle("k");
  EXPECT_EQ((*row)->blocked_until_ms, t + 3000 + 8000);  // capped
  EXPECT_TRUE(CheckThrottle(store, "other", p, t).ok());
  // A quiet window resets the count.
  ASSERT_TRUE(CountAttempt(store, "k", p, t + 3000 + 8000 + 60000).ok());
  EXPECT_EQ((*store.FindThrottle("k"))->failures, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ThrottleTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
