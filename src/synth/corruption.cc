#include "synth/corruption.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "synth/name_tables.h"

namespace reunite::synth {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Latin-1 supplement letters used in Spanish, as the second byte after 0xC3.
char FoldLatin1(unsigned char second) {
  switch (second) {
    case 0xA1:
    case 0xA0:
    case 0xA4:
      return 'a';
    case 0xA9:
    case 0xA8:
      return 'e';
    case 0xAD:
    case 0xAC:
    case 0xAF:
      return 'i';
    case 0xB3:
    case 0xB2:
    case 0xB6:
      return 'o';
    case 0xBA:
    case 0xB9:
    case 0xBC:
      return 'u';
    case 0xB1:
      return 'n';
    case 0xA7:
      return 'c';
    case 0x81:
    case 0x80:
    case 0x84:
      return 'A';
    case 0x89:
    case 0x88:
      return 'E';
    case 0x8D:
    case 0x8C:
    case 0x8F:
      return 'I';
    case 0x93:
    case 0x92:
    case 0x96:
      return 'O';
    case 0x9A:
    case 0x99:
    case 0x9C:
      return 'U';
    case 0x91:
      return 'N';
    case 0x87:
      return 'C';
    default:
      return 0;
  }
}

struct Edit {
  size_t pos;
  size_t len;
  std::string_view with;
};

constexpr std::string_view kKeyboardRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

char NeighbourKey(Rng& rng, char c) {
  const char lc = Lower(c);
  for (int r = 0; r < 3; ++r) {
    const size_t i = kKeyboardRows[r].find(lc);
    if (i == std::string_view::npos) continue;
    std::string_view row = kKeyboardRows[r];
    char n = (i == 0) ? row[1] : (i + 1 == row.size() || rng.Chance(0.5)) ? row[i - 1] : row[i + 1];
    return (c >= 'A' && c <= 'Z') ? Upper(n) : n;
  }
  return c;
}

}  // namespace

