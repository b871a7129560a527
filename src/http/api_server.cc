#include "http/api_server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "common/clock.h"
#include "common/utf8.h"
#include "http/deadline_server.h"
#include "http/error_mapping.h"
#include "http/route.h"
#include "http/static_files.h"
#include "service/audit_trail.h"
#include "service/tracing_index.h"
#include "storage/connection_pool.h"
#include "storage/migrations.h"

namespace reunite::embedded {
extern const std::string_view kOpenApiJson;
}  // namespace reunite::embedded

namespace reunite::http {
namespace {

constexpr char kSessionCookie[] = "reunite_session";
constexpr char kApiPrefix[] = "/api/";
constexpr char kUploadPath[] = "/api/v1/imports";

void SetHeader(httplib::Response& res, const std::string& key, const std::string& value) {
  res.headers.erase(key);
  res.headers.emplace(key, value);
}

bool IsApiPath(const std::string& path) { return path.rfind(kApiPrefix, 0) == 0 || path == "/api"; }

// The cookie `name` from the Cookie header, or "".
std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t b = part.find_first_not_of(' ');
    if (b != std::string::npos) part = part.substr(b);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

// "/api/v1/users/{username}" -> regex "/api/v1/users/([^/]+)" and {"username"}.
std::pair<std::string, std::vector<std::string>> PatternFor(const std::string& path) {
  std::string re;
  std::vector<std::string> names;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      size_t close = path.find('}', i);
      names.push_back(path.substr(i + 1, close - i - 1));
      re += "([^/]+)";
      i = close;
    } else if (std::string(".+*?^$()[]|\\").find(path[i]) != std::string::npos) {
      re += '\\';
      re += path[i];
    } else {
      re += path[i];
    }
  }
  return {re, names};
}

bool IsSafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

}  // namespace

struct ApiServer::Impl {
  ServerOptions options;
  std::unique_ptr<httplib::Server> server;
  std::unique_ptr<storage::ConnectionPool> pool;
  std::unique_ptr<service::TracingIndex> index;
  std::unique_ptr<service::CaseFileCache> case_files;
  std::unique_ptr<service::PersonNameIndexCache> person_names;
  std::unique_ptr<service::ChildStatusCache> child_statuses;
  std::unique_ptr<service::CaseActions> case_actions;
  ApiContext api;
  std::string static_root;
  int port = 0;
  bool tls = false;

