// Given names: compound names, abbreviations, nicknames and gender.
//
// Thread-safety: pure functions over read-only static tables. Errors: none
// (an empty name gives an empty feature with gender kUnknown).
#ifndef REUNITE_NAMES_GIVEN_NAMES_H_
#define REUNITE_NAMES_GIVEN_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace reunite::names {

// kEither: the name is common for both (Guadalupe, Trinidad, Cruz, Rosario
// is listed female). kUnknown: not in the table and no rule applies.
enum class NameGender { kUnknown, kMale, kFemale, kEither };

// "unknown", "male", "female", "either".
std::string_view NameGenderName(NameGender g);

// How the gender was found: from the name table (strong) or from the ending
// rule -a female / -o male, or the Mayan prefix "ix" female (weak).
enum class GenderEvidence { kNone, kTable, kRule };

// Per-record given-name feature; build once, compare per pair.
struct GivenNameFeature {
  // All given names, folded, abbreviations expanded ("Ma. José" -> "maria jose").
  std::string full;
  // The first given name: the FIRST token of `full` ("jose" for "jose maria",
  // "maria" for "maria jose"). An initial stays one letter ("j").
  std::string first;
  // The rest of `full` after `first` ("jose" for "maria jose"; "del carmen"
  // for "maria del carmen"); empty when there is one given name.
  std::string middle;
  // `first` with its nickname resolved to the most likely canonical name
  // ("chepe" -> "jose", "paco" -> "francisco"); for a compound canonical its
  // first token ("chema" -> "jose"). Equals `first` when not a nickname.
  std::string canonical_first;
  // Every canonical first name `first` may stand for, most likely first
  // ("beto" -> {alberto, roberto, humberto}); {canonical_first} otherwise.
  // Empty only when `first` is empty.
  std::vector<std::string> canonical_alternatives;
  // True when `first` is a generic word used in place of a name ("nena",
  // "bebe"): comparators should treat the given name as missing.
  bool generic = false;
  // Decided by the FIRST given name: "jose maria" male, "maria jose" female.
  NameGender gender = NameGender::kUnknown;
  GenderEvidence gender_evidence = GenderEvidence::kNone;
  // SpanishPhoneticKey(canonical_first).
  std::string phonetic_first;
  // `first` is a name of the gender table (not a typo of one).
  bool first_known = false;
  // The first word of `middle` that is not a particle ("carmen" for "del
  // carmen"), when it is a name of the gender table; else empty.
  std::string known_middle;
};

// From a raw (unfolded) given-name field. Expands the abbreviations
// "ma"/"ma."/"mª" -> maria, "fco" -> francisco, "gpe" -> guadalupe,
// "jse" -> jose, "ant" -> antonio when they stand as their own token, and
// drops leading honorifics (don, doña, sr, sra, srta, señor, señora,
// señorita, dr, dra, lic) unless the honorific is the only token.
GivenNameFeature MakeGivenNameFeature(std::string_view raw);

// True when a folded token is known as a given name: in the gender table,
// the nickname table (generic words such as "nena" included) or one of the
// abbreviations above ("ma", "fco"). Used to decide where given names end
// in a full name written in one field (full_name.h).
bool IsKnownGivenName(std::string_view folded_token);

// True for the honorifics MakeGivenNameFeature drops (don, dona, sr, sra,
// srta, senor, senora, senorita, dr, dra, lic); `folded_token` is one word.
bool IsHonorific(std::string_view folded_token);

// Gender of one folded given-name token (no nickname resolution), with the
// evidence it came from.
NameGender GenderOfName(std::string_view folded_token, GenderEvidence* evidence = nullptr);

// True when the two genders are both known, definite and differ (male vs
// female); kEither and kUnknown never conflict.
bool GendersConflict(NameGender a, NameGender b);

// True when both first names are names of the gender table that are neither
// spellings of one name (equal phonetic keys: Heidi / Heidy, Marta / Martha)
// nor nicknames of one (Pepe / José), and neither goes by the other's second
// name (GoesBySecondName): Josué / José, María / Marta, Luis /
// Luisa are different names, however close their letters. Siblings' names
// are often this close; clerks' typos rarely land on another real name.
bool DifferentKnownFirstNames(const GivenNameFeature& a, const GivenNameFeature& b);

// True when one side's first name (nickname resolved: Lupe = Guadalupe) is
// the other side's known second given name: "María Guadalupe" / "Lupe",
// "José Luis" / "Luis" — people who go by their second name.
bool GoesBySecondName(const GivenNameFeature& a, const GivenNameFeature& b);

// True when the first names agree (or are nicknames of one name) but both
// sides carry a known second given name and those are different names
// (María Elena / María José): siblings with compound names that collapse to
// the same first name. "María Elena" / "María" does not conflict.
bool MiddleNamesConflict(const GivenNameFeature& a, const GivenNameFeature& b);

// True when the two features share a canonical first name (any alternative),
// e.g. "Chepe" and "José", "Beto" and "Roberto". No allocation.
bool SameCanonicalFirstName(const GivenNameFeature& a, const GivenNameFeature& b);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_GIVEN_NAMES_H_
