#include "synth/name_tables.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace reunite::synth {
namespace {

TEST(NameTablesTest, GivenNamesHaveASex) {
  Rng rng(1);
  std::set<std::string> female, male;
  for (int i = 0; i < 3000; ++i) {
    for (const auto& g : DrawGivenNames(rng, Sex::kFemale, NamingOrigin::kSpanish))
      female.insert(g);
    for (const auto& g : DrawGivenNames(rng, Sex::kMale, NamingOrigin::kSpanish)) male.insert(g);
  }
  EXPECT_TRUE(female.contains("Francisca"));
  EXPECT_FALSE(female.contains("Francisco"));
  EXPECT_TRUE(male.contains("Francisco"));
  EXPECT_FALSE(male.contains("Francisca"));
  EXPECT_TRUE(female.contains("José"));  // María José
}

TEST(NameTablesTest, CompoundAndMayanNamesOccur) {
  Rng rng(2);
  int compound = 0, mayan = 0;
  for (int i = 0; i < 2000; ++i) {
    const auto g = DrawGivenNames(rng, Sex::kFemale, NamingOrigin::kMaya);
    compound += g.size() == 2;
    mayan += g[0] == "Ixchel" || g[0] == "Nikte'";
  }
  EXPECT_GT(compound, 300);
  EXPECT_GT(mayan, 20);
}

TEST(NameTablesTest, SurnamesFollowFrequencies) {
  Rng rng(3);
  std::map<std::string, int> spanish, maya;
  for (int i = 0; i < 20000; ++i) {
    ++spanish[DrawSurname(rng, NamingOrigin::kSpanish)];
    ++maya[DrawSurname(rng, NamingOrigin::kMaya)];
  }
  EXPECT_GT(spanish["García"], spanish["Zúñiga"] * 5);
  EXPECT_EQ(spanish["Tzul"], 0);
  EXPECT_GT(maya["Tzul"], 100);
  EXPECT_GT(spanish["de la Cruz"], 0);
}

TEST(NameTablesTest, NicknamesAndOfficials) {
  EXPECT_EQ(NicknamesOf("José").size(), 2u);
  EXPECT_EQ(NicknamesOf("Guadalupe").front(), "Lupe");
  EXPECT_TRUE(NicknamesOf("Tzul").empty());
  std::set<std::string> roster;
  for (uint64_t i = 0; i < 8; ++i) roster.insert(OfficialName(i));
  EXPECT_EQ(roster.size(), 8u);
  Rng rng(4);
  EXPECT_EQ(DrawHomePlace(rng, "Guatemala", "Mam").department.empty(), false);
}

}  // namespace
}  // namespace reunite::synth
