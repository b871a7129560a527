// Tables of common given names and surnames of the region (Guatemala,
// Honduras, El Salvador, Mexico), with relative frequencies, nicknames and
// the sex of each given name. Every name is a common public name drawn from
// frequency tables; no record of a real individual is used.
//
// All functions are pure or draw only from the Rng passed in; they are
// thread-safe (the tables are immutable).
#ifndef REUNITE_SYNTH_NAME_TABLES_H_
#define REUNITE_SYNTH_NAME_TABLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/random.h"

namespace reunite::synth {

enum class Sex { kFemale, kMale };

// Where a family's naming customs come from: Spanish-speaking mestizo or
// Maya (Guatemalan highlands), which shifts surname and given-name tables.
enum class NamingOrigin { kSpanish, kMaya };

// A given name (one token or a compound like "María José"), drawn by sex.
// Maya families sometimes use Mayan names (B'alam, Ixchel).
std::vector<std::string> DrawGivenNames(Rng& rng, Sex sex, NamingOrigin origin);
// A surname ("García", "de la Cruz", "Tzul").
std::string DrawSurname(Rng& rng, NamingOrigin origin);

// Nicknames in common use for `given` ("José" -> {"Chepe", "Pepe"}); empty
// when none. The lookup is accent-sensitive on the canonical form.
const std::vector<std::string_view>& NicknamesOf(std::string_view given);

// Home villages by language/nationality, for outreach logs.
struct HomePlace {
  std::string_view village;
  std::string_view department;
};
HomePlace DrawHomePlace(Rng& rng, std::string_view nationality, std::string_view language);

// Synthetic official names ("Laura Whitfield") for prosecutors, agents and
// judges; `index` picks deterministically from a roster.
std::string OfficialName(uint64_t index);

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_NAME_TABLES_H_
