// The table of Latin American nicknames (hipocorísticos): Chepe = José,
// Lupe = Guadalupe, Paco = Francisco. Data lives in nicknames.cc as a sorted
// static array and is listed in docs/standardisation.md.
//
// Thread-safety: read-only static data. Errors: none.
#ifndef REUNITE_NAMES_NICKNAMES_H_
#define REUNITE_NAMES_NICKNAMES_H_

#include <span>
#include <string_view>

namespace reunite::names {

struct Nickname {
  std::string_view nickname;  // folded, one token: "chepe"
  // Folded canonical names, most likely first, '|'-separated; a canonical may
  // be a compound ("jose maria" for "chema"). Empty for generic nicknames
  // that are not a name at all ("nena", "bebe"): see `generic`.
  std::string_view canonicals;
  bool generic = false;  // a word used in place of a name ("nena" = baby girl)
};

// The whole table, sorted by `nickname` (strictly increasing).
std::span<const Nickname> NicknameTable();

// The entry for a folded token, or nullptr. Binary search.
const Nickname* FindNickname(std::string_view folded_token);

}  // namespace reunite::names

#endif  // REUNITE_NAMES_NICKNAMES_H_
