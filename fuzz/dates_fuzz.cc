// Fuzzes date standardisation (src/names/dates.h, common/date.h): dates as
// agencies type them. The first byte picks the two-digit-year pivot; the
// rest is up to eight lines, each parsed under every DateOrder. Checks: a
// parsed date is valid and reads back from its ISO form; failures are
// kParseError; CompareDates is symmetric; DetectDateOrder never crashes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/date.h"
#include "names/dates.h"

namespace {

namespace names = reunite::names;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "dates_fuzz: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int pivot = data[0] % 100;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<std::string_view> lines;
  while (lines.size() < 8 && !input.empty()) {
    size_t nl = input.find('\n');
    lines.push_back(input.substr(0, nl));
    if (nl == std::string_view::npos) break;
    input.remove_prefix(nl + 1);
  }
  std::vector<reunite::Date> parsed;
  for (std::string_view line : lines) {
    for (auto order : {names::DateOrder::kIso, names::DateOrder::kMonthFirst,
                       names::DateOrder::kDayFirst, names::DateOrder::kAuto}) {
      auto d = names::ParseDate(line, order, pivot);
      (void)names::DateOrderName(order);
      if (!d.ok()) {
        Check(d.status().code() == reunite::ErrorCode::kParseError, "not a parse error");
        continue;
      }
      Check(d->IsValid(), "ParseDate returned an invalid date");
      auto iso = reunite::Date::ParseIso(d->ToIso());
      if (d->year >= 1 && d->year <= 9999) {
        Check(iso.ok() && *iso == *d, "ISO form does not read back");
        auto again = names::ParseDate(d->ToIso(), names::DateOrder::kIso, pivot);
        Check(again.ok() && *again == *d, "ParseDate of the ISO form differs");
      }
      Check(reunite::Date::FromDays(d->ToDays()) == *d, "days round trip");
      (void)names::IsPlaceholderDate(*d);
      parsed.push_back(*d);
    }
    auto strict = reunite::Date::ParseIso(line);
    if (strict.ok()) Check(strict->IsValid(), "ParseIso returned an invalid date");
  }
  for (size_t i = 0; i + 1 < parsed.size(); ++i) {
    auto ab = names::CompareDates(parsed[i], parsed[i + 1]);
    Check(ab == names::CompareDates(parsed[i + 1], parsed[i]), "CompareDates is not symmetric");
    (void)names::DateAgreementName(ab);
    (void)reunite::AgeOn(parsed[i], parsed[i + 1]);
  }
  (void)names::DetectDateOrder(lines);
  return 0;
}
