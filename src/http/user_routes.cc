// Account administration (admins): /api/v1/users.
#include "http/route.h"
#include "service/user_service.h"

namespace reunite::http {
namespace {

Result<std::string> StringField(const nlohmann::json& body, const char* name, bool required) {
  if (!body.contains(name)) {
    if (required) return InvalidArgument(std::string(name) + ": required");
    return std::string();
  }
  if (!body[name].is_string()) return InvalidArgument(std::string(name) + ": expected a string");
  return body[name].get<std::string>();
}

}  // namespace

std::vector<Route> UserRoutes() {
  return {
      {"GET", "/api/v1/users", "users.list", BodyKind::kNone,
       [](RequestContext& ctx) { return Ok(service::ListUsers(ctx.db(), ctx.caller())); }},
      {"POST", "/api/v1/users", "users.create", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         service::NewUser u;
         REUNITE_ASSIGN_OR_RETURN(u.username, StringField(body, "username", true));
         REUNITE_ASSIGN_OR_RETURN(u.display_name, StringField(body, "display_name", false));
         REUNITE_ASSIGN_OR_RETURN(u.password, StringField(body, "password", true));
         REUNITE_ASSIGN_OR_RETURN(std::string role, StringField(body, "role", true));
         REUNITE_ASSIGN_OR_RETURN(u.role, cases::ParseRole(role));
         return Ok(service::CreateUser(ctx.db(), ctx.caller(), ctx.api().auth.cost, u), 201);
       }},
      {"PATCH", "/api/v1/users/{username}", "users.update", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
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
         return Ok(service::UpdateUser(ctx.db(), ctx.caller(), ctx.PathParam("username"), change));
       }},
      {"POST", "/api/v1/users/{username}/password", "users.reset_password", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         REUNITE_ASSIGN_OR_RETURN(std::string password, StringField(body, "password", true));
         return Ok(service::ResetPassword(ctx.db(), ctx.caller(), ctx.api().auth.cost,
                                          ctx.PathParam("username"), password));
       }},
  };
}

}  // namespace reunite::http
