#include "linkage/blocking.h"

#include <algorithm>

namespace reunite::linkage {
namespace {

// Records with a non-zero key, sorted by key.
std::vector<uint32_t> SortByKey(const std::vector<uint64_t>& keys) {
  std::vector<uint32_t> out;
  out.reserve(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) out.push_back(i);
  }
  std::sort(out.begin(), out.end(), [&keys](uint32_t a, uint32_t b) {
    return keys[a] != keys[b] ? keys[a] < keys[b] : a < b;
  });
  return out;
}

}  // namespace

Blocker Blocker::ForDedupe(const PreparedTable& table, int max_block_size) {
  Blocker b;
  b.dedupe_ = true;
  b.left_keys_ = table.block_keys;
  const size_t rules = table.block_keys.size();
  b.left_sorted_.resize(rules);
  b.stats_.pairs_by_rule.assign(rules, 0);
  for (uint32_t r = 0; r < rules; ++r) {
    std::vector<uint64_t>& keys = b.left_keys_[r];
    b.left_sorted_[r] = SortByKey(keys);
    const std::vector<uint32_t>& sorted = b.left_sorted_[r];
    size_t s = 0;
    while (s < sorted.size()) {
      size_t e = s + 1;
      while (e < sorted.size() && keys[sorted[e]] == keys[sorted[s]]) ++e;
      const uint64_t size = e - s;
      if (size >= 2) {
        ++b.stats_.blocks;
        if (size > static_cast<uint64_t>(max_block_size)) {
          ++b.stats_.oversized_blocks;
          b.stats_.oversized_records += size;
          for (size_t k = s; k < e; ++k) keys[sorted[k]] = 0;
        } else {
          b.groups_.push_back({r, static_cast<uint32_t>(s), static_cast<uint32_t>(e), 0, 0});
          b.stats_.pairs_by_rule[r] += size * (size - 1) / 2;
        }
      }
      s = e;
    }
  }
  for (uint64_t p : b.stats_.pairs_by_rule) b.stats_.candidate_pairs_upper += p;
  return b;
}

Blocker Blocker::ForLink(const PreparedTable& left, const PreparedTable& right,
                         int max_block_size) {
  Blocker b;
  b.dedupe_ = false;
  b.left_keys_ = left.block_keys;
  b.right_keys_ = right.block_keys;
  const size_t rules = left.block_keys.size();
  b.left_sorted_.resize(rules);
  b.right_sorted_.resize(rules);
  b.stats_.pairs_by_rule.assign(rules, 0);
  for (uint32_t r = 0; r < rules; ++r) {
    std::vector<uint64_t>& lk = b.left_keys_[r];
    std::vector<uint64_t>& rk = b.right_keys_[r];
    b.left_sorted_[r] = SortByKey(lk);
    b.right_sorted_[r] = SortByKey(rk);
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
      ++b.stats_.blocks;
      if (le - li > static_cast<size_t>(max_block_size) ||
          re - ri > static_cast<size_t>(max_block_size)) {
        ++b.stats_.oversized_blocks;
        b.stats_.oversized_records += (le - li) + (re - ri);
        for (size_t k = li; k < le; ++k) clear_left.push_back(ls[k]);
        for (size_t k = ri; k < re; ++k) clear_right.push_back(rs[k]);
      } else {
        b.groups_.push_back({r, static_cast<uint32_t>(li), static_cast<uint32_t>(le),
                             static_cast<uint32_t>(ri), static_cast<uint32_t>(re)});
        b.stats_.pairs_by_rule[r] += static_cast<uint64_t>(le - li) * (re - ri);
      }
      li = le;
      ri = re;
    }
    for (uint32_t i : clear_left) lk[i] = 0;
    for (uint32_t j : clear_right) rk[j] = 0;
  }
  for (uint64_t p : b.stats_.pairs_by_rule) b.stats_.candidate_pairs_upper += p;
  return b;
}

}  // namespace reunite::linkage
