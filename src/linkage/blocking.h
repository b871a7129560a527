// Blocking: records that share every key of a rule are candidate pairs; the
// candidate set is the UNION over rules, deduplicated without a hash set: a
// pair is emitted only by the first rule that produces it (an earlier rule r
// produced it iff both records have the same non-empty key for r and that
// block was not skipped as oversized).
//
// A block with more than max_block_size records on a side (the rule's own,
// else the model's) is skipped (counted in BlockingStats); a pair can still
// be found by another rule. A rule with `if_missing` pairs only records of
// which at least one lacks that value (its blocks list those records first);
// its blocks are bounded by the pairs they make instead (see BlockTooLarge).
// Thread-safe after construction: ForEachPair may run on several shards at once.
#ifndef REUNITE_LINKAGE_BLOCKING_H_
#define REUNITE_LINKAGE_BLOCKING_H_

#include <cstdint>
#include <vector>

#include "linkage/model.h"
#include "linkage/prepare.h"

namespace reunite::linkage {

struct BlockingStats {
  uint64_t blocks = 0;
  uint64_t oversized_blocks = 0;        // skipped
  uint64_t oversized_records = 0;       // records in skipped blocks (summed over rules)
  uint64_t candidate_pairs_upper = 0;   // pairs in kept blocks before deduplication
  std::vector<uint64_t> pairs_by_rule;  // pairs in kept blocks per rule (before dedup)
};

// Whether a dedupe block of `size` records, `lacking` of which lack the
// rule's if_missing value (lacking == size for a rule without if_missing),
// is skipped: when it makes more pairs than a full block of `max_size`
// records, max_size·(max_size−1)/2. For a plain rule that is size > max_size;
// an if_missing block pairs only the records lacking the value, so a large
// block (a common name) with few of them is kept.
bool BlockTooLarge(uint64_t size, uint64_t lacking, uint64_t max_size);
// The same for linkage: a plain rule's block is skipped when either side has
// more than max_size records, an if_missing rule's when it makes more than
// max_size² pairs.
bool LinkBlockTooLarge(uint64_t left, uint64_t right, uint64_t pairs, bool if_missing,
                       uint64_t max_size);

class Blocker {
 public:
  // Deduplication of one table (pairs i < j) or linkage of left × right.
  // The tables must outlive the Blocker. At most 32 rules.
  static Blocker ForDedupe(const PreparedTable& table, const Model& model);
  static Blocker ForLink(const PreparedTable& left, const PreparedTable& right, const Model& model);

  const BlockingStats& stats() const { return stats_; }
  bool dedupe() const { return dedupe_; }
  size_t rules() const { return rules_; }

  // Calls fn(i, j) for every candidate pair in shard `shard` of `shards`
  // (i indexes the left/only table, j the right; for dedupe i < j). The
  // shards partition the pairs, and each shard visits them in the same order
  // on every call.
  template <typename Fn>
  void ForEachPair(int shard, int shards, Fn&& fn) const {
    Visit(shard, shards, [&](uint32_t rule, uint32_t i, uint32_t j) {
      if (!FoundEarlier(rule, i, j)) fn(i, j);
    });
  }

  // As ForEachPair, with the set of rules whose kept blocks hold the pair
  // (bit r for rule r): the per-rule training counts each rule's own pairs
  // from this one pass.
  template <typename Fn>
  void ForEachPairWithRules(int shard, int shards, Fn&& fn) const {
    Visit(shard, shards, [&](uint32_t rule, uint32_t i, uint32_t j) {
      const uint32_t mask = RuleMask(i, j);
      if ((mask & ((1u << rule) - 1)) == 0) fn(i, j, mask);
    });
  }

  // Bit r set when rule r's kept blocks hold (i, j).
  uint32_t RuleMask(uint32_t i, uint32_t j) const {
    uint32_t mask = 0;
    for (uint32_t r = 0; r < rules_; ++r) mask |= static_cast<uint32_t>(Holds(r, i, j)) << r;
    return mask;
  }

 private:
  // Every pair of every kept block, with its rule (pairs found by several
  // rules are visited once per rule).
  template <typename Fn>
  void Visit(int shard, int shards, Fn&& fn) const {
    for (size_t g = static_cast<size_t>(shard); g < groups_.size();
         g += static_cast<size_t>(shards)) {
      const Group& grp = groups_[g];
      const std::vector<uint32_t>& lrec = left_sorted_[grp.rule];
      if (dedupe_) {
        for (uint32_t a = grp.lb; a < grp.lm; ++a) {
          for (uint32_t b = a + 1; b < grp.le; ++b) {
            uint32_t i = lrec[a], j = lrec[b];
            if (i > j) std::swap(i, j);
            fn(grp.rule, i, j);
          }
        }
      } else {
        const std::vector<uint32_t>& rrec = right_sorted_[grp.rule];
        for (uint32_t a = grp.lb; a < grp.le; ++a) {
          const uint32_t re = a < grp.lm ? grp.re : grp.rm;
          for (uint32_t b = grp.rb; b < re; ++b) fn(grp.rule, lrec[a], rrec[b]);
        }
      }
    }
  }

  // A block: records [lb, le) of left_sorted_[rule] ([rb, re) of the right
  // for linkage). For an if_missing rule the records lacking the value come
  // first, [lb, lm) and [rb, rm), and only pairs with one of them are made;
  // otherwise lm == le and rm == re.
  struct Group {
    uint32_t rule;
    uint32_t lb, lm, le;
    uint32_t rb, rm, re;
  };
  // Rule r holds (i, j): same effective key and, for an if_missing rule, one
  // of them lacks the value (read from the prepared rows).
  bool Holds(uint32_t r, uint32_t i, uint32_t j) const {
    const uint64_t k = left_keys_[i * rules_ + r];
    if (k == 0 || k != right_keys()[j * rules_ + r]) return false;
    const int c = missing_comparison_[r];
    return c < 0 || left_->Row(i)[c] == 0 || right_->Row(j)[c] == 0;
  }
  bool FoundEarlier(uint32_t rule, uint32_t i, uint32_t j) const {
    for (uint32_t r = 0; r < rule; ++r) {
      if (Holds(r, i, j)) return true;
    }
    return false;
  }
  const std::vector<uint64_t>& right_keys() const { return dedupe_ ? left_keys_ : right_keys_; }

  bool dedupe_ = true;
  uint32_t rules_ = 0;
  // Effective keys, row-major [record * rules + rule]: 0 for no key or a
  // record in a skipped block.
  std::vector<uint64_t> left_keys_;
  std::vector<uint64_t> right_keys_;  // link only
  const PreparedTable* left_ = nullptr;
  const PreparedTable* right_ = nullptr;  // == left_ for dedupe
  std::vector<int> missing_comparison_;   // per rule: the if_missing comparison, or -1
  std::vector<std::vector<uint32_t>> left_sorted_, right_sorted_;
  std::vector<Group> groups_;
  BlockingStats stats_;
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_BLOCKING_H_
