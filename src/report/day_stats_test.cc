#include "report/day_stats.h"

#include <gtest/gtest.h>

namespace reunite::report {
namespace {

TEST(DayStatsTest, MedianOfOddAndEvenCounts) {
  EXPECT_FALSE(Median({}).has_value());
  EXPECT_EQ(Median({5}), 5.0);
  EXPECT_EQ(Median({9, 1, 5}), 5.0);
  EXPECT_EQ(Median({10, 1, 4, 7}), 5.5);
}

TEST(DayStatsTest, BucketsHoldTheChildrenAtTheirEdges) {
  const std::vector<std::pair<std::string, int>> v = {{"a", 0},  {"b", 1},  {"c", 7},   {"d", 8},
                                                      {"e", 30}, {"f", 31}, {"g", 365}, {"h", 366}};
  const DayDistribution d = Distribute(v);
  EXPECT_EQ(d.count, 8);
  EXPECT_EQ(d.min, 0);
  EXPECT_EQ(d.max, 366);
  EXPECT_EQ(d.median, 19.0);  // (8 + 30) / 2
  ASSERT_EQ(d.buckets.size(), DayBuckets().size());
  EXPECT_EQ(d.buckets[0], (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(d.buckets[1], (std::vector<std::string>{"d", "e"}));
  EXPECT_EQ(d.buckets[2], (std::vector<std::string>{"f"}));
  EXPECT_TRUE(d.buckets[3].empty());
  EXPECT_EQ(d.buckets[4], (std::vector<std::string>{"g"}));
  EXPECT_EQ(d.buckets[5], (std::vector<std::string>{"h"}));
}

}  // namespace
}  // namespace reunite::report
