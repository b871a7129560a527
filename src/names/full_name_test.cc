#include "names/full_name.h"

#include <gtest/gtest.h>

#include "names/testdata_reader.h"

namespace reunite::names {
namespace {

std::string Show(const PersonName& n) {
  return n.given + "|" + n.surnames.paternal + "|" + n.surnames.maternal;
}

TEST(SplitFullNameTest, GoldenNames) {
  auto rows = testing::ReadTsv("full_names.tsv");
  ASSERT_GE(rows.size(), 40u) << "testdata/full_names.tsv missing or short";
  for (auto r : rows) {
    r.resize(std::max<size_t>(r.size(), 5));
    FullName f = SplitFullName(r[0]);
    EXPECT_EQ(Show(f.name), r[1] + "|" + r[2] + "|" + r[3]) << "'" << r[0] << "'";
    const std::string form = r[4].empty() ? "empty" : r[4];
    EXPECT_EQ(FullNameFormName(f.form), form) << "'" << r[0] << "'";
    std::string aliases;
    for (const PersonName& a : f.aliases) aliases += (aliases.empty() ? "" : ";") + Show(a);
    EXPECT_EQ(aliases, r.size() > 5 ? r[5] : "") << "'" << r[0] << "'";
  }
}

TEST(SplitFullNameTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(SplitFullName("").form, FullNameForm::kEmpty);
  EXPECT_EQ(SplitFullName(" , - ").form, FullNameForm::kEmpty);
  EXPECT_TRUE(SplitFullName("a/k/a").name.given.empty());
}

TEST(SplitFullNameTest, CommaFormAndGivenFirstAgree) {
  // The three ways a court writes one defendant give one split.
  const PersonName a = SplitFullName("María José García-López").name;
  EXPECT_EQ(SplitFullName("Maria Jose Garcia Lopez").name, a);
  EXPECT_EQ(SplitFullName("GARCIA-LOPEZ, Maria Jose").name, a);
}

TEST(SplitFullNameTest, NeverCrashesOnOddInput) {
  for (const char* s : {"((", "\"", "a/k/a a/k/a", ",,,", "de", "de la", "y", "vda", "- -",
                        "\xE2\x80\x9C", "x (y", "Jr", "A, B, C", "\xff\xfe"}) {
    FullName f = SplitFullName(s);
    (void)f;
  }
}

}  // namespace
}  // namespace reunite::names
