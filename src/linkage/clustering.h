// Turning scored pairs into decisions: an optional one-to-one assignment for
// two-file linkage (greedy by descending weight: a record is linked to at
// most one record of the other file), then connected components (union-find)
// or average linkage over the accepted pairs.
//
// Stable cluster ids: a cluster's id is "c" + 16 hex digits of XXH3-64 of the
// key of its smallest member (keys compared as strings), so a cluster whose
// membership does not change keeps its id across runs whatever the input
// order. Pure functions; thread-safe.
#ifndef REUNITE_LINKAGE_CLUSTERING_H_
#define REUNITE_LINKAGE_CLUSTERING_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace reunite::linkage {

struct ScoredPair {
  uint32_t left = 0;   // record index in the left (or only) table
  uint32_t right = 0;  // record index in the right table (same table for dedupe)
  double weight = 0;
};

// Keeps the pairs of a greedy one-to-one assignment: pairs in descending
// weight (ties by left, right), each accepted iff neither record is taken.
std::vector<ScoredPair> OneToOne(std::vector<ScoredPair> pairs);

struct Clusters {
  // cluster index of node n (nodes: left records, then right records for link)
  std::vector<uint32_t> cluster_of;
  std::vector<std::string> cluster_ids;  // by cluster index
};

// Connected components over `node_keys.size()` nodes. For dedupe pass
// right_offset 0 (pair.right indexes the same table); for linkage pass the
// left table size (pair.right + right_offset is the node).
Clusters ConnectedComponents(const std::vector<std::string>& node_keys,
                             const std::vector<ScoredPair>& pairs, uint32_t right_offset);

// Average linkage over the accepted pairs, against the chaining of connected
// components (twins linked through one weak pair pull two people's records
// into one cluster): pairs are taken in descending weight (ties by left,
// right) and the clusters of a pair's two nodes merge only when the MEAN
// match weight over their cross pairs (every member of one against every
// member of the other, candidate or not, scored by `weight(a, b)` on nodes)
// is at least threshold_weight - tolerance_bits. The tolerance exists because
// records of one person often share only part of their fields: a court
// record without a date of birth against an outreach record without one
// scores near 0 although both join the person through their other records,
// while a wrong merge usually has cross pairs that DISAGREE (A-numbers,
// dates, names: -7 to -11 bits each). At most `max_cross_pairs` cross pairs
// are scored per merge (the first in member order). Deterministic; the ids
// are stable as for ConnectedComponents.
struct AverageLinkageOptions {
  double threshold_weight = 0;  // log2 odds of the acceptance probability
  double tolerance_bits = 6;    // measured on synth_link_bench: 4..8 give the same figures
  size_t max_cross_pairs = 400;
};
Clusters AverageLinkage(const std::vector<std::string>& node_keys, std::vector<ScoredPair> pairs,
                        uint32_t right_offset,
                        const std::function<double(uint32_t, uint32_t)>& weight,
                        const AverageLinkageOptions& options);

// "c" + 16 lowercase hex digits of Hash64(smallest member key).
std::string StableClusterId(const std::string& smallest_member_key);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_CLUSTERING_H_
