// GET /api/v1/audit (auditors) and GET /api/v1/verify (both hash chains).
#include "http/route.h"
#include "service/audit_trail.h"

namespace reunite::http {

std::vector<Route> AuditRoutes() {
  return {
      {"GET", "/api/v1/audit", "audit.query", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         storage::AuditQuery q;
         q.actor = ctx.Query("actor");
         q.action = ctx.Query("action");
         q.subject = ctx.Query("subject");
         q.outcome = ctx.Query("outcome");
         q.from = ctx.Query("from");
         q.to = ctx.Query("to");
         REUNITE_ASSIGN_OR_RETURN(q.before_seq, ctx.QueryInt("before_seq", 0, 0, INT64_MAX));
         REUNITE_ASSIGN_OR_RETURN(q.limit, ctx.QueryInt("limit", 100, 1, 1000));
         return Ok(service::QueryAudit(ctx.db(), ctx.caller(), q));
       }},
      {"GET", "/api/v1/verify", "logs.verify", BodyKind::kNone,
       [](RequestContext& ctx) { return Ok(service::VerifyChains(ctx.db(), ctx.caller())); }},
  };
}

}  // namespace reunite::http
