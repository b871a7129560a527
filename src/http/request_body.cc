#include "http/request_body.h"

#include "cases/role.h"

namespace reunite::http {

Result<nlohmann::json> ParseJsonObjectBody(std::string_view content_type, std::string_view body) {
  if (content_type.rfind("application/json", 0) != 0) {
    return InvalidArgument("Content-Type must be application/json");
  }
  // Deeper values are dropped while parsing (nlohmann's parser is iterative,
  // but copying or printing a deep value recurses and overflows a worker's
  // stack), and the body is refused.
  bool too_deep = false;
  nlohmann::json j = nlohmann::json::parse(
      body,
      [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxJsonDepth) too_deep = true;
        return !too_deep;
      },
      false);
  if (too_deep) {
    return InvalidArgument("request body: JSON nested deeper than " +
                           std::to_string(kMaxJsonDepth) + " levels");
  }
  if (j.is_discarded()) return ParseError("request body: not valid JSON");
  if (!j.is_object()) return InvalidArgument("request body: expected a JSON object");
  return j;
}

Result<std::string> StringField(const nlohmann::json& body, const char* name, bool required,
                                bool null_is_absent) {
  auto it = body.find(name);
  if (it == body.end() || (null_is_absent && it->is_null())) {
    if (required) return InvalidArgument(std::string(name) + ": required");
    return std::string();
  }
  if (!it->is_string()) return InvalidArgument(std::string(name) + ": expected a string");
  return it->get<std::string>();
}

Result<LoginRequest> DecodeLogin(const nlohmann::json& body) {
  auto username = body.find("username");
  auto password = body.find("password");
  if (username == body.end() || password == body.end() || !username->is_string() ||
      !password->is_string()) {
    return InvalidArgument("username and password: expected strings");
  }
  return LoginRequest{username->get<std::string>(), password->get<std::string>()};
}

Result<service::NewUser> DecodeNewUser(const nlohmann::json& body) {
  service::NewUser u;
  REUNITE_ASSIGN_OR_RETURN(u.username, StringField(body, "username", true));
  REUNITE_ASSIGN_OR_RETURN(u.display_name, StringField(body, "display_name", false));
  REUNITE_ASSIGN_OR_RETURN(u.password, StringField(body, "password", true));
  REUNITE_ASSIGN_OR_RETURN(std::string role, StringField(body, "role", true));
  REUNITE_ASSIGN_OR_RETURN(u.role, cases::ParseRole(role));
  return u;
}

Result<service::UserChange> DecodeUserChange(const nlohmann::json& body) {
  service::UserChange change;
  for (const auto& [k, v] : body.items()) {
    if (k == "disabled") {
      if (!v.is_boolean()) return InvalidArgument("disabled: expected true or false");
      change.disabled = v.get<bool>();
    } else if (k == "role") {
      if (!v.is_string()) return InvalidArgument("role: expected a role name");
      REUNITE_ASSIGN_OR_RETURN(change.role, cases::ParseRole(v.get<std::string>()));
    } else if (k == "display_name") {
      if (!v.is_string()) return InvalidArgument("display_name: expected a string");
      change.display_name = v.get<std::string>();
    } else {
      return InvalidArgument(k + ": unknown field (disabled, role, display_name)");
    }
  }
  return change;
}

}  // namespace reunite::http
