#include "linkage/clustering.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "common/hash.h"

namespace reunite::linkage {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (a < b) std::swap(a, b);
    parent_[a] = b;
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace

std::vector<ScoredPair> OneToOne(std::vector<ScoredPair> pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& a, const ScoredPair& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.left != b.left) return a.left < b.left;
    return a.right < b.right;
  });
  uint32_t max_left = 0, max_right = 0;
  for (const ScoredPair& p : pairs) {
    max_left = std::max(max_left, p.left);
    max_right = std::max(max_right, p.right);
  }
  std::vector<bool> left_taken(pairs.empty() ? 0 : max_left + 1);
  std::vector<bool> right_taken(pairs.empty() ? 0 : max_right + 1);
  std::vector<ScoredPair> out;
  for (const ScoredPair& p : pairs) {
    if (left_taken[p.left] || right_taken[p.right]) continue;
    left_taken[p.left] = true;
    right_taken[p.right] = true;
    out.push_back(p);
  }
  return out;
}

std::string StableClusterId(const std::string& smallest_member_key) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "c%016llx",
                static_cast<unsigned long long>(Hash64(smallest_member_key)));
  return buf;
}

Clusters ConnectedComponents(const std::vector<std::string>& node_keys,
                             const std::vector<ScoredPair>& pairs, uint32_t right_offset) {
  const size_t n = node_keys.size();
  UnionFind uf(n);
  for (const ScoredPair& p : pairs) uf.Union(p.left, p.right + right_offset);
  // Smallest member key per root.
  std::vector<uint32_t> smallest(n);
  std::iota(smallest.begin(), smallest.end(), 0u);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t r = uf.Find(i);
    if (node_keys[i] < node_keys[smallest[r]]) smallest[r] = i;
  }
  Clusters out;
  out.cluster_of.assign(n, 0);
  std::vector<int64_t> index_of_root(n, -1);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t r = uf.Find(i);
    if (index_of_root[r] < 0) {
      index_of_root[r] = static_cast<int64_t>(out.cluster_ids.size());
      out.cluster_ids.push_back(StableClusterId(node_keys[smallest[r]]));
    }
    out.cluster_of[i] = static_cast<uint32_t>(index_of_root[r]);
  }
  return out;
}

}  // namespace reunite::linkage
