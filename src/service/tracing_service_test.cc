#include "service/tracing_service.h"

#include <gtest/gtest.h>

#include "ingest/mapping.h"
#include "service/import_service.h"
#include "service/user_service.h"
#include "storage/audit_log.h"
#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

using nlohmann::json;
using storage::Backend;

class TracingServiceTest : public storage::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    db = db_->Open();
    ASSERT_TRUE(db);
    ASSERT_TRUE(storage::Migrate(*db).ok());
    std::string src = std::getenv("REUNITE_SOURCE_DIR");
    auto mapping = ingest::LoadMapping(src + "/mappings/orr.toml");
    ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
    ASSERT_TRUE(ImportFile(*db, *mapping, src + "/tests/data/orr_small.csv").ok());
    auto idx = TracingIndex::FromModelFile(src + "/models/person.json");
    ASSERT_TRUE(idx.ok());
    index = std::move(idx).value();
    options.index = index.get();
    public_caller.username = "anonymous";
    public_caller.client_address = "192.0.2.7";
    public_caller.action = "tracing.submit";
    caseworker.username = "maria";
    caseworker.role = cases::Role::kCaseworker;
    caseworker.client_address = "127.0.0.1";
    Caller cli = CommandLineCaller("user add");
    cli.action = "users.create";
    ASSERT_TRUE(CreateUser(*db, cli, {1, 8u << 20},
                           {"maria", "", cases::Role::kCaseworker, "maria-password-1"})
                    .ok());
  }

  json Intake(const std::string& given, const std::string& family, const std::string& dob) {
    return {{"language", "es"},
            {"requester",
             {{"name", "Génesis García"},
              {"relationship", "grandparent"},
              {"phone", "+502 5555 0100"}}},
            {"sought",
             {{"given_name", given},
              {"family_name", family},
              {"dob", dob},
              {"sex", "female"},
              {"nationality", "Guatemala"}}},
            {"notes", "Separated at the border in 2018"}};
  }

  std::unique_ptr<storage::Connection> db;
  std::unique_ptr<TracingIndex> index;
  TracingOptions options;
  Caller public_caller, caseworker;
  const AccessPolicy& policy = AccessPolicy::Default();
};

TEST_P(TracingServiceTest, IntakeIsMatchedQueuedAndRevealsNothing) {
  // A misspelt name and the right date of birth.
  auto ack = SubmitTracingRequest(*db, options, public_caller,
                                  Intake("Rosa Guadalupe", "Mejia Albarado", "2010-12-22"));
  ASSERT_TRUE(ack.ok()) << ack.status().ToString();
  auto nothing =
      SubmitTracingRequest(*db, options, public_caller, Intake("Xochitl", "Zzyzx", "1999-01-01"));
  ASSERT_TRUE(nothing.ok());
  // Same shape, no record data, whatever matched.
  EXPECT_EQ(ack->size(), 3u);
  EXPECT_EQ(nothing->size(), 3u);
  EXPECT_EQ((*ack)["status"], "received");
  EXPECT_EQ((*nothing)["status"], "received");
  EXPECT_NE((*ack)["reference"], (*nothing)["reference"]);
  EXPECT_EQ((*ack)["reference"].get<std::string>().size(), 12u);
  std::string text = ack->dump();
  EXPECT_EQ(text.find("UAC"), std::string::npos);
  EXPECT_EQ(text.find("Lakeshore"), std::string::npos);
  EXPECT_NE((*ack)["message"].get<std::string>().find("Recibimos"), std::string::npos);

  caseworker.action = "tracing.list";
  storage::TracingQuery q;
  q.status = "matched";
  auto queue = ListTracingRequests(*db, policy, caseworker, q);
  ASSERT_TRUE(queue.ok()) << queue.status().ToString();
  ASSERT_EQ((*queue)["requests"].size(), 2u);
  EXPECT_GE((*queue)["requests"][0]["candidate_count"].get<int>(), 1);

  caseworker.action = "tracing.read";
  auto one = ReadTracingRequest(*db, policy, caseworker, 1);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  const json& best = (*one)["candidates"][0];
  EXPECT_EQ(best["ref"], "orr/UAC0000001");
  EXPECT_GT(best["match_probability"].get<double>(), 0.5);
  EXPECT_EQ(best["record"]["fields"]["given_name"], "Rosa Guadalupe");
  EXPECT_EQ((*one)["requester"]["phone"], "+502 5555 0100");  // a caseworker sees contact

  // The reader is the assignee; an unassigned close is refused.
  caseworker.action = "tracing.close";
  EXPECT_EQ(CloseTracingRequest(*db, policy, caseworker, 1, "found", "").status().code(),
            ErrorCode::kFailedPrecondition);
  caseworker.action = "tracing.assign";
  auto mine = AssignTracingRequest(*db, policy, caseworker, 1, "");
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ((*mine)["assigned_to"], "maria");
  EXPECT_EQ(AssignTracingRequest(*db, policy, caseworker, 1, "someone").status().code(),
            ErrorCode::kPermissionDenied);
  caseworker.action = "tracing.close";
  EXPECT_EQ(CloseTracingRequest(*db, policy, caseworker, 1, "maybe", "").status().code(),
            ErrorCode::kInvalidArgument);
  auto closed = CloseTracingRequest(*db, policy, caseworker, 1, "found", "Grandmother called");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ((*closed)["status"], "closed");

  // Each step is audited with the request as subject.
  storage::AuditQuery aq;
  aq.subject = "tracing:1";
  auto trail = storage::AuditLog(*db).Find(aq);
  ASSERT_TRUE(trail.ok());
  std::vector<std::string> actions;
  for (const auto& e : *trail) actions.push_back(e.draft.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"tracing.close", "tracing.assign", "tracing.read",
                                               "tracing.list", "tracing.submit"}));
}

TEST_P(TracingServiceTest, IntakeValidationNamesTheField) {
  json no_contact = Intake("Ana", "Caal", "2014-07-07");
  no_contact["requester"].erase("phone");
  auto r = SubmitTracingRequest(*db, options, public_caller, no_contact);
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("requester"), std::string::npos);
  json bad_date = Intake("Ana", "Caal", "07/07/2014");
  EXPECT_NE(SubmitTracingRequest(*db, options, public_caller, bad_date)
                .status()
                .message()
                .find("sought.dob"),
            std::string::npos);
  json extra = Intake("Ana", "Caal", "2014-07-07");
  extra["sought"]["shoe_size"] = "32";
  EXPECT_NE(SubmitTracingRequest(*db, options, public_caller, extra)
                .status()
                .message()
                .find("sought.shoe_size"),
            std::string::npos);
  EXPECT_FALSE(SubmitTracingRequest(*db, options, public_caller, json::array()).ok());
}

TEST_P(TracingServiceTest, IntakeIsThrottledPerAddress) {
  options.intake_throttle = {2, 60000, 60000, 60000};
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        SubmitTracingRequest(*db, options, public_caller, Intake("Ana", "Caal", "2014-07-07"))
            .ok());
  }
  auto r = SubmitTracingRequest(*db, options, public_caller, Intake("Ana", "Caal", "2014-07-07"));
  EXPECT_EQ(r.status().code(), ErrorCode::kResourceExhausted);
}

INSTANTIATE_TEST_SUITE_P(Backends, TracingServiceTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
