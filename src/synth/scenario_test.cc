#include "synth/scenario.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace reunite::synth {
namespace {

std::vector<Family> Simulate(uint64_t n, uint64_t seed, ScenarioOptions o = {}) {
  std::vector<Family> out;
  for (uint64_t i = 0; i < n; ++i) {
    Rng rng = Rng(seed).Fork(i);
    out.push_back(SimulateFamily(i, rng, o));
  }
  return out;
}

TEST(ScenarioTest, SameRngSameFamily) {
  Rng a = Rng(5).Fork(17), b = Rng(5).Fork(17);
  const Family fa = SimulateFamily(17, a, {});
  const Family fb = SimulateFamily(17, b, {});
  ASSERT_EQ(fa.persons.size(), fb.persons.size());
  for (size_t i = 0; i < fa.persons.size(); ++i) {
    EXPECT_EQ(fa.persons[i].name.given, fb.persons[i].name.given);
    EXPECT_EQ(fa.persons[i].dob, fb.persons[i].dob);
  }
  EXPECT_EQ(fa.events.size(), fb.events.size());
}

TEST(ScenarioTest, CompositionAgesAndANumbers) {
  const ScenarioOptions o;
  std::set<std::string> a_numbers;
  std::map<std::string_view, int> compositions;
  int twins = 0, older_numbers = 0, persons = 0;
  for (const Family& f : Simulate(2000, 1)) {
    EXPECT_TRUE(InWindow(f.apprehended, o.start, o.end));
    ++compositions[f.composition];
    int adults = 0;
    for (const Person& p : f.persons) {
      ++persons;
      EXPECT_TRUE(a_numbers.insert(p.a_number).second) << p.a_number;
      EXPECT_EQ(p.a_number.size(), 10u);
      older_numbers += p.a_number[1] == '0';
      if (p.role == Role::kChild) {
        EXPECT_GE(p.age, 0);
        EXPECT_LE(p.age, 17);
      } else {
        EXPECT_GE(p.age, 18);
        ++adults;
      }
      if (p.mother >= 0) {
        EXPECT_EQ(f.persons[p.mother].sex, Sex::kFemale);
      }
      if (p.father >= 0) {
        EXPECT_EQ(f.persons[p.father].sex, Sex::kMale);
      }
    }
    EXPECT_GE(adults, 1);
    for (size_t i = 1; i < f.persons.size(); ++i) {
      twins += f.persons[i].role == Role::kChild && f.persons[i - 1].role == Role::kChild &&
               f.persons[i].dob == f.persons[i - 1].dob;
    }
  }
  EXPECT_GT(compositions["one_parent"], 1200);
  EXPECT_GT(compositions["two_parents"], 150);
  EXPECT_GT(compositions["grandparent"], 60);
  EXPECT_GT(compositions["parent_and_adult_sibling"], 60);
  EXPECT_GT(twins, 3);
  EXPECT_GT(older_numbers, persons / 20);
  EXPECT_LT(older_numbers, persons / 4);
}

TEST(ScenarioTest, ChildrenCarryParentsSurnames) {
  int checked = 0;
  for (const Family& f : Simulate(500, 2)) {
    for (const Person& p : f.persons) {
      if (p.role != Role::kChild || p.father < 0 || p.mother < 0) continue;
      EXPECT_EQ(p.name.paternal, f.persons[p.father].name.paternal);
      EXPECT_EQ(p.name.maternal, f.persons[p.mother].name.paternal);
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
}

TEST(ScenarioTest, ZeroToleranceSeparatesMoreThanBefore) {
  ScenarioOptions before, during;
  before.start = {2017, 12, 1};
  before.end = {2018, 3, 31};
  during.start = {2018, 5, 4};
  during.end = {2018, 6, 19};
  auto separated_share = [](const std::vector<Family>& fams) {
    int sep = 0;
    for (const Family& f : fams) {
      for (const Person& p : f.persons) sep += p.role == Role::kChild && p.separated_from >= 0;
    }
    return sep;
  };
  const int b = separated_share(Simulate(800, 3, before));
  const int d = separated_share(Simulate(800, 3, during));
  EXPECT_GT(d, 5 * b) << "before " << b << " during " << d;
}

TEST(ScenarioTest, ShelterStaysAndEventsRespectTheSnapshot) {
  ScenarioOptions o;
  for (const Family& f : Simulate(1500, 4, o)) {
    for (const ShelterStay& s : f.shelter) {
      EXPECT_FALSE(o.Snapshot() < s.referral);
      if (s.discharge.IsValid()) {
        EXPECT_FALSE(s.discharge < s.referral);
        EXPECT_FALSE(s.discharge_type.empty());
      }
    }
    for (const IceStay& s : f.ice) {
      if (s.book_out.IsValid()) {
        EXPECT_FALSE(s.book_out < s.book_in);
      }
    }
    for (const TimelineEvent& e : f.events) EXPECT_FALSE(o.Snapshot() < e.date);
  }
}

TEST(ScenarioTest, ANumbersAreABijection) {
  std::set<std::string> seen;
  for (uint64_t i = 0; i < 3000; ++i) {
    for (int m = 0; m < 6; ++m) {
      EXPECT_TRUE(seen.insert(ANumberFor(i, m, false)).second);
      EXPECT_TRUE(seen.insert(ANumberFor(i, m, true)).second);
    }
  }
  EXPECT_EQ(ANumberFor(kMaxFamilies - 1, 15, true).size(), 10u);
}

}  // namespace
}  // namespace reunite::synth
