#include "reunite/status.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("odd: " + std::to_string(x));
  return x / 2;
}

Result<int> Quarter(int x) {
  REUNITE_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(StatusTest, OkAndErrorsCarryCodeAndMessage) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = NotFound("people.csv");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not_found: people.csv");
  EXPECT_EQ(s.WithContext("open").message(), "open: people.csv");
}

TEST(StatusTest, ExitCodesSeparateUserFromInternalErrors) {
  EXPECT_EQ(ExitCodeFor(Status::Ok()), 0);
  EXPECT_EQ(ExitCodeFor(ParseError("x")), 1);
  EXPECT_EQ(ExitCodeFor(InvalidArgument("x")), 1);
  EXPECT_EQ(ExitCodeFor(Internal("x")), 2);
}

TEST(StatusTest, AssignOrReturnPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "odd: 3");
}

}  // namespace
}  // namespace reunite
