#include "synth/corruption.h"

#include <gtest/gtest.h>

#include <set>

namespace reunite::synth {
namespace {

TEST(CorruptionTest, FoldsAndUppercasesSpanishLetters) {
  EXPECT_EQ(FoldAccents("Pérez Núñez Güiza"), "Perez Nunez Guiza");
  EXPECT_EQ(UpperAscii("María José"), "MARIA JOSE");
  EXPECT_EQ(UpperKeepAccents("Pérez Ñuñez"), "PÉREZ ÑUÑEZ");
  EXPECT_EQ(Join({"García", "", "López"}, " "), "García López");
}

TEST(CorruptionTest, PhoneticVariantsAreAsHeard) {
  Rng rng(1);
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(PhoneticVariant(rng, "Guillermo"));
  EXPECT_TRUE(seen.contains("Guiyermo")) << "ll -> y";
  EXPECT_TRUE(seen.contains("Willermo")) << "gu -> w";
  seen.clear();
  for (int i = 0; i < 200; ++i) seen.insert(PhoneticVariant(rng, "Hernández"));
  EXPECT_TRUE(seen.contains("Ernández")) << "silent h";
  EXPECT_TRUE(seen.contains("Hernándes")) << "z -> s";
  for (int i = 0; i < 50; ++i) EXPECT_NE(PhoneticVariant(rng, "Vásquez"), "Vásquez");
  EXPECT_EQ(PhoneticVariant(rng, "Tum"), "Tum");  // nothing to mishear
}

TEST(CorruptionTest, TypoChangesOneLetterButNotTheFirst) {
  Rng rng(2);
  for (int i = 0; i < 100; ++i) {
    const std::string t = Typo(rng, "Martinez");
    EXPECT_NE(t, "Martinez");
    EXPECT_EQ(t[0], 'M');
    EXPECT_LE(std::abs(static_cast<int>(t.size()) - 8), 1);
  }
}

TEST(CorruptionTest, ApostrophesDroppedOrReplaced) {
  Rng rng(3);
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(ApostropheVariant(rng, "B'alam"));
  EXPECT_TRUE(seen.contains("Balam"));
  EXPECT_GE(seen.size(), 2u);
  EXPECT_FALSE(seen.contains("B'alam"));
}

TEST(CorruptionTest, ANumberStylesAndMistypes) {
  EXPECT_EQ(FormatANumber("A087654321", ANumberStyle::kLetter9), "A087654321");
  EXPECT_EQ(FormatANumber("A087654321", ANumberStyle::kDigits9), "087654321");
  EXPECT_EQ(FormatANumber("A087654321", ANumberStyle::kDigitsNoZeros), "87654321");
  EXPECT_EQ(FormatANumber("A087654321", ANumberStyle::kLetterNoZeros), "A87654321");
  EXPECT_EQ(FormatANumber("A212345678", ANumberStyle::kDashed), "212-345-678");
  Rng rng(4);
  for (int i = 0; i < 100; ++i) {
    const std::string m = MistypeANumber(rng, "A212345678");
    EXPECT_NE(m, "A212345678");
    EXPECT_EQ(m.size(), 10u);
    EXPECT_EQ(m[0], 'A');
  }
}

TEST(CorruptionTest, RecordNameSpendsAtMostItsBudget) {
  NameRates all{1, 1, 1, 1, 1, 0, 1, 0, 0};
  TrueName name{{"José", "Luis"}, "Hernández", "Vásquez"};
  Rng rng(5);
  for (int budget = 0; budget <= 2; ++budget) {
    for (int i = 0; i < 100; ++i) {
      const RecordedName r = RecordName(rng, name, {}, all, budget);
      EXPECT_EQ(r.hard, budget);
      if (budget == 0) {
        EXPECT_EQ(r.paternal, "Hernández");
        EXPECT_EQ(r.given[0], "José");
      }
    }
  }
}

TEST(CorruptionTest, MildHabitsKeepTheNameRecognisable) {
  NameRates mild{};
  mild.drop_maternal = 1;
  mild.first_given_only = 1;
  Rng rng(6);
  const RecordedName r = RecordName(rng, {{"María", "José"}, "de la Cruz", "Pérez"}, {}, mild, 2);
  EXPECT_EQ(r.given, std::vector<std::string>{"María"});
  EXPECT_EQ(r.paternal, "de la Cruz");
  EXPECT_TRUE(r.maternal.empty());
  EXPECT_EQ(r.hard, 0);
}

TEST(CorruptionTest, DatesOfBirthVaryAsConfigured) {
  Rng rng(7);
  bool hard = false;
  const Date dob{2010, 3, 9};
  EXPECT_EQ(RecordDob(rng, dob, false, 2011, {1, 0, 0, 0}, true, hard), (Date{2011, 1, 1}));
  EXPECT_TRUE(hard);
  EXPECT_EQ(RecordDob(rng, dob, true, 2011, {1, 1, 0, 0}, true, hard), (Date{2010, 9, 3}));
  EXPECT_EQ(RecordDob(rng, dob, true, 2011, {0, 1, 1, 0}, false, hard), dob);
  EXPECT_FALSE(hard);
  EXPECT_FALSE(RecordDob(rng, dob, true, 2011, {0, 0, 0, 1}, true, hard).IsValid());
}

}  // namespace
}  // namespace reunite::synth
