// The case-file routes over a resolved synthetic scenario (synth -> import of
// every export -> reunite resolve), on SQLite and PostgreSQL: persons (search
// by id and by a misspelled name, read, timeline), family units, the review
// queue and its decisions; families, the dashboard and a caseworker's actions
// on a child; redaction for a court monitor; every read of a person in the
// audit log.
#include <gtest/gtest.h>

#include <set>

#include "common/clock.h"
#include "http/api_test_support.h"

namespace reunite::http {
namespace {

using nlohmann::json;
using storage::Backend;

class CaseRoutesTest : public ScenarioApiTest {
 protected:
  // A child in a family unit who has an ORR shelter record (location fields).
  std::pair<std::string, std::string> ShelteredChild() {
    auto rows = db->Query(
        "SELECT fm.person_id, fm.family_unit FROM family_members fm JOIN person_records pr ON "
        "pr.person_id = fm.person_id WHERE fm.member_role = 'child' AND pr.source = 'orr' "
        "ORDER BY fm.person_id LIMIT 1");
    EXPECT_TRUE(rows.ok() && !rows->empty());
    if (!rows.ok() || rows->empty()) return {};
    return {(*rows)[0].Text(0), (*rows)[0].Text(1)};
  }

  int64_t AuditedReads(const std::string& subject, const std::string& actor) {
    auto rows = db->Query(
        "SELECT COUNT(*) FROM audit_log a JOIN audit_subjects s ON s.seq = a.seq WHERE "
        "s.subject = ? AND a.actor = ? AND a.action = 'persons.read' AND a.outcome = 'ok'",
        std::vector<storage::SqlValue>{subject, actor});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? (*rows)[0].Int(0) : -1;
  }
};

TEST_P(CaseRoutesTest, PersonSearchReadTimelineAndFamily) {
  auto [child, unit] = ShelteredChild();
  ASSERT_FALSE(child.empty());
  json person = Expect(Call("caseworker", "GET", "/api/v1/persons/" + child), 200, "get",
                       "/api/v1/persons/{id}");
  EXPECT_EQ(person["id"], child);
  EXPECT_EQ(person["kind"], "child");
  ASSERT_FALSE(person["records"].empty());
  EXPECT_NE(std::find(person["family_units"].begin(), person["family_units"].end(), unit),
            person["family_units"].end());
  EXPECT_EQ(AuditedReads(child, "demo-caseworker"), 1);

  // By an agency record key, and by the name with a letter dropped.
  std::string key = person["records"][0]["record_key"];
  json by_key =
      Expect(Call("caseworker", "GET", "/api/v1/persons?q=" + key), 200, "get", "/api/v1/persons");
  ASSERT_FALSE(by_key["persons"].empty());
  EXPECT_EQ(by_key["persons"][0]["id"], child);
  std::string name = person["display_name"];
  size_t space = name.find(' ');
  ASSERT_NE(space, std::string::npos);
  std::string misspelled = name;  // a letter of the given name doubled, as a clerk mistypes
  misspelled.insert(2, 1, misspelled[1]);
  std::string q = misspelled;
  for (size_t at; (at = q.find(' ')) != std::string::npos;) q.replace(at, 1, "%20");
  json by_name = Expect(Call("caseworker", "GET", "/api/v1/persons?q=" + q + "&kind=child"), 200,
                        "get", "/api/v1/persons");
  std::set<std::string> found;
  for (const auto& p : by_name["persons"]) {
    found.insert(p["id"]);
    EXPECT_EQ(p["kind"], "child");
  }
  EXPECT_EQ(found.count(child), 1u)
      << "'" << misspelled << "' (" << name << ") found " << by_name.dump().substr(0, 400);

  json timeline = Expect(Call("caseworker", "GET", "/api/v1/persons/" + child + "/timeline"), 200,
                         "get", "/api/v1/persons/{id}/timeline");
  ASSERT_FALSE(timeline["events"].empty());
  std::set<std::string> refs;
  for (const auto& r : person["records"]) refs.insert(r["ref"].get<std::string>());
  std::string last;
  for (const auto& e : timeline["events"]) {
    // Each event names the child: one of its records as stored, or its person id.
    bool names_child = false;
    for (const auto& s : e["subjects"]) names_child |= refs.count(s) == 1 || s == child;
    EXPECT_TRUE(names_child) << e.dump().substr(0, 300);
    EXPECT_LE(last, e["occurred_at"].get<std::string>());
    last = e["occurred_at"];
  }
  EXPECT_EQ(AuditedReads(child, "demo-caseworker"), 2);  // the read and the timeline
  auto searched = db->Query(
      "SELECT COUNT(*) FROM audit_log a JOIN audit_subjects s ON s.seq = a.seq WHERE "
      "s.subject = ? AND a.action = 'persons.search' AND a.outcome = 'ok'",
      std::vector<storage::SqlValue>{child});
  EXPECT_EQ((*searched)[0].Int(0), 2);  // found by its record key and by its name

  json family = Expect(Call("caseworker", "GET", "/api/v1/families/" + unit), 200, "get",
                       "/api/v1/families/{id}");
  EXPECT_EQ(family["id"], unit);
  std::set<std::string> members;
  for (const auto& m : family["members"]) members.insert(m["id"]);
  EXPECT_EQ(members.count(child), 1u);
  EXPECT_GE(members.size(), 2u);
  ASSERT_FALSE(family["timeline"].empty());
  std::set<std::string> member_refs = members;  // member ids and their records as stored
  for (const auto& m : family["members"]) {
    for (const auto& s : m["sources"]) {
      member_refs.insert(s["source"].get<std::string>() + "/" + s["record_key"].get<std::string>());
    }
  }
  std::set<int64_t> seqs;
  for (const auto& e : family["timeline"]) {
    bool names_member = false;
    for (const auto& s : e["subjects"]) names_member |= member_refs.count(s) == 1;
    EXPECT_TRUE(names_member) << e.dump().substr(0, 300);
    EXPECT_TRUE(seqs.insert(e["seq"].get<int64_t>()).second) << "each event once";
  }
  for (const auto& r : family["relationships"]) {
    EXPECT_EQ(members.count(r["parent_id"]), 1u);
    EXPECT_EQ(members.count(r["child_id"]), 1u);
  }
  Expect(Call("caseworker", "GET", "/api/v1/persons/P0000000000000000"), 404, "get",
         "/api/v1/persons/{id}");
  Expect(Call("caseworker", "GET", "/api/v1/families/NO-SUCH-UNIT"), 404, "get",
         "/api/v1/families/{id}");
  Expect(Call("caseworker", "GET", "/api/v1/persons?q="), 400, "get", "/api/v1/persons");
}

TEST_P(CaseRoutesTest, MonitorsNeverSeeAChildsLocationOrContacts) {
  auto [child, unit] = ShelteredChild();
  ASSERT_FALSE(child.empty());
  json full = Expect(Call("caseworker", "GET", "/api/v1/persons/" + child), 200, "get",
                     "/api/v1/persons/{id}");
  json seen = Expect(Call("monitor", "GET", "/api/v1/persons/" + child), 200, "get",
                     "/api/v1/persons/{id}");
  const service::AccessPolicy& policy = service::AccessPolicy::Default();
  // Every withheld value the caseworker sees is absent from the monitor's reply.
  int withheld = 0;
  for (const auto& r : full["records"]) {
    for (const auto& [field, value] : r["fields"].items()) {
      if (policy.Sees(cases::Role::kMonitor, field) || !value.is_string() || value == "") continue;
      ++withheld;
      for (const auto& m : seen["records"]) EXPECT_FALSE(m["fields"].contains(field)) << field;
    }
  }
  EXPECT_GT(withheld, 0);
  ASSERT_TRUE(seen.contains("redacted"));
  EXPECT_FALSE(seen["records"][0].contains("raw"));
  json timeline = Expect(Call("monitor", "GET", "/api/v1/persons/" + child + "/timeline"), 200,
                         "get", "/api/v1/persons/{id}/timeline");
  json family = Expect(Call("monitor", "GET", "/api/v1/families/" + unit), 200, "get",
                       "/api/v1/families/{id}");
  for (const json* events : {&timeline["events"], &family["timeline"]}) {
    for (const auto& e : *events) EXPECT_FALSE(e.contains("custodian")) << e.dump();
  }
  json full_timeline = Expect(Call("caseworker", "GET", "/api/v1/persons/" + child + "/timeline"),
                              200, "get", "/api/v1/persons/{id}/timeline");
  bool located = false;
  for (const auto& e : full_timeline["events"]) located |= !e["custodian"].is_null();
  EXPECT_TRUE(located);
  EXPECT_EQ(AuditedReads(child, "demo-monitor"), 2);
}

TEST_P(CaseRoutesTest, ReviewQueueDecisionsAreEventsAndLeaveTheQueue) {
  json page = Expect(Call("reviewer", "GET", "/api/v1/review-queue?limit=100"), 200, "get",
                     "/api/v1/review-queue");
  ASSERT_FALSE(page["items"].empty()) << "the scenario should leave pairs to review";
  const size_t before = page["items"].size();
  json first = page["items"][0];
  EXPECT_EQ(first["status"], "pending");
  std::string id = first["id"];
  json one = Expect(Call("reviewer", "GET", "/api/v1/review-queue/" + id), 200, "get",
                    "/api/v1/review-queue/{id}");
  EXPECT_EQ(one["left"]["ref"], first["left"]["ref"]);
  Expect(Call("reviewer", "POST", "/api/v1/review-queue/" + id + "/decision",
              json{{"decision", "maybe"}}.dump()),
         400, "post", "/api/v1/review-queue/{id}/decision");
  auto events_before = db->Query("SELECT COUNT(*) FROM events");
  json decided = Expect(Call("reviewer", "POST", "/api/v1/review-queue/" + id + "/decision",
                             json{{"decision", "accept"}, {"note", "same child, DOB typo"}}.dump()),
                        200, "post", "/api/v1/review-queue/{id}/decision");
  EXPECT_EQ(decided["status"], "accepted");
  EXPECT_EQ(decided["decided_by"], "demo-reviewer");
  auto events_after = db->Query("SELECT COUNT(*) FROM events WHERE type = 'review_accepted'");
  EXPECT_EQ((*events_after)[0].Int(0), 1);
  EXPECT_GT((*db->Query("SELECT COUNT(*) FROM events"))[0].Int(0), (*events_before)[0].Int(0));
  json pending = Expect(Call("reviewer", "GET", "/api/v1/review-queue?limit=100"), 200, "get",
                        "/api/v1/review-queue");
  EXPECT_EQ(pending["items"].size(), before - 1);
  json accepted = Expect(Call("reviewer", "GET", "/api/v1/review-queue?status=accepted"), 200,
                         "get", "/api/v1/review-queue");
  ASSERT_EQ(accepted["items"].size(), 1u);
  EXPECT_EQ(accepted["items"][0]["id"], id);
  Expect(Call("reviewer", "GET", "/api/v1/review-queue?status=bogus"), 400, "get",
         "/api/v1/review-queue");
  Expect(Call("reviewer", "GET", "/api/v1/review-queue/orr:NOPE,e3:NOPE"), 404, "get",
         "/api/v1/review-queue/{id}");
  // The decision is in the audit log with the reviewer.
  auto audited = db->Query(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'review.decide' AND outcome = 'ok' AND "
      "actor = 'demo-reviewer'");
  EXPECT_EQ((*audited)[0].Int(0), 1);
}

TEST_P(CaseRoutesTest, CaseworkerActionsChangeTheFamilyAndTheDashboard) {
  json page = Expect(Call("caseworker", "GET", "/api/v1/families?separated=true&limit=500"), 200,
                     "get", "/api/v1/families");
  ASSERT_FALSE(page["families"].empty());
  EXPECT_GE(page["total"].get<size_t>(), page["families"].size());
  // A separated child, not reunified nor ineligible, whose parent's
  // relationship stands.
  std::string unit, child, parent, before;
  for (const auto& f : page["families"]) {
    EXPECT_GT(f["separated_children"].get<int>(), 0);
    std::string u = f["family_unit"];
    json family = Expect(Call("caseworker", "GET", "/api/v1/families/" + u), 200, "get",
                         "/api/v1/families/{id}");
    for (const auto& c : family["children"]) {
      std::string st = c["status"];
      if (st == "reunified" || st == "ineligible" || c["parent"] == "") continue;
      for (const auto& r : family["relationships"]) {
        if (r["child_id"] == c["child"] && r["parent_id"] == c["parent"] &&
            r["status"] != "refuted" && r["status"] != "disputed") {
          unit = u, child = c["child"], parent = c["parent"], before = st;
        }
      }
      if (!child.empty()) break;
    }
    if (!child.empty()) break;
  }
  ASSERT_FALSE(child.empty()) << "no separated child to act on";
  json dash_before =
      Expect(Call("caseworker", "GET", "/api/v1/dashboard"), 200, "get", "/api/v1/dashboard");
  const int reunified_before = dash_before["by_status"].value("reunified", 0);
  const int before_count = dash_before["by_status"].value(before, 0);
  EXPECT_GT(before_count, 0);

  const std::string today = UtcNowIso().substr(0, 10);
  const std::string actions = "/api/v1/families/" + unit + "/children/" + child + "/actions";
  json contact = Expect(Call("caseworker", "POST", actions,
                             json{{"kind", "contact_attempt"},
                                  {"parent_id", parent},
                                  {"on", today},
                                  {"channel", "phone"},
                                  {"outcome", "reached"}}
                                 .dump()),
                        201, "post", "/api/v1/families/{id}/children/{child_id}/actions");
  ASSERT_FALSE(contact["events"].empty());
  json reunify = json{
      {"kind", "reunification"}, {"parent_id", parent}, {"on", today}, {"where", "in_country"}};
  json done = Expect(Call("caseworker", "POST", actions, reunify.dump()), 201, "post",
                     "/api/v1/families/{id}/children/{child_id}/actions");
  EXPECT_EQ(done["status"]["status"], "reunified");
  EXPECT_EQ(done["status"]["child"], child);

  json family = Expect(Call("caseworker", "GET", "/api/v1/families/" + unit), 200, "get",
                       "/api/v1/families/{id}");
  int seen = 0;
  for (const auto& c : family["children"]) {
    if (c["child"] != child) continue;
    EXPECT_EQ(c["status"], "reunified");
    ++seen;
  }
  EXPECT_EQ(seen, 1);
  json dash =
      Expect(Call("caseworker", "GET", "/api/v1/dashboard"), 200, "get", "/api/v1/dashboard");
  EXPECT_EQ(dash["by_status"].value("reunified", 0), reunified_before + 1);
  EXPECT_EQ(dash["by_status"].value(before, 0), before_count - 1);

  // Reunifying twice is refused, clearly, and appends nothing.
  auto events = [&] {
    auto rows = db->Query("SELECT COUNT(*) FROM events");
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? (*rows)[0].Int(0) : -1;
  };
  const int64_t events_before = events();
  auto again = Call("caseworker", "POST", actions, reunify.dump());
  ASSERT_TRUE(again);
  EXPECT_GE(again->status, 400);
  EXPECT_LT(again->status, 500);
  json refused =
      Expect(again, again->status, "post", "/api/v1/families/{id}/children/{child_id}/actions");
  EXPECT_EQ(refused["error"]["code"], "failed_precondition") << refused.dump();
  EXPECT_NE(refused["error"]["message"].get<std::string>().find("reunified"), std::string::npos)
      << refused.dump();
  EXPECT_EQ(events(), events_before);
  // A child of another family unit, and a reviewer, are refused too.
  Expect(Call("caseworker", "POST", "/api/v1/families/NO-SUCH-UNIT/children/" + child + "/actions",
              reunify.dump()),
         404, "post", "/api/v1/families/{id}/children/{child_id}/actions");
  Expect(Call("reviewer", "POST", actions, reunify.dump()), 403, "post",
         "/api/v1/families/{id}/children/{child_id}/actions");
  EXPECT_EQ(events(), events_before);

  // A monitor's dashboard and family list: the counts, never a location.
  json monitor_list = Expect(Call("monitor", "GET", "/api/v1/families?overdue=false"), 200, "get",
                             "/api/v1/families");
  EXPECT_EQ(monitor_list["total"], Expect(Call("caseworker", "GET", "/api/v1/families"), 200, "get",
                                          "/api/v1/families")["total"]);
  Expect(Call("monitor", "GET", "/api/v1/families?overdue=maybe"), 400, "get", "/api/v1/families");
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseRoutesTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::http
