#include "service/password.h"

#include <gtest/gtest.h>

namespace reunite::service {
namespace {

TEST(PasswordTest, Argon2idHashVerifiesOnlyTheRightPassword) {
  auto h = HashPassword("correct horse battery");
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("", "x"));
  auto again = HashPassword("correct horse battery");
  EXPECT_NE(*again, *h);  // salted
}

TEST(PasswordTest, Rules) {
  EXPECT_FALSE(CheckPasswordRules("short").ok());
  EXPECT_TRUE(CheckPasswordRules("twelve chars").ok());
  EXPECT_FALSE(CheckPasswordRules(std::string(1025, 'x')).ok());
}

TEST(PasswordTest, TokensAreRandomAndHashedToHex) {
  std::string a = RandomToken(), b = RandomToken();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(TokenHash(a).size(), 64u);
  EXPECT_EQ(TokenHash(a), TokenHash(a));
  EXPECT_NE(TokenHash(a), TokenHash(b));
}

}  // namespace
}  // namespace reunite::service
