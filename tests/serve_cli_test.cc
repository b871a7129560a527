// `reunite serve` and `reunite user` as processes: the URL printed on start
// (port 0), a clean stop on SIGTERM, TLS from a certificate and key, two
// servers sharing one PostgreSQL, and passwords read from stdin only.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "storage/audit_log.h"
#include "storage/migrations.h"
#include "support/process.h"
#include "support/serve_process.h"

namespace reunite::testing {
namespace {

using nlohmann::json;

std::string AddUser(const std::string& db, const std::string& name, const std::string& role,
                    const std::string& password) {
  return RunReunite("user add " + name + " --role " + role + " --fast-hash --db '" + db +
                    "' <<'EOF'\n" + password + "\nEOF")
      .output;
}

TEST(UserCliTest, AddListDisableResetWithPasswordsFromStdin) {
  std::string dir = MakeTempDir("user");
  std::string db = dir + "/reunite.db";
  EXPECT_NE(AddUser(db, "maria", "caseworker", "maria-password-1").find("added maria (caseworker)"),
            std::string::npos);
  ProcessResult dup = RunReunite("user add maria --db " + db + " </dev/null");
  EXPECT_EQ(dup.exit_code, 1) << dup.output;
  ProcessResult nopass = RunReunite("user add ana --db " + db + " </dev/null");
  EXPECT_EQ(nopass.exit_code, 1);
  EXPECT_NE(nopass.output.find("no password"), std::string::npos) << nopass.output;
  ProcessResult weak =
      RunCommand("printf 'short\\n' | " + ReuniteBinary() + " user add ana --db " + db);
  EXPECT_NE(weak.output.find("at least 12"), std::string::npos) << weak.output;
  // There is no password option at all.
  ProcessResult argv = RunReunite("user add ana --password x --db " + db);
  EXPECT_EQ(argv.exit_code, 1);
  ProcessResult list = RunReunite("user list --db " + db);
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.output.find("maria"), std::string::npos);
  EXPECT_NE(list.output.find("1 accounts"), std::string::npos) << list.output;
  EXPECT_EQ(RunReunite("user disable maria --db " + db).exit_code, 0);
  EXPECT_NE(RunReunite("user list --db " + db).output.find("disabled"), std::string::npos);
  EXPECT_EQ(RunReunite("user enable maria --db " + db).exit_code, 0);
  ProcessResult reset = RunCommand("printf 'maria-password-2\\n' | " + ReuniteBinary() +
                                   " user reset maria --fast-hash --db " + db);
  EXPECT_EQ(reset.exit_code, 0) << reset.output;
  EXPECT_EQ(RunReunite("user disable nobody --db " + db).exit_code, 1);
  // Each change is audited as the operator, and the chain verifies.
  auto conn = storage::OpenAndMigrate(db);
  ASSERT_TRUE(conn.ok());
  auto entries = storage::AuditLog(**conn).Find({});
  ASSERT_TRUE(entries.ok());
  std::vector<std::string> actions;
  for (const auto& e : *entries) {
    actions.push_back(e.draft.action);
    EXPECT_EQ(e.draft.actor.rfind("cli:", 0), 0u) << e.draft.actor;
    EXPECT_EQ(e.draft.detail.find("maria-password"), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"users.reset_password", "users.update", "users.list",
                                               "users.update", "users.list", "users.create"}));
  ProcessResult verify = RunReunite("verify --db " + db);
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("6 audit entries, hash chain intact"), std::string::npos)
      << verify.output;
}

