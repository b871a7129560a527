#include "synth/family_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reunite::synth {
namespace {

struct Origin {
  std::string_view nationality;
  std::string_view language;
  NamingOrigin naming;
};

Origin DrawOrigin(Rng& rng) {
  const double r = rng.Uniform();
  if (r < 0.45) {
    const double l = rng.Uniform();
    if (l < 0.50)
      return {"Guatemala", "Spanish",
              rng.Chance(0.12) ? NamingOrigin::kMaya : NamingOrigin::kSpanish};
    if (l < 0.68) return {"Guatemala", "K'iche'", NamingOrigin::kMaya};
    if (l < 0.83) return {"Guatemala", "Mam", NamingOrigin::kMaya};
    if (l < 0.92) return {"Guatemala", "Q'anjob'al", NamingOrigin::kMaya};
    return {"Guatemala", "Q'eqchi'", NamingOrigin::kMaya};
  }
  if (r < 0.75) return {"Honduras", "Spanish", NamingOrigin::kSpanish};
  if (r < 0.90) return {"El Salvador", "Spanish", NamingOrigin::kSpanish};
  return {"Mexico", "Spanish", NamingOrigin::kSpanish};
}

// Apprehensions rise over the period (as family-unit apprehensions did in
// 2018): density grows linearly from 1 to 2 across [start, end].
Date DrawApprehensionDate(Rng& rng, const ScenarioOptions& o) {
  const int64_t span = o.end.ToDays() - o.start.ToDays();
  if (span <= 0) return o.start;
  const double u = rng.Uniform();
  const double t = (std::sqrt(1.0 + 3.0 * u) - 1.0);  // inverse CDF of density (1 + t) / 1.5
  return o.start.AddDays(
      std::min<int64_t>(span, static_cast<int64_t>(t * static_cast<double>(span + 1))));
}

int DrawChildAge(Rng& rng) {
  const double r = rng.Uniform();
  if (r < 0.30) return static_cast<int>(rng.Between(0, 4));
  if (r < 0.75) return static_cast<int>(rng.Between(5, 12));
  return static_cast<int>(rng.Between(13, 17));
}

Date BirthDateForAge(Rng& rng, const Date& on, int age) {
  // Born between (age+1) years and age years before `on`.
  const Date latest{on.year - age, on.month, std::min(on.day, 28)};
  return latest.AddDays(-static_cast<int64_t>(rng.Below(365)));
}

int SectorIndex(Rng& rng) {
  constexpr int kWeights[] = {40, 15, 9, 9, 7, 5, 5, 6, 4};
  int pick = static_cast<int>(rng.Below(100));
  for (int i = 0; i < 9; ++i) {
    if (pick < kWeights[i]) return i;
    pick -= kWeights[i];
  }
  return 0;
}

std::string PhoneFor(Rng& rng, std::string_view nationality) {
  std::string_view cc = nationality == "Guatemala"     ? "+502"
                        : nationality == "Honduras"    ? "+504"
                        : nationality == "El Salvador" ? "+503"
                                                       : "+52";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*s 0%03d %04d", static_cast<int>(cc.size()), cc.data(),
                static_cast<int>(rng.Below(1000)), static_cast<int>(rng.Below(10000)));
  return buf;
}

Person MakePerson(Rng& rng, Role role, Sex sex, NamingOrigin origin, const Date& on, int age) {
  Person p;
  p.role = role;
  p.sex = sex;
  p.age = age;
  p.name.given = DrawGivenNames(rng, sex, origin);
  p.dob = BirthDateForAge(rng, on, age);
  p.age = AgeOn(p.dob, on);
  const bool adult = age >= 18;
  p.dob_documented = !rng.Chance(adult ? 0.12 : 0.04);
  p.guessed_birth_year = p.dob.year + (rng.Chance(0.35) ? (rng.Chance(0.5) ? 1 : -1) : 0);
  p.habits.gives_first_given_only = p.name.given.size() == 2 && rng.Chance(0.25);
  p.habits.goes_by_nickname = adult && rng.Chance(0.15);
  return p;
}

}  // namespace

