// The linkage model as data: comparisons with ordered levels, blocking rules,
// the prior, and m/u per level. Loaded from and saved to versioned JSON
// ("format_version": 1); docs/linkage.md describes the format.
//
// A Model is a plain value: copy it freely; it is not mutated by scoring, so
// one Model may be shared read-only by many threads.
#ifndef REUNITE_LINKAGE_MODEL_H_
#define REUNITE_LINKAGE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reunite/status.h"

namespace reunite::linkage {

inline constexpr int kModelFormatVersion = 1;
// Upper bounds that let the per-pair loop use fixed-size arrays.
inline constexpr int kMaxComparisons = 32;
inline constexpr int kMaxLevels = 16;

// What a level tests. The comparison evaluates its levels in order; the
// first level whose test holds is the pair's level.
enum class LevelKind {
  kNull,                 // either value missing (always the first level)
  kElse,                 // anything else (always the last level)
  kExact,                // equal after standardisation
  kJaroWinkler,          // Jaro-Winkler similarity >= threshold
  kDamerauLevenshtein,   // edit distance (with adjacent transpositions) <= distance
  kTokenSet,             // shared tokens / tokens of the shorter value >= threshold
  kPhonetic,             // equal Spanish phonetic keys
  kNumericWithin,        // |a - b| <= distance, values read as numbers
  kDateWithinDays,       // |a - b| <= distance days
  kDateDayMonthSwapped,  // same year, day and month exchanged
  kDateYearOff,          // same day and month, years differ by <= distance
  kDatePlaceholder,      // one is 1 January (a placeholder for an unknown date) and the
                         // years are at most `distance` apart (default 0: same year)
  kIdTransposed,         // normalised IDs equal or one adjacent transposition / one substitution
  // Surname levels hold when names::CompareSurnames gives this agreement OR
  // A STRONGER ONE (the agreements are ordered strongest first).
  kSurnameBothExact,     // both surnames agree in order
  kSurnameBothSwapped,   // paternal and maternal exchanged
  kSurnamePhoneticBoth,  // both agree phonetically
  kSurnameBothFuzzy,     // both sides have two surnames: one agrees (exactly or in sound),
                         // the other has Jaro-Winkler >= threshold (a typo), in order or swapped
  kSurnamePaternalOnly,  // one side has one surname (other missing): it agrees (partial)
  kSurnameMaternalOnly,  // one side has one surname: it is the other's maternal (partial)
  kSurnameOneMatches,    // one surname agrees in any position
  kSurnamePhoneticOne,   // one surname agrees phonetically
  kGivenFirstName,       // first given names equal (compound names: "Maria Jose" vs "Maria")
  kGivenNickname,        // equal after nickname resolution (Chepe = Jose)
  kGivenSecondName,      // one goes by the other's second given name (Maria Guadalupe / Lupe)
  kGivenGenderMismatch,  // given names of different gender (Francisco / Francisca)
  kGivenDifferentNames,  // two different names of the name table (Josué / José, María / Marta)
  kGivenMiddleConflict,  // same first name, different known second names (María Elena / María José)
};

std::string_view LevelKindName(LevelKind kind);

struct Level {
  std::string label;
  LevelKind kind = LevelKind::kElse;
  double threshold = 0;  // kJaroWinkler, kTokenSet: in (0,1]
  int distance = 0;      // kDamerauLevenshtein, kNumericWithin, kDateWithinDays, kDateYearOff
  double m = 0;          // P(level | match)
  double u = 0;          // P(level | non-match)
  bool fixed_m = false;  // training leaves m alone
  bool fixed_u = false;  // training leaves u alone
};

// How a comparison's columns are prepared (derived from its level kinds).
enum class ComparisonKind { kText, kDate, kId, kNumeric, kSurnames, kGivenName };

struct Comparison {
  std::string name;
  // Canonical columns read. Most comparisons read one; "surnames" reads
  // [paternal, maternal] or [family_name].
  std::vector<std::string> columns;
  ComparisonKind kind = ComparisonKind::kText;
  std::vector<Level> levels;  // levels[0] is kNull, levels.back() is kElse
  // Term-frequency adjustment on the exact level: a rare value counts more.
  bool tf_adjust = false;
  // Floor on the term frequency (so a value seen once is not infinitely strong).
  double tf_minimum = 0.0001;
  // kId only: A-numbers are normalised with names::NormalizeANumber
  // ("id_format": "a_number"); otherwise spaces, hyphens and dots are removed.
  bool a_number = false;
};

// One blocking rule: records sharing all keys are candidate pairs. A key is
// "name" or "name:transform" with transform one of: phonetic, first<N>,
// year, month (dates), first_token, last<N>, and for surnames maternal,
// maternal_phonetic, last_phonetic (of the maternal surname, else of the
// only one) and pair_phonetic (the phonetic keys of both surnames in either
// order; no key unless both are known).
// `name` is a comparison name or a column a comparison reads: the key comes
// from that comparison's prepared features (surnames: the paternal surname,
// or the maternal one; given name: the first given name, nickname-resolved
// for :phonetic; dates: ISO YYYY-MM-DD whatever the file's format). Any other
// column is folded text.
//
// In JSON a rule is a list of keys, or an object {"keys": [...],
// "if_missing": "dob", "max_block_size": 200}: with `if_missing` the rule
// pairs only records of which at least one lacks that comparison's value
// (records without a date of birth need name-only rules; records with one
// are found by the cheaper rules that use it), at the cost of the missing
// records times the block, not the block squared.
struct BlockingRule {
  std::vector<std::string> keys;
  std::string if_missing;  // comparison name, or empty
  int max_block_size = 0;  // 0: the model's max_block_size
};

struct Model {
  int format_version = kModelFormatVersion;
  std::string name;
  std::string description;
  // Probability that two records drawn at random refer to the same person.
  double prior = 1e-4;
  std::vector<Comparison> comparisons;
  std::vector<BlockingRule> blocking;
  // Blocks larger than this are skipped (and counted) to bound the pairs;
  // a rule may set its own.
  int max_block_size = 2000;
  int MaxBlockSize(size_t rule) const {
    return blocking[rule].max_block_size > 0 ? blocking[rule].max_block_size : max_block_size;
  }
  // Every canonical column the model reads (derived on load).
  std::vector<std::string> Columns() const;
};

// Parses a model. `source` (a path) prefixes every error, which names the
// JSON path: "models/x.json: comparisons[2].levels[1].threshold: expected a
// number in (0,1]". Errors: kParseError (not JSON), kInvalidArgument.
Result<Model> ParseModel(std::string_view json_text, std::string_view source);
Result<Model> LoadModel(const std::string& path);
// Pretty-printed JSON that ParseModel reads back to an equal model.
std::string ModelToJson(const Model& model);
Status SaveModel(const Model& model, const std::string& path);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_MODEL_H_
