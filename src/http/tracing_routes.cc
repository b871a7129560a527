// Tracing requests: the public intake and the caseworkers' queue.
#include "http/request_body.h"
#include "http/route.h"
#include "service/tracing_service.h"

namespace reunite::http {
namespace {

// An optional JSON body: empty is {}, otherwise it must be a JSON object.
Result<nlohmann::json> OptionalBody(RequestContext& ctx) {
  if (ctx.request().body.empty()) return nlohmann::json::object();
  return ctx.JsonBody();
}

}  // namespace

std::vector<Route> TracingRoutes() {
  return {
      {"POST", "/api/v1/tracing-requests", "tracing.submit", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         return Ok(service::SubmitTracingRequest(ctx.db(), ctx.api().tracing, ctx.caller(), body),
                   202);
       }},
      {"GET", "/api/v1/tracing-requests", "tracing.list", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         storage::TracingQuery q;
         q.status = ctx.Query("status");
         q.assigned_to = ctx.Query("assigned_to");
         REUNITE_ASSIGN_OR_RETURN(q.after_id, ctx.QueryInt("after_id", 0, 0, INT64_MAX));
         REUNITE_ASSIGN_OR_RETURN(q.limit, ctx.QueryInt("limit", 50, 1, 500));
         return Ok(service::ListTracingRequests(ctx.db(), *ctx.api().policy, ctx.caller(), q));
       }},
      {"GET", "/api/v1/tracing-requests/{id}", "tracing.read", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(int64_t id, ctx.PathInt("id"));
         return Ok(service::ReadTracingRequest(ctx.db(), *ctx.api().policy, ctx.caller(), id));
       }},
      {"POST", "/api/v1/tracing-requests/{id}/assign", "tracing.assign", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(int64_t id, ctx.PathInt("id"));
         REUNITE_ASSIGN_OR_RETURN(auto body, OptionalBody(ctx));
         REUNITE_ASSIGN_OR_RETURN(std::string assignee,
                                  StringField(body, "assignee", false, /*null_is_absent=*/true));
         return Ok(service::AssignTracingRequest(ctx.db(), *ctx.api().policy, ctx.caller(), id,
                                                 assignee));
       }},
      {"POST", "/api/v1/tracing-requests/{id}/rematch", "tracing.rematch", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(int64_t id, ctx.PathInt("id"));
         return Ok(service::RematchTracingRequest(ctx.db(), ctx.api().tracing, *ctx.api().policy,
                                                  ctx.caller(), id));
       }},
      {"POST", "/api/v1/tracing-requests/{id}/close", "tracing.close", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(int64_t id, ctx.PathInt("id"));
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         REUNITE_ASSIGN_OR_RETURN(std::string resolution,
                                  StringField(body, "resolution", false, /*null_is_absent=*/true));
         REUNITE_ASSIGN_OR_RETURN(std::string note,
                                  StringField(body, "note", false, /*null_is_absent=*/true));
         return Ok(service::CloseTracingRequest(ctx.db(), *ctx.api().policy, ctx.caller(), id,
                                                resolution, note));
       }},
  };
}

}  // namespace reunite::http
