// GET /api/v1/health and GET /api/v1/openapi.json.
#include "http/route.h"
#include "storage/migrations.h"

namespace reunite::http {

std::vector<Route> MetaRoutes() {
  return {
      {"GET", "/api/v1/health", "meta.health", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(int version, storage::SchemaVersion(ctx.db()));
         return Ok(nlohmann::json{{"status", "ok"}, {"schema_version", version}});
       }},
      {"GET", "/api/v1/openapi.json", "meta.openapi", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         static const nlohmann::json doc =
             nlohmann::json::parse(ctx.api().openapi_json, nullptr, false);
         if (doc.is_discarded()) return Internal("the embedded OpenAPI document is not JSON");
         return Ok(doc);
       }},
  };
}

}  // namespace reunite::http
