#include "linkage/blocking.h"

#include <algorithm>

namespace reunite::linkage {
namespace {

// Records with a non-zero key, sorted by key; within a key, records lacking
// the rule's if_missing value first (`missing` empty: no such rule).
std::vector<uint32_t> SortByKey(const std::vector<uint64_t>& keys,
                                const std::vector<uint8_t>& missing) {
  // Sort (key, missing-first, index) tuples held contiguously: comparing
  // through `keys[index]` would cost a cache miss per comparison.
  struct Entry {
    uint64_t key;
    uint32_t order;  // high bit: the record has the value (sorts after those lacking it); index
    bool operator<(const Entry& o) const { return key != o.key ? key < o.key : order < o.order; }
  };
  std::vector<Entry> entries;
  entries.reserve(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0) continue;
    const bool lacks = !missing.empty() && missing[i] != 0;
    entries.push_back({keys[i], (lacks ? 0u : 0x80000000u) | i});
  }
  std::sort(entries.begin(), entries.end());
  std::vector<uint32_t> out;
  out.reserve(entries.size());
  for (const Entry& e : entries) out.push_back(e.order & 0x7FFFFFFFu);
  return out;
}

// End of the records lacking the value in sorted[b, e) (e when there is no condition).
size_t MissingEnd(const std::vector<uint32_t>& sorted, size_t b, size_t e,
                  const std::vector<uint8_t>& missing) {
  if (missing.empty()) return e;
  size_t m = b;
  while (m < e && missing[sorted[m]]) ++m;
  return m;
}

// Row-major copy of the table's keys.
std::vector<uint64_t> RowMajor(const std::vector<std::vector<uint64_t>>& keys, size_t n) {
  const size_t rules = keys.size();
  std::vector<uint64_t> out(n * rules);
  for (size_t r = 0; r < rules; ++r) {
    for (size_t i = 0; i < n; ++i) out[i * rules + r] = keys[r][i];
  }
  return out;
}

std::vector<int> MissingComparisons(const Model& model) {
  std::vector<int> out;
  for (const BlockingRule& rule : model.blocking) {
    int c = -1;
    for (size_t k = 0; k < model.comparisons.size() && !rule.if_missing.empty(); ++k) {
      if (model.comparisons[k].name == rule.if_missing) c = static_cast<int>(k);
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

bool BlockTooLarge(uint64_t size, uint64_t lacking, uint64_t max_size) {
  const uint64_t pairs = lacking * (lacking - (lacking > 0)) / 2 + lacking * (size - lacking);
  return pairs > max_size * (max_size - (max_size > 0)) / 2;
}

bool LinkBlockTooLarge(uint64_t left, uint64_t right, uint64_t pairs, bool if_missing,
                       uint64_t max_size) {
  if (if_missing) return pairs > max_size * max_size;
  return left > max_size || right > max_size;
}

Blocker Blocker::ForDedupe(const PreparedTable& table, const Model& model) {
  Blocker b;
  b.dedupe_ = true;
  const size_t rules = table.block_keys.size();
  std::vector<std::vector<uint64_t>> effective = table.block_keys;
  b.left_ = b.right_ = &table;
  b.rules_ = static_cast<uint32_t>(rules);
  b.missing_comparison_ = MissingComparisons(model);
  b.left_sorted_.resize(rules);
  b.stats_.pairs_by_rule.assign(rules, 0);
  for (uint32_t r = 0; r < rules; ++r) {
    std::vector<uint64_t>& keys = effective[r];
    const std::vector<uint8_t>& missing = table.block_missing[r];
    const uint64_t max_size = static_cast<uint64_t>(model.MaxBlockSize(r));
    b.left_sorted_[r] = SortByKey(keys, missing);
    const std::vector<uint32_t>& sorted = b.left_sorted_[r];
    size_t s = 0;
    while (s < sorted.size()) {
      size_t e = s + 1;
      while (e < sorted.size() && keys[sorted[e]] == keys[sorted[s]]) ++e;
      const uint64_t size = e - s;
      const size_t m = MissingEnd(sorted, s, e, missing);
      if (size >= 2 && m > s) {
        ++b.stats_.blocks;
        if (BlockTooLarge(size, m - s, max_size)) {
          ++b.stats_.oversized_blocks;
          b.stats_.oversized_records += size;
          for (size_t k = s; k < e; ++k) keys[sorted[k]] = 0;
        } else {
          b.groups_.push_back({r, static_cast<uint32_t>(s), static_cast<uint32_t>(m),
                               static_cast<uint32_t>(e), 0, 0, 0});
          const uint64_t mc = m - s;
          b.stats_.pairs_by_rule[r] += mc * (mc - 1) / 2 + mc * (size - mc);
        }
      }
      s = e;
    }
  }
  b.left_keys_ = RowMajor(effective, table.size);
  for (uint64_t p : b.stats_.pairs_by_rule) b.stats_.candidate_pairs_upper += p;
  return b;
}

Blocker Blocker::ForLink(const PreparedTable& left, const PreparedTable& right,
                         const Model& model) {
  Blocker b;
  b.dedupe_ = false;
  std::vector<std::vector<uint64_t>> left_effective = left.block_keys;
  std::vector<std::vector<uint64_t>> right_effective = right.block_keys;
  b.left_ = &left;
  b.right_ = &right;
  const size_t rules = left.block_keys.size();
  b.rules_ = static_cast<uint32_t>(rules);
  b.missing_comparison_ = MissingComparisons(model);
  b.left_sorted_.resize(rules);
  b.right_sorted_.resize(rules);
  b.stats_.pairs_by_rule.assign(rules, 0);
  for (uint32_t r = 0; r < rules; ++r) {
    std::vector<uint64_t>& lk = left_effective[r];
    std::vector<uint64_t>& rk = right_effective[r];
    const std::vector<uint8_t>& lmiss = left.block_missing[r];
    const std::vector<uint8_t>& rmiss = right.block_missing[r];
    const uint64_t max_size = static_cast<uint64_t>(model.MaxBlockSize(r));
    b.left_sorted_[r] = SortByKey(lk, lmiss);
    b.right_sorted_[r] = SortByKey(rk, rmiss);
    const std::vector<uint32_t>& ls = b.left_sorted_[r];
    const std::vector<uint32_t>& rs = b.right_sorted_[r];
    size_t li = 0, ri = 0;
    std::vector<uint32_t> clear_left, clear_right;
    while (li < ls.size() && ri < rs.size()) {
      const uint64_t kl = lk[ls[li]], kr = rk[rs[ri]];
      if (kl < kr) {
        ++li;
        continue;
      }
      if (kr < kl) {
        ++ri;
        continue;
      }
      size_t le = li + 1, re = ri + 1;
      while (le < ls.size() && lk[ls[le]] == kl) ++le;
      while (re < rs.size() && rk[rs[re]] == kr) ++re;
      const size_t lm = MissingEnd(ls, li, le, lmiss);
      const size_t rm = MissingEnd(rs, ri, re, rmiss);
      const uint64_t pairs =
          static_cast<uint64_t>(lm - li) * (re - ri) + static_cast<uint64_t>(le - lm) * (rm - ri);
      if (pairs > 0) {
        ++b.stats_.blocks;
        if (LinkBlockTooLarge(le - li, re - ri, pairs, b.missing_comparison_[r] >= 0, max_size)) {
          ++b.stats_.oversized_blocks;
          b.stats_.oversized_records += (le - li) + (re - ri);
          for (size_t k = li; k < le; ++k) clear_left.push_back(ls[k]);
          for (size_t k = ri; k < re; ++k) clear_right.push_back(rs[k]);
        } else {
          b.groups_.push_back({r, static_cast<uint32_t>(li), static_cast<uint32_t>(lm),
                               static_cast<uint32_t>(le), static_cast<uint32_t>(ri),
                               static_cast<uint32_t>(rm), static_cast<uint32_t>(re)});
          b.stats_.pairs_by_rule[r] += pairs;
        }
      }
      li = le;
      ri = re;
    }
    for (uint32_t i : clear_left) lk[i] = 0;
    for (uint32_t j : clear_right) rk[j] = 0;
  }
  b.left_keys_ = RowMajor(left_effective, left.size);
  b.right_keys_ = RowMajor(right_effective, right.size);
  for (uint64_t p : b.stats_.pairs_by_rule) b.stats_.candidate_pairs_upper += p;
  return b;
}

}  // namespace reunite::linkage
