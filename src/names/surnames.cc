#include "names/surnames.h"

#include <algorithm>
#include <array>

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

}  // namespace

bool IsSurnameParticle(std::string_view t) {
  if (t.size() < 2 || t.size() > 5 || (t[0] != 'd' && t[0] != 'l' && t[0] != 's' && t[0] != 'v')) {
    return false;
  }
  return std::binary_search(kParticles.begin(), kParticles.end(), t);
}

bool IsCompoundSurname(std::string_view folded) {
  return std::find(kCompoundSurnames.begin(), kCompoundSurnames.end(), folded) !=
         kCompoundSurnames.end();
}

namespace {

bool IsParticle(std::string_view t) { return IsSurnameParticle(t); }
bool IsJoiner(std::string_view t) { return t == "y" || t == "e"; }
bool IsWidowMarker(std::string_view t) { return t == "vda" || t == "viuda"; }

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
  // Each surname is a contiguous slice of `folded` (particles + word), so the
  // split works on views and allocates only the two results.
  constexpr size_t kMaxGroups = 4;
  std::array<std::string_view, kMaxGroups> groups;
  size_t count = 0;
  size_t prefix_start = std::string_view::npos;
  size_t i = 0;
  while (i < folded.size() && count < kMaxGroups) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    if (i == folded.size()) break;
    size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    std::string_view t = folded.substr(i, j - i);
    const bool last = folded.find_first_not_of(' ', j) == std::string_view::npos;
    if (IsWidowMarker(t) && count > 0) break;
    if (IsJoiner(t) && count > 0 && prefix_start == std::string_view::npos && !last) {
      i = j;
      continue;
    }
    if (prefix_start == std::string_view::npos) prefix_start = i;
    if (!IsParticle(t) || last) {
      groups[count++] = folded.substr(prefix_start, j - prefix_start);
      prefix_start = std::string_view::npos;
    }
    i = j;
  }
  // Merge a known compound surname split at its inner particle.
  for (size_t k = 0; k + 1 < count; ++k) {
    const size_t len =
        static_cast<size_t>(groups[k + 1].data() + groups[k + 1].size() - groups[k].data());
    std::string_view joined(groups[k].data(), len);
    if (groups[k + 1].starts_with("de") &&
        std::find(kCompoundSurnames.begin(), kCompoundSurnames.end(), joined) !=
            kCompoundSurnames.end()) {
      groups[k] = joined;
      for (size_t m = k + 1; m + 1 < count; ++m) groups[m] = groups[m + 1];
      --count;
    }
  }
  Surnames s;
  if (count > 0) s.paternal = groups[0];
  if (count > 1) s.maternal = groups[1];
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
    case SurnameAgreement::kMaternalOnly:
      return "maternal_only";
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
  } else if ((am.empty() && !bm.empty() && ap == bm) || (bm.empty() && !am.empty() && bp == am)) {
    return SurnameAgreement::kMaternalOnly;
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
