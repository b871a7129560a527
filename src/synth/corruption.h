// The error model: how an agency's clerk turns a true name, date of birth or
// A-number into what ends up in its export. Each function draws only from
// the Rng passed in, so a record's corruption is reproducible from its
// family's forked generator. Thread-safe (no shared state).
//
// "Hard" variations (phonetic misspelling, typo, nickname, initial, surname
// swap, day/month swap, wrong day or year, placeholder date) are those a
// linkage engine must tolerate; "mild" ones (accents, casing, a dropped
// maternal surname, first given name only, a dropped apostrophe) are habits.
// RecordName and RecordDob spend a per-record budget of hard variations so
// that every record stays recognisable to a human (see docs/synthetic-data.md).
#ifndef REUNITE_SYNTH_CORRUPTION_H_
#define REUNITE_SYNTH_CORRUPTION_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/random.h"

namespace reunite::synth {

// Rates of name variations for one source (probabilities per record).
struct NameRates {
  double first_given_only = 0.0;  // compound given name reduced to its first part (mild)
  double second_initial = 0.0;    // "José L." (hard)
  double nickname = 0.0;          // "Chepe" for José when a nickname exists (hard)
  double phonetic = 0.0;          // per name part: as heard (b/v, s/z, ll/y, j/g, h) (hard)
  double typo = 0.0;              // per record: one keyboard slip in a name (hard)
  double drop_maternal = 0.0;     // maternal surname missing (mild)
  double swap_surnames = 0.0;     // maternal written first (hard)
  double drop_apostrophe = 0.0;   // B'alam -> Balam (mild)
  double particle_variant = 0.0;  // "de la Cruz" -> "Cruz" / "Delacruz" (mild)
};

struct DobRates {
  double placeholder = 0.0;     // for persons without documents: 1 January of a guessed year
  double day_month_swap = 0.0;  // only possible when day <= 12 and day != month
  double typo = 0.0;            // a day or the year off by one
  double missing = 0.0;
};

// A person's naming habits, the same in every system.
struct NameHabits {
  bool gives_first_given_only = false;  // habitually says only "María", not "María José"
  bool goes_by_nickname = false;
};

struct TrueName {
  std::vector<std::string> given;  // 1 or 2 parts
  std::string paternal;
  std::string maternal;
};

struct RecordedName {
  std::vector<std::string> given;
  std::string paternal;
  std::string maternal;  // empty when dropped
  int hard = 0;          // number of hard variations applied
};

// Records `name` as a clerk would, spending at most `hard_budget` hard variations.
RecordedName RecordName(Rng& rng, const TrueName& name, const NameHabits& habits,
                        const NameRates& rates, int hard_budget);

// Records a date of birth; returns an invalid Date when missing. `hard` is set
// when the recorded date differs from the truth (other than missing).
Date RecordDob(Rng& rng, const Date& dob, bool documented, int guessed_year, const DobRates& rates,
               bool allow_hard, bool& hard);

// Text habits.
std::string FoldAccents(std::string_view text);       // "Pérez Ñuñez" -> "Perez Nunez"
std::string UpperAscii(std::string_view text);        // fold, then ASCII upper
std::string UpperKeepAccents(std::string_view text);  // "Pérez" -> "PÉREZ"
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// One misspelling as heard in Latin American Spanish (b/v, s/z/c, ll/y, j/g,
// silent h, qu/k, x/j); returns `name` unchanged when no rule applies.
std::string PhoneticVariant(Rng& rng, std::string_view name);
// One keyboard slip (substitution, deletion or transposition of ASCII letters).
std::string Typo(Rng& rng, std::string_view name);
// Mayan apostrophes dropped or written as another character.
std::string ApostropheVariant(Rng& rng, std::string_view name);

// A-numbers: canonical form "A" + 9 digits ("A087654321").
enum class ANumberStyle {
  kLetter9,        // A087654321
  kDigits9,        // 087654321
  kDigitsNoZeros,  // 87654321
  kLetterNoZeros,  // A87654321
  kDashed,         // 087-654-321
};
std::string FormatANumber(std::string_view canonical, ANumberStyle style);
// The canonical A-number with one adjacent transposition or one digit changed.
std::string MistypeANumber(Rng& rng, std::string_view canonical);

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_CORRUPTION_H_