TEST(ServeCliTest, PrintsTheUrlServesAndStopsOnSigterm) {
  std::string dir = MakeTempDir("serve");
  std::string db = dir + "/reunite.db";
  AddUser(db, "root", "admin", "root-password-1");
  ServeProcess serve(
      {"--db", db, "--listen", "127.0.0.1:0", "--model", SourceDir() + "/models/person.json"});
  ASSERT_FALSE(serve.url().empty()) << serve.output();
  EXPECT_EQ(serve.url().rfind("http://127.0.0.1:", 0), 0u);
  httplib::Client c("127.0.0.1", serve.port());
  auto health = c.Get("/api/v1/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto login = c.Post("/api/v1/auth/login", R"({"username":"root","password":"root-password-1"})",
                      "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200) << login->body;
  EXPECT_EQ(serve.Stop(), 0);
  EXPECT_NE(serve.output().find("serve: stopped"), std::string::npos) << serve.output();
}

TEST(ServeCliTest, BadOptionsAreUserErrors) {
  std::string dir = MakeTempDir("serve");
  ProcessResult listen = RunReunite("serve --db " + dir + "/r.db --listen nowhere");
  EXPECT_EQ(listen.exit_code, 1);
  EXPECT_NE(listen.output.find("--listen"), std::string::npos) << listen.output;
  ProcessResult tls = RunReunite("serve --db " + dir + "/r.db --listen 127.0.0.1:0 --tls-cert " +
                                 dir + "/missing.pem --tls-key " + dir + "/missing.key");
  EXPECT_EQ(tls.exit_code, 1);
  EXPECT_NE(tls.output.find("certificate"), std::string::npos) << tls.output;
  ProcessResult half = RunReunite("serve --db " + dir + "/r.db --tls-cert x.pem");
  EXPECT_EQ(half.exit_code, 1);
  ProcessResult st = RunReunite("serve --db " + dir + "/r.db --static " + dir + "/nothing");
  EXPECT_EQ(st.exit_code, 1);
}

TEST(ServeCliTest, ServesTlsFromACertificateAndKey) {
  std::string dir = MakeTempDir("tls");
  ProcessResult gen =
      RunCommand("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout " +
                 dir + "/key.pem -out " + dir + "/cert.pem");
  ASSERT_EQ(gen.exit_code, 0) << gen.output;
  ServeProcess serve({"--db", dir + "/r.db", "--listen", "127.0.0.1:0", "--tls-cert",
                      dir + "/cert.pem", "--tls-key", dir + "/key.pem"});
  ASSERT_EQ(serve.url().rfind("https://127.0.0.1:", 0), 0u) << serve.output();
  httplib::SSLClient c("127.0.0.1", serve.port());
  c.set_ca_cert_path((dir + "/cert.pem").c_str());
  c.enable_server_certificate_verification(true);
  auto res = c.Get("/api/v1/health");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Strict-Transport-Security"), "max-age=31536000");
  // Login cookies are Secure over TLS.
  auto login =
      c.Post("/api/v1/auth/login", R"({"username":"x","password":"y"})", "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 401);
  // Plain HTTP to the TLS port gets no reply.
  httplib::Client plain("127.0.0.1", serve.port());
  plain.set_read_timeout(2, 0);
  auto p = plain.Get("/api/v1/health");
  EXPECT_TRUE(!p || p->status != 200);
  EXPECT_EQ(serve.Stop(), 0);
}

TEST(ServeCliTest, TwoServersShareOnePostgres) {
  const char* pg = std::getenv("REUNITE_TEST_PG_URL");
  if (pg == nullptr || *pg == '\0') {
    if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") {
      FAIL() << "CI=true but REUNITE_TEST_PG_URL is unset";
    }
    GTEST_SKIP() << "PostgreSQL not configured (REUNITE_TEST_PG_URL unset)";
  }
  auto admin = storage::OpenConnection(pg);
  ASSERT_TRUE(admin.ok());
  std::string schema = "serve_" + std::to_string(getpid());
  ASSERT_TRUE((*admin)->Execute("CREATE SCHEMA " + schema, {}).ok());
  std::string base = pg;
  std::string url = base + (base.find('?') == std::string::npos ? "?" : "&") +
                    "options=-csearch_path%3D" + schema;
  AddUser(url, "maria", "caseworker", "maria-password-1");
  {
    ServeProcess a({"--db", url, "--listen", "127.0.0.1:0"});
    ServeProcess b({"--db", url, "--listen", "127.0.0.1:0"});
    ASSERT_FALSE(a.url().empty()) << a.output();
    ASSERT_FALSE(b.url().empty()) << b.output();
    httplib::Client ca("127.0.0.1", a.port()), cb("127.0.0.1", b.port());
    auto login =
        ca.Post("/api/v1/auth/login", R"({"username":"maria","password":"maria-password-1"})",
                "application/json");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    std::string token = json::parse(login->body)["token"];
    httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
    // A session opened on one server works on the other, and signing out on it ends it on both.
    auto me = cb.Get("/api/v1/auth/me", bearer);
    ASSERT_TRUE(me);
    EXPECT_EQ(me->status, 200);
    EXPECT_EQ(cb.Post("/api/v1/auth/logout", bearer, "", "application/json")->status, 200);
    EXPECT_EQ(ca.Get("/api/v1/auth/me", bearer)->status, 401);
    // The login throttle is shared: failures on A block the account on B.
    for (int i = 0; i < 6; ++i) {
      (void)ca.Post("/api/v1/auth/login", R"({"username":"maria","password":"wrong-password"})",
                    "application/json");
    }
    auto blocked =
        cb.Post("/api/v1/auth/login", R"({"username":"maria","password":"maria-password-1"})",
                "application/json");
    ASSERT_TRUE(blocked);
    EXPECT_EQ(blocked->status, 429) << blocked->body;
    EXPECT_EQ(a.Stop(), 0);
    EXPECT_EQ(b.Stop(), 0);
  }
  ProcessResult verify = RunReunite("verify --db '" + url + "'");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  (void)(*admin)->Execute("DROP SCHEMA " + schema + " CASCADE", {});
}

}  // namespace
}  // namespace reunite::testing
