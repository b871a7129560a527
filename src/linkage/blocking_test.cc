#include "linkage/blocking.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace reunite::linkage {
namespace {

PreparedTable WithKeys(std::vector<std::vector<uint64_t>> keys) {
  PreparedTable t;
  t.size = keys.empty() ? 0 : keys[0].size();
  t.block_keys = std::move(keys);
  return t;
}

TEST(BlockingTest, DedupeEmitsEachPairOnceAcrossRules) {
  // Rule 0 groups {0,1,2}; rule 1 groups {1,2,3}: pair (1,2) is in both.
  PreparedTable t = WithKeys({{7, 7, 7, 0}, {0, 9, 9, 9}});
  Blocker b = Blocker::ForDedupe(t, 100);
  std::map<std::pair<uint32_t, uint32_t>, int> seen;
  for (int shard = 0; shard < 2; ++shard) {
    b.ForEachPair(shard, 2, [&](uint32_t i, uint32_t j) { ++seen[{i, j}]; });
  }
  std::map<std::pair<uint32_t, uint32_t>, int> expected = {
      {{0, 1}, 1}, {{0, 2}, 1}, {{1, 2}, 1}, {{1, 3}, 1}, {{2, 3}, 1}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(b.stats().candidate_pairs_upper, 6u);  // 3 + 3 before deduplication
}

TEST(BlockingTest, LinkJoinsOnKeysAndDeduplicates) {
  PreparedTable left = WithKeys({{1, 2, 0}, {5, 5, 6}});
  PreparedTable right = WithKeys({{1, 1, 2}, {5, 6, 6}});
  Blocker b = Blocker::ForLink(left, right, 100);
  std::set<std::pair<uint32_t, uint32_t>> seen;
  int calls = 0;
  b.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) {
    seen.insert({i, j});
    ++calls;
  });
  std::set<std::pair<uint32_t, uint32_t>> expected = {{0, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}};
  // (0,0) is in rule 0 and rule 1: emitted once; (1,0) via rule 1 only.
  expected.insert({1, 0});
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(calls, static_cast<int>(expected.size()));
}

TEST(BlockingTest, OversizedBlocksAreSkippedAndCounted) {
  // Rule 0: one block of 4 (> max 3) skipped; rule 1 still pairs 0 and 1,
  // and since rule 0 skipped them the pair is not suppressed as "earlier".
  PreparedTable t = WithKeys({{4, 4, 4, 4}, {8, 8, 0, 0}});
  Blocker b = Blocker::ForDedupe(t, 3);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  b.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) { pairs.push_back({i, j}); });
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], std::make_pair(0u, 1u));
  EXPECT_EQ(b.stats().oversized_blocks, 1u);
  EXPECT_EQ(b.stats().oversized_records, 4u);
}

}  // namespace
}  // namespace reunite::linkage
