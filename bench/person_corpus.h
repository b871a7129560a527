// Synthetic corrupted person records for the linkage benchmarks, drawn with
// the synthetic-data layer's name tables and clerk error model
// (src/synth/name_tables.h, corruption.h): each person gets 1-3 records,
// each recorded as an agency clerk would (typos, phonetic spellings,
// nicknames, dropped or swapped surnames, swapped day/month, placeholder
// dates, A-numbers missing, mistyped or in another format). All synthetic.
#ifndef REUNITE_BENCH_PERSON_CORPUS_H_
#define REUNITE_BENCH_PERSON_CORPUS_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "common/csv.h"
#include "common/date.h"
#include "common/random.h"
#include "synth/corruption.h"
#include "synth/name_tables.h"

namespace reunite::bench {

// Columns: record_id, person_id (truth, never a model column), given_name,
// paternal_surname, maternal_surname, dob (ISO), sex, country, a_number.
struct PersonCorpus {
  std::vector<std::vector<std::string>> rows;
  std::vector<uint32_t> person;  // truth per row
};

inline std::vector<std::string> CorpusHeader() {
  return {"record_id", "person_id", "given_name", "paternal_surname", "maternal_surname",
          "dob",       "sex",       "country",    "a_number"};
}

struct TruePerson {
  synth::TrueName name;
  synth::Sex sex;
  Date dob;
  bool documented;
  std::string country;
  std::string a_number;  // canonical "A" + 9 digits
};

inline TruePerson DrawPerson(Rng& rng, uint32_t index) {
  static const char* kCountries[] = {"GT", "HN", "SV", "MX"};
  TruePerson p;
  p.sex = rng.Chance(0.5) ? synth::Sex::kFemale : synth::Sex::kMale;
  auto origin = rng.Chance(0.2) ? synth::NamingOrigin::kMaya : synth::NamingOrigin::kSpanish;
  p.name.given = synth::DrawGivenNames(rng, p.sex, origin);
  p.name.paternal = synth::DrawSurname(rng, origin);
  p.name.maternal = synth::DrawSurname(rng, origin);
  p.dob = Date{1965, 1, 1}.AddDays(rng.Between(0, 52 * 365));
  p.documented = rng.Chance(0.9);
  p.country = kCountries[rng.Below(4)];
  char buf[16];
  std::snprintf(buf, sizeof buf, "A%09u", 200000000u + index);
  p.a_number = buf;
  return p;
}

inline std::vector<std::string> RecordPerson(Rng& rng, const TruePerson& p, uint32_t person,
                                             uint64_t record) {
  synth::NameRates rates;
  rates.first_given_only = 0.15;
  rates.second_initial = 0.03;
  rates.nickname = 0.05;
  rates.phonetic = 0.06;
  rates.typo = 0.08;
  rates.drop_maternal = 0.15;
  rates.swap_surnames = 0.03;
  rates.drop_apostrophe = 0.3;
  rates.particle_variant = 0.1;
  synth::DobRates dob_rates;
  dob_rates.placeholder = 0.5;  // of undocumented persons
  dob_rates.day_month_swap = 0.03;
  dob_rates.typo = 0.04;
  dob_rates.missing = 0.02;
  synth::NameHabits habits;
  synth::RecordedName n = synth::RecordName(rng, p.name, habits, rates, 1);
  bool hard = false;
  Date dob = synth::RecordDob(rng, p.dob, p.documented, p.dob.year, dob_rates, n.hard == 0, hard);
  std::string a_number;
  if (rng.Chance(0.6)) {
    std::string canonical = rng.Chance(0.03) ? synth::MistypeANumber(rng, p.a_number) : p.a_number;
    a_number = synth::FormatANumber(canonical, static_cast<synth::ANumberStyle>(rng.Below(5)));
  }
  std::string sex = rng.Chance(0.03) ? "" : (p.sex == synth::Sex::kFemale ? "F" : "M");
  return {"r" + std::to_string(record),
          std::to_string(person),
          synth::Join(n.given, " "),
          n.paternal,
          n.maternal,
          dob.IsValid() ? dob.ToIso() : "",
          sex,
          p.country,
          a_number};
}

// About `records` rows (persons with 1-3 records each), deterministic in `seed`.
inline PersonCorpus MakePersonCorpus(size_t records, uint64_t seed) {
  PersonCorpus c;
  c.rows.reserve(records + 3);
  Rng rng(seed);
  uint32_t person = 0;
  while (c.rows.size() < records) {
    TruePerson p = DrawPerson(rng, person);
    double x = rng.Uniform();
    int copies = x < 0.5 ? 1 : x < 0.8 ? 2 : 3;
    for (int k = 0; k < copies && c.rows.size() < records; ++k) {
      c.rows.push_back(RecordPerson(rng, p, person, c.rows.size()));
      c.person.push_back(person);
    }
    ++person;
  }
  return c;
}

inline bool WriteCorpus(const PersonCorpus& c, const std::string& path) {
  auto w = CsvWriter::Open(path);
  if (!w.ok()) return false;
  (*w)->WriteRow(CorpusHeader());
  for (const auto& row : c.rows) (*w)->WriteRow(row);
  return (*w)->Close().ok();
}

}  // namespace reunite::bench

#endif  // REUNITE_BENCH_PERSON_CORPUS_H_
