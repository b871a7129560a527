#include "names/given_names.h"

#include <algorithm>

#include "names/fold.h"
#include "names/gender_table.h"
#include "names/nicknames.h"
#include "names/phonetic.h"
#include "names/surnames.h"

namespace reunite::names {
namespace {

// Abbreviations clerks write for common given names, as standalone tokens.
std::string_view ExpandAbbreviation(std::string_view t) {
  if (t == "ma") return "maria";
  if (t == "fco") return "francisco";
  if (t == "gpe") return "guadalupe";
  if (t == "jse") return "jose";
  if (t == "ant") return "antonio";
  return t;
}

// The first word of a possibly compound name ("jose maria" -> "jose").
std::string_view FirstWord(std::string_view s) { return s.substr(0, s.find(' ')); }

}  // namespace

// Titles and honorifics written before a name in interview and outreach
// logs ("Doña Lupe", "Sr. José"); dropped while they lead the name.
bool IsHonorific(std::string_view t) {
  return t == "don" || t == "dona" || t == "sr" || t == "sra" || t == "srta" || t == "senor" ||
         t == "senora" || t == "senorita" || t == "dr" || t == "dra" || t == "lic";
}

bool IsKnownGivenName(std::string_view t) {
  if (t.empty()) return false;
  return ExpandAbbreviation(t) != t || FindGivenNameGender(t) != nullptr ||
         FindNickname(t) != nullptr;
}

std::string_view NameGenderName(NameGender g) {
  switch (g) {
    case NameGender::kUnknown:
      return "unknown";
    case NameGender::kMale:
      return "male";
    case NameGender::kFemale:
      return "female";
    case NameGender::kEither:
      return "either";
  }
  return "unknown";
}

NameGender GenderOfName(std::string_view t, GenderEvidence* evidence) {
  GenderEvidence unused;
  GenderEvidence& ev = evidence != nullptr ? *evidence : unused;
  if (const GenderEntry* e = FindGivenNameGender(t)) {
    ev = GenderEvidence::kTable;
    return e->gender;
  }
  ev = GenderEvidence::kRule;
  if (t.size() > 3 && t.substr(0, 2) == "ix") return NameGender::kFemale;  // Mayan female prefix
  if (t.size() > 2 && t.back() == 'a') return NameGender::kFemale;
  if (t.size() > 2 && t.back() == 'o') return NameGender::kMale;
  ev = GenderEvidence::kNone;
  return NameGender::kUnknown;
}

bool GendersConflict(NameGender a, NameGender b) {
  return (a == NameGender::kMale && b == NameGender::kFemale) ||
         (a == NameGender::kFemale && b == NameGender::kMale);
}

GivenNameFeature MakeGivenNameFeature(std::string_view raw) {
  GivenNameFeature f;
  std::string folded = FoldText(raw);
  f.full.reserve(folded.size() + 8);
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    std::string_view raw_token = std::string_view(folded).substr(i, j - i);
    const bool last = j == folded.size();
    if (f.full.empty() && !last && IsHonorific(raw_token)) {
      i = j + 1;
      continue;
    }
    std::string_view token = ExpandAbbreviation(raw_token);
    if (!f.full.empty()) f.full.push_back(' ');
    f.full.append(token);
    i = j + 1;
  }
  if (f.full.empty()) return f;
  size_t sp = f.full.find(' ');
  f.first = f.full.substr(0, sp);
  if (sp != std::string::npos) f.middle = f.full.substr(sp + 1);

  const Nickname* nick = FindNickname(f.first);
  if (nick != nullptr && !nick->generic) {
    std::string_view rest = nick->canonicals;
    while (!rest.empty()) {
      size_t bar = rest.find('|');
      std::string word(FirstWord(rest.substr(0, bar)));
      if (std::find(f.canonical_alternatives.begin(), f.canonical_alternatives.end(), word) ==
          f.canonical_alternatives.end()) {
        f.canonical_alternatives.push_back(std::move(word));
      }
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  if (f.canonical_alternatives.empty()) f.canonical_alternatives.push_back(f.first);
  f.canonical_first = f.canonical_alternatives.front();
  f.generic = nick != nullptr && nick->generic;

  // The first given name decides; a nickname not in the table takes its
  // canonical's gender from the table.
  f.gender = GenderOfName(f.first, &f.gender_evidence);
  if (f.gender_evidence != GenderEvidence::kTable && f.canonical_first != f.first) {
    // Alternatives of different genders ("ale": alejandro, alejandra) give kEither.
    bool found = false;
    NameGender combined = NameGender::kUnknown;
    for (const std::string& alt : f.canonical_alternatives) {
      GenderEvidence ev;
      NameGender g = GenderOfName(alt, &ev);
      if (ev != GenderEvidence::kTable) continue;
      combined = !found || combined == g ? g : NameGender::kEither;
      found = true;
    }
    if (found) {
      f.gender = combined;
      f.gender_evidence = GenderEvidence::kTable;
    }
  }
  SpanishPhoneticKeyInto(f.canonical_first, &f.phonetic_first);
  f.first_known = FindGivenNameGender(f.first) != nullptr;
  std::string_view middle = f.middle;
  while (!middle.empty()) {
    const size_t sp = middle.find(' ');
    const std::string_view word = middle.substr(0, sp);
    if (!IsSurnameParticle(word)) {
      if (FindGivenNameGender(word) != nullptr) f.known_middle = std::string(word);
      break;
    }
    middle = sp == std::string_view::npos ? std::string_view() : middle.substr(sp + 1);
  }
  return f;
}

bool GoesBySecondName(const GivenNameFeature& a, const GivenNameFeature& b) {
  auto by_second = [](const GivenNameFeature& x, const GivenNameFeature& y) {
    if (y.known_middle.empty()) return false;
    return std::find(x.canonical_alternatives.begin(), x.canonical_alternatives.end(),
                     y.known_middle) != x.canonical_alternatives.end();
  };
  return by_second(a, b) || by_second(b, a);
}

bool DifferentKnownFirstNames(const GivenNameFeature& a, const GivenNameFeature& b) {
  return a.first_known && b.first_known && a.first != b.first &&
         a.phonetic_first != b.phonetic_first && !SameCanonicalFirstName(a, b) &&
         !GoesBySecondName(a, b);
}

bool MiddleNamesConflict(const GivenNameFeature& a, const GivenNameFeature& b) {
  if (a.known_middle.empty() || b.known_middle.empty() || a.known_middle == b.known_middle) {
    return false;
  }
  if (a.first != b.first && !SameCanonicalFirstName(a, b)) return false;
  return SpanishPhoneticKey(a.known_middle) != SpanishPhoneticKey(b.known_middle);
}

bool SameCanonicalFirstName(const GivenNameFeature& a, const GivenNameFeature& b) {
  for (const std::string& x : a.canonical_alternatives) {
    for (const std::string& y : b.canonical_alternatives) {
      if (x == y) return true;
    }
  }
  return false;
}

}  // namespace reunite::names
