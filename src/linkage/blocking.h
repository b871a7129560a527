// Blocking: records that share every key of a rule are candidate pairs; the
// candidate set is the UNION over rules, deduplicated without a hash set: a
// pair is emitted only by the first rule that produces it (an earlier rule r
// produced it iff both records have the same non-empty key for r and that
// block was not skipped as oversized).
//
// A block with more than max_block_size records on a side is skipped
// (counted in BlockingStats); a pair can still be found by another rule.
// Thread-safe after construction: ForEachPair may run on several shards at once.
#ifndef REUNITE_LINKAGE_BLOCKING_H_
#define REUNITE_LINKAGE_BLOCKING_H_

#include <cstdint>
#include <vector>

#include "linkage/prepare.h"

namespace reunite::linkage {

struct BlockingStats {
  uint64_t blocks = 0;
  uint64_t oversized_blocks = 0;        // skipped
  uint64_t oversized_records = 0;       // records in skipped blocks (summed over rules)
  uint64_t candidate_pairs_upper = 0;   // pairs in kept blocks before deduplication
  std::vector<uint64_t> pairs_by_rule;  // pairs in kept blocks per rule (before dedup)
};

class Blocker {
 public:
  // Deduplication of one table (pairs i < j) or linkage of left × right.
  // The tables must outlive the Blocker.
  static Blocker ForDedupe(const PreparedTable& table, int max_block_size);
  static Blocker ForLink(const PreparedTable& left, const PreparedTable& right, int max_block_size);

  const BlockingStats& stats() const { return stats_; }
  bool dedupe() const { return dedupe_; }

  // Calls fn(i, j) for every candidate pair in shard `shard` of `shards`
  // (i indexes the left/only table, j the right; for dedupe i < j).
  template <typename Fn>
  void ForEachPair(int shard, int shards, Fn&& fn) const {
    Visit(shard, shards, /*dedup_across_rules=*/true,
          [&fn](uint32_t, uint32_t i, uint32_t j) { fn(i, j); });
  }

  // Calls fn(rule, i, j) for every pair of every kept block of every rule,
  // WITHOUT removing pairs an earlier rule found: each rule sees all its own
  // pairs (training per blocking rule needs the rule's unbiased pair set).
  template <typename Fn>
  void ForEachRulePair(int shard, int shards, Fn&& fn) const {
    Visit(shard, shards, /*dedup_across_rules=*/false, fn);
  }

 private:
  template <typename Fn>
  void Visit(int shard, int shards, bool dedup_across_rules, Fn&& fn) const {
    for (size_t g = static_cast<size_t>(shard); g < groups_.size();
         g += static_cast<size_t>(shards)) {
      const Group& grp = groups_[g];
      const std::vector<uint32_t>& lrec = left_sorted_[grp.rule];
      if (dedupe_) {
        for (uint32_t a = grp.lb; a < grp.le; ++a) {
          for (uint32_t b = a + 1; b < grp.le; ++b) {
            uint32_t i = lrec[a], j = lrec[b];
            if (i > j) std::swap(i, j);
            if (dedup_across_rules && FoundEarlier(grp.rule, i, j)) continue;
            fn(grp.rule, i, j);
          }
        }
      } else {
        const std::vector<uint32_t>& rrec = right_sorted_[grp.rule];
        for (uint32_t a = grp.lb; a < grp.le; ++a) {
          for (uint32_t b = grp.rb; b < grp.re; ++b) {
            uint32_t i = lrec[a], j = rrec[b];
            if (dedup_across_rules && FoundEarlier(grp.rule, i, j)) continue;
            fn(grp.rule, i, j);
          }
        }
      }
    }
  }

  struct Group {
    uint32_t rule;
    uint32_t lb, le;  // range in left_sorted_[rule]
    uint32_t rb, re;  // range in right_sorted_[rule] (link only)
  };
  bool FoundEarlier(uint32_t rule, uint32_t i, uint32_t j) const {
    for (uint32_t r = 0; r < rule; ++r) {
      uint64_t k = left_keys_[r][i];
      if (k != 0 && k == (dedupe_ ? left_keys_ : right_keys_)[r][j]) return true;
    }
    return false;
  }

  bool dedupe_ = true;
  // Effective keys: 0 for no key or a record in a skipped block.
  std::vector<std::vector<uint64_t>> left_keys_;
  std::vector<std::vector<uint64_t>> right_keys_;  // link only
  std::vector<std::vector<uint32_t>> left_sorted_, right_sorted_;
  std::vector<Group> groups_;
  BlockingStats stats_;
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_BLOCKING_H_
