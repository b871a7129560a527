#include "names/surnames.h"

#include <algorithm>
#include <array>
#include <vector>

#include "names/fold.h"
#include "names/phonetic.h"

namespace reunite::names {
namespace {

// Sorted: words that attach to the following word of a surname.
constexpr std::array<std::string_view, 16> kParticles = {"da",  "das",   "de",  "del", "der", "di",
                                                         "do",  "dos",   "du",  "la",  "las", "los",
                                                         "san", "santa", "van", "von"};

// Compound surnames whose inner particle must not start a second surname.
constexpr std::array<std::string_view, 6> kCompoundSurnames = {
    "diaz del castillo", "fernandez de cordoba", "montes de oca",
    "ponce de leon",     "ruiz de alarcon",      "sanchez de la barquera"};

bool IsParticle(std::string_view t) {
  return std::binary_search(kParticles.begin(), kParticles.end(), t);
}
bool IsJoiner(std::string_view t) { return t == "y" || t == "e"; }
bool IsWidowMarker(std::string_view t) { return t == "vda" || t == "viuda"; }

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The surname without its leading particles ("de la cruz" -> "cruz").
std::string_view Core(std::string_view surname) {
  for (;;) {
    size_t sp = surname.find(' ');
    if (sp == std::string_view::npos || !IsParticle(surname.substr(0, sp))) return surname;
    surname.remove_prefix(sp + 1);
  }
}

}  // namespace

Surnames SplitFamilyName(std::string_view folded) {
  std::vector<std::string_view> tokens = Tokens(folded);
  std::vector<std::string> groups;
  std::string prefix;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view t = tokens[i];
    if (IsWidowMarker(t) && !groups.empty()) break;
    if (IsJoiner(t) && !groups.empty() && prefix.empty() && i + 1 < tokens.size()) continue;
    if (IsParticle(t) && i + 1 < tokens.size()) {
      prefix.append(t).push_back(' ');
      continue;
    }
    groups.push_back(prefix + std::string(t));
    prefix.clear();
  }
  for (size_t k = 0; k + 1 < groups.size(); ++k) {
    std::string joined = groups[k] + " " + groups[k + 1];
    if (std::find(kCompoundSurnames.begin(), kCompoundSurnames.end(), joined) !=
        kCompoundSurnames.end()) {
      groups[k] = std::move(joined);
      groups.erase(groups.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
  }
  Surnames s;
  if (!groups.empty()) s.paternal = std::move(groups[0]);
  if (groups.size() > 1) s.maternal = std::move(groups[1]);
  return s;
}

Surnames SplitSurnameFields(std::string_view paternal_field, std::string_view maternal_field) {
  std::string p = FoldText(paternal_field);
  std::string m = FoldText(maternal_field);
  if (m.empty()) return SplitFamilyName(p);
  if (p.empty()) return SplitFamilyName(m);
  Surnames split = SplitFamilyName(p);
  if (!split.maternal.empty() && split.maternal == m) return split;
  return Surnames{std::move(p), std::move(m)};
}

std::string_view SurnameAgreementName(SurnameAgreement a) {
  switch (a) {
    case SurnameAgreement::kBothExact:
      return "both_exact";
    case SurnameAgreement::kBothSwapped:
      return "both_swapped";
    case SurnameAgreement::kPhoneticBoth:
      return "phonetic_both";
    case SurnameAgreement::kPaternalOnly:
      return "paternal_only";
    case SurnameAgreement::kOneMatches:
      return "one_matches";
    case SurnameAgreement::kPhoneticOne:
      return "phonetic_one";
    case SurnameAgreement::kNone:
      return "none";
    case SurnameAgreement::kMissing:
      return "missing";
  }
  return "unknown";
}

SurnameFeature MakeSurnameFeature(Surnames surnames) {
  SurnameFeature f;
  f.surnames = std::move(surnames);
  SpanishPhoneticKeyInto(Core(f.surnames.paternal), &f.paternal_key);
  SpanishPhoneticKeyInto(Core(f.surnames.maternal), &f.maternal_key);
  return f;
}

SurnameFeature MakeSurnameFeature(std::string_view raw_family_name) {
  return MakeSurnameFeature(SplitFamilyName(FoldText(raw_family_name)));
}

SurnameFeature MakeSurnameFeature(std::string_view raw_paternal, std::string_view raw_maternal) {
  return MakeSurnameFeature(SplitSurnameFields(raw_paternal, raw_maternal));
}

SurnameAgreement CompareSurnames(const SurnameFeature& a, const SurnameFeature& b) {
  const std::string& ap = a.surnames.paternal;
  const std::string& am = a.surnames.maternal;
  const std::string& bp = b.surnames.paternal;
  const std::string& bm = b.surnames.maternal;
  if (ap.empty() || bp.empty()) return SurnameAgreement::kMissing;
  auto key_eq = [](const std::string& x, const std::string& y) { return !x.empty() && x == y; };
  if (!am.empty() && !bm.empty()) {
    if (ap == bp && am == bm) return SurnameAgreement::kBothExact;
    if (ap == bm && am == bp) return SurnameAgreement::kBothSwapped;
    if ((key_eq(a.paternal_key, b.paternal_key) && key_eq(a.maternal_key, b.maternal_key)) ||
        (key_eq(a.paternal_key, b.maternal_key) && key_eq(a.maternal_key, b.paternal_key))) {
      return SurnameAgreement::kPhoneticBoth;
    }
  } else if (ap == bp) {
    return SurnameAgreement::kPaternalOnly;
  }
  auto str_eq = [](const std::string& x, const std::string& y) { return !x.empty() && x == y; };
  if (str_eq(ap, bp) || str_eq(ap, bm) || str_eq(am, bp) || str_eq(am, bm)) {
    return SurnameAgreement::kOneMatches;
  }
  if (key_eq(a.paternal_key, b.paternal_key) || key_eq(a.paternal_key, b.maternal_key) ||
      key_eq(a.maternal_key, b.paternal_key) || key_eq(a.maternal_key, b.maternal_key)) {
    return SurnameAgreement::kPhoneticOne;
  }
  return SurnameAgreement::kNone;
}

SurnameAgreement CompareSurnames(const Surnames& a, const Surnames& b) {
  return CompareSurnames(MakeSurnameFeature(a), MakeSurnameFeature(b));
}

}  // namespace reunite::names
