#include "common/random.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

TEST(RngTest, SameSeedSameStreamDifferentSeedDifferentStream) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 1000; ++i) {
    uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs |= x != c.Next();
  }
  EXPECT_TRUE(differs);
}

TEST(RngTest, BelowIsInRangeAndRoughlyUniform) {
  Rng r(7);
  int counts[10] = {};
  for (int i = 0; i < 100000; ++i) {
    uint64_t v = r.Below(10);
    ASSERT_LT(v, 10u);
    ++counts[v];
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 500);
}

TEST(RngTest, NormalHasRequestedMoments) {
  Rng r(9);
  double sum = 0, sq = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    double x = r.Normal(30, 5);
    sum += x;
    sq += x * x;
  }
  double mean = sum / n;
  EXPECT_NEAR(mean, 30, 0.1);
  EXPECT_NEAR(std::sqrt(sq / n - mean * mean), 5, 0.1);
}

}  // namespace
}  // namespace reunite
