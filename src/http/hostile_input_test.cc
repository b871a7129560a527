// Hostile input for every operation of api/openapi.json (iterated from the
// document, not listed by hand), against a real server on SQLite and
// PostgreSQL, each request made as a role the matrix allows (so the handler,
// not the access check, meets the input):
//   - every field of the request body schema (nested ones too), one at a
//     time, set to SQL injection strings, a huge string, deeply nested JSON,
//     numbers out of range, wrong types, NUL and invalid UTF-8;
//   - the whole body malformed, truncated, deeply nested, not an object;
//   - every path and query parameter set to injection and traversal strings.
// No reply is a 5xx or a dropped connection, every reply is JSON matching the
// operation's schema, the server answers afterwards, the tables are intact
// and both hash chains verify.
#include <gtest/gtest.h>

#include <set>

#include "http/api_test_support.h"

namespace reunite::http {
namespace {

using nlohmann::json;
using storage::Backend;

// JSON texts put in place of one field.
std::vector<std::pair<std::string, std::string>> HostileValues() {
  const int kDepth = 20000;
  return {
      {"sql-quote", R"("' OR '1'='1' --")"},
      {"sql-drop", R"("x'); DROP TABLE events; --")"},
      {"sql-union", R"("1 UNION SELECT password_hash FROM users --")"},
      {"sql-comment", R"("admin'/*")"},
      {"huge-string", "\"" + std::string(200 * 1024, 'A') + "\""},
      {"deep-array", std::string(kDepth, '[') + std::string(kDepth, ']')},
      {"deep-object",
       [&] {
         std::string s;
         for (int i = 0; i < kDepth; ++i) s += "{\"a\":";
         return s + "1" + std::string(kDepth, '}');
       }()},
      {"number-overflow", "1e400"},
      {"int-overflow", "-92233720368547758090"},
      {"negative", "-1"},
      {"null", "null"},
      {"bool", "true"},
      {"array", "[\"a\", 1, null]"},
      {"object", R"({"$gt": ""})"},
      {"nul-byte", R"("a\u0000b")"},
      {"lone-surrogate", R"("\ud800")"},
      {"invalid-utf8", "\"\xff\xfe\xc0\xaf\""},
      {"traversal", R"("../../../../etc/passwd")"},
  };
}

// Whole bodies.
std::vector<std::pair<std::string, std::string>> HostileBodies() {
  const int kDepth = 100000;
  return {
      {"truncated", R"({"a": "b)"},
      {"not-json", "' OR 1=1 --"},
      {"deep-body", std::string(kDepth, '[') + std::string(kDepth, ']')},
      {"string-body", R"("just a string")"},
      {"duplicate-keys", R"({"a": 1, "a": 2})"},
      {"empty", ""},
      {"nul", std::string("{\"a\":\0}", 7)},
  };
}

// Strings put in place of one path or query parameter (URL-encoded).
const std::vector<std::string> kHostileParams = {
    "' OR '1'='1", "1; DROP TABLE users; --", "../../../../etc/passwd", "%00",
    "-1",          "99999999999999999999999", std::string(4000, 'x'),   "\xff\xfe"};

// JSON pointers of every property of `schema` (resolving $ref, allOf, oneOf,
// anyOf and nested objects).
void CollectFields(const json& doc, const json& schema, const std::string& prefix,
                   std::set<std::string>& out, int depth = 0) {
  if (depth > 8) return;
  if (schema.contains("$ref")) {
    std::string ref = schema["$ref"];  // "#/components/schemas/X"
    CollectFields(doc, doc.at(json::json_pointer(ref.substr(1))), prefix, out, depth + 1);
    return;
  }
  for (const char* combo : {"allOf", "oneOf", "anyOf"}) {
    if (schema.contains(combo)) {
      for (const auto& s : schema[combo]) CollectFields(doc, s, prefix, out, depth + 1);
    }
  }
  if (schema.contains("properties")) {
    for (const auto& [name, sub] : schema["properties"].items()) {
      out.insert(prefix + "/" + name);
      CollectFields(doc, sub, prefix + "/" + name, out, depth + 1);
    }
  }
}

// A body with only `pointer` set, to the JSON text `value`.
std::string BodyWithField(const std::string& pointer, const std::string& value) {
  json body = json::object();
  body[json::json_pointer(pointer)] = "@@HOSTILE@@";
  std::string text = body.dump();
  text.replace(text.find("\"@@HOSTILE@@\""), 13, value);
  return text;
}

struct Operation {
  std::string method, path_template, action, role, content_type;
  std::set<std::string> fields;
  std::vector<std::string> path_params, query_params;
};

using HostileInputTest = ApiTest;

TEST_P(HostileInputTest, EveryFieldOfEveryEndpoint) {
  const json& doc = Validator().doc();
  const service::AccessPolicy matrix = RoleMatrixFromFile();
  std::vector<Operation> ops;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (!op.is_object() || op.contains("x-reunite-planned")) continue;
      Operation o{method, path, op["x-reunite-action"], "", "application/json", {}, {}, {}};
      if (o.action == "auth.logout") continue;  // would end the sessions used here
      if (!matrix.Allows(std::nullopt, o.action)) {
        for (const char* role :
             {"admin", "caseworker", "reviewer", "auditor", "counsel", "monitor"}) {
          if (matrix.Allows(*cases::ParseRole(role), o.action)) {
            o.role = role;
            break;
          }
        }
        ASSERT_FALSE(o.role.empty()) << o.action << ": no role may call it";
      }
      if (op.contains("requestBody")) {
        const json& content = op["requestBody"]["content"];
        if (!content.contains("application/json")) {
          o.content_type = content.begin().key();
        } else if (content["application/json"].contains("schema")) {
          CollectFields(doc, content["application/json"]["schema"], "", o.fields);
        }
      }
      for (const auto& p : op.value("parameters", json::array())) {
        (p["in"] == "path" ? o.path_params : o.query_params).push_back(p["name"]);
      }
      ops.push_back(std::move(o));
    }
  }
  ASSERT_GE(ops.size(), 30u);

  int requests = 0;
  std::map<int, int> statuses;
  auto send = [&](const Operation& o, const std::string& path, const std::string& body,
                  const std::string& what) {
    std::string m = o.method;
    for (char& c : m) c = static_cast<char>(std::toupper(c));
    auto res = Call(o.role, m, path, m == "GET" ? "" : body, o.content_type);
    ++requests;
    SCOPED_TRACE(m + " " + o.path_template + " as " + (o.role.empty() ? "anonymous" : o.role) +
                 ": " + what);
    ASSERT_TRUE(res) << "no reply: " << httplib::to_string(res.error());
    ++statuses[res->status];
    EXPECT_LT(res->status, 500) << res->body.substr(0, 300);
    json reply = json::parse(res->body, nullptr, false);
    ASSERT_FALSE(reply.is_discarded()) << "not JSON: " << res->body.substr(0, 200);
    if (o.action != "meta.openapi") {
      EXPECT_EQ(Validator().CheckReply(o.method, o.path_template, res->status, reply), "");
    }
  };

  int fields = 0;
  for (const Operation& o : ops) {
    const std::string path = ConcretePath(o.path_template);
    for (const std::string& field : o.fields) {
      ++fields;
      for (const auto& [name, value] : HostileValues()) {
        send(o, path, BodyWithField(field, value), "field " + field + " = " + name);
      }
    }
    if (o.method != "get" && o.content_type == "application/json") {
      for (const auto& [name, body] : HostileBodies()) send(o, path, body, "body " + name);
    }
    for (const std::string& param : o.path_params) {
      for (const std::string& bad : kHostileParams) {
        std::string p = o.path_template;
        p.replace(p.find("{" + param + "}"), param.size() + 2, UrlEncode(bad));
        send(o, ConcretePath(p), "{}", "path " + param + " = " + bad.substr(0, 40));
      }
    }
    for (const std::string& param : o.query_params) {
      for (const std::string& bad : kHostileParams) {
        send(o, path + "?" + param + "=" + UrlEncode(bad), "{}",
             "query " + param + " = " + bad.substr(0, 40));
      }
    }
    if (::testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GE(fields, 20);
  std::string summary;
  for (const auto& [status, n] : statuses) {
    summary += " " + std::to_string(status) + "x" + std::to_string(n);
  }
  std::printf("hostile input: %zu operations, %d body fields, %d requests; statuses%s\n",
              ops.size(), fields, requests, summary.c_str());

  // Still serving, nothing dropped, both chains intact.
  EXPECT_EQ(Call("", "GET", "/api/v1/health")->status, 200);
  for (const char* table : {"events", "users", "audit_log", "source_records", "sessions"}) {
    auto rows = db->Query(std::string("SELECT COUNT(*) FROM ") + table);
    ASSERT_TRUE(rows.ok()) << table << ": " << rows.status().ToString();
  }
  json verify = Expect(Call("admin", "GET", "/api/v1/verify"), 200, "get", "/api/v1/verify");
  EXPECT_EQ(verify["ok"], true) << verify.dump();
}

INSTANTIATE_TEST_SUITE_P(Backends, HostileInputTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::http
