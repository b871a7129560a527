#include "names/dates.h"

#include <gtest/gtest.h>

namespace reunite::names {
namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

TEST(ParseDateTest, IsoAndCompact) {
  for (DateOrder o :
       {DateOrder::kIso, DateOrder::kMonthFirst, DateOrder::kDayFirst, DateOrder::kAuto}) {
    auto r = ParseDate("2018-03-02", o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, D(2018, 3, 2));
    auto c = ParseDate("20180302", o);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(*c, D(2018, 3, 2));
  }
  EXPECT_EQ(*ParseDate(" 2018/3/2 ", DateOrder::kIso), D(2018, 3, 2));
  EXPECT_EQ(*ParseDate("2018-03-02T00:00:00", DateOrder::kIso), D(2018, 3, 2));
  EXPECT_EQ(*ParseDate("2018-03-02 12:30", DateOrder::kIso), D(2018, 3, 2));
}

TEST(ParseDateTest, MonthFirstVersusDayFirst) {
  EXPECT_EQ(*ParseDate("02/03/2018", DateOrder::kMonthFirst), D(2018, 2, 3));
  EXPECT_EQ(*ParseDate("02/03/2018", DateOrder::kDayFirst), D(2018, 3, 2));
  EXPECT_EQ(*ParseDate("02-03-2018", DateOrder::kDayFirst), D(2018, 3, 2));
  EXPECT_EQ(*ParseDate("2.3.2018", DateOrder::kDayFirst), D(2018, 3, 2));
}

TEST(ParseDateTest, AutoDecidesOnlyWhenUnambiguous) {
  EXPECT_EQ(*ParseDate("25/03/2018", DateOrder::kAuto), D(2018, 3, 25));
  EXPECT_EQ(*ParseDate("03/25/2018", DateOrder::kAuto), D(2018, 3, 25));
  EXPECT_EQ(*ParseDate("04/04/2018", DateOrder::kAuto), D(2018, 4, 4));
  auto r = ParseDate("02/03/2018", DateOrder::kAuto);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kParseError);
  EXPECT_NE(r.status().message().find("ambiguous"), std::string::npos);
  EXPECT_NE(r.status().message().find("'02/03/2018'"), std::string::npos);
}

TEST(ParseDateTest, MonthNamesAreUnambiguous) {
  for (DateOrder o : {DateOrder::kMonthFirst, DateOrder::kDayFirst, DateOrder::kAuto}) {
    EXPECT_EQ(*ParseDate("02-MAR-2018", o), D(2018, 3, 2));
    EXPECT_EQ(*ParseDate("2 mar 18", o), D(2018, 3, 2));
    EXPECT_EQ(*ParseDate("15-ENE-2018", o), D(2018, 1, 15));
    EXPECT_EQ(*ParseDate("March 2, 2018", o), D(2018, 3, 2));
    EXPECT_EQ(*ParseDate("2 diciembre 1999", o), D(1999, 12, 2));
    EXPECT_EQ(*ParseDate("02-MAR-2018 10:15:00", o), D(2018, 3, 2));
  }
  for (const char* bad : {"31-FEB-2018", "02-MRZ-2018", "MAR-2018", "02-MAR-2018-1", "MAR MAR 2018",
                          "2 de marzo de 2018", "02-MAR-218"}) {
    auto r = ParseDate(bad, DateOrder::kAuto);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find(bad), std::string::npos);
    }
  }
}

TEST(ParseDateTest, TwoDigitYearPivot) {
  EXPECT_EQ(*ParseDate("02/03/18", DateOrder::kMonthFirst), D(2018, 2, 3));
  EXPECT_EQ(*ParseDate("02/03/85", DateOrder::kMonthFirst), D(1985, 2, 3));
  EXPECT_EQ(*ParseDate("02/03/30", DateOrder::kMonthFirst), D(2030, 2, 3));
  EXPECT_EQ(*ParseDate("02/03/31", DateOrder::kMonthFirst), D(1931, 2, 3));
  EXPECT_EQ(*ParseDate("02/03/18", DateOrder::kMonthFirst, 10), D(1918, 2, 3));
}

