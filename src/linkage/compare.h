// Level of one comparison for one pair of prepared records: each similarity
// (Jaro-Winkler, edit distance, surname/date/ID agreement) is computed at
// most once per pair and bucketed into the comparison's ordered levels; the
// first level whose test holds wins (null first, else last).
// Thread-safe: reads only prepared, immutable data.
#ifndef REUNITE_LINKAGE_COMPARE_H_
#define REUNITE_LINKAGE_COMPARE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "linkage/model.h"
#include "linkage/prepare.h"
#include "linkage/string_pool.h"

namespace reunite::linkage {

// Index into c.levels of the level the pair (a[i], b[j]) falls in.
int ComparisonLevel(const Comparison& c, const PreparedComparison& a, size_t i,
                    const PreparedComparison& b, size_t j, const StringPool& pool);

// True when a comparison's level is worth memoising per pair of values (see
// LevelCache): name and text comparisons whose levels need string
// similarity. Dates, IDs and numbers are cheaper to recompute.
bool CacheableComparison(const Comparison& c);

// A memo of levels by pair of interned values, for ONE thread. Every level of
// a text, given-name or surname comparison is a function of the two records'
// interned values (prepare.cc interns exactly the features the levels read),
// and is symmetric, so a pair of distinct names that recurs across candidate
// pairs (García López / López García) is compared once. Direct-mapped,
// 2^bits entries per cacheable comparison, 8 bytes each; collisions simply
// recompute; a comparison whose values rarely recur stops being cached. Results are identical with
// or without a cache. Not thread-safe: give each worker thread its own.
class LevelCache {
 public:
  // 2^12 entries (32 KiB) per comparison stay in the core's L2 cache: larger
  // tables hit a little more often but each miss then costs a memory load
  // (measured with score_bench and febrl_bench).
  explicit LevelCache(const Model& model, int bits = 12);

  // The slot for values (a, b) of comparison c, or nullptr when c is not
  // cached (not cacheable, switched off, or an id too large to pack). `key`
  // receives the packed pair.
  uint64_t* Slot(size_t c, uint32_t a, uint32_t b, uint64_t* key) {
    if (offset_[c] < 0 || (a | b) >= (1u << 28)) return nullptr;
    *key = a < b ? (uint64_t{a} << 28 | b) : (uint64_t{b} << 28 | a);
    const uint64_t h = (*key * 0x9E3779B97F4A7C15ULL) >> (64 - bits_);
    uint64_t* slot = &slots_[static_cast<size_t>(offset_[c]) + h];
    // Adaptive: a comparison whose values rarely recur (addresses, free
    // text) costs a cache miss per pair for nothing; after kProbe lookups
    // with fewer than a quarter hits it is no longer cached on this thread.
    if (++lookups_[c] <= kProbe) {
      hits_[c] += Holds(*slot, *key);
      if (lookups_[c] == kProbe && hits_[c] * 4 < kProbe) offset_[c] = -1;
    }
    return slot;
  }
  // A slot holds key << 8 | level; 0 is empty (ids are never 0 here).
  static bool Holds(uint64_t slot, uint64_t key) { return (slot >> 8) == key; }
  static int LevelOf(uint64_t slot) { return static_cast<int>(slot & 0xFF); }
  static uint64_t Make(uint64_t key, int level) { return key << 8 | static_cast<uint64_t>(level); }

 private:
  static constexpr uint32_t kProbe = 20000;
  int bits_;
  std::vector<int64_t> offset_;  // per comparison, -1 when not cached
  std::vector<uint32_t> lookups_, hits_;
  std::vector<uint64_t> slots_;
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_COMPARE_H_
