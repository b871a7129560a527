#include "cases/role.h"

#include <gtest/gtest.h>

namespace reunite::cases {
namespace {

TEST(RoleTest, OnlyAdminAndCaseworkerActOnlyAdminOverrides) {
  for (Role r : {Role::kAdmin, Role::kCaseworker, Role::kReviewer, Role::kMonitor, Role::kCounsel,
                 Role::kAuditor}) {
    Result<Role> parsed = ParseRole(RoleName(r));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, r);
    EXPECT_EQ(MayAct(r), r == Role::kAdmin || r == Role::kCaseworker) << RoleName(r);
    EXPECT_EQ(MayOverride(r), r == Role::kAdmin) << RoleName(r);
  }
  EXPECT_FALSE(ParseRole("root").ok());
}

}  // namespace
}  // namespace reunite::cases
