#include "http/error_mapping.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace reunite::http {
namespace {

TEST(ErrorMappingTest, EachCodeHasOneStatus) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kParseError), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kCorruption), 500);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kIoError), 500);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(ErrorMappingTest, BodyHasTheStableCodeAndMessage) {
  auto body = nlohmann::json::parse(ErrorBody(PermissionDenied("role 'monitor' may not x")));
  EXPECT_EQ(body["error"]["code"], "permission_denied");
  EXPECT_EQ(body["error"]["message"], "role 'monitor' may not x");
  // Invalid UTF-8 in a message never breaks the JSON.
  auto bytes = nlohmann::json::parse(ErrorBody(InvalidArgument("bad \xff byte")));
  EXPECT_EQ(bytes["error"]["code"], "invalid_argument");
  auto big = nlohmann::json::parse(TransportErrorBody(413, "too big"));
  EXPECT_EQ(big["error"]["code"], "payload_too_large");
  EXPECT_EQ(TransportErrorCode(404), "not_found");
}

TEST(ErrorMappingTest, ThrottledRepliesSayWhenToRetry) {
  EXPECT_EQ(RetryAfterSeconds(ResourceExhausted("too many attempts; retry in 17 s")), 17);
  EXPECT_EQ(RetryAfterSeconds(ResourceExhausted("too many attempts; retry in 0 s")), 1);
  EXPECT_EQ(RetryAfterSeconds(ResourceExhausted("too many attempts")), 1);
  EXPECT_EQ(RetryAfterSeconds(PermissionDenied("retry in 5 s")), std::nullopt);
}

}  // namespace
}  // namespace reunite::http
