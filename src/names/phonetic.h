// A phonetic key for Latin American Spanish names (and Mayan names written
// in Spanish-based orthographies). Two spellings that a Spanish speaker would
// pronounce alike get the same key: "vasquez", "basquez", "vazquez"; "jimenez",
// "gimenez", "ximenez"; "quiche", "kiche"; "guadalupe", "wadalupe".
// The full rule list, with its reasons and limits, is in docs/standardisation.md.
//
// Thread-safety: pure functions. Errors: none.
#ifndef REUNITE_NAMES_PHONETIC_H_
#define REUNITE_NAMES_PHONETIC_H_

#include <string>
#include <string_view>

namespace reunite::names {

// Key of FOLDED text (see FoldText): each space-separated token is keyed
// separately and the keys are joined with one space. The key alphabet is
// ASCII lower case; classes: b = b/v, s = s/z/c(e,i), y = ll/y before a
// vowel, j = j/g(e,i)/x/sh, k = c/k/q/qu, w = w/hu+vowel/gu+a,o,
// g = hard g (g, gu+e,i), c = ch, m = m/n before b,p. Silent h dropped, y not
// before a vowel -> i, doubled classes collapse (rr -> r), a final d after a
// vowel is dropped. Digits and non-ASCII bytes pass through unchanged.
// Empty input gives an empty key.
std::string SpanishPhoneticKey(std::string_view folded);

// As SpanishPhoneticKey, writing into `out` (cleared first). `out` must not
// alias `folded`.
void SpanishPhoneticKeyInto(std::string_view folded, std::string* out);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_PHONETIC_H_
