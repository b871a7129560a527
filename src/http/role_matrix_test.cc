// Every endpoint x every role against the role matrix: the expected allow or
// deny is read from config/roles.json (the file the server embeds) through
// each operation's x-reunite-action in api/openapi.json, and checked against
// the real replies of a real server, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "http/api_test_support.h"

namespace reunite::http {
namespace {

using nlohmann::json;
using storage::Backend;

struct Probe {
  std::string method, path_template, action;
};

using RoleMatrixTest = ApiTest;

TEST_P(RoleMatrixTest, EveryEndpointForEveryRole) {
  const service::AccessPolicy matrix = RoleMatrixFromFile();
  std::vector<Probe> probes;
  for (const auto& [path, ops] : Validator().doc()["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      if (op.contains("x-reunite-planned")) continue;  // not served yet (see api_test)
      probes.push_back({method, path, op["x-reunite-action"]});
    }
  }
  // Signing out ends the session the later probes use: last.
  std::stable_partition(probes.begin(), probes.end(),
                        [](const Probe& p) { return p.action != "auth.logout"; });
  // A tracing request to read, assign, close.
  ASSERT_EQ(
      Call("", "POST", "/api/v1/tracing-requests",
           json{{"requester", {{"name", "R"}, {"phone", "1"}}}, {"sought", {{"given_name", "Ana"}}}}
               .dump())
          ->status,
      202);

  const std::vector<std::string> roles = {"",        "admin",   "caseworker", "reviewer",
                                          "monitor", "counsel", "auditor"};
  int checked = 0, denials = 0;
  for (const Probe& p : probes) {
    const service::ActionRule* rule = matrix.Find(p.action);
    ASSERT_NE(rule, nullptr) << p.action;
    for (const std::string& role : roles) {
      std::optional<cases::Role> r;
      if (!role.empty()) r = *cases::ParseRole(role);
      bool allowed = matrix.Allows(r, p.action);
      std::string m = p.method;
      for (char& c : m) c = static_cast<char>(std::toupper(c));
      std::string path = ConcretePath(p.path_template);
      std::string body = m == "GET" ? "" : "{}";
      std::string type = "application/json";
      if (p.action == "imports.upload") {
        path += "?source=orr&filename=probe.csv";
        body = "not,an,orr,export\n1,2,3,4\n";
        type = "text/csv";
      }
      auto res = Call(role, m, path, body, type);
      ASSERT_TRUE(res) << m << " " << path;
      std::string who = role.empty() ? "anonymous" : role;
      SCOPED_TRACE(who + " " + m + " " + path + " -> " + std::to_string(res->status) + " " +
                   res->body.substr(0, 300));
      json reply = json::parse(res->body, nullptr, false);
      ASSERT_FALSE(reply.is_discarded());
      EXPECT_EQ(Validator().CheckReply(p.method, p.path_template, res->status, reply), "");
      if (allowed) {
        EXPECT_NE(res->status, 401);
        EXPECT_NE(res->status, 403);
        EXPECT_LT(res->status, 500);
      } else if (role.empty()) {
        EXPECT_EQ(res->status, 401);
        EXPECT_EQ(reply["error"]["code"], "unauthenticated");
      } else {
        EXPECT_EQ(res->status, 403);
        EXPECT_EQ(reply["error"]["code"], "permission_denied");
        ++denials;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 7 * 20);
  // Every refusal is in the audit log, with who and what.
  auto rows = db->Query("SELECT COUNT(*) FROM audit_log WHERE outcome = 'permission_denied'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Int(0), denials);
  auto monitor = db->Query(
      "SELECT COUNT(*) FROM audit_log WHERE outcome = 'permission_denied' AND actor = "
      "'demo-monitor' AND action = 'users.list' AND role = 'monitor'");
  EXPECT_EQ((*monitor)[0].Int(0), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RoleMatrixTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::http
