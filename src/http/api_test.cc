// API integration tests: a real server on port 0 over real SQLite and real
// PostgreSQL, called with cpp-httplib's client; every reply is checked
// against api/openapi.json.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "http/api_test_support.h"
#include "storage/audit_log.h"
#include "storage/event_log.h"

namespace reunite::http {
namespace {

using nlohmann::json;
using storage::Backend;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using ApiRoutesTest = ApiTest;

TEST_P(ApiRoutesTest, HealthAndOpenApiArePublic) {
  json h = Expect(Call("", "GET", "/api/v1/health"), 200, "get", "/api/v1/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_GE(h["schema_version"].get<int>(), 9);
  json doc = Expect(Call("", "GET", "/api/v1/openapi.json"), 200, "get", "/api/v1/openapi.json");
  EXPECT_EQ(doc, Validator().doc());  // the embedded document is the repository's file
}

TEST_P(ApiRoutesTest, LoginMeLogout) {
  auto res =
      Call("", "POST", "/api/v1/auth/login",
           json{{"username", "demo-caseworker"}, {"password", "caseworker-password-1"}}.dump());
  json s = Expect(res, 200, "post", "/api/v1/auth/login");
  // Both cookies, the session one HttpOnly and SameSite=Strict.
  std::string cookies;
  for (size_t i = 0; i < res->get_header_value_count("Set-Cookie"); ++i) {
    cookies += res->get_header_value("Set-Cookie", i) + "\n";
  }
  EXPECT_NE(cookies.find("reunite_session=" + s["token"].get<std::string>() +
                         "; Path=/api; HttpOnly; SameSite=Strict"),
            std::string::npos)
      << cookies;
  EXPECT_NE(cookies.find("reunite_csrf=" + s["csrf_token"].get<std::string>()), std::string::npos);

  auto c = Client();
  httplib::Headers bearer = {{"Authorization", "Bearer " + s["token"].get<std::string>()}};
  json me = Expect(c->Get("/api/v1/auth/me", bearer), 200, "get", "/api/v1/auth/me");
  EXPECT_EQ(me["user"]["username"], "demo-caseworker");
  EXPECT_EQ(me["user"]["role"], "caseworker");
  json out = Expect(c->Post("/api/v1/auth/logout", bearer, "", "application/json"), 200, "post",
                    "/api/v1/auth/logout");
  EXPECT_EQ(out["signed_out"], true);
  json gone = Expect(c->Get("/api/v1/auth/me", bearer), 401, "get", "/api/v1/auth/me");
  EXPECT_EQ(gone["error"]["code"], "unauthenticated");
}

TEST_P(ApiRoutesTest, CookieSessionsNeedTheCsrfTokenToChangeAnything) {
  Signed s = Login("demo-caseworker", "caseworker-password-1");
  auto c = Client();
  httplib::Headers cookie = {{"Cookie", "reunite_session=" + s.token}};
  // Reads work with the cookie alone.
  Expect(c->Get("/api/v1/auth/me", cookie), 200, "get", "/api/v1/auth/me");
  // A state-changing request without (or with a wrong) X-CSRF-Token is refused.
  json no = Expect(c->Post("/api/v1/auth/logout", cookie, "", "application/json"), 403, "post",
                   "/api/v1/auth/logout");
  EXPECT_NE(no["error"]["message"].get<std::string>().find("X-CSRF-Token"), std::string::npos);
  httplib::Headers wrong = cookie;
  wrong.emplace("X-CSRF-Token", "not-the-token");
  Expect(c->Post("/api/v1/auth/logout", wrong, "", "application/json"), 403, "post",
         "/api/v1/auth/logout");
  httplib::Headers right = cookie;
  right.emplace("X-CSRF-Token", s.csrf);
  Expect(c->Post("/api/v1/auth/logout", right, "", "application/json"), 200, "post",
         "/api/v1/auth/logout");
  Expect(c->Get("/api/v1/auth/me", cookie), 401, "get", "/api/v1/auth/me");
}

TEST_P(ApiRoutesTest, AdminsManageUsers) {
  json created = Expect(Call("admin", "POST", "/api/v1/users",
                             json{{"username", "Lucia"},
                                  {"role", "monitor"},
                                  {"password", "lucia-password-1"},
                                  {"display_name", "Lucía"}}
                                 .dump()),
                        201, "post", "/api/v1/users");
  EXPECT_EQ(created["username"], "lucia");
  Expect(Call("admin", "POST", "/api/v1/users",
              json{{"username", "lucia"}, {"role", "monitor"}, {"password", "lucia-password-1"}}
                  .dump()),
         409, "post", "/api/v1/users");
  json bad = Expect(Call("admin", "POST", "/api/v1/users",
                         json{{"username", "x"}, {"role", "janitor"}, {"password", "p"}}.dump()),
                    400, "post", "/api/v1/users");
  EXPECT_EQ(bad["error"]["code"], "invalid_argument");
  json list = Expect(Call("admin", "GET", "/api/v1/users"), 200, "get", "/api/v1/users");
  EXPECT_EQ(list["users"].size(), 7u);
  EXPECT_EQ(list.dump().find("argon2"), std::string::npos);  // never the hash

  Signed lucia = Login("lucia", "lucia-password-1");
  json off = Expect(Call("admin", "PATCH", "/api/v1/users/lucia", json{{"disabled", true}}.dump()),
                    200, "patch", "/api/v1/users/{username}");
  EXPECT_EQ(off["disabled"], true);
  auto c = Client();
  Expect(c->Get("/api/v1/auth/me", {{"Authorization", "Bearer " + lucia.token}}), 401, "get",
         "/api/v1/auth/me");
  Expect(Call("admin", "PATCH", "/api/v1/users/lucia",
              json{{"disabled", false}, {"role", "counsel"}}.dump()),
         200, "patch", "/api/v1/users/{username}");
  Expect(Call("admin", "PATCH", "/api/v1/users/nobody", json{{"disabled", true}}.dump()), 404,
         "patch", "/api/v1/users/{username}");
  json reset = Expect(Call("admin", "POST", "/api/v1/users/lucia/password",
                           json{{"password", "lucia-password-2"}}.dump()),
                      200, "post", "/api/v1/users/{username}/password");
  EXPECT_EQ(reset["role"], "counsel");
  Signed again = Login("lucia", "lucia-password-2");
  EXPECT_FALSE(again.token.empty());
}

TEST_P(ApiRoutesTest, SourceRecordIsRedactedByRoleAndEveryReadIsAudited) {
  json full = Expect(Call("caseworker", "GET", "/api/v1/source-records/orr/UAC0000001"), 200, "get",
                     "/api/v1/source-records/{source}/{record_key}");
  EXPECT_EQ(full["fields"]["given_name"], "Rosa Guadalupe");
  EXPECT_EQ(full["fields"]["shelter"], "Lakeshore Children's Center");
  EXPECT_TRUE(full.contains("raw"));
  EXPECT_FALSE(full.contains("redacted"));
  // A court monitor is refused the child's location, contacts and the raw row.
  json monitor = Expect(Call("monitor", "GET", "/api/v1/source-records/1"), 200, "get",
                        "/api/v1/source-records/{id}");
  EXPECT_EQ(monitor["fields"]["given_name"], "Rosa Guadalupe");
  for (const char* hidden : {"shelter", "shelter_city", "shelter_state", "parent_info"}) {
    EXPECT_FALSE(monitor["fields"].contains(hidden)) << hidden;
  }
  EXPECT_FALSE(monitor.contains("raw"));
  EXPECT_EQ(monitor.dump().find("Lakeshore"), std::string::npos);
  EXPECT_EQ(monitor.dump().find("Chicago"), std::string::npos);
  EXPECT_NE(std::find(monitor["redacted"].begin(), monitor["redacted"].end(), "shelter"),
            monitor["redacted"].end());
  Expect(Call("monitor", "GET", "/api/v1/source-records/999"), 404, "get",
         "/api/v1/source-records/{id}");

  json audit = Expect(Call("auditor", "GET", "/api/v1/audit?subject=orr%2FUAC0000001"), 200, "get",
                      "/api/v1/audit");
  ASSERT_EQ(audit["entries"].size(), 2u);
  EXPECT_EQ(audit["entries"][0]["actor"], "demo-monitor");
  EXPECT_EQ(audit["entries"][0]["role"], "monitor");
  EXPECT_EQ(audit["entries"][0]["action"], "records.read");
  EXPECT_EQ(audit["entries"][0]["route"], "GET /api/v1/source-records/{id}");
  EXPECT_EQ(audit["entries"][0]["client_address"], "127.0.0.1");
  EXPECT_EQ(audit["entries"][1]["actor"], "demo-caseworker");
}

TEST_P(ApiRoutesTest, AuditQueryFiltersAndPages) {
  for (int i = 0; i < 3; ++i) Call("counsel", "GET", "/api/v1/source-records/2");
  Call("monitor", "GET", "/api/v1/users");  // refused, and audited as such
  json denied = Expect(Call("auditor", "GET", "/api/v1/audit?outcome=permission_denied"), 200,
                       "get", "/api/v1/audit");
  ASSERT_EQ(denied["entries"].size(), 1u);
  EXPECT_EQ(denied["entries"][0]["actor"], "demo-monitor");
  EXPECT_EQ(denied["entries"][0]["action"], "users.list");
  json page = Expect(Call("auditor", "GET", "/api/v1/audit?actor=demo-counsel&limit=2"), 200, "get",
                     "/api/v1/audit");
  ASSERT_EQ(page["entries"].size(), 2u);
  int64_t before = page["next_before_seq"];
  json rest =
      Expect(Call("auditor", "GET",
                  "/api/v1/audit?actor=demo-counsel&limit=2&before_seq=" + std::to_string(before)),
             200, "get", "/api/v1/audit");
  ASSERT_EQ(rest["entries"].size(), 2u);  // the third read and the login
  EXPECT_EQ(rest["entries"][1]["action"], "auth.login");
  EXPECT_TRUE(rest["next_before_seq"].is_number());
  Expect(Call("auditor", "GET", "/api/v1/audit?limit=0"), 400, "get", "/api/v1/audit");
  Expect(Call("auditor", "GET", "/api/v1/audit?limit=ten"), 400, "get", "/api/v1/audit");
}

TEST_P(ApiRoutesTest, VerifyReportsBothChainsAndNamesATamperedEntry) {
  json ok = Expect(Call("auditor", "GET", "/api/v1/verify"), 200, "get", "/api/v1/verify");
  EXPECT_TRUE(ok["ok"].get<bool>());
  EXPECT_GT(ok["events"]["entries_checked"].get<int>(), 0);
  EXPECT_GT(ok["audit"]["entries_checked"].get<int>(), 0);
  ASSERT_TRUE(db->Execute("UPDATE events SET actor = 'someone' WHERE seq = 2", {}).ok());
  json broken = Expect(Call("admin", "GET", "/api/v1/verify"), 200, "get", "/api/v1/verify");
  EXPECT_FALSE(broken["ok"].get<bool>());
  EXPECT_EQ(broken["events"]["first_broken_seq"], 2);
  EXPECT_TRUE(broken["audit"]["ok"].get<bool>());
}

TEST_P(ApiRoutesTest, ImportUploadListAndQuarantine) {
  const std::string src = std::getenv("REUNITE_SOURCE_DIR");
  std::string csv = ReadFile(src + "/tests/data/orr_small.csv");
  csv +=
      "UAC0000006,,Ixcot,Pedro,13/45/2015,M,Guatemala,Mam,Casa "
      "Esperanza,Brownsville,TX,06/05/2018,,,,,,\n";
  json summary = Expect(
      Call("admin", "POST", "/api/v1/imports?source=orr&filename=orr%20june.csv", csv, "text/csv"),
      201, "post", "/api/v1/imports");
  EXPECT_EQ(summary["rows_new"], 0);  // the five known rows are already stored
  EXPECT_EQ(summary["rows_duplicate"], 5);
  EXPECT_EQ(summary["rows_quarantined"], 1);
  EXPECT_EQ(summary["path"], "upload:orr_june.csv");
  json again =
      Expect(Call("admin", "POST", "/api/v1/imports?source=orr&filename=x.csv", csv, "text/csv"),
             201, "post", "/api/v1/imports");
  EXPECT_TRUE(again["already_imported"].get<bool>());
  Expect(Call("admin", "POST", "/api/v1/imports?source=nosuch", csv, "text/csv"), 404, "post",
         "/api/v1/imports");
  Expect(Call("admin", "POST", "/api/v1/imports?source=..%2Fetc", csv, "text/csv"), 400, "post",
         "/api/v1/imports");
  json bad = Expect(Call("admin", "POST", "/api/v1/imports?source=orr&filename=bad.csv",
                         "uac_id,nothing\nU1,x\n", "text/csv"),
                    400, "post", "/api/v1/imports");
  EXPECT_EQ(bad["error"]["message"].get<std::string>().find("/tmp"), std::string::npos)
      << bad.dump();  // names the upload, not the server's temporary path
  EXPECT_EQ(bad["error"]["message"].get<std::string>().find(src), std::string::npos)
      << bad.dump();  // nor the server's mapping directory
  json files = Expect(Call("reviewer", "GET", "/api/v1/imports"), 200, "get", "/api/v1/imports");
  ASSERT_EQ(files["files"].size(), 2u);
  EXPECT_EQ(files["files"][1]["path"], "upload:orr_june.csv");
  json q = Expect(Call("admin", "GET", "/api/v1/quarantine?source=orr"), 200, "get",
                  "/api/v1/quarantine");
  ASSERT_EQ(q["rows"].size(), 1u);
  EXPECT_EQ(q["rows"][0]["line"], 7);
  EXPECT_EQ(q["rows"][0]["field"], "dob");
  EXPECT_EQ(q["rows"][0]["path"], "upload:orr_june.csv");
}

TEST_P(ApiRoutesTest, EventsAreRedactedForMonitors) {
  json cw =
      Expect(Call("caseworker", "GET", "/api/v1/events?limit=3"), 200, "get", "/api/v1/events");
  ASSERT_FALSE(cw["events"].empty());
  EXPECT_EQ(cw["last_seq"], cw["events"].back()["seq"]);
  json first = Expect(Call("caseworker", "GET", "/api/v1/events?after_seq=0&limit=1"), 200, "get",
                      "/api/v1/events");
  ASSERT_EQ(first["events"].size(), 1u);
  EXPECT_EQ(first["events"][0]["seq"], 1);
  EXPECT_EQ(first["events"][0]["type"], "custody_transferred");
  EXPECT_EQ(first["events"][0]["custodian"], "Lakeshore Children's Center");
  EXPECT_EQ(first["events"][0]["payload"]["shelter_city"], "Chicago");
  json mon = Expect(Call("monitor", "GET", "/api/v1/events?after_seq=0&limit=1"), 200, "get",
                    "/api/v1/events");
  EXPECT_FALSE(mon["events"][0].contains("custodian"));
  EXPECT_FALSE(mon["events"][0]["payload"].contains("shelter_city"));
  EXPECT_EQ(mon["events"][0]["type"], "custody_transferred");
  EXPECT_EQ(mon.dump().find("Lakeshore"), std::string::npos);
}

TEST_P(ApiRoutesTest, TracingIntakeToClosedRequest) {
  json intake = {
      {"language", "es"},
      {"requester",
       {{"name", "Génesis García"}, {"relationship", "grandparent"}, {"phone", "+502 5555 0100"}}},
      {"sought",
       {{"given_name", "Rosa"},
        {"family_name", "Mejia Alvarado"},
        {"dob", "2010-12-22"},
        {"sex", "female"},
        {"nationality", "Guatemala"}}},
      {"notes", "Separated in 2018"}};
  json ack = Expect(Call("", "POST", "/api/v1/tracing-requests", intake.dump()), 202, "post",
                    "/api/v1/tracing-requests");
  EXPECT_EQ(ack["status"], "received");
  EXPECT_EQ(ack.dump().find("UAC"), std::string::npos);
  json list = Expect(Call("caseworker", "GET", "/api/v1/tracing-requests?status=matched"), 200,
                     "get", "/api/v1/tracing-requests");
  ASSERT_EQ(list["requests"].size(), 1u);
  EXPECT_EQ(list["requests"][0]["reference"], ack["reference"]);
  int64_t id = list["requests"][0]["id"];
  std::string base = "/api/v1/tracing-requests/" + std::to_string(id);
  json detail =
      Expect(Call("caseworker", "GET", base), 200, "get", "/api/v1/tracing-requests/{id}");
  ASSERT_FALSE(detail["candidates"].empty());
  EXPECT_EQ(detail["candidates"][0]["ref"], "orr/UAC0000001");
  EXPECT_EQ(detail["requester"]["phone"], "+502 5555 0100");
  json assigned = Expect(Call("caseworker", "POST", base + "/assign", ""), 200, "post",
                         "/api/v1/tracing-requests/{id}/assign");
  EXPECT_EQ(assigned["assigned_to"], "demo-caseworker");
  json rematched = Expect(Call("caseworker", "POST", base + "/rematch", ""), 200, "post",
                          "/api/v1/tracing-requests/{id}/rematch");
  EXPECT_EQ(rematched["status"], "assigned");
  EXPECT_GE(rematched["candidate_count"].get<int>(), 1);
  Expect(Call("caseworker", "POST", base + "/close", json{{"resolution", "maybe"}}.dump()), 400,
         "post", "/api/v1/tracing-requests/{id}/close");
  json closed =
      Expect(Call("caseworker", "POST", base + "/close",
                  json{{"resolution", "found"}, {"note", "called the grandmother"}}.dump()),
             200, "post", "/api/v1/tracing-requests/{id}/close");
  EXPECT_EQ(closed["status"], "closed");
  Expect(Call("caseworker", "POST", base + "/close", json{{"resolution", "found"}}.dump()), 409,
         "post", "/api/v1/tracing-requests/{id}/close");
  Expect(Call("caseworker", "GET", "/api/v1/tracing-requests/77"), 404, "get",
         "/api/v1/tracing-requests/{id}");
  Expect(Call("caseworker", "GET", "/api/v1/tracing-requests/abc"), 400, "get",
         "/api/v1/tracing-requests/{id}");
  json invalid =
      Expect(Call("", "POST", "/api/v1/tracing-requests", json{{"sought", json::object()}}.dump()),
             400, "post", "/api/v1/tracing-requests");
  EXPECT_EQ(invalid["error"]["code"], "invalid_argument");
}

TEST_P(ApiRoutesTest, EveryOperationIsServedOrPlannedAndEveryActionIsInTheMatrix) {
  const auto& policy = service::AccessPolicy::Default();
  std::set<std::string> used;
  for (const auto& [path, ops] : Validator().doc()["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      std::string action = op["x-reunite-action"];
      used.insert(action);
      ASSERT_NE(policy.Find(action), nullptr) << method << " " << path << ": " << action;
      EXPECT_EQ(op.contains("x-reunite-planned"), !policy.Find(action)->planned.empty())
          << method << " " << path;
      EXPECT_EQ(op["security"].empty(), policy.Find(action)->is_public) << method << " " << path;
      if (!op.contains("x-reunite-planned")) continue;
      // A planned route is not served yet: the server says so, with no data.
      std::string concrete = path;
      for (size_t b; (b = concrete.find('{')) != std::string::npos;) {
        concrete.replace(b, concrete.find('}') - b + 1, "1");
      }
      std::string m = method;
      for (char& ch : m) ch = static_cast<char>(std::toupper(ch));
      auto res = Call("admin", m, concrete, m == "GET" ? "" : "{}");
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 404) << m << " " << concrete << " is served: remove x-reunite-planned";
    }
  }
  for (const auto& [name, rule] : policy.actions()) {
    EXPECT_EQ(used.count(name), 1u) << "action " << name << " has no route in openapi.json";
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiRoutesTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::http
