// Full names written in ONE field: split into given names and the paternal
// and maternal surnames. Agencies write them in several shapes:
//
//   "GARCIA LOPEZ, MARIA JOSE"            surnames first, comma (detention)
//   "María José García-López"             given names first, hyphenated surnames
//   "Maria Jose Garcia Lopez"             given names first, no marker at all
//   "GARCIA-LOPEZ, Maria Jose a/k/a ..."  with a second spelling (court records)
//   "Doña Lupe Vásquez Yax"               as a caseworker wrote it (outreach)
//
// Where the given names end is decided, in this order, by: a comma (surnames
// before it); the first hyphenated word after the first (it and everything
// after are surnames); upper-case words at the end of a mixed-case name
// ("Maria Jose GARCIA LOPEZ"); otherwise by the given-name tables of
// given_names.h (a word in the gender or nickname table is a given name,
// except words that are also common surnames, such as Cruz, Reyes, Pascual,
// which stay neutral) with the prior that a name has one or two given names
// and two surnames. Particles attach to the next word ("María de los Ángeles",
// "de la Cruz"); every rule is listed in docs/standardisation.md.
//
// Thread-safety: pure functions over read-only static tables. Errors: none
// (an empty or unreadable name gives an empty result).
#ifndef REUNITE_NAMES_FULL_NAME_H_
#define REUNITE_NAMES_FULL_NAME_H_

#include <string>
#include <string_view>
#include <vector>

#include "names/surnames.h"

namespace reunite::names {

// One spelling of a person's name, folded (FoldText).
struct PersonName {
  std::string given;  // all given names, space-separated ("maria jose"); may be empty
  Surnames surnames;  // split as SplitFamilyName does; may be empty

  friend bool operator==(const PersonName&, const PersonName&) = default;
};

// How the field was written.
enum class FullNameForm {
  kEmpty,          // nothing readable
  kSurnamesFirst,  // "SURNAMES, GIVEN NAMES"
  kGivenFirst,     // "Given Names Surnames"
};

struct FullName {
  PersonName name;  // the first spelling
  // Other spellings, in the order written: each " a/k/a " (also "aka",
  // "a.k.a.", "alias", "f/k/a", "also known as") part, a parenthesised full
  // name, and a quoted or parenthesised nickname ('Jose "Pepe" Lopez' gives
  // {pepe, lopez}: a one-word alias takes the first spelling's surnames).
  std::vector<PersonName> aliases;
  FullNameForm form = FullNameForm::kEmpty;
};

// Splits a raw (unfolded) full name. Examples (folded output):
//   "GARCIA LOPEZ, MARIA JOSE"         -> {maria jose | garcia, lopez}
//   "María José García-López"          -> {maria jose | garcia, lopez}
//   "Maria Garcia Lopez"               -> {maria | garcia, lopez}
//   "Juan P. de Leon-Castro"           -> {juan p | de leon, castro}
//   "María del Carmen Cruz"            -> {maria del carmen | cruz}
//   "Juan Pascual Lopez"               -> {juan | pascual, lopez}
//   "Carlos Perez a/k/a Carlos Peres"  -> {carlos | perez}, aliases {carlos | peres}
FullName SplitFullName(std::string_view raw);

// "empty", "surnames_first", "given_first".
std::string_view FullNameFormName(FullNameForm form);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_FULL_NAME_H_