TEST(ParseDateTest, ErrorsQuoteTheText) {
  auto r = ParseDate("31/02/2018", DateOrder::kDayFirst);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kParseError);
  EXPECT_NE(r.status().message().find("'31/02/2018'"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("no such day"), std::string::npos);
  for (const char* bad : {"", "   ", "2018", "02/03", "02/03/2018/1", "aa/bb/cccc", "02/03-2018",
                          "2018-13-01", "02/03/201", "1/1/1/1", "//2018", "2018--03"}) {
    auto b = ParseDate(bad, DateOrder::kMonthFirst);
    EXPECT_FALSE(b.ok()) << bad;
    if (!b.ok()) {
      EXPECT_NE(b.status().message().find("'" + std::string(bad) + "'"), std::string::npos)
          << b.status().message();
    }
  }
  EXPECT_FALSE(ParseDate("02/03/2018", DateOrder::kIso).ok());
  EXPECT_FALSE(ParseDate("13/14/2018", DateOrder::kAuto).ok());
}

TEST(DetectDateOrderTest, Column) {
  EXPECT_EQ(DetectDateOrder({"02/03/2018", "25/12/2017", "01/01/2010"}), DateOrder::kDayFirst);
  EXPECT_EQ(DetectDateOrder({"02/03/2018", "12/25/2017"}), DateOrder::kMonthFirst);
  EXPECT_EQ(DetectDateOrder({"02/03/2018", "04/05/2017"}), DateOrder::kAuto);
  EXPECT_EQ(DetectDateOrder({"25/03/2018", "03/25/2018"}), DateOrder::kAuto);  // inconsistent
  EXPECT_EQ(DetectDateOrder({"2018-03-02", "20170101"}), DateOrder::kIso);
  EXPECT_EQ(DetectDateOrder({"junk", "", "25/03/2018"}), DateOrder::kDayFirst);
  EXPECT_EQ(DetectDateOrder({}), DateOrder::kAuto);
}

TEST(CompareDatesTest, Levels) {
  EXPECT_EQ(CompareDates(D(2010, 5, 17), D(2010, 5, 17)), DateAgreement::kExact);
  EXPECT_EQ(CompareDates(D(2010, 5, 7), D(2010, 7, 5)), DateAgreement::kDayMonthSwapped);
  EXPECT_EQ(CompareDates(D(2010, 5, 17), D(2011, 5, 17)), DateAgreement::kYearOff1);
  EXPECT_EQ(CompareDates(D(2010, 1, 1), D(2010, 8, 30)), DateAgreement::kPlaceholderYear);
  EXPECT_EQ(CompareDates(D(2010, 1, 1), D(2010, 1, 1)), DateAgreement::kPlaceholderYear);
  EXPECT_EQ(CompareDates(D(2010, 5, 17), D(2010, 5, 18)), DateAgreement::kSameYearMonth);
  EXPECT_EQ(CompareDates(D(2010, 12, 30), D(2011, 2, 1)), DateAgreement::kWithin1Year);
  EXPECT_EQ(CompareDates(D(2010, 1, 1), D(2011, 1, 1)), DateAgreement::kWithin1Year);
  EXPECT_EQ(CompareDates(D(2010, 5, 17), D(2014, 5, 17)), DateAgreement::kNone);
  EXPECT_EQ(CompareDates(Date{}, D(2014, 5, 17)), DateAgreement::kMissing);
  EXPECT_EQ(DateAgreementName(DateAgreement::kYearOff1), "year_off_1");
}

TEST(IsPlaceholderDateTest, FirstOfJanuary) {
  EXPECT_TRUE(IsPlaceholderDate(*ParseDate("01/01/2010", DateOrder::kMonthFirst)));
  EXPECT_FALSE(IsPlaceholderDate(D(2010, 7, 1)));
  EXPECT_FALSE(IsPlaceholderDate(D(2010, 1, 2)));
}

}  // namespace
}  // namespace reunite::names
