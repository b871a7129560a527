// String similarity measures used by comparators. Both work on bytes (the
// inputs are folded to ASCII by standardisation) with fixed-size stack
// buffers: strings longer than kMaxSimilarityLength are compared on their
// first kMaxSimilarityLength bytes. Pure functions, thread-safe, no allocation.
#ifndef REUNITE_LINKAGE_STRING_SIMILARITY_H_
#define REUNITE_LINKAGE_STRING_SIMILARITY_H_

#include <string_view>

namespace reunite::linkage {

inline constexpr int kMaxSimilarityLength = 64;

// Jaro-Winkler similarity in [0,1] (prefix scale 0.1, prefix up to 4).
// Two empty strings are 1.
double JaroWinkler(std::string_view a, std::string_view b);

// Optimal-string-alignment distance: insertions, deletions, substitutions and
// adjacent transpositions each cost 1. Stops early and returns limit + 1 once
// the distance must exceed `limit`.
int DamerauLevenshtein(std::string_view a, std::string_view b, int limit = kMaxSimilarityLength);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_STRING_SIMILARITY_H_
