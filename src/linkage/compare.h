// Level of one comparison for one pair of prepared records: each similarity
// (Jaro-Winkler, edit distance, surname/date/ID agreement) is computed at
// most once per pair and bucketed into the comparison's ordered levels; the
// first level whose test holds wins (null first, else last).
// Thread-safe: reads only prepared, immutable data.
#ifndef REUNITE_LINKAGE_COMPARE_H_
#define REUNITE_LINKAGE_COMPARE_H_

#include <cstddef>

#include "linkage/model.h"
#include "linkage/prepare.h"
#include "linkage/string_pool.h"

namespace reunite::linkage {

// Index into c.levels of the level the pair (a[i], b[j]) falls in.
int ComparisonLevel(const Comparison& c, const PreparedComparison& a, size_t i,
                    const PreparedComparison& b, size_t j, const StringPool& pool);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_COMPARE_H_
