// Dates as agencies type them (several formats, day/month order unknown,
// placeholder birthdays) and how two dates of birth agree.
//
// Thread-safety: pure functions. Errors: ParseDate returns kParseError with a
// message quoting the text; nothing else fails.
#ifndef REUNITE_NAMES_DATES_H_
#define REUNITE_NAMES_DATES_H_

#include <string_view>
#include <vector>

#include "common/date.h"
#include "reunite/status.h"

namespace reunite::names {

// How to read an all-numeric date whose first two parts could be either
// month or day. kAuto: ISO and YYYYMMDD as usual; for a/b/yyyy read day
// first when a > 12, month first when b > 12, and otherwise fail as
// ambiguous (so the caller must decide, e.g. from DetectDateOrder).
enum class DateOrder { kIso, kMonthFirst, kDayFirst, kAuto };

std::string_view DateOrderName(DateOrder o);  // "iso", "month_first", ...

// Two-digit years yy are read as 20yy when yy <= pivot, else 19yy.
inline constexpr int kDefaultTwoDigitYearPivot = 30;

// Accepts, after trimming spaces:
//   YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (always year first, whatever `order`)
//   YYYYMMDD (8 digits)
//   A/B/YYYY, A-B-YYYY, A.B.YYYY with 1-2 digit A and B, read per `order`
//   (kIso rejects these); a 2-digit year uses `two_digit_year_pivot`.
//   D-MON-YYYY, D MON YY, MON D, YYYY with a Spanish or English month name
//   or abbreviation, any case ("02-MAR-2018", "15-ene-18", "March 2, 2018";
//   not "2 de marzo de 2018"), whatever `order`.
//   A trailing time after 'T' or a space ("2018-03-02T10:00:00") is ignored.
// Errors (kParseError, message quotes the text): empty, malformed, ambiguous
// under kAuto, or no such day ("no such day: '31/02/2018' (day first)").
Result<Date> ParseDate(std::string_view text, DateOrder order,
                       int two_digit_year_pivot = kDefaultTwoDigitYearPivot);

// The order of a file's date column from samples (unparseable samples are
// ignored): a first part > 12 in any A/B/Y sample -> kDayFirst; a second
// part > 12 -> kMonthFirst; both seen (inconsistent column) or neither
// (ambiguous: every sample has both parts <= 12, or only ISO samples)
// -> kAuto, meaning "use the declared order". Only ISO/YYYYMMDD -> kIso.
DateOrder DetectDateOrder(const std::vector<std::string_view>& samples);

// True for 1 January of any year: the default agencies enter when only the
// year of birth is known. (1 July is NOT treated as a placeholder; see
// docs/standardisation.md.)
bool IsPlaceholderDate(const Date& d);

// Ordered from strongest to weakest: the first that holds wins.
enum class DateAgreement {
  kExact,            // same day, neither a placeholder
  kDayMonthSwapped,  // a.day == b.month and a.month == b.day, same year (day != month)
  kYearOff1,         // same month and day, years differ by 1 (neither a placeholder)
  kPlaceholderYear,  // either is a placeholder (1 January) and the years are equal
                     // (also when both are the same placeholder)
  kSameYearMonth,    // same year and month, different day
  kWithin1Year,      // at most 365 days apart
  kNone,             // anything else
  kMissing,          // either date is invalid / absent (Date{} is absent)
};

std::string_view DateAgreementName(DateAgreement a);  // "exact", "day_month_swapped", ...

DateAgreement CompareDates(const Date& a, const Date& b);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_DATES_H_
