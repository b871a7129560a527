#include "linkage/blocking.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace reunite::linkage {
namespace {

// A table with the given keys per rule; `missing` (for one if_missing rule)
// marks the records lacking the model's one comparison, "dob".
PreparedTable WithKeys(std::vector<std::vector<uint64_t>> keys,
                       std::vector<std::vector<uint8_t>> missing = {}) {
  PreparedTable t;
  t.size = keys.empty() ? 0 : keys[0].size();
  missing.resize(keys.size());
  t.comparisons.resize(1);
  t.rows.assign(t.size, 1);
  for (const auto& m : missing) {
    for (size_t i = 0; i < m.size(); ++i) {
      if (m[i]) t.rows[i] = 0;
    }
  }
  t.block_keys = std::move(keys);
  t.block_missing = std::move(missing);
  return t;
}

// A model with `rules` blocking rules and a max block size (keys are given
// directly to the tables, so the rules' key names do not matter).
Model RulesModel(size_t rules, int max_block_size) {
  Model m;
  m.max_block_size = max_block_size;
  m.blocking.resize(rules);
  Comparison dob;
  dob.name = "dob";
  dob.kind = ComparisonKind::kDate;
  m.comparisons.push_back(dob);
  return m;
}

TEST(BlockingTest, DedupeEmitsEachPairOnceAcrossRules) {
  // Rule 0 groups {0,1,2}; rule 1 groups {1,2,3}: pair (1,2) is in both.
  PreparedTable t = WithKeys({{7, 7, 7, 0}, {0, 9, 9, 9}});
  Blocker b = Blocker::ForDedupe(t, RulesModel(2, 100));
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
  Blocker b = Blocker::ForLink(left, right, RulesModel(2, 100));
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
  Blocker b = Blocker::ForDedupe(t, RulesModel(2, 3));
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  b.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) { pairs.push_back({i, j}); });
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], std::make_pair(0u, 1u));
  EXPECT_EQ(b.stats().oversized_blocks, 1u);
  EXPECT_EQ(b.stats().oversized_records, 4u);
}

TEST(BlockingTest, IfMissingRulePairsOnlyRecordsLackingTheValue) {
  // Rule 0 (plain) pairs {0,1}; rule 1 (if_missing) has one block {0,1,2,3}
  // where only records 2 and 3 lack the value: pairs with 2 or 3, and (0,1)
  // neither (both have it) nor twice.
  PreparedTable t = WithKeys({{5, 5, 0, 0}, {9, 9, 9, 9}}, {{}, {0, 0, 1, 1}});
  Model model = RulesModel(2, 100);
  model.blocking[1].if_missing = "dob";
  Blocker b = Blocker::ForDedupe(t, model);
  std::set<std::pair<uint32_t, uint32_t>> seen;
  b.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) { EXPECT_TRUE(seen.insert({i, j}).second); });
  std::set<std::pair<uint32_t, uint32_t>> expected = {{0, 1}, {0, 2}, {0, 3},
                                                      {1, 2}, {1, 3}, {2, 3}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(b.stats().pairs_by_rule[1], 5u);  // 1 (2-3) + 2 x 2
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> masks;
  b.ForEachPairWithRules(0, 1, [&](uint32_t i, uint32_t j, uint32_t m) { masks[{i, j}] = m; });
  EXPECT_EQ(masks.size(), expected.size());
  EXPECT_EQ((masks[{0, 1}]), 1u);  // rule 0 only: both have a dob
  EXPECT_EQ((masks[{0, 2}]), 2u);  // rule 1 only
  EXPECT_EQ((masks[{2, 3}]), 2u);

  // Linkage: left {0: has, 1: lacks} x right {0: has, 1: lacks} in one block.
  PreparedTable left = WithKeys({{0, 0}, {3, 3}}, {{}, {0, 1}});
  PreparedTable right = WithKeys({{0, 0}, {3, 3}}, {{}, {0, 1}});
  Blocker l = Blocker::ForLink(left, right, model);
  std::set<std::pair<uint32_t, uint32_t>> linked;
  l.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) { linked.insert({i, j}); });
  EXPECT_EQ(linked, (std::set<std::pair<uint32_t, uint32_t>>{{0, 1}, {1, 0}, {1, 1}}));
}

TEST(BlockingTest, IfMissingBlockIsBoundedByItsPairsNotItsRecords) {
  // max 4 records = at most 6 pairs. 5 records of which 1 lacks the value
  // make 4 pairs: kept although the block has more than 4 records; with 2
  // lacking, 1 + 2 x 3 = 7 pairs: skipped. A plain rule skips both.
  EXPECT_FALSE(BlockTooLarge(5, 1, 4));
  EXPECT_TRUE(BlockTooLarge(5, 2, 4));
  EXPECT_TRUE(BlockTooLarge(5, 5, 4));
  EXPECT_FALSE(BlockTooLarge(4, 4, 4));
  EXPECT_TRUE(LinkBlockTooLarge(5, 1, 5, false, 4));
  EXPECT_FALSE(LinkBlockTooLarge(5, 1, 5, true, 4));
  EXPECT_TRUE(LinkBlockTooLarge(5, 4, 17, true, 4));

  PreparedTable t =
      WithKeys({{3, 3, 3, 3, 3}, {6, 6, 6, 6, 6}}, {{0, 0, 0, 0, 1}, {0, 0, 0, 1, 1}});
  Model model = RulesModel(2, 4);
  model.blocking[0].if_missing = "dob";
  model.blocking[1].if_missing = "dob";
  Blocker b = Blocker::ForDedupe(t, model);
  EXPECT_EQ(b.stats().pairs_by_rule[0], 4u);
  EXPECT_EQ(b.stats().pairs_by_rule[1], 0u);
  EXPECT_EQ(b.stats().oversized_blocks, 1u);
  std::set<std::pair<uint32_t, uint32_t>> seen;
  b.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) { seen.insert({i, j}); });
  EXPECT_EQ(seen, (std::set<std::pair<uint32_t, uint32_t>>{{0, 4}, {1, 4}, {2, 4}, {3, 4}}));
}

TEST(BlockingTest, RuleMaxBlockSizeOverridesTheModels) {
  PreparedTable t = WithKeys({{4, 4, 4}, {8, 8, 8}});
  Model model = RulesModel(2, 100);
  model.blocking[0].max_block_size = 2;
  Blocker b = Blocker::ForDedupe(t, model);
  EXPECT_EQ(b.stats().oversized_blocks, 1u);
  EXPECT_EQ(b.stats().pairs_by_rule[0], 0u);
  EXPECT_EQ(b.stats().pairs_by_rule[1], 3u);
}

}  // namespace
}  // namespace reunite::linkage
