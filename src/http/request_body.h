// Decoding of request bodies: the step every handler with a JSON body takes
// before it calls a service, kept apart from the routes so that it can be
// tested and fuzzed without a server (fuzz/api_body_fuzz.cc).
//
// Pure functions; never throw. Errors are kParseError (not JSON) or
// kInvalidArgument naming the field ("role: expected a role name").
#ifndef REUNITE_HTTP_REQUEST_BODY_H_
#define REUNITE_HTTP_REQUEST_BODY_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "reunite/status.h"
#include "service/user_service.h"

namespace reunite::http {

// How deep a request body's JSON may nest (objects and arrays).
inline constexpr int kMaxJsonDepth = 64;

// A body with the given Content-Type, parsed as one JSON object.
// kInvalidArgument when it nests deeper than kMaxJsonDepth.
Result<nlohmann::json> ParseJsonObjectBody(std::string_view content_type, std::string_view body);

// A string member: absent is "" unless `required`; null counts as absent
// when `null_is_absent`; any other non-string is an error.
Result<std::string> StringField(const nlohmann::json& body, const char* name, bool required,
                                bool null_is_absent = false);

struct LoginRequest {
  std::string username;
  std::string password;
};
// POST /auth/login: {"username", "password"}, both strings.
Result<LoginRequest> DecodeLogin(const nlohmann::json& body);
// POST /users: {"username", "password", "role"} required, "display_name" optional.
Result<service::NewUser> DecodeNewUser(const nlohmann::json& body);
// PATCH /users/{username}: any of "disabled", "role", "display_name"; other keys are errors.
Result<service::UserChange> DecodeUserChange(const nlohmann::json& body);

}  // namespace reunite::http

#endif  // REUNITE_HTTP_REQUEST_BODY_H_
