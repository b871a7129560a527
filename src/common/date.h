// Calendar dates without time zones (proleptic Gregorian), as agencies record
// them: a day, not an instant. Conversions use Howard Hinnant's days-from-civil
// algorithm, exact for every year representable in int.
#ifndef REUNITE_COMMON_DATE_H_
#define REUNITE_COMMON_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "reunite/status.h"

namespace reunite {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Days since 1970-01-01 (negative before).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  bool IsValid() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }

  std::string ToIso() const;  // YYYY-MM-DD
  std::string ToUs() const;   // MM/DD/YYYY
  std::string ToDmy() const;  // DD/MM/YYYY

  // Strict ISO 8601 calendar date (YYYY-MM-DD). kParseError on anything else.
  static Result<Date> ParseIso(std::string_view text);

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date& a, const Date& b) { return a.ToDays() <=> b.ToDays(); }
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// Whole years between `birth` and `on` (age on that day).
int AgeOn(const Date& birth, const Date& on);

}  // namespace reunite

#endif  // REUNITE_COMMON_DATE_H_
