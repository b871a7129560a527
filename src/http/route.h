// What a route is: a method, a path template as in the OpenAPI document
// ("/api/v1/users/{username}"), the role-matrix action it performs, and a
// handler that only decodes the request, calls one service function and
// returns the reply to encode. The dispatcher (api_server.cc) does the rest
// for every route alike: session, CSRF, role check, errors, audit of refusals,
// security headers.
#ifndef REUNITE_HTTP_ROUTE_H_
#define REUNITE_HTTP_ROUTE_H_

#include <httplib.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "service/access_policy.h"
#include "service/auth_service.h"
#include "service/caller.h"
#include "service/case_actions.h"
#include "service/case_file.h"
#include "service/case_queries.h"
#include "service/tracing_service.h"
#include "storage/connection.h"

namespace reunite::http {

// What every handler may use; owned by the ApiServer, shared by all threads.
struct ApiContext {
  const service::AccessPolicy* policy = nullptr;
  service::AuthOptions auth;
  service::TracingOptions tracing;
  std::string mappings_dir;
  std::string orders_dir;  // court orders for the reports
  std::string model_path;  // the person model (review waterfalls)
  std::string_view openapi_json;
  // The case file shared by every thread (reloaded when the log grows) and
  // the caseworker actions over it; owned by the ApiServer.
  service::CaseFileCache* case_files = nullptr;
  service::CaseActions* case_actions = nullptr;
  service::PersonNameIndexCache* person_names = nullptr;  // name search over the case file
  service::ChildStatusCache* child_statuses = nullptr;    // families list, dashboard
  bool secure_cookies = false;                            // Secure attribute on cookies (TLS)
};

enum class BodyKind { kNone, kJson, kUpload };

class RequestContext {
 public:
  RequestContext(const httplib::Request& req, storage::Connection& db, const ApiContext& api,
                 service::Caller caller, std::map<std::string, std::string> path_params)
      : req_(req),
        db_(db),
        api_(api),
        caller_(std::move(caller)),
        path_params_(std::move(path_params)) {}

  const httplib::Request& request() const { return req_; }
  storage::Connection& db() const { return db_; }
  const ApiContext& api() const { return api_; }
  const service::Caller& caller() const { return caller_; }
  const std::optional<service::SessionIdentity>& session() const { return session_; }
  void set_session(service::SessionIdentity s) { session_ = std::move(s); }
  service::Caller& mutable_caller() { return caller_; }

  std::string PathParam(const std::string& name) const;
  // The query parameter, or "" when absent.
  std::string Query(const std::string& name) const;
  // An integer query parameter in [min, max], `fallback` when absent;
  // kInvalidArgument naming the parameter otherwise.
  Result<int64_t> QueryInt(const std::string& name, int64_t fallback, int64_t min,
                           int64_t max) const;
  // The body parsed as a JSON object (ParseJsonObjectBody, request_body.h);
  // kInvalidArgument/kParseError naming the problem.
  Result<nlohmann::json> JsonBody() const;
  // A date query parameter (YYYY-MM-DD), today (UTC) when absent;
  // kInvalidArgument naming the parameter otherwise.
  Result<Date> QueryDate(const std::string& name) const;
  // A boolean query parameter ("true"/"false"), `fallback` when absent.
  Result<bool> QueryBool(const std::string& name, bool fallback) const;
  // A path parameter that must be a positive integer.
  Result<int64_t> PathInt(const std::string& name) const;

 private:
  const httplib::Request& req_;
  storage::Connection& db_;
  const ApiContext& api_;
  service::Caller caller_;
  std::map<std::string, std::string> path_params_;
  std::optional<service::SessionIdentity> session_;
};

struct Reply {
  int status = 200;
  nlohmann::json body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Set-Cookie
  // A non-JSON reply (a CSV, XLSX or HTML report): sent as is when
  // content_type is set, instead of `body`.
  std::string content_type;
  std::string raw_body;
};

using Handler = std::function<Result<Reply>(RequestContext&)>;

struct Route {
  std::string method;  // GET, POST, PATCH, DELETE
  std::string path;    // OpenAPI template
  std::string action;  // role-matrix action
  BodyKind body = BodyKind::kNone;
  Handler handler;
};

// The routes, by area (one file each).
std::vector<Route> MetaRoutes();
std::vector<Route> AuthRoutes();
std::vector<Route> UserRoutes();
std::vector<Route> AuditRoutes();
std::vector<Route> DataRoutes();
std::vector<Route> TracingRoutes();
std::vector<Route> ReportRoutes();
std::vector<Route> PersonRoutes();

// Wraps a service result as a 200 reply.
Result<Reply> Ok(Result<nlohmann::json> result, int status = 200);

}  // namespace reunite::http

#endif  // REUNITE_HTTP_ROUTE_H_
