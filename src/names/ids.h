// Identifiers: A-numbers (alien registration numbers) and the comparison of
// digit strings typed by hand.
//
// Thread-safety: pure functions. Errors: none (invalid input normalises to "").
#ifndef REUNITE_NAMES_IDS_H_
#define REUNITE_NAMES_IDS_H_

#include <string>
#include <string_view>

namespace reunite::names {

// Normalises an A-number to exactly 9 digits with leading zeros:
//   "A012345678", "a 012-345-678", "A-12345678", "12345678" -> "012345678"
//   "A12345678"                                           -> "012345678"
// Spaces, hyphens and dots are ignored; one leading 'A'/'a' (optionally
// followed by '#', '-' or ':') is allowed. Returns "" for anything else:
// other letters, fewer than 7 or more than 9 digits, or all zeros.
std::string NormalizeANumber(std::string_view raw);

// Ordered strongest to weakest.
enum class IdAgreement {
  kExact,
  kTransposition,  // one adjacent transposition ("012345678" vs "012354678")
  kSubstitution,   // one character differs
  kOneEdit,        // one character inserted or deleted
  kNone,
  kMissing,  // either side empty
};

std::string_view IdAgreementName(IdAgreement a);  // "exact", "transposition", ...

// Compares two already normalised IDs (any strings; bytes compared).
// Damerau distance <= 1 levels; no allocation.
IdAgreement CompareIds(std::string_view a, std::string_view b);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_IDS_H_
