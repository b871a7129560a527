// Test support for the HTTP API: a real server (ApiServer on port 0) over a
// real database of one backend (SQLite file or PostgreSQL schema), with one
// account per role signed in, a cpp-httplib client, and a validator that
// checks replies against api/openapi.json (valijson, Debian's JSON Schema
// library, draft 7 keywords; OpenAPI 3.1 schemas are JSON Schema).
#ifndef REUNITE_HTTP_API_TEST_SUPPORT_H_
#define REUNITE_HTTP_API_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "http/api_server.h"
#include "service/access_policy.h"
#include "storage/test_databases.h"

namespace reunite::http {

// Validates JSON values against the schemas of the OpenAPI document.
class OpenApiValidator {
 public:
  OpenApiValidator();  // reads $REUNITE_SOURCE_DIR/api/openapi.json
  const nlohmann::json& doc() const { return doc_; }
  // The operation object of `method` (lower case) on `path_template`, or null.
  const nlohmann::json* Operation(const std::string& method,
                                  const std::string& path_template) const;
  // "" when `body` matches the reply schema of the operation for `status`
  // (or its "default"), else what is wrong.
  std::string CheckReply(const std::string& method, const std::string& path_template, int status,
                         const nlohmann::json& body) const;
  // "" when `value` matches components.schemas[schema_name].
  std::string CheckSchema(const nlohmann::json& schema, const nlohmann::json& value) const;

 private:
  nlohmann::json doc_;
};

const OpenApiValidator& Validator();

// `path_template` of the OpenAPI document with its parameters filled in with
// values that exist in ApiTest's store ({username}: demo-monitor, {source}/
// {record_key}: an ORR record, {id}: 1).
std::string ConcretePath(const std::string& path_template);

// `s` percent-encoded for a path segment or query value (RFC 3986 unreserved kept).
std::string UrlEncode(const std::string& s);

// The role matrix as the server embeds it: $REUNITE_SOURCE_DIR/config/roles.json.
service::AccessPolicy RoleMatrixFromFile();

struct Signed {
  std::string token;
  std::string csrf;
};

class ApiTest : public storage::StorageTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Adjust before the server starts (from a derived SetUp, before ApiTest::SetUp).
  virtual void Configure(ServerOptions&) {}

  httplib::Headers Bearer(const std::string& role) const;
  // A request as `role` ("" for anonymous) with an optional JSON body.
  httplib::Result Call(const std::string& role, const std::string& method, const std::string& path,
                       const std::string& body = "",
                       const std::string& content_type = "application/json") const;
  // Signs in over HTTP; fails the test if that does not work.
  Signed Login(const std::string& username, const std::string& password) const;
  // Expects `res` to have `status`, be JSON and match the OpenAPI schema of
  // (method, path_template); returns the body.
  nlohmann::json Expect(const httplib::Result& res, int status, const std::string& method,
                        const std::string& path_template) const;
  std::unique_ptr<httplib::Client> Client() const;

  static std::string PasswordOf(const std::string& role) { return role + "-password-1"; }
  static std::string UserOf(const std::string& role) { return "demo-" + role; }

  std::unique_ptr<storage::Connection> db;  // direct access, for setup and checks
  std::unique_ptr<ApiServer> server;
  std::thread runner;
  std::map<std::string, Signed> sessions;  // by role name
  ServerOptions options;
};

// An ApiTest over a resolved synthetic scenario (60 families, seed 11: synth
// -> import of every export -> resolve), generated once per test binary.
class ScenarioApiTest : public ApiTest {
 protected:
  void Configure(ServerOptions&) override;
  static const std::string& ScenarioDir();
};

}  // namespace reunite::http

#endif  // REUNITE_HTTP_API_TEST_SUPPORT_H_
