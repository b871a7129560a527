// Fuzzes court orders (src/cases/court_order.h): JSON text as in orders/*.json.
// Checks: a failure is kParseError or kInvalidArgument naming the file; an
// order that loads keeps the checks the header promises (non-empty unique
// clock ids, 0 <= age_min <= age_max, days > 0).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "cases/court_order.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "court_order_fuzz: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto order = reunite::cases::ParseCourtOrder(text, "fuzz.json");
  if (!order.ok()) {
    auto c = order.status().code();
    Check(c == reunite::ErrorCode::kParseError || c == reunite::ErrorCode::kInvalidArgument,
          "unexpected error code");
    Check(order.status().message().rfind("fuzz.json", 0) == 0, "error does not name the file");
    return 0;
  }
  Check(!order->order_id.empty(), "order without an id");
  std::set<std::string> ids;
  for (const auto& clock : order->clocks) {
    Check(!clock.id.empty() && ids.insert(clock.id).second, "clock ids empty or repeated");
    Check(0 <= clock.child_age_min && clock.child_age_min <= clock.child_age_max, "age range");
    Check(clock.days > 0, "clock days not positive");
  }
  return 0;
}
