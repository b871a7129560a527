#include "http/request_body.h"

#include <gtest/gtest.h>

#include "service/tracing_service.h"

namespace reunite::http {
namespace {

using nlohmann::json;

TEST(RequestBodyTest, ParsesOnlyJsonObjectsWithAJsonContentType) {
  EXPECT_EQ(ParseJsonObjectBody("text/plain", "{}").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseJsonObjectBody("application/json", "{").status().code(), ErrorCode::kParseError);
  auto array = ParseJsonObjectBody("application/json", "[1]");
  EXPECT_EQ(array.status().message(), "request body: expected a JSON object");
  auto ok = ParseJsonObjectBody("application/json; charset=utf-8", R"({"a": 1})");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)["a"], 1);
}

TEST(RequestBodyTest, DeeplyNestedBodiesAreRefusedNotRecursedInto) {
  auto nested = [](int depth) {
    return "{\"a\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
  };
  EXPECT_TRUE(ParseJsonObjectBody("application/json", nested(kMaxJsonDepth - 1)).ok());
  auto deep = ParseJsonObjectBody("application/json", nested(100000));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(deep.status().message().find("nested deeper than 64"), std::string::npos);
}

TEST(RequestBodyTest, StringFieldRequiredAbsentAndNull) {
  json body = {{"name", "x"}, {"n", 3}, {"z", nullptr}};
  EXPECT_EQ(*StringField(body, "name", true), "x");
  EXPECT_EQ(StringField(body, "missing", true).status().message(), "missing: required");
  EXPECT_EQ(*StringField(body, "missing", false), "");
  EXPECT_EQ(StringField(body, "n", false).status().message(), "n: expected a string");
  EXPECT_FALSE(StringField(body, "z", false).ok());
  EXPECT_EQ(*StringField(body, "z", false, /*null_is_absent=*/true), "");
}

TEST(RequestBodyTest, DecodesUsersAndLogins) {
  auto login = DecodeLogin({{"username", "ana"}, {"password", "pw"}});
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->username, "ana");
  EXPECT_FALSE(DecodeLogin({{"username", "ana"}}).ok());
  EXPECT_FALSE(DecodeLogin({{"username", 1}, {"password", "pw"}}).ok());

  auto user = DecodeNewUser({{"username", "ana"}, {"password", "pw"}, {"role", "reviewer"}});
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_EQ(user->role, cases::Role::kReviewer);
  EXPECT_FALSE(DecodeNewUser({{"username", "ana"}, {"password", "pw"}, {"role", "boss"}}).ok());

  auto change = DecodeUserChange({{"disabled", true}, {"display_name", "Ana"}});
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->disabled, true);
  EXPECT_FALSE(change->role.has_value());
  EXPECT_EQ(DecodeUserChange({{"admin", true}}).status().message(),
            "admin: unknown field (disabled, role, display_name)");
  EXPECT_EQ(DecodeUserChange({{"disabled", "yes"}}).status().message(),
            "disabled: expected true or false");
}

TEST(RequestBodyTest, DecodesATracingIntakeWithoutStorage) {
  json body = {{"language", "es"},
               {"requester", {{"name", " Rosa "}, {"phone", "555"}}},
               {"sought", {{"family_name", "Tzul"}, {"dob", "2011-03-04"}}}};
  auto in = service::DecodeTracingIntake(body);
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->requester["name"], "Rosa");
  EXPECT_EQ(in->language, "es");
  body["sought"]["dob"] = "2011-13-04";
  EXPECT_EQ(service::DecodeTracingIntake(body).status().message(),
            "sought.dob: expected YYYY-MM-DD");
  body["sought"]["dob"] = nullptr;
  body["extra"] = 1;
  EXPECT_EQ(service::DecodeTracingIntake(body).status().message(), "extra: unknown field");
}

}  // namespace
}  // namespace reunite::http
