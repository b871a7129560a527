// Wall-clock time for records (recorded_at, applied_at). UTC, ISO 8601 with
// milliseconds: "2026-11-29T14:02:03.123Z". Thread-safe.
#ifndef REUNITE_COMMON_CLOCK_H_
#define REUNITE_COMMON_CLOCK_H_

#include <string>

namespace reunite {

std::string UtcNowIso();

}  // namespace reunite

#endif  // REUNITE_COMMON_CLOCK_H_
