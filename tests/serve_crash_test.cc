// Caseworker actions over HTTP against real `reunite serve` processes:
//  - kill -9 of the server at random points while clients post actions, on a
//    real SQLite file and a real PostgreSQL (5 kills by default,
//    REUNITE_CRASH_KILLS for more): after each, verify passes and every
//    action whose 201 reply was received is in the log; nothing is logged
//    that was not sent;
//  - three servers on one PostgreSQL under concurrent actions from nine
//    clients: every action is logged exactly once, the hash chain verifies,
//    and every server's view of the children equals that of a server started
//    afterwards (the case files rebuilt from the log), and `reunite rebuild`
//    leaves the read model as it was.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "common/clock.h"
#include "storage/test_databases.h"
#include "support/kill_harness.h"
#include "support/process.h"
#include "support/serve_process.h"

namespace reunite::testing {
namespace {

using nlohmann::json;
using storage::Backend;
using storage::TestDatabase;

struct CaseTarget {
  std::string unit, child, parent;
  std::string actions_path() const {
    return "/api/v1/families/" + unit + "/children/" + child + "/actions";
  }
};

std::vector<std::string> ServeArgs(const std::string& url, const std::string& dir) {
  return {"--db",     url,
          "--listen", "127.0.0.1:0",
          "--model",  SourceDir() + "/models/person.json",
          "--orders", dir + "/s/orders"};
}

// A resolved store with a caseworker account; the token of a session.
class ActionStore {
 public:
  explicit ActionStore(Backend backend) : db_(backend) {}
  bool skipped() const { return db_.skipped(); }
  const std::string& url() const { return db_.url(); }
  const std::string& token() const { return token_; }
  const std::vector<CaseTarget>& targets() const { return targets_; }

  // Synth, import, resolve, add the account, and find separated children
  // (with a parent of a relationship that stands) through a server.
  void Prepare(const std::string& dir) {
    ASSERT_EQ(SynthScenario(dir, 30), "");
    ASSERT_EQ(ImportScenario(dir, url()), "");
    ProcessResult r =
        RunReunite("resolve --db '" + url() + "' --model " + SourceDir() + "/models/person.json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ProcessResult user = RunReunite("user add maria --role caseworker --fast-hash --db '" + url() +
                                    "' <<'EOF'\nmaria-password-1\nEOF");
    ASSERT_EQ(user.exit_code, 0) << user.output;
    ServeProcess serve(ServeArgs(url(), dir));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    httplib::Client c("127.0.0.1", serve.port());
    auto login =
        c.Post("/api/v1/auth/login", R"({"username":"maria","password":"maria-password-1"})",
               "application/json");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    token_ = json::parse(login->body)["token"];
    httplib::Headers auth = {{"Authorization", "Bearer " + token_}};
    auto list = c.Get("/api/v1/families?separated=true&limit=500", auth);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200) << list->body;
    const json page = json::parse(list->body);
    for (const auto& f : page["families"]) {
      std::string u = f["family_unit"];
      auto got = c.Get("/api/v1/families/" + u, auth);
      ASSERT_TRUE(got);
      json family = json::parse(got->body);
      for (const auto& child : family["children"]) {
        std::string st = child["status"];
        if (st == "reunified" || st == "ineligible" || child["parent"] == "") continue;
        for (const auto& rel : family["relationships"]) {
          if (rel["child_id"] == child["child"] && rel["parent_id"] == child["parent"] &&
              rel["status"] != "refuted" && rel["status"] != "disputed") {
            targets_.push_back({u, child["child"], child["parent"]});
            break;
          }
        }
      }
    }
    ASSERT_GE(targets_.size(), 3u) << "too few separated children to act on";
  }

  // Sequence numbers of the contact attempts in the log.
  std::vector<int64_t> LoggedContacts() const {
    std::vector<int64_t> seqs;
    auto db = storage::OpenConnection(url());
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return seqs;
    auto rows = (*db)->Query("SELECT seq FROM events WHERE type = 'contact_attempt' ORDER BY seq");
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (rows.ok()) {
      for (const auto& r : *rows) seqs.push_back(r.Int(0));
    }
    return seqs;
  }

