#include "common/utf8.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("B'alam Q'uq' Pérez Ñuñoa 𝄞"));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8Test, RejectsMalformedAndNamesTheOffset) {
  size_t at = 99;
  EXPECT_FALSE(IsValidUtf8("abc\xC3", &at));  // truncated
  EXPECT_EQ(at, 3u);
  EXPECT_FALSE(IsValidUtf8("P\xE9rez", &at));  // Latin-1 é
  EXPECT_EQ(at, 1u);
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
}

}  // namespace
}  // namespace reunite
