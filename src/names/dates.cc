#include "names/dates.h"

#include <cstdlib>
#include <string>

namespace reunite::names {
namespace {

// A date split into its numeric parts, before the day/month order is decided.
struct DateParts {
  int count = 0;  // 1 (YYYYMMDD) or 3
  int value[3] = {0, 0, 0};
  int width[3] = {0, 0, 0};  // digits in each part
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Drops a trailing time ("T10:00:00", " 00:00:00", " 12:00 AM") after a date.
std::string_view DropTime(std::string_view s) {
  size_t cut = s.find_first_of("T ");
  if (cut != std::string_view::npos && s.find(':', cut) != std::string_view::npos) {
    return Trim(s.substr(0, cut));
  }
  return s;
}

// Splits "a/b/c" (one separator kind among / - .) or "YYYYMMDD".
bool SplitParts(std::string_view s, DateParts* p) {
  if (s.empty()) return false;
  char sep = 0;
  int part = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (p->width[part] >= 8) return false;
      p->value[part] = p->value[part] * 10 + (c - '0');
      ++p->width[part];
    } else if (c == '/' || c == '-' || c == '.') {
      if (sep != 0 && c != sep) return false;
      sep = c;
      if (p->width[part] == 0 || ++part > 2) return false;
    } else {
      return false;
    }
  }
  p->count = part + 1;
  if (p->width[part] == 0) return false;
  if (p->count == 1) {
    if (p->width[0] != 8) return false;
    int v = p->value[0];
    *p = DateParts{3, {v / 10000, v / 100 % 100, v % 100}, {4, 2, 2}};
    return true;
  }
  return p->count == 3;
}

bool YearFirst(const DateParts& p) { return p.width[0] == 4 && p.width[1] <= 2 && p.width[2] <= 2; }
bool YearLast(const DateParts& p) {
  return p.width[0] <= 2 && p.width[1] <= 2 && (p.width[2] == 4 || p.width[2] == 2);
}

}  // namespace

std::string_view DateOrderName(DateOrder o) {
  switch (o) {
    case DateOrder::kIso:
      return "iso";
    case DateOrder::kMonthFirst:
      return "month_first";
    case DateOrder::kDayFirst:
      return "day_first";
    case DateOrder::kAuto:
      return "auto";
  }
  return "unknown";
}

Result<Date> ParseDate(std::string_view text, DateOrder order, int two_digit_year_pivot) {
  std::string_view s = DropTime(Trim(text));
  auto quoted = [&] { return "'" + std::string(text) + "'"; };
  if (s.empty()) return ParseError("empty date: " + quoted());
  DateParts p;
  if (!SplitParts(s, &p)) return ParseError("not a date: " + quoted());
  Date d;
  std::string_view how = "year first";
  if (YearFirst(p)) {
    d = Date{p.value[0], p.value[1], p.value[2]};
  } else if (YearLast(p)) {
    int year = p.value[2];
    if (p.width[2] == 2) year += year <= two_digit_year_pivot ? 2000 : 1900;
    int a = p.value[0];
    int b = p.value[1];
    bool day_first = false;
    switch (order) {
      case DateOrder::kIso:
        return ParseError("not an ISO date (YYYY-MM-DD): " + quoted());
      case DateOrder::kMonthFirst:
        day_first = false;
        break;
      case DateOrder::kDayFirst:
        day_first = true;
        break;
      case DateOrder::kAuto:
        if (a > 12 && b <= 12) {
          day_first = true;
        } else if (b > 12 && a <= 12) {
          day_first = false;
        } else if (a > 12 && b > 12) {
          day_first = true;  // invalid either way; reported as no such day
        } else if (a != b) {
          return ParseError("ambiguous date (day or month first?): " + quoted());
        }
        break;
    }
    how = day_first ? "day first" : "month first";
    d = day_first ? Date{year, b, a} : Date{year, a, b};
  } else {
    return ParseError("not a date: " + quoted());
  }
  if (!d.IsValid()) return ParseError("no such day: " + quoted() + " (" + std::string(how) + ")");
  return d;
}

DateOrder DetectDateOrder(const std::vector<std::string_view>& samples) {
  bool day_first = false;
  bool month_first = false;
  bool year_last_seen = false;
  bool year_first_seen = false;
  for (std::string_view sample : samples) {
    DateParts p;
    if (!SplitParts(DropTime(Trim(sample)), &p)) continue;
    if (YearFirst(p)) {
      year_first_seen = true;
    } else if (YearLast(p)) {
      year_last_seen = true;
      if (p.value[0] > 12 && p.value[0] <= 31) day_first = true;
      if (p.value[1] > 12 && p.value[1] <= 31) month_first = true;
    }
  }
  if (day_first && !month_first) return DateOrder::kDayFirst;
  if (month_first && !day_first) return DateOrder::kMonthFirst;
  if (year_first_seen && !year_last_seen) return DateOrder::kIso;
  return DateOrder::kAuto;
}

bool IsPlaceholderDate(const Date& d) { return d.month == 1 && d.day == 1; }

std::string_view DateAgreementName(DateAgreement a) {
  switch (a) {
    case DateAgreement::kExact:
      return "exact";
    case DateAgreement::kDayMonthSwapped:
      return "day_month_swapped";
    case DateAgreement::kYearOff1:
      return "year_off_1";
    case DateAgreement::kPlaceholderYear:
      return "placeholder_year";
    case DateAgreement::kSameYearMonth:
      return "same_year_month";
    case DateAgreement::kWithin1Year:
      return "within_1_year";
    case DateAgreement::kNone:
      return "none";
    case DateAgreement::kMissing:
      return "missing";
  }
  return "unknown";
}

DateAgreement CompareDates(const Date& a, const Date& b) {
  if (!a.IsValid() || !b.IsValid()) return DateAgreement::kMissing;
  const bool placeholder = IsPlaceholderDate(a) || IsPlaceholderDate(b);
  if (placeholder && a.year == b.year) return DateAgreement::kPlaceholderYear;
  if (a == b) return DateAgreement::kExact;
  if (a.year == b.year && a.day == b.month && a.month == b.day) {
    return DateAgreement::kDayMonthSwapped;
  }
  if (!placeholder && a.month == b.month && a.day == b.day && std::abs(a.year - b.year) == 1) {
    return DateAgreement::kYearOff1;
  }
  if (a.year == b.year && a.month == b.month) return DateAgreement::kSameYearMonth;
  if (std::llabs(a.ToDays() - b.ToDays()) <= 365) return DateAgreement::kWithin1Year;
  return DateAgreement::kNone;
}

}  // namespace reunite::names