 private:
  TestDatabase db_;
  std::string token_;
  std::vector<CaseTarget> targets_;
};

std::string ContactBody(const CaseTarget& t, int n) {
  static const char* kChannels[] = {"phone", "email", "in_person"};
  static const char* kOutcomes[] = {"reached", "no_answer"};
  return json{{"kind", "contact_attempt"},
              {"parent_id", t.parent},
              {"on", UtcNowIso().substr(0, 10)},
              {"channel", kChannels[n % 3]},
              {"outcome", kOutcomes[n % 2]}}
      .dump();
}

// What clients saw: the seq of each action acknowledged with 201, and how
// many requests were sent.
struct Acks {
  std::mutex mu;
  std::vector<int64_t> seqs;
  std::atomic<int> sent{0}, refused{0};
  void Add(const httplib::Result& res) {
    if (!res) return;
    if (res->status != 201) {
      ++refused;
      return;
    }
    json body = json::parse(res->body, nullptr, false);
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& e : body["events"]) {
      if (e["type"] == "contact_attempt") seqs.push_back(e["seq"].get<int64_t>());
    }
  }
};

// Posts up to `count` contact attempts to `port` (round robin over targets);
// stops at the first transport error (the server died).
void PostActions(int port, const ActionStore& store, int worker, int count, Acks& acks) {
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(2, 0);
  c.set_read_timeout(20, 0);
  httplib::Headers auth = {{"Authorization", "Bearer " + store.token()}};
  const auto& targets = store.targets();
  for (int i = 0; i < count; ++i) {
    const CaseTarget& t = targets[(worker + i) % targets.size()];
    ++acks.sent;
    auto res = c.Post(t.actions_path(), auth, ContactBody(t, i), "application/json");
    if (!res) return;
    acks.Add(res);
  }
}

class ServeCrashTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ServeCrashTest, KillNineDuringActionsLosesNoAcknowledgedAction) {
  ActionStore store(GetParam());
  if (store.skipped()) GTEST_SKIP() << "PostgreSQL not configured";
  const std::string dir = MakeTempDir("serve-crash");
  ASSERT_NO_FATAL_FAILURE(store.Prepare(dir));
  const size_t before = store.LoggedContacts().size();

  Rng rng(2026);
  Acks acks;
  int killed = 0;
  const int kills = CrashKills();
  for (int round = 0; round < kills; ++round) {
    ServeProcess serve(ServeArgs(store.url(), dir));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    std::vector<std::thread> clients;
    for (int w = 0; w < 2; ++w) {
      clients.emplace_back(PostActions, serve.port(), std::cref(store), w + round, 1000,
                           std::ref(acks));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng.Below(900)));
    if (serve.Kill()) ++killed;
    for (auto& t : clients) t.join();

    ProcessResult verify = RunReunite("verify --db '" + store.url() + "'");
    ASSERT_EQ(verify.exit_code, 0) << "round " << round << ": " << verify.output;
    std::vector<int64_t> logged = store.LoggedContacts();
    std::set<int64_t> in_log(logged.begin(), logged.end());
    std::lock_guard<std::mutex> lock(acks.mu);
    for (int64_t seq : acks.seqs) {
      ASSERT_TRUE(in_log.count(seq))
          << "round " << round << ": acknowledged event " << seq << " is not in the log";
    }
    // Nothing is logged that was not sent (a request cut off by the kill may
    // or may not have committed).
    ASSERT_LE(logged.size() - before, static_cast<size_t>(acks.sent.load())) << "round " << round;
    ASSERT_GE(logged.size() - before, acks.seqs.size()) << "round " << round;
  }
  EXPECT_EQ(killed, kills);
  EXPECT_EQ(acks.refused.load(), 0);
  EXPECT_GT(acks.seqs.size(), 0u);
  std::printf("serve: %d kills; %d actions sent, %zu acknowledged, %zu logged\n", killed,
              acks.sent.load(), acks.seqs.size(), store.LoggedContacts().size() - before);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeCrashTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

