#include "names/ids.h"

#include <gtest/gtest.h>

namespace reunite::names {
namespace {

TEST(NormalizeANumberTest, Forms) {
  EXPECT_EQ(NormalizeANumber("A012345678"), "012345678");
  EXPECT_EQ(NormalizeANumber("a 012-345-678"), "012345678");
  EXPECT_EQ(NormalizeANumber("12345678"), "012345678");
  EXPECT_EQ(NormalizeANumber("A12345678"), "012345678");
  EXPECT_EQ(NormalizeANumber(" A-12345678 "), "012345678");
  EXPECT_EQ(NormalizeANumber("A#201234567"), "201234567");
  EXPECT_EQ(NormalizeANumber("1234567"), "001234567");
}

TEST(NormalizeANumberTest, Invalid) {
  EXPECT_EQ(NormalizeANumber(""), "");
  EXPECT_EQ(NormalizeANumber("A"), "");
  EXPECT_EQ(NormalizeANumber("123456"), "");      // too short
  EXPECT_EQ(NormalizeANumber("1234567890"), "");  // too long
  EXPECT_EQ(NormalizeANumber("B12345678"), "");   // other letter
  EXPECT_EQ(NormalizeANumber("A1234X678"), "");   // letter inside
  EXPECT_EQ(NormalizeANumber("AA12345678"), "");
  EXPECT_EQ(NormalizeANumber("000000000"), "");
}

TEST(CompareIdsTest, Levels) {
  EXPECT_EQ(CompareIds("012345678", "012345678"), IdAgreement::kExact);
  EXPECT_EQ(CompareIds("012345678", "012354678"), IdAgreement::kTransposition);
  EXPECT_EQ(CompareIds("012345678", "012345679"), IdAgreement::kSubstitution);
  EXPECT_EQ(CompareIds("012345678", "01234567"), IdAgreement::kOneEdit);
  EXPECT_EQ(CompareIds("12345", "123456"), IdAgreement::kOneEdit);
  EXPECT_EQ(CompareIds("012345678", "012345687"), IdAgreement::kTransposition);
  EXPECT_EQ(CompareIds("012345678", "102345687"), IdAgreement::kNone);
  EXPECT_EQ(CompareIds("012345678", "013245679"), IdAgreement::kNone);  // swap + substitution
  EXPECT_EQ(CompareIds("012345678", "0123456"), IdAgreement::kNone);
  EXPECT_EQ(CompareIds("", "012345678"), IdAgreement::kMissing);
  EXPECT_EQ(IdAgreementName(IdAgreement::kOneEdit), "one_edit");
}

TEST(CompareIdsTest, Symmetric) {
  const char* ids[] = {"012345678", "012354678", "01234567", "112345678", ""};
  for (const char* a : ids) {
    for (const char* b : ids) EXPECT_EQ(CompareIds(a, b), CompareIds(b, a)) << a << "/" << b;
  }
}

}  // namespace
}  // namespace reunite::names
