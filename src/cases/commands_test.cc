#include "cases/commands.h"

#include <gtest/gtest.h>

#include "cases/test_histories.h"

namespace reunite::cases {
namespace {

using testing::D;
using testing::E;
using testing::R;

class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    events_ = {E("e1", EventType::kSeparated, "2018-06-01", {"c1", "p1"}, "border", "", "other"),
               E("e2", EventType::kDetained, "2018-06-02", {"p1"}, "immigration", "Otero")};
    rels_ = {R("p1", "c1"), R("p2", "c1", RelationshipStatus::kRefuted),
             R("p3", "c1", RelationshipStatus::kDisputed)};
  }
  CaseState State() const { return {"c1", D("2012-01-01"), events_, rels_, Date{}}; }
  static CommandContext Caseworker() { return {"cw-7", Role::kCaseworker, D("2018-07-01"), ""}; }
  static CommandContext Admin(std::string reason) {
    return {"admin-1", Role::kAdmin, D("2018-07-01"), std::move(reason)};
  }

  std::vector<Event> events_;
  std::vector<Relationship> rels_;
};

TEST_F(CommandsTest, ReunificationProducesOneEvent) {
  Result<std::vector<Event>> out =
      RecordReunification(State(), Caseworker(), {"p1", D("2018-06-30"), "in_country", "O1"});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->size(), 1u);
  const Event& e = out->front();
  EXPECT_EQ(e.type, EventType::kReunified);
  EXPECT_EQ(e.actor, "cw-7");
  EXPECT_EQ(e.authority, "O1");
  EXPECT_TRUE(e.Involves("c1") && e.Involves("p1"));
  EXPECT_EQ(e.PayloadString("where"), "in_country");
  EXPECT_FALSE(e.payload.contains("override"));
}

