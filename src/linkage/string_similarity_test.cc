#include "linkage/string_similarity.h"

#include <gtest/gtest.h>

namespace reunite::linkage {
namespace {

TEST(JaroWinklerTest, KnownValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_DOUBLE_EQ(JaroWinkler("garcia", "garcia"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("a", ""), 0.0);
}

TEST(JaroWinklerTest, SymmetricAndLongInputsAreTruncatedSafely) {
  EXPECT_DOUBLE_EQ(JaroWinkler("hernandez", "fernandez"), JaroWinkler("fernandez", "hernandez"));
  std::string a(200, 'a'), b(150, 'a');
  EXPECT_DOUBLE_EQ(JaroWinkler(a, b), 1.0);  // both truncated to 64 equal bytes
}

TEST(DamerauLevenshteinTest, CountsEditsAndTranspositions) {
  EXPECT_EQ(DamerauLevenshtein("garcia", "garcia"), 0);
  EXPECT_EQ(DamerauLevenshtein("garcia", "gracia"), 1);  // adjacent transposition
  EXPECT_EQ(DamerauLevenshtein("garcia", "garsia"), 1);
  EXPECT_EQ(DamerauLevenshtein("garcia", "garca"), 1);
  EXPECT_EQ(DamerauLevenshtein("kitten", "sitting"), 3);
  EXPECT_EQ(DamerauLevenshtein("", "abc"), 3);
  // Early exit: anything beyond the limit reports limit + 1.
  EXPECT_EQ(DamerauLevenshtein("abcdef", "uvwxyz", 1), 2);
}

}  // namespace
}  // namespace reunite::linkage
