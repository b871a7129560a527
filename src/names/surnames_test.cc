#include "names/surnames.h"

#include <gtest/gtest.h>

#include "names/fold.h"

namespace reunite::names {
namespace {

Surnames S(std::string p, std::string m) { return Surnames{std::move(p), std::move(m)}; }

TEST(SplitFamilyNameTest, TwoSurnames) {
  EXPECT_EQ(SplitFamilyName("garcia lopez"), S("garcia", "lopez"));
  EXPECT_EQ(SplitFamilyName(FoldText("García-López")), S("garcia", "lopez"));
}

TEST(SplitFamilyNameTest, ParticlesStayAttached) {
  EXPECT_EQ(SplitFamilyName(FoldText("de la Cruz López")), S("de la cruz", "lopez"));
  EXPECT_EQ(SplitFamilyName("de la cruz hernandez"), S("de la cruz", "hernandez"));
  EXPECT_EQ(SplitFamilyName("del cid perez"), S("del cid", "perez"));
  EXPECT_EQ(SplitFamilyName("perez de los santos"), S("perez", "de los santos"));
  EXPECT_EQ(SplitFamilyName("san juan garcia"), S("san juan", "garcia"));
}

TEST(SplitFamilyNameTest, JoinerYIsDropped) {
  EXPECT_EQ(SplitFamilyName("garcia y lopez"), S("garcia", "lopez"));
  EXPECT_EQ(SplitFamilyName("ortega e irigoyen"), S("ortega", "irigoyen"));
}

TEST(SplitFamilyNameTest, SingleSurnameAndEmpty) {
  EXPECT_EQ(SplitFamilyName("garcia"), S("garcia", ""));
  EXPECT_EQ(SplitFamilyName(""), S("", ""));
}

TEST(SplitFamilyNameTest, WidowMarkerDropsHusbandName) {
  EXPECT_EQ(SplitFamilyName("lopez vda de garcia"), S("lopez", ""));
  EXPECT_EQ(SplitFamilyName("lopez perez viuda de garcia"), S("lopez", "perez"));
}

TEST(SplitFamilyNameTest, KnownCompoundSurname) {
  EXPECT_EQ(SplitFamilyName("ponce de leon garcia"), S("ponce de leon", "garcia"));
  EXPECT_EQ(SplitFamilyName("garcia de leon"), S("garcia", "de leon"));
}

TEST(SplitFamilyNameTest, ThreeSurnamesKeepFirstTwo) {
  EXPECT_EQ(SplitFamilyName("garcia lopez martinez"), S("garcia", "lopez"));
}

TEST(SplitSurnameFieldsTest, TwoColumns) {
  EXPECT_EQ(SplitSurnameFields("De la Cruz", "Hernández"), S("de la cruz", "hernandez"));
  EXPECT_EQ(SplitSurnameFields("GARCIA LOPEZ", ""), S("garcia", "lopez"));
  EXPECT_EQ(SplitSurnameFields("Garcia Lopez", "López"), S("garcia", "lopez"));
  EXPECT_EQ(SplitSurnameFields("", "Lopez"), S("lopez", ""));
  EXPECT_EQ(SplitSurnameFields("Garcia Lopez", "Perez"), S("garcia lopez", "perez"));
}

SurnameAgreement Cmp(std::string_view a, std::string_view b) {
  return CompareSurnames(MakeSurnameFeature(a), MakeSurnameFeature(b));
}

TEST(CompareSurnamesTest, Levels) {
  EXPECT_EQ(Cmp("García López", "GARCIA LOPEZ"), SurnameAgreement::kBothExact);
  EXPECT_EQ(Cmp("García López", "López García"), SurnameAgreement::kBothSwapped);
  EXPECT_EQ(Cmp("Vásquez Hernández", "Basquez Ernandez"), SurnameAgreement::kPhoneticBoth);
  EXPECT_EQ(Cmp("Vásquez Hernández", "Ernandez Basquez"), SurnameAgreement::kPhoneticBoth);
  EXPECT_EQ(Cmp("García López", "García"), SurnameAgreement::kPaternalOnly);
  EXPECT_EQ(Cmp("García", "García"), SurnameAgreement::kPaternalOnly);
  EXPECT_EQ(Cmp("García López", "López"), SurnameAgreement::kMaternalOnly);
  EXPECT_EQ(Cmp("López", "García López"), SurnameAgreement::kMaternalOnly);
  EXPECT_EQ(Cmp("López García", "García López"), SurnameAgreement::kBothSwapped);
  EXPECT_EQ(Cmp("López Ruiz", "García López"), SurnameAgreement::kOneMatches);
  EXPECT_EQ(Cmp("García López", "García Pérez"), SurnameAgreement::kOneMatches);
  EXPECT_EQ(Cmp("Jiménez Pérez", "Ximenez Ruiz"), SurnameAgreement::kPhoneticOne);
  EXPECT_EQ(Cmp("de la Cruz", "Cruz"), SurnameAgreement::kPhoneticOne);
  EXPECT_EQ(Cmp("García López", "Pérez Ruiz"), SurnameAgreement::kNone);
  EXPECT_EQ(Cmp("", "García"), SurnameAgreement::kMissing);
  EXPECT_EQ(Cmp("García", "  "), SurnameAgreement::kMissing);
}

TEST(CompareSurnamesTest, Symmetric) {
  const char* names[] = {"García López", "López García",     "García",
                         "López",        "Basquez Ernandez", "Vásquez Hernández",
                         "de la Cruz",   "Cruz Pérez",       ""};
  for (const char* a : names) {
    for (const char* b : names) {
      EXPECT_EQ(Cmp(a, b), Cmp(b, a)) << a << " / " << b;
    }
  }
}

TEST(CompareSurnamesTest, SurnamesOverloadAndFields) {
  EXPECT_EQ(CompareSurnames(S("garcia", "lopez"), S("lopez", "garcia")),
            SurnameAgreement::kBothSwapped);
  SurnameFeature f = MakeSurnameFeature("De la Cruz", "Hernández");
  EXPECT_EQ(f.paternal_key, "krus");
  EXPECT_EQ(f.maternal_key, "ernandes");
  EXPECT_EQ(SurnameAgreementName(SurnameAgreement::kPaternalOnly), "paternal_only");
  EXPECT_EQ(SurnameAgreementName(SurnameAgreement::kMaternalOnly), "maternal_only");
}

}  // namespace
}  // namespace reunite::names