Family BuildFamily(uint64_t index, Rng& rng, const ScenarioOptions& options) {
  Family f;
  f.index = index;
  char buf[32];
  std::snprintf(buf, sizeof buf, "FU%07llu", static_cast<unsigned long long>(index + 1));
  f.family_unit_id = buf;
  // The border agency's unit number: sector-year prefix plus a scrambled serial.
  f.apprehended = DrawApprehensionDate(rng, options);
  f.sector = SectorIndex(rng);
  f.station = static_cast<int>(rng.Below(3));
  std::snprintf(buf, sizeof buf, "%.3s%02d%07llu", Sectors()[f.sector].code.data(),
                f.apprehended.year % 100,
                static_cast<unsigned long long>((index * 7'368'787 + 1'234'567) % 9'999'991));
  f.e3_family_number = buf;
  const Origin origin = DrawOrigin(rng);
  f.nationality = origin.nationality;
  f.language = origin.language;
  f.origin = origin.naming;
  f.home = DrawHomePlace(rng, f.nationality, f.language);
  f.phone = PhoneFor(rng, f.nationality);

  const double c = rng.Uniform();
  f.composition = c < 0.72   ? "one_parent"
                  : c < 0.86 ? "two_parents"
                  : c < 0.93 ? "parent_and_adult_sibling"
                             : "grandparent";
  const double k = rng.Uniform();
  const int n_children = k < 0.60 ? 1 : k < 0.88 ? 2 : 3;

  // Children's ages: the first drawn, siblings younger by 1-4 years; twins now and then.
  std::vector<int> ages;
  ages.push_back(DrawChildAge(rng));
  for (int i = 1; i < n_children; ++i) {
    int a = ages.back() + static_cast<int>(rng.Between(1, 4));
    if (rng.Chance(0.5)) a = ages.back() - static_cast<int>(rng.Between(1, 4));
    ages.push_back(std::clamp(a, 0, 17));
  }
  std::sort(ages.rbegin(), ages.rend());
  const int oldest = ages.front();

  // Surnames: the children's father and mother each have paternal + maternal.
  const std::string father_p = DrawSurname(rng, f.origin);
  const std::string father_m = DrawSurname(rng, f.origin);
  const std::string mother_p = DrawSurname(rng, f.origin);
  const std::string mother_m = DrawSurname(rng, f.origin);
  const bool mother_led = rng.Chance(0.62);
  const int parent_age =
      std::max(18, oldest + std::clamp(static_cast<int>(rng.Normal(24, 5)), 16, 38));

  auto add = [&](Person p) {
    p.person_id = f.family_unit_id + "-" + std::to_string(f.persons.size() + 1);
    p.a_number = ANumberFor(index, static_cast<int>(f.persons.size()), rng.Chance(0.15));
    f.persons.push_back(std::move(p));
    return static_cast<int>(f.persons.size()) - 1;
  };

  int mother = -1, father = -1, grandparent = -1;
  if (f.composition == "grandparent") {
    // The children's mother stayed behind; her mother or father brought them.
    const bool grandmother = rng.Chance(0.7);
    Person g =
        MakePerson(rng, Role::kGrandparent, grandmother ? Sex::kFemale : Sex::kMale, f.origin,
                   f.apprehended, std::min(75, parent_age + static_cast<int>(rng.Between(18, 28))));
    g.name.paternal = grandmother ? mother_m : mother_p;
    g.name.maternal = DrawSurname(rng, f.origin);
    grandparent = add(std::move(g));
  } else {
    const bool two = f.composition == "two_parents";
    if (two || mother_led) {
      Person m = MakePerson(rng, Role::kParent, Sex::kFemale, f.origin, f.apprehended, parent_age);
      m.name.paternal = mother_p;
      m.name.maternal = mother_m;
      mother = add(std::move(m));
    }
    if (two || !mother_led) {
      const int age =
          two ? std::max(18, parent_age + static_cast<int>(rng.Between(-2, 6))) : parent_age;
      Person d = MakePerson(rng, Role::kParent, Sex::kMale, f.origin, f.apprehended, age);
      d.name.paternal = father_p;
      d.name.maternal = father_m;
      father = add(std::move(d));
    }
  }
  // Children of a lone mother sometimes carry her two surnames (father absent from the record).
  const bool mothers_surnames = father < 0 && mother >= 0 && rng.Chance(0.2);
  auto child_of = [&](Role role, int age, Sex sex) {
    Person ch = MakePerson(rng, role, sex, f.origin, f.apprehended, age);
    ch.name.paternal = mothers_surnames ? mother_p : father_p;
    ch.name.maternal = mothers_surnames ? mother_m : mother_p;
    ch.mother = mother;
    ch.father = father;
    ch.grandparent = grandparent;
    // Sons sometimes carry their father's given name.
    if (sex == Sex::kMale && father >= 0 && rng.Chance(0.12)) {
      ch.name.given = f.persons[father].name.given;
    }
    return ch;
  };
  if (f.composition == "parent_and_adult_sibling") {
    const int age = std::min(parent_age - 16, static_cast<int>(rng.Between(18, 23)));
    if (age >= 18) {
      Person s = child_of(Role::kAdultSibling, age, rng.Chance(0.5) ? Sex::kFemale : Sex::kMale);
      add(std::move(s));
    }
  }
  Date twin_dob{};
  for (int i = 0; i < n_children; ++i) {
    Person ch = child_of(Role::kChild, ages[i], rng.Chance(0.5) ? Sex::kFemale : Sex::kMale);
    if (i > 0 && ages[i] == ages[i - 1] && rng.Chance(0.5)) ch.dob = twin_dob;  // twins
    twin_dob = ch.dob;
    ch.age = AgeOn(ch.dob, f.apprehended);
    add(std::move(ch));
  }
  return f;
}

}  // namespace reunite::synth