TEST_F(CommandsTest, ReunifyingWithRefutedRelationshipFails) {
  Result<std::vector<Event>> out =
      RecordReunification(State(), Caseworker(), {"p2", D("2018-06-30"), "in_country", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(out.status().message().find("refuted"), std::string::npos) << out.status().message();
}

TEST_F(CommandsTest, DisputedRelationshipNeedsVerificationOrOverride) {
  Result<std::vector<Event>> out =
      RecordReunification(State(), Caseworker(), {"p3", D("2018-06-30"), "in_country", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("relationship_disputed"), std::string::npos);
}

TEST_F(CommandsTest, FutureDateIsInvalidEvenForAnAdminOverride) {
  for (const CommandContext& ctx : {Caseworker(), Admin("court approved")}) {
    Result<std::vector<Event>> out =
        RecordReunification(State(), ctx, {"p1", D("2018-07-02"), "in_country", ""});
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(out.status().message().find("in the future"), std::string::npos);
  }
}

TEST_F(CommandsTest, DateBeforeSeparationIsInvalid) {
  Result<std::vector<Event>> out =
      RecordReunification(State(), Caseworker(), {"p1", D("2018-05-30"), "in_country", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument);
}

TEST_F(CommandsTest, AlreadyReunifiedCannotBeOverridden) {
  events_.push_back(E("e9", EventType::kReunified, "2018-06-20", {"c1", "p1"}, "shelter"));
  for (const CommandContext& ctx : {Caseworker(), Admin("again")}) {
    Result<std::vector<Event>> out =
        RecordReunification(State(), ctx, {"p1", D("2018-06-30"), "in_country", ""});
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().code(), ErrorCode::kFailedPrecondition);
    EXPECT_NE(out.status().message().find("already reunified"), std::string::npos);
  }
}

TEST_F(CommandsTest, OnlyAdminAndCaseworkerAct) {
  for (Role role : {Role::kReviewer, Role::kMonitor, Role::kCounsel, Role::kAuditor}) {
    CommandContext ctx{"x", role, D("2018-07-01"), ""};
    Result<std::vector<Event>> out =
        RecordContactAttempt(State(), ctx, {"p1", D("2018-06-30"), "phone", "no answer", ""});
    ASSERT_FALSE(out.ok()) << RoleName(role);
    EXPECT_EQ(out.status().code(), ErrorCode::kPermissionDenied);
  }
}

TEST_F(CommandsTest, OverrideNeedsAdminAndIsRecorded) {
  CommandContext cw = Caseworker();
  cw.override_reason = "court approved guardian";
  Result<std::vector<Event>> out =
      RecordReunification(State(), cw, {"p2", D("2018-06-30"), "in_country", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kPermissionDenied);

  out = RecordReunification(State(), Admin("court approved guardian"),
                            {"p2", D("2018-06-30"), "in_country", ""});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const nlohmann::json& o = out->front().payload["override"];
  EXPECT_EQ(o["reason"], "court approved guardian");
  EXPECT_EQ(o["rules"], nlohmann::json::array({"relationship_refuted"}));
}

TEST_F(CommandsTest, IneligibleAndDeclinedBlockReunificationUnlessOverridden) {
  events_.push_back(E("e5", EventType::kEligibilityDetermined, "2018-06-10", {"c1"}, "shelter", "",
                      "ineligible: safety"));
  Result<std::vector<Event>> out =
      RecordReunification(State(), Caseworker(), {"p1", D("2018-06-30"), "in_country", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("ineligible"), std::string::npos);
  out = RecordReunification(State(), Admin("safety review cleared"),
                            {"p1", D("2018-06-30"), "in_country", ""});
  ASSERT_TRUE(out.ok());

  events_.pop_back();
  events_.push_back(
      E("e6", EventType::kReunificationPreference, "2018-06-10", {"p1"}, "ngo", "", "waive"));
  out = RecordReunification(State(), Caseworker(), {"p1", D("2018-06-30"), "in_country", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("parent_declined"), std::string::npos);
}

TEST_F(CommandsTest, ContactAttemptReachedByPhoneAlsoRecordsPhoneContact) {
  Result<std::vector<Event>> out =
      RecordContactAttempt(State(), Caseworker(), {"p1", D("2018-06-30"), "phone", "reached", ""});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->size(), 2u);
  EXPECT_EQ((*out)[0].type, EventType::kContactAttempt);
  EXPECT_EQ((*out)[1].type, EventType::kPhoneContact);

  out = RecordContactAttempt(State(), Caseworker(), {"p1", D("2018-06-30"), "letter", "sent", ""});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->size(), 1u);

  out = RecordContactAttempt(State(), Caseworker(), {"p1", D("2018-06-30"), "pigeon", "sent", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument);
  out = RecordContactAttempt(State(), Caseworker(), {"p9", D("2018-06-30"), "phone", "x", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(CommandsTest, WaiverNeedsAContactFirst) {
  Result<std::vector<Event>> out =
      RecordPreference(State(), Caseworker(), {"p1", D("2018-06-30"), "waive", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("no_contact"), std::string::npos);
  events_.push_back(E("e7", EventType::kPhoneContact, "2018-06-25", {"p1"}, "ngo"));
  out = RecordPreference(State(), Caseworker(), {"p1", D("2018-06-30"), "waive", ""});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->front().PayloadString("wish"), "waive");
  out = RecordPreference(State(), Caseworker(), {"p1", D("2018-06-30"), "maybe", ""});
  EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument);
}

TEST_F(CommandsTest, IneligibleDecisionNeedsReasonAndRecordsDecider) {
  Result<std::vector<Event>> out =
      RecordEligibility(State(), Caseworker(), {D("2018-06-30"), false, "", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument);
  out = RecordEligibility(State(), Caseworker(), {D("2018-06-30"), false, "safety", ""});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->front().actor, "cw-7");
  EXPECT_EQ(out->front().payload["eligible"], false);
  EXPECT_EQ(out->front().PayloadString("reason"), "safety");
}

TEST_F(CommandsTest, ParentageVerificationMethodAndRefutedRule) {
  Result<std::vector<Event>> out =
      RecordParentageVerification(State(), Caseworker(), {"p3", D("2018-06-30"), "dna"});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->front().PayloadString("method"), "dna");
  out = RecordParentageVerification(State(), Caseworker(), {"p3", D("2018-06-30"), "astrology"});
  EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument);
  out = RecordParentageVerification(State(), Caseworker(), {"p2", D("2018-06-30"), "documents"});
  EXPECT_EQ(out.status().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(CommandsTest, ChildWithoutSeparationHasNoCase) {
  events_.clear();
  Result<std::vector<Event>> out =
      RecordEligibility(State(), Caseworker(), {D("2018-06-30"), true, "", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace reunite::cases
