#include "service/access_policy.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace reunite::service {
namespace {

using cases::Role;

TEST(AccessPolicyTest, EmbeddedMatrixIsTheRepositoryFile) {
  std::ifstream in(std::string(std::getenv("REUNITE_SOURCE_DIR")) + "/config/roles.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = AccessPolicy::Parse(ss.str(), "roles.json");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->actions().size(), AccessPolicy::Default().actions().size());
}

TEST(AccessPolicyTest, AllowsByRoleAndPublic) {
  const AccessPolicy& p = AccessPolicy::Default();
  EXPECT_TRUE(p.Allows(std::nullopt, "tracing.submit"));
  EXPECT_TRUE(p.Allows(std::nullopt, "auth.login"));
  EXPECT_FALSE(p.Allows(std::nullopt, "users.list"));
  EXPECT_TRUE(p.Allows(Role::kAdmin, "users.list"));
  EXPECT_FALSE(p.Allows(Role::kCaseworker, "users.list"));
  EXPECT_TRUE(p.Allows(Role::kAuditor, "audit.query"));
  EXPECT_FALSE(p.Allows(Role::kAdmin, "audit.query"));
  EXPECT_FALSE(p.Allows(Role::kAdmin, "no.such.action"));
  EXPECT_EQ(p.Check(std::nullopt, "users.list").code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(p.Check(Role::kMonitor, "users.list").code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(p.Check(Role::kAdmin, "no.such.action").code(), ErrorCode::kInternal);
}

TEST(AccessPolicyTest, MonitorIsRefusedAChildsAddressAndShelter) {
  const AccessPolicy& p = AccessPolicy::Default();
  nlohmann::json record = {{"fields",
                            {{"given_name", "Chepe"},
                             {"address", "12 Calle Real"},
                             {"phone", "+502 5555 0101"},
                             {"shelter", "Casa Esperanza"},
                             {"sponsor_relation", "aunt"}}},
                           {"raw", "U1,Chepe,..."},
                           {"events", {{{"custodian", "Casa Esperanza"}, {"type", "x"}}}}};
  nlohmann::json for_monitor = record;
  p.Redact(Role::kMonitor, for_monitor);
  EXPECT_EQ(for_monitor["fields"]["given_name"], "Chepe");
  EXPECT_FALSE(for_monitor["fields"].contains("address"));
  EXPECT_FALSE(for_monitor["fields"].contains("phone"));
  EXPECT_FALSE(for_monitor["fields"].contains("shelter"));
  EXPECT_FALSE(for_monitor["fields"].contains("sponsor_relation"));
  EXPECT_FALSE(for_monitor.contains("raw"));
  EXPECT_FALSE(for_monitor["events"][0].contains("custodian"));
  EXPECT_EQ(for_monitor["redacted"], (nlohmann::json{"address", "custodian", "phone", "raw",
                                                     "shelter", "sponsor_relation"}));
  nlohmann::json for_caseworker = record;
  p.Redact(Role::kCaseworker, for_caseworker);
  EXPECT_EQ(for_caseworker, record);  // nothing hidden, no "redacted" list
}

TEST(AccessPolicyTest, ParseErrorsNameTheJsonPath) {
  auto bad = AccessPolicy::Parse(
      R"({"actions": {"x": {"roles": ["admin", "janitor"], "audit": "none"}}})", "r.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("actions.x.roles[1]"), std::string::npos)
      << bad.status().message();
  auto no_roles = AccessPolicy::Parse(R"({"actions": {"x": {"audit": "none"}}})", "r.json");
  EXPECT_FALSE(no_roles.ok());
  auto bad_audit = AccessPolicy::Parse(
      R"({"actions": {"x": {"public": true, "audit": "sometimes"}}})", "r.json");
  EXPECT_FALSE(bad_audit.ok());
}

}  // namespace
}  // namespace reunite::service
