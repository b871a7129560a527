#include "names/nicknames.h"

#include <gtest/gtest.h>

#include "names/gender_table.h"

namespace reunite::names {
namespace {

TEST(NicknameTableTest, SortedUniqueAndLargeEnough) {
  auto table = NicknameTable();
  EXPECT_GE(table.size(), 60u);
  for (size_t i = 1; i < table.size(); ++i) {
    EXPECT_LT(table[i - 1].nickname, table[i].nickname);
  }
  for (const Nickname& n : table) {
    EXPECT_EQ(n.generic, n.canonicals.empty()) << n.nickname;
    EXPECT_EQ(n.nickname.find(' '), std::string_view::npos) << n.nickname;
  }
}

TEST(NicknameTableTest, EveryCanonicalFirstWordHasAGender) {
  for (const Nickname& n : NicknameTable()) {
    std::string_view rest = n.canonicals;
    while (!rest.empty()) {
      size_t bar = rest.find('|');
      std::string_view c = rest.substr(0, bar);
      std::string_view first = c.substr(0, c.find(' '));
      EXPECT_NE(FindGivenNameGender(first), nullptr) << n.nickname << " -> " << first;
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
}

TEST(NicknameTableTest, Lookup) {
  ASSERT_NE(FindNickname("chepe"), nullptr);
  EXPECT_EQ(FindNickname("chepe")->canonicals, "jose");
  EXPECT_EQ(FindNickname("jose"), nullptr);
  EXPECT_EQ(FindNickname(""), nullptr);
  EXPECT_EQ(FindNickname("zzzz"), nullptr);
}

}  // namespace
}  // namespace reunite::names
