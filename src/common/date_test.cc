#include "common/date.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

TEST(DateTest, DaysRoundTripOverFourCenturies) {
  for (int64_t d = -200000; d < 200000; d += 7) {
    Date x = Date::FromDays(d);
    ASSERT_TRUE(x.IsValid()) << d;
    ASSERT_EQ(x.ToDays(), d);
  }
  EXPECT_EQ((Date{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((Date{2018, 6, 26}).AddDays(30), (Date{2018, 7, 26}));
}

TEST(DateTest, ValidityAndLeapYears) {
  EXPECT_TRUE((Date{2016, 2, 29}).IsValid());
  EXPECT_FALSE((Date{2018, 2, 29}).IsValid());
  EXPECT_FALSE((Date{1900, 2, 29}).IsValid());
  EXPECT_TRUE((Date{2000, 2, 29}).IsValid());
  EXPECT_FALSE((Date{2018, 13, 1}).IsValid());
}

TEST(DateTest, FormatsAndStrictIsoParsing) {
  Date d{2018, 5, 7};
  EXPECT_EQ(d.ToIso(), "2018-05-07");
  EXPECT_EQ(d.ToUs(), "05/07/2018");
  EXPECT_EQ(d.ToDmy(), "07/05/2018");
  EXPECT_EQ(*Date::ParseIso("2018-05-07"), d);
  EXPECT_FALSE(Date::ParseIso("2018-02-30").ok());
  EXPECT_FALSE(Date::ParseIso("05/07/2018").ok());
}

TEST(DateTest, AgeOnBirthday) {
  EXPECT_EQ(AgeOn({2013, 6, 26}, {2018, 6, 25}), 4);
  EXPECT_EQ(AgeOn({2013, 6, 26}, {2018, 6, 26}), 5);
}

}  // namespace
}  // namespace reunite
