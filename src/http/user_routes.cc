// Account administration (admins): /api/v1/users.
#include "http/request_body.h"
#include "http/route.h"
#include "service/user_service.h"

namespace reunite::http {

std::vector<Route> UserRoutes() {
  return {
      {"GET", "/api/v1/users", "users.list", BodyKind::kNone,
       [](RequestContext& ctx) { return Ok(service::ListUsers(ctx.db(), ctx.caller())); }},
      {"POST", "/api/v1/users", "users.create", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         REUNITE_ASSIGN_OR_RETURN(service::NewUser u, DecodeNewUser(body));
         return Ok(service::CreateUser(ctx.db(), ctx.caller(), ctx.api().auth.cost, u), 201);
       }},
      {"PATCH", "/api/v1/users/{username}", "users.update", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         REUNITE_ASSIGN_OR_RETURN(service::UserChange change, DecodeUserChange(body));
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
