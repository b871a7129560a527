// Content hashes (XXH3, 64 and 128 bits) for interning, deduplication and
// idempotent imports. Not cryptographic: the event log's chain uses SHA-256.
#ifndef REUNITE_COMMON_HASH_H_
#define REUNITE_COMMON_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "reunite/status.h"

namespace reunite {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);
// 32 lowercase hex digits of the 128-bit XXH3 hash.
std::string Hash128Hex(std::string_view data);
// Hash128Hex of a whole file's bytes, streamed. kNotFound/kIoError naming the path.
Result<std::string> FileHash128Hex(const std::string& path);

}  // namespace reunite

#endif  // REUNITE_COMMON_HASH_H_