  void SecurityHeaders(const httplib::Request& req, httplib::Response& res) const {
    SetHeader(res, "X-Content-Type-Options", "nosniff");
    SetHeader(res, "X-Frame-Options", "DENY");
    SetHeader(res, "Referrer-Policy", "no-referrer");
    SetHeader(res, "Cross-Origin-Opener-Policy", "same-origin");
    SetHeader(res, "Cross-Origin-Resource-Policy", "same-origin");
    SetHeader(res, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (tls) SetHeader(res, "Strict-Transport-Security", "max-age=31536000");
    if (IsApiPath(req.path) || static_root.empty()) {
      SetHeader(res, "Content-Security-Policy",
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
      SetHeader(res, "Cache-Control", "no-store");
    } else {
      SetHeader(res, "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                "form-action 'self'; frame-ancestors 'none'");
    }
  }

  // Resolves the session (bearer token or cookie, with CSRF for cookies on
  // state-changing methods) and checks the role matrix.
  Status Authorize(RequestContext& ctx, const service::ActionRule& rule) const {
    const httplib::Request& req = ctx.request();
    if (rule.is_public) return Status::Ok();  // public routes never use a session
    std::string token;
    bool from_cookie = false;
    std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0) {
      token = auth.substr(7);
    } else if (!auth.empty()) {
      return Unauthenticated("Authorization: expected 'Bearer <token>'");
    } else {
      token = CookieValue(req, kSessionCookie);
      from_cookie = !token.empty();
    }
    if (token.empty()) {
      return Unauthenticated("sign in first (Authorization: Bearer <token> or the session cookie)");
    }
    REUNITE_ASSIGN_OR_RETURN(auto session, service::Authenticate(ctx.db(), api.auth, token));
    if (from_cookie && !IsSafeMethod(req.method)) {
      REUNITE_RETURN_IF_ERROR(service::CheckCsrf(session, req.get_header_value("X-CSRF-Token")));
    }
    service::Caller& caller = ctx.mutable_caller();
    caller.user_id = session.user_id;
    caller.username = session.username;
    caller.role = session.role;
    ctx.set_session(std::move(session));
    return api.policy->Check(caller.role, rule.name);
  }

  void Dispatch(const Route& route, const std::vector<std::string>& names,
                const httplib::Request& req, httplib::Response& res) const {
    service::Caller caller;
    caller.username = "anonymous";
    caller.client_address = req.remote_addr;
    caller.action = route.action;
    caller.route = route.method + " " + route.path;
    caller.target = req.target.substr(0, 2000);
    std::map<std::string, std::string> params;
    for (size_t i = 0; i < names.size() && i + 1 < req.matches.size(); ++i) {
      params[names[i]] = req.matches[i + 1];
    }
    // Text that is not UTF-8 never reaches a service or the database (PostgreSQL
    // refuses it with an error that would otherwise come back as a 500).
    for (const auto& [name, value] : params) {
      if (!IsValidUtf8(value)) {
        Fail(req, res, InvalidArgument("path parameter " + name + " is not valid UTF-8"));
        return;
      }
    }
    for (const auto& [name, value] : req.params) {
      if (!IsValidUtf8(name) || !IsValidUtf8(value)) {
        Fail(req, res,
             InvalidArgument("query parameter " + (IsValidUtf8(name) ? name : std::string("?")) +
                             " is not valid UTF-8"));
        return;
      }
    }
    const service::ActionRule* rule = api.policy->Find(route.action);
    auto lease = pool->Acquire();
    if (!lease.ok()) {
      Fail(req, res, lease.status());
      return;
    }
    RequestContext ctx(req, **lease, api, std::move(caller), std::move(params));
    Status status = rule == nullptr ? Internal("route " + route.path + " has no role-matrix action")
                                    : Authorize(ctx, *rule);
    Reply reply;
    if (status.ok()) {
      try {
        auto r = route.handler(ctx);
        if (r.ok()) {
          reply = std::move(r).value();
        } else {
          status = r.status();
        }
      } catch (const std::exception& e) {
        status = Internal(std::string("unexpected exception: ") + e.what());
      } catch (...) {
        status = Internal("unexpected exception");
      }
    }
    if (!status.ok()) {
      bool audited = rule != nullptr && (rule->audit != service::AuditKind::kNone ||
                                         status.code() == ErrorCode::kPermissionDenied);
      if (audited) {
        std::string detail = status.message().substr(0, 300);
        Status a = service::RecordAudit(**lease, ctx.caller(), {},
                                        std::string(ErrorCodeName(status.code())), detail);
        if (!a.ok()) std::fprintf(stderr, "serve: audit failed: %s\n", a.ToString().c_str());
      }
      if (status.code() == ErrorCode::kUnavailable) lease->Discard();
      Fail(req, res, status);
      return;
    }
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.headers.emplace(k, v);
    if (!reply.content_type.empty()) {
      res.set_content(std::move(reply.raw_body), reply.content_type.c_str());
      return;
    }
    res.set_content(reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json");
  }

  void Fail(const httplib::Request& req, httplib::Response& res, const Status& status) const {
    Status shown = status;
    int http = HttpStatusFor(status.code());
    if (http >= 500 && status.code() != ErrorCode::kUnavailable) {
      // Details of server faults go to the log, not to the client.
      std::fprintf(stderr, "serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(),
                   status.ToString().c_str());
      shown = Status(status.code(), "internal error; the server log has the details");
    }
    res.status = http;
    if (auto secs = RetryAfterSeconds(status)) SetHeader(res, "Retry-After", std::to_string(*secs));
    res.set_content(ErrorBody(shown), "application/json");
  }

  void ServeStatic(const httplib::Request& req, httplib::Response& res) const {
    auto file = ResolveStaticFile(static_root, req.path);
    if (!file) {
      res.status = 404;
      res.set_content(TransportErrorBody(404, "no such file"), "application/json");
      return;
    }
    std::FILE* f = std::fopen(file->path.c_str(), "rb");
    if (f == nullptr) {
      res.status = 404;
      res.set_content(TransportErrorBody(404, "no such file"), "application/json");
      return;
    }
    std::string body;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) body.append(buf, n);
    std::fclose(f);
    res.status = 200;
    res.set_content(std::move(body), file->content_type.c_str());
    SetHeader(res, "Cache-Control",
              file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
  }

  void Register(const Route& route) {
    auto [pattern, names] = PatternFor(route.path);
    httplib::Server::Handler h = [this, route, names = names](const httplib::Request& req,
                                                              httplib::Response& res) {
      Dispatch(route, names, req, res);
    };
    if (route.method == "GET") {
      server->Get(pattern, h);
    } else if (route.method == "POST") {
      server->Post(pattern, h);
    } else if (route.method == "PATCH") {
      server->Patch(pattern, h);
    } else if (route.method == "DELETE") {
      server->Delete(pattern, h);
    } else if (route.method == "PUT") {
      server->Put(pattern, h);
    }
  }

  // Refuses oversized or unsized bodies before they are read.
  httplib::Server::HandlerResponse PreRouting(const httplib::Request& req,
                                              httplib::Response& res) const {
    size_t limit = (req.method == "POST" && req.path == kUploadPath) ? options.max_upload_bytes
                                                                     : options.max_body_bytes;
    if (req.has_header("Content-Length")) {
      std::string v = req.get_header_value("Content-Length");
      unsigned long long n = std::strtoull(v.c_str(), nullptr, 10);
      if (n > limit) {
        res.status = 413;
        res.set_content(
            TransportErrorBody(413, "request body larger than " + std::to_string(limit) + " bytes"),
            "application/json");
        SetHeader(res, "Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
      }
    } else if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos &&
               limit == options.max_body_bytes) {
      res.status = 411;
      res.set_content(TransportErrorBody(411, "send Content-Length (chunked bodies are refused)"),
                      "application/json");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }
};

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ApiServer::~ApiServer() = default;

Result<std::unique_ptr<ApiServer>> ApiServer::Start(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return InvalidArgument("--tls-cert and --tls-key go together");
  }
  if (options.threads == 0 || options.threads > 1024) {
    return InvalidArgument("--threads: 1 to 1024");
  }
  if (options.request_timeout_s <= 0 || options.read_timeout_s <= 0) {
    return InvalidArgument("--read-timeout and --request-timeout: at least 1 second");
  }
  if (options.db_connections == 0 || options.db_connections > 256) {
    return InvalidArgument("--db-connections: 1 to 256");
  }
  // Migrate once, on one connection, before serving.
  REUNITE_ASSIGN_OR_RETURN(auto first, storage::OpenAndMigrate(options.db_url));
  first.reset();
  impl->pool = std::make_unique<storage::ConnectionPool>(options.db_url, options.db_connections);
  if (!options.static_dir.empty()) {
    impl->static_root = CanonicalRoot(options.static_dir);
    if (impl->static_root.empty()) {
      return InvalidArgument("--static " + options.static_dir + ": not a directory");
    }
  }
  auto index = service::TracingIndex::FromModelFile(options.model_path);
  if (index.ok()) {
    impl->index = std::move(index).value();
  } else {
    std::fprintf(stderr, "serve: %s; tracing requests are stored but not matched\n",
                 index.status().message().c_str());
  }
  impl->api.policy = &service::AccessPolicy::Default();
  impl->api.auth = options.auth;
  impl->api.tracing = options.tracing;
  impl->api.tracing.index = impl->index.get();
  impl->api.mappings_dir = options.mappings_dir;
  impl->api.orders_dir = options.orders_dir;
  impl->case_files =
      std::make_unique<service::CaseFileCache>(service::CaseFileOptions{options.orders_dir});
  impl->case_actions = std::make_unique<service::CaseActions>(*impl->case_files);
  impl->api.case_files = impl->case_files.get();
  impl->person_names = std::make_unique<service::PersonNameIndexCache>(options.model_path);
  impl->api.person_names = impl->person_names.get();
  impl->child_statuses = std::make_unique<service::ChildStatusCache>();
  impl->api.child_statuses = impl->child_statuses.get();
  impl->api.case_actions = impl->case_actions.get();
  impl->api.model_path = std::filesystem::exists(options.model_path) ? options.model_path : "";
  impl->api.openapi_json = embedded::kOpenApiJson;
  impl->tls = !options.tls_cert.empty();
  impl->api.secure_cookies = impl->tls;

  if (impl->tls) {
    auto ssl =
        std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    if (!ssl->is_valid()) {
      return InvalidArgument("--tls-cert " + options.tls_cert + " / --tls-key " + options.tls_key +
                             ": cannot load the certificate and key");
    }
    impl->server = std::move(ssl);
  } else {
    impl->server = std::make_unique<DeadlineServer>(options.request_timeout_s);
  }
  httplib::Server& svr = *impl->server;
  const size_t threads = options.threads;
  // httplib takes ownership of the queue it is given (its API is a raw pointer).
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_payload_max_length(std::max(options.max_body_bytes, options.max_upload_bytes));
  svr.set_read_timeout(options.read_timeout_s, 0);
  svr.set_write_timeout(options.write_timeout_s, 0);
  svr.set_keep_alive_timeout(options.keep_alive_timeout_s);
  svr.set_keep_alive_max_count(options.keep_alive_max_requests);
  // cpp-httplib writes a reply's headers and body separately; with Nagle's
  // algorithm on, the body waits for the client's delayed ACK (40 ms on
  // Linux), which set every reply's latency floor (bench/load_bench.sh).
  svr.set_tcp_nodelay(true);
  Impl* self = impl.get();
  svr.set_pre_routing_handler([self](const httplib::Request& req, httplib::Response& res) {
    return self->PreRouting(req, res);
  });
  svr.set_post_routing_handler([self](const httplib::Request& req, httplib::Response& res) {
    self->SecurityHeaders(req, res);
  });
  svr.set_error_handler(httplib::Server::HandlerWithResponse(
      [self](const httplib::Request& req, httplib::Response& res) {
        if (res.body.empty()) {
          res.set_content(
              TransportErrorBody(
                  res.status, res.status == 404 ? "no such route: " + req.path : "request refused"),
              "application/json");
        }
        self->SecurityHeaders(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(ErrorBody(Internal("internal error; the server log has the details")),
                        "application/json");
      });
  if (options.log_requests) {
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      // Never the query string, headers or bodies: they may carry names or secrets.
      std::fprintf(stderr, "%s %s %s %s %d\n", UtcNowIso().c_str(), req.remote_addr.c_str(),
                   req.method.c_str(), req.path.c_str(), res.status);
    });
  }
  // A route whose action config/roles.json still marks "planned" waits on
  // another branch's code and is not served (404), as api/openapi.json says.
  for (auto routes : {MetaRoutes(), AuthRoutes(), UserRoutes(), AuditRoutes(), DataRoutes(),
                      TracingRoutes(), ReportRoutes(), PersonRoutes()}) {
    for (const Route& r : routes) {
      const service::ActionRule* rule = impl->api.policy->Find(r.action);
      if (rule != nullptr && !rule->planned.empty()) continue;
      impl->Register(r);
    }
  }
  if (!impl->static_root.empty()) {
    svr.Get(R"(/(?!api/|api$).*)", [self](const httplib::Request& req, httplib::Response& res) {
      self->ServeStatic(req, res);
    });
  }
  if (options.port == 0) {
    impl->port = svr.bind_to_any_port(options.host);
    if (impl->port <= 0) return Unavailable("cannot listen on " + options.host);
  } else {
    if (options.port < 0 || options.port > 65535) return InvalidArgument("--listen: bad port");
    if (!svr.bind_to_port(options.host, options.port)) {
      return Unavailable("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                         " (in use?)");
    }
    impl->port = options.port;
  }
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(impl)));
}

int ApiServer::port() const { return impl_->port; }

std::string ApiServer::url() const {
  std::string host = impl_->options.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return std::string(impl_->tls ? "https" : "http") + "://" + host + ":" +
         std::to_string(impl_->port);
}

Status ApiServer::Run() {
  if (!impl_->server->listen_after_bind()) {
    return Unavailable("the server stopped unexpectedly");
  }
  return Status::Ok();
}

void ApiServer::Stop() { impl_->server->stop(); }

}  // namespace reunite::http
