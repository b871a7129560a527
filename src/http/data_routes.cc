// The stored agency data: imports (list, upload), quarantine, events, source records.
#include "http/route.h"
#include "service/records_service.h"

namespace reunite::http {

std::vector<Route> DataRoutes() {
  return {
      {"GET", "/api/v1/imports", "imports.list", BodyKind::kNone,
       [](RequestContext& ctx) { return Ok(service::ListImports(ctx.db())); }},
      {"POST", "/api/v1/imports", "imports.upload", BodyKind::kUpload,
       [](RequestContext& ctx) -> Result<Reply> {
         service::UploadedExport up;
         up.source = ctx.Query("source");
         up.filename = ctx.Query("filename");
         if (up.source.empty()) return InvalidArgument("query parameter 'source': required");
         up.body = ctx.request().body;
         return Ok(service::ImportUpload(ctx.db(), ctx.caller(), ctx.api().mappings_dir, up), 201);
       }},
      {"GET", "/api/v1/quarantine", "quarantine.list", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(int64_t after, ctx.QueryInt("after_id", 0, 0, INT64_MAX));
         REUNITE_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryInt("limit", 100, 1, 1000));
         return Ok(
             service::ListQuarantine(ctx.db(), ctx.caller(), ctx.Query("source"), after, limit));
       }},
      {"GET", "/api/v1/events", "events.list", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(int64_t after, ctx.QueryInt("after_seq", -1, -1, INT64_MAX));
         REUNITE_ASSIGN_OR_RETURN(int64_t limit, ctx.QueryInt("limit", 100, 1, 1000));
         return Ok(service::ListEvents(ctx.db(), *ctx.api().policy, ctx.caller(), after, limit));
       }},
      {"GET", "/api/v1/source-records/{id}", "records.read", BodyKind::kNone,
       [](RequestContext& ctx) {
         return Ok(service::ReadSourceRecord(ctx.db(), *ctx.api().policy, ctx.caller(),
                                             ctx.PathParam("id")));
       }},
      {"GET", "/api/v1/source-records/{source}/{record_key}", "records.read", BodyKind::kNone,
       [](RequestContext& ctx) {
         return Ok(service::ReadSourceRecord(
             ctx.db(), *ctx.api().policy, ctx.caller(),
             ctx.PathParam("source") + "/" + ctx.PathParam("record_key")));
       }},
  };
}

}  // namespace reunite::http
