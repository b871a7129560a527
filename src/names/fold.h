// Unicode folding of names as agencies type them: the first step of every
// name comparison in reunite.
//
// Thread-safety: every function here is thread-safe (the lazily built
// lookup tables are initialised once, under a function-local static).
// Errors: none; folding never fails. Invalid UTF-8 never crashes (see below).
#ifndef REUNITE_NAMES_FOLD_H_
#define REUNITE_NAMES_FOLD_H_

#include <string>
#include <string_view>

namespace reunite::names {

// Folds UTF-8 text into the canonical comparison form used by every other
// function in reunite::names:
//   - Unicode NFKD, combining marks stripped, lower case: "García" -> "garcia",
//     "Peña" -> "pena", "Güero" -> "guero"; a few letters without a
//     decomposition are spelled out (ß -> ss, æ -> ae, ø -> o, ł -> l, đ -> d).
//   - Apostrophes and glottal-stop marks (' ’ ‘ ` ´ ʼ ʻ) are REMOVED, so the
//     Mayan "B'alam", "K’iche’" fold to "balam", "kiche".
//   - Every other non-letter, non-digit (hyphen, dot, comma, slash, quotes,
//     symbols, control characters) becomes a space; runs of whitespace
//     collapse to one space; the result is trimmed. Digits are kept.
//   - Letters of non-Latin scripts are kept (lower-cased, marks stripped), so
//     the output is pure ASCII for Latin-script input only.
//   - Invalid UTF-8: each byte that does not start a valid sequence is read as
//     Windows-1252/Latin-1 (agency exports are often Latin-1), so
//     "Garc\xEDa" folds to "garcia". Nothing is dropped silently except C0/C1
//     control bytes, which become spaces.
// Fast path: input whose bytes are all < 0x80 never touches ICU.
std::string FoldText(std::string_view utf8);

// As FoldText, writing into `out` (cleared first) so a caller standardising
// many records can reuse one buffer. `out` must not alias `utf8`.
void FoldTextInto(std::string_view utf8, std::string* out);

// True when every byte of `text` is < 0x80.
bool IsAscii(std::string_view text);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_FOLD_H_
