#include "names/ids.h"

namespace reunite::names {

std::string NormalizeANumber(std::string_view raw) {
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  };
  skip_spaces();
  if (i < raw.size() && (raw[i] == 'A' || raw[i] == 'a')) {
    ++i;
    skip_spaces();
    if (i < raw.size() && (raw[i] == '#' || raw[i] == '-' || raw[i] == ':')) ++i;
  }
  char digits[9];
  size_t n = 0;
  bool nonzero = false;
  for (; i < raw.size(); ++i) {
    char c = raw[i];
    if (c >= '0' && c <= '9') {
      if (n == sizeof digits) return "";
      digits[n++] = c;
      nonzero = nonzero || c != '0';
    } else if (c != ' ' && c != '-' && c != '.' && c != '\t') {
      return "";
    }
  }
  if (n < 7 || !nonzero) return "";
  std::string out(9 - n, '0');
  out.append(digits, n);
  return out;
}

std::string_view IdAgreementName(IdAgreement a) {
  switch (a) {
    case IdAgreement::kExact:
      return "exact";
    case IdAgreement::kTransposition:
      return "transposition";
    case IdAgreement::kSubstitution:
      return "substitution";
    case IdAgreement::kOneEdit:
      return "one_edit";
    case IdAgreement::kNone:
      return "none";
    case IdAgreement::kMissing:
      return "missing";
  }
  return "unknown";
}

IdAgreement CompareIds(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return IdAgreement::kMissing;
  if (a == b) return IdAgreement::kExact;
  if (a.size() == b.size()) {
    size_t first = a.size();
    int diffs = 0;
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k] != b[k]) {
        if (diffs == 0) first = k;
        if (++diffs > 2) return IdAgreement::kNone;
      }
    }
    if (diffs == 1) return IdAgreement::kSubstitution;
    if (first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
        a[first + 1] != b[first + 1]) {
      return IdAgreement::kTransposition;
    }
    return IdAgreement::kNone;
  }
  std::string_view longer = a.size() > b.size() ? a : b;
  std::string_view shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1) return IdAgreement::kNone;
  size_t k = 0;
  while (k < shorter.size() && shorter[k] == longer[k]) ++k;
  return longer.substr(k + 1) == shorter.substr(k) ? IdAgreement::kOneEdit : IdAgreement::kNone;
}

}  // namespace reunite::names