// The children's case views every server gives, as JSON text.
std::string CaseViews(int port, const ActionStore& store) {
  httplib::Client c("127.0.0.1", port);
  httplib::Headers auth = {{"Authorization", "Bearer " + store.token()}};
  std::set<std::string> units;
  for (const auto& t : store.targets()) units.insert(t.unit);
  std::string views;
  for (const auto& u : units) {
    auto res = c.Get("/api/v1/families/" + u, auth);
    if (!res) return "no reply";
    json family = json::parse(res->body, nullptr, false);
    views += u + " " + family["children"].dump() + "\n";
  }
  return views;
}

TEST(ServeConcurrencyTest, ThreeServersOnOnePostgresLogEachActionOnce) {
  ActionStore store(Backend::kPostgres);
  if (store.skipped()) GTEST_SKIP() << "PostgreSQL not configured";
  const std::string dir = MakeTempDir("serve-concurrency");
  ASSERT_NO_FATAL_FAILURE(store.Prepare(dir));
  const size_t before = store.LoggedContacts().size();
  const std::vector<std::string> tables = {"persons",        "person_records", "family_units",
                                           "family_members", "relationships",  "review_queue"};
  const std::string model_before = CountRows(store.url(), tables);

  constexpr int kServers = 3, kClientsPerServer = 3, kActionsPerClient = 8;
  std::vector<std::unique_ptr<ServeProcess>> servers;
  for (int s = 0; s < kServers; ++s) {
    servers.push_back(std::make_unique<ServeProcess>(ServeArgs(store.url(), dir)));
    ASSERT_FALSE(servers.back()->url().empty()) << servers.back()->output();
  }
  Acks acks;
  std::vector<std::thread> clients;
  for (int s = 0; s < kServers; ++s) {
    for (int w = 0; w < kClientsPerServer; ++w) {
      // Workers of different servers act on the same children at once.
      clients.emplace_back(PostActions, servers[s]->port(), std::cref(store), w, kActionsPerClient,
                           std::ref(acks));
    }
  }
  for (auto& t : clients) t.join();
  const int total = kServers * kClientsPerServer * kActionsPerClient;
  EXPECT_EQ(acks.sent.load(), total);
  EXPECT_EQ(acks.refused.load(), 0);
  ASSERT_EQ(acks.seqs.size(), static_cast<size_t>(total));

  // Each acknowledged action is in the log exactly once, and nothing else.
  std::vector<int64_t> logged = store.LoggedContacts();
  std::vector<int64_t> new_seqs(logged.end() - (logged.size() - before), logged.end());
  std::vector<int64_t> acked = acks.seqs;
  std::sort(acked.begin(), acked.end());
  EXPECT_EQ(new_seqs, acked);
  EXPECT_EQ(std::set<int64_t>(acked.begin(), acked.end()).size(), acked.size());
  ProcessResult verify = RunReunite("verify --db '" + store.url() + "'");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;

  // Every server sees what a server started now (its case files rebuilt from
  // the log) sees.
  ServeProcess fresh(ServeArgs(store.url(), dir));
  ASSERT_FALSE(fresh.url().empty()) << fresh.output();
  const std::string expected = CaseViews(fresh.port(), store);
  EXPECT_NE(expected.find("\"child\""), std::string::npos) << expected;
  for (auto& s : servers) EXPECT_EQ(CaseViews(s->port(), store), expected);
  for (auto& s : servers) EXPECT_EQ(s->Stop(), 0);
  EXPECT_EQ(fresh.Stop(), 0);

  // The read model kept by the servers equals one rebuilt from the log.
  ProcessResult rebuild = RunReunite("rebuild --db '" + store.url() + "'");
  ASSERT_EQ(rebuild.exit_code, 0) << rebuild.output;
  EXPECT_EQ(CountRows(store.url(), tables), model_before);
  EXPECT_EQ(RunReunite("verify --db '" + store.url() + "'").exit_code, 0);
}

}  // namespace
}  // namespace reunite::testing
