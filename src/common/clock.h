// Wall-clock time for records (recorded_at, applied_at). UTC, ISO 8601 with
// milliseconds: "2026-11-29T14:02:03.123Z". Thread-safe.
#ifndef REUNITE_COMMON_CLOCK_H_
#define REUNITE_COMMON_CLOCK_H_

#include <cstdint>
#include <string>

namespace reunite {

std::string UtcNowIso();
// Milliseconds since the Unix epoch (UTC), for expiries and windows.
int64_t UtcNowMillis();
// ISO 8601 UTC with milliseconds of an epoch-milliseconds instant.
std::string IsoFromMillis(int64_t ms);

}  // namespace reunite

#endif  // REUNITE_COMMON_CLOCK_H_
