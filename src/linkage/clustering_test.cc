#include "linkage/clustering.h"

#include <gtest/gtest.h>

namespace reunite::linkage {
namespace {

TEST(ClusteringTest, OneToOneKeepsTheBestPairPerRecord) {
  std::vector<ScoredPair> pairs = {{0, 0, 10}, {0, 1, 12}, {1, 1, 11}, {1, 0, 9}, {2, 2, 1}};
  auto kept = OneToOne(pairs);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].left, 0u);  // 0-1 (12) first, then 1-0 (9) since 1-1 clashes, then 2-2
  EXPECT_EQ(kept[0].right, 1u);
  EXPECT_EQ(kept[1].left, 1u);
  EXPECT_EQ(kept[1].right, 0u);
  EXPECT_EQ(kept[2].left, 2u);
}

TEST(ClusteringTest, ConnectedComponentsDedupe) {
  std::vector<std::string> keys = {"r3", "r1", "r2", "r4"};
  auto c = ConnectedComponents(keys, {{0, 1, 5}, {1, 2, 5}}, 0);
  EXPECT_EQ(c.cluster_of[0], c.cluster_of[1]);
  EXPECT_EQ(c.cluster_of[1], c.cluster_of[2]);
  EXPECT_NE(c.cluster_of[0], c.cluster_of[3]);
  EXPECT_EQ(c.cluster_ids.size(), 2u);
  // The id comes from the smallest member key, "r1".
  EXPECT_EQ(c.cluster_ids[c.cluster_of[0]], StableClusterId("r1"));
}

TEST(ClusteringTest, IdsAreStableWhenInputOrderChanges) {
  auto a = ConnectedComponents({"x", "y", "z"}, {{0, 1, 1}}, 0);
  auto b = ConnectedComponents({"z", "y", "x"}, {{1, 2, 1}}, 0);
  EXPECT_EQ(a.cluster_ids[a.cluster_of[0]], b.cluster_ids[b.cluster_of[2]]);  // {x,y}
  EXPECT_EQ(a.cluster_ids[a.cluster_of[2]], b.cluster_ids[b.cluster_of[0]]);  // {z}
  EXPECT_EQ(StableClusterId("x").size(), 17u);
}

TEST(ClusteringTest, LinkModeOffsetsRightRecords) {
  auto c = ConnectedComponents({"1:a", "1:b", "2:a", "2:b"}, {{0, 1, 3}}, 2);
  EXPECT_EQ(c.cluster_of[0], c.cluster_of[3]);
  EXPECT_NE(c.cluster_of[1], c.cluster_of[2]);
}

}  // namespace
}  // namespace reunite::linkage
