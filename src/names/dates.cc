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
  size_t colon = s.find(':');
  if (colon == std::string_view::npos) return s;
  size_t cut = s.find_last_of("T ", colon);
  return cut == std::string_view::npos ? s : Trim(s.substr(0, cut));
}

// Month names and abbreviations in Spanish and English, lower case.
int MonthFromName(std::string_view word) {
  static constexpr struct {
    std::string_view name;
    int month;
  } kMonths[] = {
      {"ene", 1},       {"enero", 1},      {"jan", 1},       {"january", 1},  {"feb", 2},
      {"febrero", 2},   {"february", 2},   {"mar", 3},       {"marzo", 3},    {"march", 3},
      {"abr", 4},       {"abril", 4},      {"apr", 4},       {"april", 4},    {"may", 5},
      {"mayo", 5},      {"jun", 6},        {"junio", 6},     {"june", 6},     {"jul", 7},
      {"julio", 7},     {"july", 7},       {"ago", 8},       {"agosto", 8},   {"aug", 8},
      {"august", 8},    {"sep", 9},        {"sept", 9},      {"set", 9},      {"septiembre", 9},
      {"setiembre", 9}, {"september", 9},  {"oct", 10},      {"octubre", 10}, {"october", 10},
      {"nov", 11},      {"noviembre", 11}, {"november", 11}, {"dic", 12},     {"diciembre", 12},
      {"dec", 12},      {"december", 12}};
  for (const auto& m : kMonths) {
    if (m.name == word) return m.month;
  }
  return 0;
}

bool IsLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNamedDateSeparator(char c) {
  return c == '-' || c == '/' || c == '.' || c == ' ' || c == ',';
}

// "02-MAR-2018", "2 mar 18", "March 2, 2018": a month written as a word
// makes the order unambiguous. Only called when `s` contains a letter.
// Returns false when `s` is not such a date.
bool ParseWithMonthName(std::string_view s, int pivot, Date* d) {
  std::string_view tokens[3];
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    if (IsNamedDateSeparator(s[i])) {
      ++i;
      continue;
    }
    const bool alpha = IsLetter(s[i]);
    size_t j = i;
    while (j < s.size() && (alpha ? IsLetter(s[j]) : IsDigit(s[j]))) ++j;
    if (j == i || count == 3) return false;
    tokens[count++] = s.substr(i, j - i);
    i = j;
  }
  if (count != 3) return false;
  const bool month_first = IsLetter(tokens[0][0]);
  std::string_view month_word = month_first ? tokens[0] : tokens[1];
  std::string_view day = month_first ? tokens[1] : tokens[0];
  std::string_view year = tokens[2];
  if (!IsLetter(month_word[0]) || !IsDigit(day[0]) || !IsDigit(year[0])) return false;
  if (day.size() > 2 || (year.size() != 4 && year.size() != 2)) return false;
  std::string lower(month_word);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  const int month = MonthFromName(lower);
  if (month == 0) return false;
  int y = std::atoi(std::string(year).c_str());
  if (year.size() == 2) y += y <= pivot ? 2000 : 1900;
  *d = Date{y, month, std::atoi(std::string(day).c_str())};
  return true;
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
  bool has_letter = false;
  for (char c : s) has_letter = has_letter || IsLetter(c);
  if (has_letter) {
    Date named;
    if (!ParseWithMonthName(s, two_digit_year_pivot, &named)) {
      return ParseError("not a date: " + quoted());
    }
    if (!named.IsValid()) return ParseError("no such day: " + quoted());
    return named;
  }
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
        // a > 12 reads day first (when b > 12 too the date is invalid either
        // way and is reported as no such day); b > 12 reads month first.
        if (a <= 12 && b <= 12 && a != b) {
          return ParseError("ambiguous date (day or month first?): " + quoted());
        }
        day_first = a > 12;
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
