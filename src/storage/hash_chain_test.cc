#include "storage/hash_chain.h"

#include <gtest/gtest.h>

namespace reunite::storage {
namespace {

TEST(ChainHashTest, LengthPrefixesMakeFieldBoundariesCount) {
  // "ab" + "c" and "a" + "bc" concatenate alike; the encoding must not.
  EXPECT_NE(ChainHash("t", 1, {"ab", "c"}), ChainHash("t", 1, {"a", "bc"}));
  EXPECT_NE(ChainHash("t", 1, {"a"}), ChainHash("t", 2, {"a"}));
  EXPECT_NE(ChainHash("reunite-event-v1", 1, {"a"}), ChainHash("reunite-audit-v1", 1, {"a"}));
  EXPECT_EQ(ChainHash("t", 1, {"a", "b"}), ChainHash("t", 1, {"a", "b"}));
  EXPECT_EQ(ChainHash("t", 1, {}).size(), 64u);
}

TEST(ChainHashTest, KnownVector) {
  // SHA-256 of "t\n1:1\n1:a\n" (printf 't\n1:1\n1:a\n' | sha256sum).
  EXPECT_EQ(ChainHash("t", 1, {"a"}),
            "3d50cb5b02056f38117f4cf0993b6ef94bcf5dd51920cd85f209842386bae391");
}

TEST(ChainVerifierTest, NamesGapsBadLinksAndBadHashes) {
  {
    ChainVerifier v("entry");
    EXPECT_TRUE(v.Check(1, kGenesisHash, "h1", "h1").ok());
    EXPECT_FALSE(v.Check(3, "h1", "h3", "h3").ok());
  }
  {
    ChainVerifier v("entry");
    EXPECT_TRUE(v.Check(1, kGenesisHash, "h1", "h1").ok());
    EXPECT_FALSE(v.Check(2, "hX", "h2", "h2").ok());
  }
  {
    ChainVerifier v("entry");
    EXPECT_FALSE(v.Check(1, kGenesisHash, "stored", "recomputed").ok());
  }
}

}  // namespace
}  // namespace reunite::storage
