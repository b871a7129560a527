#include "storage/connection_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/test_databases.h"

namespace reunite::storage {
namespace {

using ConnectionPoolTest = StorageTest;

TEST_P(ConnectionPoolTest, LendsAtMostMaxAndReusesReturnedConnections) {
  ConnectionPool pool(db_->url(), 2);
  Connection* first = nullptr;
  {
    auto a = pool.Acquire();
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    first = &**a;
    auto b = pool.Acquire();
    ASSERT_TRUE(b.ok());
    EXPECT_NE(&**b, first);
    // A third borrower waits until one is returned.
    std::atomic<bool> got{false};
    std::thread waiter([&] {
      auto c = pool.Acquire();
      got = c.ok();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_FALSE(got.load());
    { auto drop = std::move(*b); }
    waiter.join();
    EXPECT_TRUE(got.load());
  }
  auto again = pool.Acquire();
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE((*again)->Execute("SELECT 1", {}).ok());
}

TEST_P(ConnectionPoolTest, DiscardedConnectionIsReplaced) {
  ConnectionPool pool(db_->url(), 1);
  {
    auto a = pool.Acquire();
    ASSERT_TRUE(a.ok());
    a->Discard();
  }
  auto b = pool.Acquire();
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE((*b)->Execute("SELECT 1", {}).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectionPoolTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace reunite::storage
