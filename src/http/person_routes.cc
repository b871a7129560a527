// Resolved persons, family units and the review queue: GET /persons?q=,
// /persons/{id}, /families, /families/{id}, /dashboard, /review-queue[/{id}],
// POST /families/{id}/children/{child_id}/actions,
// /review-queue/{id}/decision.
#include "common/clock.h"
#include "http/route.h"
#include "service/family_service.h"
#include "service/review_service.h"

namespace reunite::http {

std::vector<Route> PersonRoutes() {
  return {
      {"GET", "/api/v1/persons", "persons.search", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto limit, ctx.QueryInt("limit", 20, 1, 100));
         REUNITE_ASSIGN_OR_RETURN(auto as_of, ctx.QueryDate("as_of"));
         return Ok(service::SearchPersonsFor(
             ctx.db(), *ctx.api().case_files, *ctx.api().person_names, *ctx.api().policy,
             ctx.caller(), ctx.Query("q"), ctx.Query("kind"), static_cast<size_t>(limit), as_of));
       }},
      {"GET", "/api/v1/persons/{id}", "persons.read", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto as_of, ctx.QueryDate("as_of"));
         return Ok(service::ReadPersonFor(ctx.db(), *ctx.api().case_files, *ctx.api().policy,
                                          ctx.caller(), ctx.PathParam("id"), as_of));
       }},
      {"GET", "/api/v1/persons/{id}/timeline", "persons.read", BodyKind::kNone,
       [](RequestContext& ctx) {
         return Ok(service::PersonTimelineFor(ctx.db(), *ctx.api().case_files, *ctx.api().policy,
                                              ctx.caller(), ctx.PathParam("id")));
       }},
      {"GET", "/api/v1/families", "families.list", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         service::FamilyListOptions o;
         REUNITE_ASSIGN_OR_RETURN(o.as_of, ctx.QueryDate("as_of"));
         REUNITE_ASSIGN_OR_RETURN(o.separated_only, ctx.QueryBool("separated", false));
         REUNITE_ASSIGN_OR_RETURN(o.overdue_only, ctx.QueryBool("overdue", false));
         REUNITE_ASSIGN_OR_RETURN(auto offset, ctx.QueryInt("offset", 0, 0, 1000000000));
         REUNITE_ASSIGN_OR_RETURN(auto limit, ctx.QueryInt("limit", 50, 1, 500));
         o.offset = static_cast<size_t>(offset);
         o.limit = static_cast<size_t>(limit);
         return Ok(service::ListFamiliesFor(ctx.db(), *ctx.api().case_files,
                                            *ctx.api().child_statuses, *ctx.api().policy,
                                            ctx.caller(), o));
       }},
      {"GET", "/api/v1/families/{id}", "families.read", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto as_of, ctx.QueryDate("as_of"));
         return Ok(service::ReadFamilyFor(ctx.db(), *ctx.api().case_files, *ctx.api().policy,
                                          ctx.caller(), ctx.PathParam("id"), as_of));
       }},
      {"POST", "/api/v1/families/{id}/children/{child_id}/actions", "families.act", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         // Actions dated after the server's day (UTC) are refused.
         REUNITE_ASSIGN_OR_RETURN(auto today, Date::ParseIso(UtcNowIso().substr(0, 10)));
         return Ok(service::ActOnChild(ctx.db(), *ctx.api().case_files, *ctx.api().case_actions,
                                       *ctx.api().policy, ctx.caller(), ctx.PathParam("id"),
                                       ctx.PathParam("child_id"), body, today),
                   201);
       }},
      {"GET", "/api/v1/dashboard", "dashboard.read", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto as_of, ctx.QueryDate("as_of"));
         return Ok(service::DashboardFor(ctx.db(), *ctx.api().case_files, *ctx.api().child_statuses,
                                         *ctx.api().policy, ctx.caller(), as_of));
       }},
      {"GET", "/api/v1/review-queue", "review.list", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         service::ReviewListing listing;
         if (!ctx.Query("status").empty()) listing.status = ctx.Query("status");
         REUNITE_ASSIGN_OR_RETURN(listing.limit, ctx.QueryInt("limit", 50, 1, 100));
         listing.model_path = ctx.api().model_path;
         return Ok(service::ListReviewItems(ctx.db(), *ctx.api().policy, ctx.caller(), listing));
       }},
      {"GET", "/api/v1/review-queue/{id}", "review.list", BodyKind::kNone,
       [](RequestContext& ctx) {
         return Ok(service::ReadReviewItem(ctx.db(), *ctx.api().policy, ctx.caller(),
                                           ctx.api().model_path, ctx.PathParam("id")));
       }},
      {"POST", "/api/v1/review-queue/{id}/decision", "review.decide", BodyKind::kJson,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto body, ctx.JsonBody());
         auto decision = body.value("decision", nlohmann::json());
         if (!decision.is_string() || (decision != "accept" && decision != "reject")) {
           return InvalidArgument("decision: expected \"accept\" or \"reject\"");
         }
         auto note = body.value("note", nlohmann::json(""));
         if (!note.is_string()) return InvalidArgument("note: expected a string");
         return Ok(service::DecideReviewItem(ctx.db(), *ctx.api().policy, ctx.caller(),
                                             ctx.api().model_path, ctx.PathParam("id"),
                                             decision == "accept", note.get<std::string>()));
       }},
  };
}

}  // namespace reunite::http
