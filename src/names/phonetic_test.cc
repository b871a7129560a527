#include "names/phonetic.h"

#include <gtest/gtest.h>

#include "names/fold.h"
#include "names/testdata_reader.h"

namespace reunite::names {
namespace {

TEST(SpanishPhoneticKeyTest, GoldenPairs) {
  auto rows = testing::ReadTsv("phonetic.tsv");
  ASSERT_GE(rows.size(), 30u) << "testdata/phonetic.tsv missing or short";
  for (const auto& r : rows) {
    ASSERT_GE(r.size(), 3u);
    std::string ka = SpanishPhoneticKey(FoldText(r[0]));
    std::string kb = SpanishPhoneticKey(FoldText(r[1]));
    if (r[2] == "same") {
      EXPECT_EQ(ka, kb) << r[0] << " vs " << r[1] << " (" << (r.size() > 3 ? r[3] : "") << ")";
    } else {
      ASSERT_EQ(r[2], "different");
      EXPECT_NE(ka, kb) << r[0] << " vs " << r[1] << " (" << (r.size() > 3 ? r[3] : "") << ")";
    }
  }
}

TEST(SpanishPhoneticKeyTest, ExactKeys) {
  EXPECT_EQ(SpanishPhoneticKey("vasquez"), "baskes");
  EXPECT_EQ(SpanishPhoneticKey("guadalupe"), "wadalupe");
  EXPECT_EQ(SpanishPhoneticKey("quiche"), "kice");
  EXPECT_EQ(SpanishPhoneticKey("jimenez"), "jimenes");
}

TEST(SpanishPhoneticKeyTest, TokensKeyedSeparately) {
  EXPECT_EQ(SpanishPhoneticKey("garcia lopez"), "garsia lopes");
  EXPECT_EQ(SpanishPhoneticKey("  de  la cruz "), "de la krus");
  EXPECT_EQ(SpanishPhoneticKey("h lopez"), "lopes");  // a token keyed to nothing vanishes
  EXPECT_EQ(SpanishPhoneticKey(""), "");
}

TEST(SpanishPhoneticKeyTest, DigitsAndNonAsciiPassThrough) {
  EXPECT_EQ(SpanishPhoneticKey("juan 2"), "juan 2");
  EXPECT_EQ(SpanishPhoneticKey("αθ"), "αθ");
}

}  // namespace
}  // namespace reunite::names