std::string FoldAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      const char f = FoldLatin1(static_cast<unsigned char>(text[i + 1]));
      if (f != 0) {
        out.push_back(f);
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string UpperAscii(std::string_view text) {
  std::string out = FoldAccents(text);
  for (char& c : out) c = Upper(c);
  return out;
}

std::string UpperKeepAccents(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c == 0xC3 && i + 1 < out.size()) {
      const auto s = static_cast<unsigned char>(out[i + 1]);
      if (s >= 0xA0 && s <= 0xBE && s != 0xB7) out[i + 1] = static_cast<char>(s - 0x20);
      ++i;
      continue;
    }
    out[i] = Upper(out[i]);
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    if (!out.empty()) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

std::string PhoneticVariant(Rng& rng, std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = Lower(c);
  std::vector<Edit> edits;
  auto follows_vowel = [&](size_t i) {
    return i < lower.size() && std::strchr("aeiou", lower[i]) != nullptr;
  };
  for (size_t i = 0; i < lower.size(); ++i) {
    const std::string_view rest = std::string_view(lower).substr(i);
    if (rest.starts_with("ll")) edits.push_back({i, 2, "y"});
    if (rest.starts_with("qu")) edits.push_back({i, 2, "k"});
    if (rest.starts_with("gu") && follows_vowel(i + 2)) edits.push_back({i, 2, "w"});
    if (rest.starts_with("hu") && i == 0 && follows_vowel(2)) edits.push_back({i, 2, "w"});
    if (rest.starts_with("\xC3\xB1")) edits.push_back({i, 2, "n"});
    switch (lower[i]) {
      case 'b':
        edits.push_back({i, 1, "v"});
        break;
      case 'v':
        edits.push_back({i, 1, "b"});
        break;
      case 'z':
        edits.push_back({i, 1, "s"});
        break;
      case 's':
        if (i > 0) edits.push_back({i, 1, "z"});
        break;
      case 'c':
        if (i + 1 < lower.size() && (lower[i + 1] == 'e' || lower[i + 1] == 'i')) {
          edits.push_back({i, 1, "s"});
        }
        break;
      case 'y':
        if (follows_vowel(i + 1)) edits.push_back({i, 1, "ll"});
        break;
      case 'g':
        if (i + 1 < lower.size() && (lower[i + 1] == 'e' || lower[i + 1] == 'i')) {
          edits.push_back({i, 1, "j"});
        }
        break;
      case 'j':
        if (i + 1 < lower.size() && (lower[i + 1] == 'e' || lower[i + 1] == 'i')) {
          edits.push_back({i, 1, "g"});
        }
        break;
      case 'h':
        if (i == 0 && follows_vowel(1)) edits.push_back({i, 1, ""});
        break;
      case 'x':
        edits.push_back({i, 1, rng.Chance(0.5) ? "j" : "sh"});
        break;
      default:
        break;
    }
    if (i == 0 && std::strchr("aeiou", lower[0]) != nullptr) edits.push_back({0, 0, "h"});
  }
  if (edits.empty()) return std::string(name);
  const Edit& e = edits[rng.Below(edits.size())];
  std::string out(name.substr(0, e.pos));
  std::string with(e.with);
  if (e.pos == 0 && !name.empty() && name[0] >= 'A' && name[0] <= 'Z') {
    // Keep the capital: the replacement (or what follows a dropped letter) starts the word.
    if (!with.empty()) {
      with[0] = Upper(with[0]);
      out += with;
      std::string tail(name.substr(e.len));
      if (e.len == 0 && !tail.empty()) tail[0] = Lower(tail[0]);
      out += tail;
    } else {
      std::string tail(name.substr(e.len));
      if (!tail.empty()) tail[0] = Upper(tail[0]);
      out += tail;
    }
    return out;
  }
  out += with;
  out += name.substr(e.pos + e.len);
  return out;
}

std::string Typo(Rng& rng, std::string_view name) {
  std::vector<size_t> letters;
  for (size_t i = 0; i < name.size(); ++i) {
    if (IsAsciiLetter(name[i])) letters.push_back(i);
  }
  if (letters.size() < 3) return std::string(name);
  std::string out(name);
  const size_t k = 1 + rng.Below(letters.size() - 1);  // spare the first letter
  const size_t i = letters[k];
  switch (rng.Below(3)) {
    case 0:
      out[i] = NeighbourKey(rng, out[i]);
      break;
    case 1:
      out.erase(i, 1);
      break;
    default:
      if (k + 1 < letters.size() && letters[k + 1] == i + 1 && out[i] != out[i + 1]) {
        std::swap(out[i], out[i + 1]);
      } else {
        out[i] = NeighbourKey(rng, out[i]);
      }
  }
  return out;
}

std::string ApostropheVariant(Rng& rng, std::string_view name) {
  const double r = rng.Uniform();
  const std::string_view with = r < 0.7 ? "" : r < 0.85 ? "\xC2\xB4" : "\xE2\x80\x99";
  std::string out;
  for (char c : name) {
    if (c == '\'') {
      out += with;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

RecordedName RecordName(Rng& rng, const TrueName& name, const NameHabits& habits,
                        const NameRates& rates, int hard_budget) {
  RecordedName rec{name.given, name.paternal, name.maternal, 0};
  if (rec.given.size() == 2 &&
      ((habits.gives_first_given_only && rng.Chance(0.7)) || rng.Chance(rates.first_given_only))) {
    rec.given.resize(1);
  }
  if (rng.Chance(rates.drop_maternal)) rec.maternal.clear();
  if (rng.Chance(rates.particle_variant)) {
    for (std::string* s : {&rec.paternal, &rec.maternal}) {
      if (s->starts_with("de la ")) {
        *s = rng.Chance(0.5) ? s->substr(6) : std::string("Dela") + Lower(s->at(6)) + s->substr(7);
      } else if (s->starts_with("del ") || s->starts_with("de ")) {
        *s = s->substr(s->find(' ') + 1);
      }
    }
  }
  // Hard variations, tried in a random order while the budget lasts.
  std::array<int, 6> order = {0, 1, 2, 3, 4, 5};
  for (size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[rng.Below(i + 1)]);
  for (int op : order) {
    if (rec.hard >= hard_budget) break;
    switch (op) {
      case 0: {  // nickname
        const auto& nicks = NicknamesOf(name.given[0]);
        const double p =
            habits.goes_by_nickname ? std::min(1.0, rates.nickname * 5) : rates.nickname * 0.2;
        if (!nicks.empty() && rng.Chance(p)) {
          rec.given = {std::string(nicks[rng.Below(nicks.size())])};
          ++rec.hard;
        }
        break;
      }
      case 1:  // initial of the second given name
        if (rec.given.size() == 2 && rng.Chance(rates.second_initial)) {
          rec.given[1] = FoldAccents(rec.given[1]).substr(0, 1) + ".";
          if (rec.given[1][0] == 'd') rec.given[1] = "D.";  // "de los Ángeles"
          ++rec.hard;
        }
        break;
      case 2:
        if (rng.Chance(rates.phonetic)) {
          std::string v = PhoneticVariant(rng, rec.given[0]);
          if (v != rec.given[0]) {
            rec.given[0] = std::move(v);
            ++rec.hard;
          }
        }
        break;
      case 3:
        if (rng.Chance(rates.phonetic)) {
          std::string& s = (!rec.maternal.empty() && rng.Chance(0.4)) ? rec.maternal : rec.paternal;
          std::string v = PhoneticVariant(rng, s);
          if (v != s) {
            s = std::move(v);
            ++rec.hard;
          }
        }
        break;
      case 4:
        if (!rec.maternal.empty() && rng.Chance(rates.swap_surnames)) {
          std::swap(rec.paternal, rec.maternal);
          ++rec.hard;
        }
        break;
      default:
        if (rng.Chance(rates.typo)) {
          const uint64_t part = rng.Below(3);
          std::string& s = part == 0                             ? rec.given[0]
                           : (part == 1 || rec.maternal.empty()) ? rec.paternal
                                                                 : rec.maternal;
          std::string v = Typo(rng, s);
          if (v != s) {
            s = std::move(v);
            ++rec.hard;
          }
        }
    }
  }
  if (rng.Chance(rates.drop_apostrophe)) {
    for (std::string& g : rec.given) g = ApostropheVariant(rng, g);
    rec.paternal = ApostropheVariant(rng, rec.paternal);
    rec.maternal = ApostropheVariant(rng, rec.maternal);
  }
  return rec;
}

Date RecordDob(Rng& rng, const Date& dob, bool documented, int guessed_year, const DobRates& rates,
               bool allow_hard, bool& hard) {
  hard = false;
  if (rng.Chance(rates.missing)) return Date{};
  if (!documented && rng.Chance(rates.placeholder)) {
    Date d{guessed_year, 1, 1};
    hard = d != dob;
    return d;
  }
  if (!allow_hard) return dob;
  if (dob.day <= 12 && dob.day != dob.month && rng.Chance(rates.day_month_swap)) {
    hard = true;
    return Date{dob.year, dob.day, dob.month};
  }
  if (rng.Chance(rates.typo)) {
    hard = true;
    if (rng.Chance(0.5))
      return Date{dob.year + (rng.Chance(0.5) ? 1 : -1), dob.month, std::min(dob.day, 28)};
    return dob.AddDays(rng.Chance(0.5) ? 1 : -1);
  }
  return dob;
}

std::string FormatANumber(std::string_view canonical, ANumberStyle style) {
  std::string_view digits = canonical.substr(1);  // 9 digits
  std::string_view trimmed = digits;
  while (trimmed.size() > 1 && trimmed[0] == '0') trimmed.remove_prefix(1);
  switch (style) {
    case ANumberStyle::kLetter9:
      return std::string(canonical);
    case ANumberStyle::kDigits9:
      return std::string(digits);
    case ANumberStyle::kDigitsNoZeros:
      return std::string(trimmed);
    case ANumberStyle::kLetterNoZeros:
      return "A" + std::string(trimmed);
    case ANumberStyle::kDashed:
      return std::string(digits.substr(0, 3)) + "-" + std::string(digits.substr(3, 3)) + "-" +
             std::string(digits.substr(6));
  }
  return std::string(canonical);
}

std::string MistypeANumber(Rng& rng, std::string_view canonical) {
  std::string out(canonical);
  for (int attempt = 0; attempt < 8; ++attempt) {
    const size_t i = 2 + rng.Below(out.size() - 3);  // a digit with a right neighbour
    if (rng.Chance(0.6) && out[i] != out[i + 1]) {
      std::swap(out[i], out[i + 1]);
      return out;
    }
    const char d = static_cast<char>('0' + (out[i] - '0' + 1 + rng.Below(9)) % 10);
    if (d != out[i]) {
      out[i] = d;
      return out;
    }
  }
  return out;
}

}  // namespace reunite::synth
