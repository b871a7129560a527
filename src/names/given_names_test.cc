#include "names/given_names.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "names/testdata_reader.h"

namespace reunite::names {
namespace {

TEST(GivenNameFeatureTest, GoldenNames) {
  auto rows = testing::ReadTsv("given_names.tsv");
  ASSERT_GE(rows.size(), 40u) << "testdata/given_names.tsv missing or short";
  for (const auto& r : rows) {
    ASSERT_GE(r.size(), 4u) << r[0];
    GivenNameFeature f = MakeGivenNameFeature(r[0]);
    EXPECT_EQ(f.canonical_first, r[1]) << r[0];
    EXPECT_EQ(NameGenderName(f.gender), r[2]) << r[0];
    EXPECT_EQ(f.first, r[3]) << r[0];
    EXPECT_EQ(f.middle, r.size() > 4 ? r[4] : "") << r[0];
  }
}

TEST(GivenNameFeatureTest, CompoundNamesFirstTokenDecidesGender) {
  GivenNameFeature jm = MakeGivenNameFeature("José María");
  GivenNameFeature mj = MakeGivenNameFeature("Ma. José");
  EXPECT_EQ(jm.gender, NameGender::kMale);
  EXPECT_EQ(mj.gender, NameGender::kFemale);
  EXPECT_EQ(mj.full, "maria jose");
  EXPECT_TRUE(GendersConflict(jm.gender, mj.gender));
}

TEST(GivenNameFeatureTest, FranciscoAndFranciscaDiffer) {
  GivenNameFeature m = MakeGivenNameFeature("Francisco");
  GivenNameFeature f = MakeGivenNameFeature("Francisca");
  EXPECT_EQ(m.gender_evidence, GenderEvidence::kTable);
  EXPECT_TRUE(GendersConflict(m.gender, f.gender));
  EXPECT_FALSE(SameCanonicalFirstName(m, f));
  EXPECT_TRUE(SameCanonicalFirstName(m, MakeGivenNameFeature("Pancho")));
}

TEST(GivenNameFeatureTest, AmbiguousNicknameKeepsAllCandidates) {
  GivenNameFeature beto = MakeGivenNameFeature("Beto");
  auto& alts = beto.canonical_alternatives;
  EXPECT_EQ(alts.front(), "alberto");
  EXPECT_NE(std::find(alts.begin(), alts.end(), "roberto"), alts.end());
  EXPECT_TRUE(SameCanonicalFirstName(beto, MakeGivenNameFeature("Roberto")));
  EXPECT_TRUE(SameCanonicalFirstName(beto, MakeGivenNameFeature("ALBERTO")));
  EXPECT_FALSE(SameCanonicalFirstName(beto, MakeGivenNameFeature("Rogelio")));
}

TEST(GivenNameFeatureTest, RuleGenderIsMarkedWeak) {
  GivenNameFeature f = MakeGivenNameFeature("Yessenia");
  EXPECT_EQ(f.gender, NameGender::kFemale);
  EXPECT_EQ(f.gender_evidence, GenderEvidence::kRule);
  EXPECT_EQ(MakeGivenNameFeature("Xkq").gender_evidence, GenderEvidence::kNone);
}

TEST(GivenNameFeatureTest, GenericNicknameIsFlagged) {
  GivenNameFeature f = MakeGivenNameFeature("NENA");
  EXPECT_TRUE(f.generic);
  EXPECT_FALSE(MakeGivenNameFeature("Lupe").generic);
}

TEST(GivenNameFeatureTest, PhoneticOfCanonical) {
  EXPECT_EQ(MakeGivenNameFeature("Lupe").phonetic_first,
            MakeGivenNameFeature("Wadalupe").phonetic_first);
  EXPECT_EQ(MakeGivenNameFeature("Chepe").phonetic_first, "jose");
}

TEST(GivenNameFeatureTest, EmptyAndInitial) {
  GivenNameFeature e = MakeGivenNameFeature("  ");
  EXPECT_TRUE(e.first.empty());
  EXPECT_TRUE(e.canonical_alternatives.empty());
  EXPECT_EQ(e.gender, NameGender::kUnknown);
  GivenNameFeature j = MakeGivenNameFeature("J.");
  EXPECT_EQ(j.first, "j");
  EXPECT_EQ(j.canonical_first, "j");
}

TEST(GenderOfNameTest, TableBeatsSuffixRule) {
  GenderEvidence ev;
  EXPECT_EQ(GenderOfName("rosario", &ev), NameGender::kFemale);
  EXPECT_EQ(ev, GenderEvidence::kTable);
  EXPECT_EQ(GenderOfName("bautista", &ev), NameGender::kMale);
  EXPECT_EQ(GenderOfName("ixbalanque", &ev), NameGender::kMale);
  EXPECT_EQ(GenderOfName("ixkanil", &ev), NameGender::kFemale);
  EXPECT_EQ(ev, GenderEvidence::kRule);
  EXPECT_EQ(GenderOfName("gumercindo"), NameGender::kMale);
  EXPECT_FALSE(GendersConflict(NameGender::kEither, NameGender::kMale));
  EXPECT_FALSE(GendersConflict(NameGender::kUnknown, NameGender::kFemale));
}

}  // namespace
}  // namespace reunite::names

namespace reunite::names {
namespace {

TEST(GivenNamePairTest, DifferentKnownNamesAreNotTypos) {
  auto f = [](const char* s) { return MakeGivenNameFeature(s); };
  EXPECT_TRUE(DifferentKnownFirstNames(f("Josué"), f("José")));
  EXPECT_TRUE(DifferentKnownFirstNames(f("María"), f("Marta")));
  EXPECT_FALSE(DifferentKnownFirstNames(f("Marta"), f("Martha")));  // one name, two spellings
  EXPECT_FALSE(DifferentKnownFirstNames(f("Heidi"), f("Heidy")));
  EXPECT_FALSE(DifferentKnownFirstNames(f("Pepe"), f("José")));             // nickname
  EXPECT_FALSE(DifferentKnownFirstNames(f("Jozue"), f("José")));            // a typo, not a name
  EXPECT_FALSE(DifferentKnownFirstNames(f("María Guadalupe"), f("Lupe")));  // second name
}

TEST(GivenNamePairTest, SecondGivenNames) {
  auto f = [](const char* s) { return MakeGivenNameFeature(s); };
  EXPECT_EQ(f("María del Carmen").known_middle, "carmen");
  EXPECT_TRUE(MiddleNamesConflict(f("María Elena"), f("María José")));
  EXPECT_TRUE(MiddleNamesConflict(f("Ma. Elena"), f("Mari José")));  // abbreviation, nickname
  EXPECT_FALSE(MiddleNamesConflict(f("María Elena"), f("María")));
  EXPECT_FALSE(MiddleNamesConflict(f("María Elena"), f("María E.")));
  EXPECT_FALSE(MiddleNamesConflict(f("María Elena"), f("Rosa José")));  // first names differ
  EXPECT_TRUE(GoesBySecondName(f("María Guadalupe"), f("Lupe")));
  EXPECT_TRUE(GoesBySecondName(f("Luis"), f("José Luis")));
  EXPECT_FALSE(GoesBySecondName(f("Luisa"), f("José Luis")));
}

}  // namespace
}  // namespace reunite::names
