#include "http/api_test_support.h"

#include <fstream>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "ingest/mapping.h"
#include "resolution/resolution.h"
#include "service/import_service.h"
#include "service/user_service.h"
#include "storage/migrations.h"
#include "support/process.h"
#include "synth/exports.h"
#include "synth/generator.h"

namespace reunite::http {

OpenApiValidator::OpenApiValidator() {
  std::ifstream in(std::string(std::getenv("REUNITE_SOURCE_DIR")) + "/api/openapi.json");
  std::stringstream ss;
  ss << in.rdbuf();
  doc_ = nlohmann::json::parse(ss.str());
}

std::string ConcretePath(const std::string& path_template) {
  std::string out = path_template;
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at; (at = out.find(from)) != std::string::npos;) out.replace(at, from.size(), to);
  };
  replace("{username}", "demo-monitor");
  replace("{source}", "orr");
  replace("{record_key}", "UAC0000001");
  replace("{id}", "1");
  return out;
}

std::string UrlEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

service::AccessPolicy RoleMatrixFromFile() {
  std::ifstream in(std::string(std::getenv("REUNITE_SOURCE_DIR")) + "/config/roles.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto p = service::AccessPolicy::Parse(ss.str(), "config/roles.json");
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return std::move(p).value();
}

const OpenApiValidator& Validator() {
  static const OpenApiValidator v;
  return v;
}

const nlohmann::json* OpenApiValidator::Operation(const std::string& method,
                                                  const std::string& path_template) const {
  auto p = doc_["paths"].find(path_template);
  if (p == doc_["paths"].end()) return nullptr;
  auto o = p->find(method);
  return o == p->end() ? nullptr : &*o;
}

std::string OpenApiValidator::CheckSchema(const nlohmann::json& schema,
                                          const nlohmann::json& value) const {
  // The schema is checked inside a root that carries the components, so
  // "#/components/schemas/..." references resolve.
  nlohmann::json root = {{"components", doc_["components"]}, {"allOf", {schema}}};
  valijson::Schema compiled;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(root);
  parser.populateSchema(schema_adapter, compiled);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(value);
  if (validator.validate(compiled, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string where;
    for (const auto& c : e.context) where += c;
    out += where + ": " + e.description + "\n";
  }
  return out;
}

std::string OpenApiValidator::CheckReply(const std::string& method,
                                         const std::string& path_template, int status,
                                         const nlohmann::json& body) const {
  const nlohmann::json* op = Operation(method, path_template);
  if (op == nullptr) return "no operation " + method + " " + path_template + " in openapi.json";
  const auto& responses = (*op)["responses"];
  std::string code = std::to_string(status);
  const nlohmann::json* r = responses.contains(code)        ? &responses[code]
                            : responses.contains("default") ? &responses["default"]
                                                            : nullptr;
  if (r == nullptr) return "status " + code + " is not documented";
  if (status < 400 && !responses.contains(code)) {
    return "success status " + code + " is not documented";
  }
  const auto& schema = (*r)["content"]["application/json"]["schema"];
  return CheckSchema(schema, body);
}

void ApiTest::SetUp() {
  StorageTest::SetUp();
  if (IsSkipped()) return;
  db = db_->Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(storage::Migrate(*db).ok());
  const std::string src = std::getenv("REUNITE_SOURCE_DIR");
  auto mapping = ingest::LoadMapping(src + "/mappings/orr.toml");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  auto imported = service::ImportFile(*db, *mapping, src + "/tests/data/orr_small.csv");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  service::Caller cli = service::CommandLineCaller("user add");
  cli.action = "users.create";
  const service::PasswordCost cheap{1, 8u << 20};  // Argon2id at libsodium's minimum cost
  for (const char* role : {"admin", "caseworker", "reviewer", "monitor", "counsel", "auditor"}) {
    auto r = cases::ParseRole(role);
    auto u = service::CreateUser(*db, cli, cheap, {UserOf(role), "", *r, PasswordOf(role)});
    ASSERT_TRUE(u.ok()) << u.status().ToString();
  }
  options.db_url = db_->url();
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 4;
  options.log_requests = false;
  options.mappings_dir = src + "/mappings";
  options.model_path = src + "/models/person.json";
  options.orders_dir = src + "/orders";
  options.auth.cost = cheap;
  Configure(options);
  auto started = ApiServer::Start(options);
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  server = std::move(started).value();
  runner = std::thread([this] { EXPECT_TRUE(server->Run().ok()); });
  for (const char* role : {"admin", "caseworker", "reviewer", "monitor", "counsel", "auditor"}) {
    sessions[role] = Login(UserOf(role), PasswordOf(role));
  }
}

void ApiTest::TearDown() {
  if (server) {
    server->Stop();
    if (runner.joinable()) runner.join();
  }
  server.reset();
}

std::unique_ptr<httplib::Client> ApiTest::Client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", server->port());
  c->set_read_timeout(30, 0);
  c->set_keep_alive(false);
  return c;
}

httplib::Headers ApiTest::Bearer(const std::string& role) const {
  auto it = sessions.find(role);
  if (it == sessions.end()) return {};
  return {{"Authorization", "Bearer " + it->second.token}};
}

httplib::Result ApiTest::Call(const std::string& role, const std::string& method,
                              const std::string& path, const std::string& body,
                              const std::string& content_type) const {
  auto c = Client();
  httplib::Headers h = Bearer(role);
  if (method == "GET") return c->Get(path.c_str(), h);
  if (method == "POST") return c->Post(path.c_str(), h, body, content_type.c_str());
  if (method == "PATCH") return c->Patch(path.c_str(), h, body, content_type.c_str());
  if (method == "DELETE") return c->Delete(path.c_str(), h, body, content_type.c_str());
  return c->Put(path.c_str(), h, body, content_type.c_str());
}

Signed ApiTest::Login(const std::string& username, const std::string& password) const {
  auto res = Call("", "POST", "/api/v1/auth/login",
                  nlohmann::json{{"username", username}, {"password", password}}.dump());
  nlohmann::json body = Expect(res, 200, "post", "/api/v1/auth/login");
  if (!body.contains("token")) return {};
  return {body["token"], body["csrf_token"]};
}

nlohmann::json ApiTest::Expect(const httplib::Result& res, int status, const std::string& method,
                               const std::string& path_template) const {
  if (!res) {
    ADD_FAILURE() << method << " " << path_template << ": no reply ("
                  << httplib::to_string(res.error()) << ")";
    return {};
  }
  EXPECT_EQ(res->status, status) << method << " " << path_template << ": " << res->body;
  nlohmann::json body = nlohmann::json::parse(res->body, nullptr, false);
  if (body.is_discarded()) {
    ADD_FAILURE() << method << " " << path_template << ": reply is not JSON: " << res->body;
    return {};
  }
  std::string problem = Validator().CheckReply(method, path_template, res->status, body);
  EXPECT_EQ(problem, "") << method << " " << path_template << " " << res->status << " reply "
                         << res->body.substr(0, 500);
  return body;
}

const std::string& ScenarioApiTest::ScenarioDir() {
  static const std::string dir = [] {
    std::string d = reunite::testing::MakeTempDir("case-routes-scenario");
    synth::SynthOptions so;
    so.families = 60;
    so.seed = 11;
    so.out_dir = d;
    so.threads = 1;
    auto s = synth::GenerateScenario(so);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return d;
  }();
  return dir;
}

void ScenarioApiTest::Configure(ServerOptions&) {
  for (synth::Source source : synth::kAllSources) {
    auto mapping = ingest::LoadMapping(reunite::testing::SourceDir() + "/mappings/" +
                                       std::string(synth::SourceName(source)) + ".toml");
    ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
    auto s = service::ImportFile(
        *db, *mapping, ScenarioDir() + "/exports/" + std::string(synth::ExportFileName(source)));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
  }
  resolution::ResolveOptions o;
  o.model_path = reunite::testing::SourceDir() + "/models/person.json";
  o.progress = ProgressMode::kNever;
  // A wide review band: with the prior per pair of sources, 60 families leave
  // no pair in the default band [0.05, 0.5), and the review routes need some.
  o.review_threshold = 0.001;
  auto r = resolution::Resolve(*db, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

}  // namespace reunite::http
