// Distributions of day counts (days overdue, days late, days separated): the
// median and fixed buckets, each with the children behind it. Pure.
#ifndef REUNITE_REPORT_DAY_STATS_H_
#define REUNITE_REPORT_DAY_STATS_H_

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace reunite::report {

struct DayBucket {
  std::string id;     // "d1_7"
  std::string label;  // "1–7 days"
  int min = 0;        // inclusive
  int max = -1;       // inclusive; -1: no upper bound
};
// 1–7, 8–30, 31–90, 91–180, 181–365, more than 365 days.
std::span<const DayBucket> DayBuckets();

// The median of `days` (the mean of the two middle values when the count is
// even); nullopt when empty.
std::optional<double> Median(std::vector<int> days);

struct DayDistribution {
  int count = 0;
  std::optional<int> min, max;
  std::optional<double> median;
  // Children per DayBuckets() entry (values below the first bucket, e.g. 0,
  // fall in none).
  std::vector<std::vector<std::string>> buckets;
};
// `values` = (child id, days).
DayDistribution Distribute(std::span<const std::pair<std::string, int>> values);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_DAY_STATS_H_
