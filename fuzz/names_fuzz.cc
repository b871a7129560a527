// Fuzzes name and identifier standardisation (src/names): folding, full
// names, surnames, given names, the phonetic key and A-numbers, on the raw
// fields an export holds. The input is up to four fields separated by '\n'.
// Checks the promises of the headers: FoldText output is trimmed with single
// spaces and folding it again changes nothing; SplitFamilyName leaves
// maternal empty when paternal is; CompareSurnames and CompareIds are
// symmetric; NormalizeANumber gives "" or nine digits and is idempotent.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "names/gender_table.h"
#include "names/names.h"
#include "names/nicknames.h"

namespace {

namespace names = reunite::names;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "names_fuzz: %s\n", what);
    std::abort();
  }
}

void CheckFolded(const std::string& f) {
  Check(f.empty() || (f.front() != ' ' && f.back() != ' '), "folded text is not trimmed");
  Check(f.find("  ") == std::string::npos, "folded text has a run of spaces");
  Check(names::FoldText(f) == f, "folding folded text changes it");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> f;
  while (f.size() < 3) {
    size_t nl = input.find('\n');
    if (nl == std::string_view::npos) break;
    f.push_back(input.substr(0, nl));
    input.remove_prefix(nl + 1);
  }
  f.push_back(input);
  while (f.size() < 4) f.push_back({});

  std::string folded = names::FoldText(f[0]);
  CheckFolded(folded);
  std::string into;
  names::FoldTextInto(f[0], &into);
  Check(into == folded, "FoldTextInto differs from FoldText");

  names::FullName full = names::SplitFullName(f[0]);
  (void)names::FullNameFormName(full.form);
  CheckFolded(full.name.given);
  for (const auto& alias : full.aliases) CheckFolded(alias.given);

  names::Surnames split = names::SplitFamilyName(folded);
  Check(!split.paternal.empty() || split.maternal.empty(), "maternal without paternal");
  names::Surnames fields = names::SplitSurnameFields(f[0], f[1]);
  Check(!fields.paternal.empty() || fields.maternal.empty(), "fields: maternal without paternal");
  auto sa = names::MakeSurnameFeature(f[0]);
  auto sb = names::MakeSurnameFeature(f[1], f[2]);
  auto agree = names::CompareSurnames(sa, sb);
  Check(agree == names::CompareSurnames(sb, sa), "CompareSurnames is not symmetric");
  (void)names::SurnameAgreementName(agree);
  Check(names::CompareSurnames(sa.surnames, sb.surnames) == agree,
        "the two CompareSurnames disagree");

  auto ga = names::MakeGivenNameFeature(f[0]);
  auto gb = names::MakeGivenNameFeature(f[3]);
  Check(ga.first.empty() == ga.canonical_alternatives.empty(),
        "canonical_alternatives empty without an empty first name");
  Check(names::SameCanonicalFirstName(ga, gb) == names::SameCanonicalFirstName(gb, ga),
        "SameCanonicalFirstName is not symmetric");
  (void)names::DifferentKnownFirstNames(ga, gb);
  (void)names::GoesBySecondName(ga, gb);
  (void)names::MiddleNamesConflict(ga, gb);
  (void)names::GendersConflict(ga.gender, gb.gender);
  (void)names::NameGenderName(ga.gender);
  names::GenderEvidence evidence;
  (void)names::GenderOfName(folded, &evidence);
  (void)names::IsKnownGivenName(folded);
  (void)names::IsHonorific(folded);
  (void)names::IsCompoundSurname(folded);
  (void)names::FindNickname(folded);
  (void)names::FindGivenNameGender(folded);

  std::string key = names::SpanishPhoneticKey(folded);
  std::string key_into;
  names::SpanishPhoneticKeyInto(folded, &key_into);
  Check(key == key_into, "SpanishPhoneticKeyInto differs");
  if (folded.empty()) Check(key.empty(), "key of empty text is not empty");

  std::string a = names::NormalizeANumber(f[1]);
  std::string b = names::NormalizeANumber(f[2]);
  for (const std::string* n : {&a, &b}) {
    if (n->empty()) continue;
    Check(n->size() == 9 && n->find_first_not_of("0123456789") == std::string::npos,
          "A-number is not nine digits");
    Check(names::NormalizeANumber(*n) == *n, "NormalizeANumber is not idempotent");
  }
  auto ids = names::CompareIds(f[1], f[2]);
  Check(ids == names::CompareIds(f[2], f[1]), "CompareIds is not symmetric");
  (void)names::IdAgreementName(ids);
  if (!f[1].empty()) Check(names::CompareIds(f[1], f[1]) == names::IdAgreement::kExact, "id != id");
  return 0;
}
