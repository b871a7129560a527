#include "linkage/string_similarity.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace reunite::linkage {

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.size() > kMaxSimilarityLength) a = a.substr(0, kMaxSimilarityLength);
  if (b.size() > kMaxSimilarityLength) b = b.substr(0, kMaxSimilarityLength);
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  if (la == 0 && lb == 0) return 1.0;
  if (la == 0 || lb == 0) return 0.0;
  if (a == b) return 1.0;
  // Bit-parallel matching: positions of each byte in b as a 64-bit mask.
  // The table is cleared after use, so it is all zero between calls.
  thread_local uint64_t positions[256] = {};
  for (int k = 0; k < lb; ++k)
    positions[static_cast<uint8_t>(b[static_cast<size_t>(k)])] |= uint64_t{1} << k;
  const int window = std::max(0, std::max(la, lb) / 2 - 1);
  uint64_t matched_b = 0;
  char a_matches[kMaxSimilarityLength];
  int m = 0;
  for (int i = 0; i < la; ++i) {
    const int lo = std::max(0, i - window);
    const int hi = std::min(lb - 1, i + window);
    if (lo > hi) continue;
    const int width = hi - lo + 1;
    const uint64_t range = (width >= 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1)) << lo;
    const uint64_t candidates =
        positions[static_cast<uint8_t>(a[static_cast<size_t>(i)])] & range & ~matched_b;
    if (candidates == 0) continue;
    matched_b |= candidates & (~candidates + 1);
    a_matches[m++] = a[static_cast<size_t>(i)];
  }
  for (int k = 0; k < lb; ++k) positions[static_cast<uint8_t>(b[static_cast<size_t>(k)])] = 0;
  if (m == 0) return 0.0;
  int transpositions = 0;
  int idx = 0;
  for (uint64_t rest = matched_b; rest != 0; rest &= rest - 1) {
    const int k = __builtin_ctzll(rest);
    if (a_matches[idx++] != b[static_cast<size_t>(k)]) ++transpositions;
  }
  const double md = m;
  double jaro = (md / la + md / lb + (md - transpositions / 2.0) / md) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb &&
         a[static_cast<size_t>(prefix)] == b[static_cast<size_t>(prefix)]) {
    ++prefix;
  }
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

int DamerauLevenshtein(std::string_view a, std::string_view b, int limit) {
  if (a.size() > kMaxSimilarityLength) a = a.substr(0, kMaxSimilarityLength);
  if (b.size() > kMaxSimilarityLength) b = b.substr(0, kMaxSimilarityLength);
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > limit) return limit + 1;
  if (la == 0) return lb;
  if (lb == 0) return la;
  // Three rolling rows of the OSA matrix.
  int rows[3][kMaxSimilarityLength + 1];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int k = 0; k <= lb; ++k) prev[k] = k;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    const char ca = a[static_cast<size_t>(i - 1)];
    for (int k = 1; k <= lb; ++k) {
      const char cb = b[static_cast<size_t>(k - 1)];
      int cost = ca == cb ? 0 : 1;
      int v = std::min({prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost});
      if (i > 1 && k > 1 && ca == b[static_cast<size_t>(k - 2)] &&
          a[static_cast<size_t>(i - 2)] == cb) {
        v = std::min(v, prev2[k - 2] + 1);
      }
      cur[k] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[lb], limit + 1);
}

}  // namespace reunite::linkage
