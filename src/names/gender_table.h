// The table of given names with their usual gender (data in gender_table.cc,
// summarised in docs/standardisation.md). Used by GenderOfName.
//
// Thread-safety: read-only static data. Errors: none.
#ifndef REUNITE_NAMES_GENDER_TABLE_H_
#define REUNITE_NAMES_GENDER_TABLE_H_

#include <span>
#include <string_view>

#include "names/given_names.h"

namespace reunite::names {

struct GenderEntry {
  std::string_view name;  // folded, one token
  NameGender gender;
};

// Sorted by name (strictly increasing).
std::span<const GenderEntry> GivenNameGenderTable();

// The entry for a folded token, or nullptr. Binary search.
const GenderEntry* FindGivenNameGender(std::string_view folded_token);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_GENDER_TABLE_H_
