// Hispanic family names: a paternal and a maternal surname, each possibly
// with particles ("de la Cruz"), in either order, one often missing.
//
// Thread-safety: pure functions. Errors: none (empty input gives empty
// surnames, which compare as kMissing).
#ifndef REUNITE_NAMES_SURNAMES_H_
#define REUNITE_NAMES_SURNAMES_H_

#include <string>
#include <string_view>

namespace reunite::names {

// Folded surnames. `maternal` is empty when only one surname is known;
// `paternal` is empty only when no surname is known.
struct Surnames {
  std::string paternal;
  std::string maternal;

  friend bool operator==(const Surnames&, const Surnames&) = default;
};

// Splits a FOLDED family name into paternal and maternal surnames.
//   "garcia lopez"          -> {garcia, lopez}
//   "de la cruz hernandez"  -> {de la cruz, hernandez}  (particles de, del,
//                              la, las, los, da, das, do, dos, san, santa,
//                              van, von, der, di, du stay attached to the
//                              next word)
//   "garcia y lopez"        -> {garcia, lopez}          ("y"/"e" joiner dropped)
//   "lopez vda de garcia"   -> {lopez, ""}              (widow's "vda de X" /
//                              "viuda de X" dropped: the husband's name)
//   "ponce de leon garcia"  -> {ponce de leon, garcia}  (a short table of
//                              compound surnames with an inner particle)
//   "garcia"                -> {garcia, ""}
// With three or more surnames the first two are kept (documented limit).
Surnames SplitFamilyName(std::string_view folded);

// For sources with two surname columns. Both fields are RAW (this folds
// them). An empty maternal field with a paternal field holding two surnames
// ("Garcia Lopez", "") is split as SplitFamilyName; a paternal field that
// holds both while the maternal field repeats its second ("Garcia Lopez",
// "Lopez") gives {garcia, lopez}; otherwise each field is kept whole.
Surnames SplitSurnameFields(std::string_view paternal_field, std::string_view maternal_field);

// True for the particles that attach to the following word of a surname
// (de, del, la, las, los, da, das, do, dos, di, du, der, van, von, san,
// santa); `folded_token` is one folded word.
bool IsSurnameParticle(std::string_view folded_token);

// True for the known compound surnames with an inner particle ("ponce de
// leon", "montes de oca"; the table is in surnames.cc); `folded` is folded text.
bool IsCompoundSurname(std::string_view folded);

// Ordered from strongest to weakest agreement: the first that holds wins.
enum class SurnameAgreement {
  kBothExact,     // both sides have two surnames; equal in order
  kBothSwapped,   // both sides have two surnames; equal with order swapped
  kPhoneticBoth,  // both sides have two surnames; pairwise equal phonetic keys
                  // (in order or swapped), not both exact
  kPaternalOnly,  // one or both sides have only one surname; it equals the
                  // other side's paternal
  kMaternalOnly,  // one side has only one surname; it equals the other side's
                  // maternal (a form's "last name" taken as the last word)
  kOneMatches,    // one surname equals one surname in any position
  kPhoneticOne,   // one surname's phonetic key equals one in any position
  kNone,          // surnames present on both sides and nothing agrees
  kMissing,       // a side has no surname at all
};

// "both_exact", "both_swapped", ... (snake_case of the enumerator).
std::string_view SurnameAgreementName(SurnameAgreement a);

// Surnames plus precomputed phonetic keys: build once per record, compare
// per pair. The keys are of each surname WITHOUT its leading particles, so
// "de la cruz" and "cruz" agree phonetically (but not exactly).
struct SurnameFeature {
  Surnames surnames;
  std::string paternal_key;  // SpanishPhoneticKey of paternal minus particles
  std::string maternal_key;  // same for maternal; empty when maternal is
};

// From a raw one-field family name ("De la Cruz-López").
SurnameFeature MakeSurnameFeature(std::string_view raw_family_name);
// From raw two-column surnames (see SplitSurnameFields).
SurnameFeature MakeSurnameFeature(std::string_view raw_paternal, std::string_view raw_maternal);
// From already split, folded surnames.
SurnameFeature MakeSurnameFeature(Surnames surnames);

// Per-pair comparison; no allocation. Symmetric.
SurnameAgreement CompareSurnames(const SurnameFeature& a, const SurnameFeature& b);
// Convenience for one-off comparisons (computes keys; allocates).
SurnameAgreement CompareSurnames(const Surnames& a, const Surnames& b);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_SURNAMES_H_
