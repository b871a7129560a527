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

namespace {

// Clusters from the union-find roots: ids from each cluster's smallest key.
Clusters FromRoots(const std::vector<std::string>& node_keys, UnionFind& uf) {
  const size_t n = node_keys.size();
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

}  // namespace

Clusters ConnectedComponents(const std::vector<std::string>& node_keys,
                             const std::vector<ScoredPair>& pairs, uint32_t right_offset) {
  UnionFind uf(node_keys.size());
  for (const ScoredPair& p : pairs) uf.Union(p.left, p.right + right_offset);
  return FromRoots(node_keys, uf);
}

Clusters AverageLinkage(const std::vector<std::string>& node_keys, std::vector<ScoredPair> pairs,
                        uint32_t right_offset,
                        const std::function<double(uint32_t, uint32_t)>& weight,
                        const AverageLinkageOptions& options) {
  std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& a, const ScoredPair& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.left != b.left) return a.left < b.left;
    return a.right < b.right;
  });
  UnionFind uf(node_keys.size());
  // Members of each root (only for nodes in some accepted pair).
  std::vector<std::vector<uint32_t>> members(node_keys.size());
  auto members_of = [&](uint32_t root) -> std::vector<uint32_t>& {
    if (members[root].empty()) members[root].push_back(root);
    return members[root];
  };
  for (const ScoredPair& p : pairs) {
    const uint32_t a = p.left, b = p.right + right_offset;
    const uint32_t ra = uf.Find(a), rb = uf.Find(b);
    if (ra == rb) continue;
    std::vector<uint32_t>& ma = members_of(ra);
    std::vector<uint32_t>& mb = members_of(rb);
    double mean = p.weight;
    if (ma.size() > 1 || mb.size() > 1) {
      double sum = 0;
      size_t scored = 0;
      for (size_t x = 0; x < ma.size() && scored < options.max_cross_pairs; ++x) {
        for (size_t y = 0; y < mb.size() && scored < options.max_cross_pairs; ++y) {
          sum += weight(ma[x], mb[y]);
          ++scored;
        }
      }
      mean = sum / static_cast<double>(scored);
    }
    if (mean < options.threshold_weight - options.tolerance_bits) continue;
    uf.Union(ra, rb);
    const uint32_t root = uf.Find(ra);
    std::vector<uint32_t>& into = root == ra ? ma : mb;
    std::vector<uint32_t>& from = root == ra ? mb : ma;
    into.insert(into.end(), from.begin(), from.end());
    std::vector<uint32_t>().swap(from);
    if (root != ra && root != rb) members[root] = std::move(into);
  }
  return FromRoots(node_keys, uf);
}

}  // namespace reunite::linkage
