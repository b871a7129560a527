// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
#include "common/clock.h"
#include "http/request_body.h"
#include "http/route.h"

namespace reunite::http {
namespace {

constexpr char kSessionCookie[] = "reunite_session";
constexpr char kCsrfCookie[] = "reunite_csrf";

// The session cookie is HttpOnly (scripts cannot read it) and SameSite=Strict;
// the CSRF cookie is readable by the app, which echoes it in X-CSRF-Token.
std::vector<std::pair<std::string, std::string>> SessionCookies(const ApiContext& api,
                                                                const std::string& token,
                                                                const std::string& csrf,
                                                                int64_t max_age_s) {
  std::string secure = api.secure_cookies ? "; Secure" : "";
  std::string age = "; Max-Age=" + std::to_string(max_age_s);
  return {{"Set-Cookie", std::string(kSessionCookie) + "=" + token +
                             "; Path=/api; HttpOnly; SameSite=Strict" + age + secure},
          {"Set-Cookie",
           std::string(kCsrfCookie) + "=" + csrf + "; Path=/; SameSite=Strict" + age + secure}};
}

}  // namespace

std::vector<Route> AuthRoutes() {
  return {
      {"POST", "/api/v1/auth/login", "auth.login", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         REUNITE_ASSIGN_OR_RETURN(LoginRequest login, DecodeLogin(body));
         REUNITE_ASSIGN_OR_RETURN(
             auto session, service::Login(ctx.db(), ctx.api().auth, ctx.caller(), login.username,
                                          login.password));
         Reply r;
         r.body = {{"token", session.token},
                   {"csrf_token", session.csrf_token},
                   {"expires_at", IsoFromMillis(session.expires_ms)},
                   {"user", session.user}};
         r.headers = SessionCookies(ctx.api(), session.token, session.csrf_token,
                                    ctx.api().auth.session_ttl_ms / 1000);
         return r;
       }},
      {"POST", "/api/v1/auth/logout", "auth.logout", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_RETURN_IF_ERROR(
             service::Logout(ctx.db(), ctx.api().auth, ctx.caller(), *ctx.session()));
         Reply r;
         r.body = {{"signed_out", true}};
         r.headers = SessionCookies(ctx.api(), "", "", 0);
         return r;
       }},
      {"GET", "/api/v1/auth/me", "auth.me", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         const auto& s = *ctx.session();
         std::string role(cases::RoleName(s.role));
         return Ok(nlohmann::json{
             {"user", service::UserJson(s.user_id, s.username, s.display_name, role, false)},
             {"expires_at", IsoFromMillis(s.expires_ms)}});
       }},
  };
}

}  // namespace reunite::http
