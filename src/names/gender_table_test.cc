#include "names/gender_table.h"

#include <gtest/gtest.h>

namespace reunite::names {
namespace {

TEST(GenderTableTest, SortedUniqueFoldedTokens) {
  auto table = GivenNameGenderTable();
  EXPECT_GE(table.size(), 300u);
  for (size_t i = 1; i < table.size(); ++i) EXPECT_LT(table[i - 1].name, table[i].name);
  for (const GenderEntry& e : table) {
    for (char c : e.name) EXPECT_TRUE(c >= 'a' && c <= 'z') << e.name;
    EXPECT_NE(e.gender, NameGender::kUnknown) << e.name;
  }
}

TEST(GenderTableTest, Lookup) {
  ASSERT_NE(FindGivenNameGender("francisco"), nullptr);
  EXPECT_EQ(FindGivenNameGender("francisco")->gender, NameGender::kMale);
  EXPECT_EQ(FindGivenNameGender("francisca")->gender, NameGender::kFemale);
  EXPECT_EQ(FindGivenNameGender("guadalupe")->gender, NameGender::kEither);
  EXPECT_EQ(FindGivenNameGender("Francisco"), nullptr);  // callers pass folded tokens
  EXPECT_EQ(FindGivenNameGender(""), nullptr);
}

}  // namespace
}  // namespace reunite::names
