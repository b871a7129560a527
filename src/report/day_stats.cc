#include "report/day_stats.h"

#include <algorithm>

namespace reunite::report {

std::span<const DayBucket> DayBuckets() {
  static const DayBucket kBuckets[] = {
      {"d1_7", "1–7 days", 1, 7},
      {"d8_30", "8–30 days", 8, 30},
      {"d31_90", "31–90 days", 31, 90},
      {"d91_180", "91–180 days", 91, 180},
      {"d181_365", "181–365 days", 181, 365},
      {"d366_plus", "more than 365 days", 366, -1},
  };
  return kBuckets;
}

std::optional<double> Median(std::vector<int> days) {
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  const size_t n = days.size();
  if (n % 2 == 1) return days[n / 2];
  return (days[n / 2 - 1] + days[n / 2]) / 2.0;
}

DayDistribution Distribute(std::span<const std::pair<std::string, int>> values) {
  DayDistribution d;
  d.buckets.resize(DayBuckets().size());
  std::vector<int> days;
  for (const auto& [child, n] : values) {
    days.push_back(n);
    d.min = d.min ? std::min(*d.min, n) : n;
    d.max = d.max ? std::max(*d.max, n) : n;
    for (size_t b = 0; b < DayBuckets().size(); ++b) {
      const DayBucket& bucket = DayBuckets()[b];
      if (n >= bucket.min && (bucket.max < 0 || n <= bucket.max)) d.buckets[b].push_back(child);
    }
  }
  d.count = static_cast<int>(values.size());
  d.median = Median(std::move(days));
  return d;
}

}  // namespace reunite::report
