// Abuse basics against a real server: oversized and unsized bodies,
// malformed JSON, forged and expired tokens, throttled logins, path
// traversal on the static files, and the security headers on every reply.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "http/api_test_support.h"
#include "support/process.h"

namespace reunite::http {
namespace {

using nlohmann::json;
using storage::Backend;

class AbuseTest : public ApiTest {
 protected:
  void Configure(ServerOptions& o) override {
    root_ = testing::MakeTempDir("static");
    std::filesystem::create_directories(root_ + "/assets");
    std::ofstream(root_ + "/index.html") << "<!doctype html><title>reunite</title>";
    std::ofstream(root_ + "/assets/app-1234.js") << "console.log('reunite')";
    std::ofstream(root_ + "/../secret.txt") << "top secret";
    std::filesystem::create_symlink("/etc", root_ + "/etc-link");
    o.static_dir = root_;
    o.max_body_bytes = 64 * 1024;
    o.auth.per_account.free = 3;
    o.read_timeout_s = 1;
    o.request_timeout_s = 3;
  }
  std::string root_;
};

void ExpectSecurityHeaders(const httplib::Response& r, bool api) {
  EXPECT_EQ(r.get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.get_header_value("Referrer-Policy"), "no-referrer");
  std::string csp = r.get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  if (api) {
    EXPECT_EQ(r.get_header_value("Cache-Control"), "no-store");
  }
}

TEST_P(AbuseTest, OversizedBodiesAreRefusedBeforeTheyAreRead) {
  std::string big(200 * 1024, 'x');
  auto res = Call("", "POST", "/api/v1/tracing-requests", big);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  json body = json::parse(res->body);
  EXPECT_EQ(body["error"]["code"], "payload_too_large");
  ExpectSecurityHeaders(*res, true);
  // Nothing was stored.
  EXPECT_EQ((*db->Query("SELECT COUNT(*) FROM tracing_requests"))[0].Int(0), 0);
}

TEST_P(AbuseTest, MalformedJsonAndWrongTypes) {
  json bad = Expect(Call("", "POST", "/api/v1/auth/login", "{\"username\": \"x\", "), 400, "post",
                    "/api/v1/auth/login");
  EXPECT_EQ(bad["error"]["code"], "parse_error");
  Expect(Call("", "POST", "/api/v1/auth/login", "[1,2]"), 400, "post", "/api/v1/auth/login");
  Expect(Call("", "POST", "/api/v1/auth/login", R"({"username": 5, "password": []})"), 400, "post",
         "/api/v1/auth/login");
  json type = Expect(Call("", "POST", "/api/v1/tracing-requests", "{}", "text/plain"), 400, "post",
                     "/api/v1/tracing-requests");
  EXPECT_NE(type["error"]["message"].get<std::string>().find("application/json"),
            std::string::npos);
  Expect(Call("admin", "GET", "/api/v1/events?limit=-5"), 400, "get", "/api/v1/events");
  Expect(Call("admin", "GET", "/api/v1/events?limit=99999999999999999999"), 400, "get",
         "/api/v1/events");
}

TEST_P(AbuseTest, ForgedExpiredAndMalformedTokensAreRefused) {
  auto c = Client();
  for (const std::string& auth :
       {std::string("Bearer forged-token-forged-token-forged-token-1"), std::string("Bearer "),
        std::string("Basic YWRtaW46YWRtaW4="), "Bearer " + std::string(5000, 'a')}) {
    auto res = c->Get("/api/v1/auth/me", {{"Authorization", auth}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << auth.substr(0, 40);
  }
  auto cookie = c->Get("/api/v1/users", {{"Cookie", "reunite_session=forged"}});
  EXPECT_EQ(cookie->status, 401);
  // Expire the admin's session behind the server's back.
  ASSERT_TRUE(db->Execute("UPDATE sessions SET expires_ms = 1", {}).ok());
  json expired = Expect(Call("admin", "GET", "/api/v1/users"), 401, "get", "/api/v1/users");
  EXPECT_NE(expired["error"]["message"].get<std::string>().find("expired"), std::string::npos);
}

TEST_P(AbuseTest, LoginsAreThrottledPerAccount) {
  std::string wrong = json{{"username", "demo-monitor"}, {"password", "not-the-password"}}.dump();
  for (int i = 0; i < 3; ++i) {
    Expect(Call("", "POST", "/api/v1/auth/login", wrong), 401, "post", "/api/v1/auth/login");
  }
  Expect(Call("", "POST", "/api/v1/auth/login", wrong), 401, "post", "/api/v1/auth/login");
  // Blocked now, even with the right password.
  auto throttled =
      Call("", "POST", "/api/v1/auth/login",
           json{{"username", "demo-monitor"}, {"password", PasswordOf("monitor")}}.dump());
  json blocked = Expect(throttled, 429, "post", "/api/v1/auth/login");
  EXPECT_EQ(blocked["error"]["code"], "resource_exhausted");
  // Retry-After says when, in whole seconds, matching the message.
  std::string retry = throttled->get_header_value("Retry-After");
  ASSERT_FALSE(retry.empty());
  EXPECT_GE(std::stoi(retry), 1);
  EXPECT_NE(blocked["error"]["message"].get<std::string>().find("retry in " + retry + " s"),
            std::string::npos);
  // The failures are audited with the client address, never with the password.
  auto rows = db->Query(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login' AND outcome <> 'ok' AND "
      "client_address = '127.0.0.1'");
  EXPECT_EQ((*rows)[0].Int(0), 5);
  auto leaked = db->Query("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%not-the-password%'");
  EXPECT_EQ((*leaked)[0].Int(0), 0);
}

TEST_P(AbuseTest, StaticFilesWithSpaFallbackAndNoTraversal) {
  auto c = Client();
  auto index = c->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index->body.find("<title>reunite"), std::string::npos);
  ExpectSecurityHeaders(*index, false);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  auto js = c->Get("/assets/app-1234.js");
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  auto route = c->Get("/families/F-1");  // an app route: the app's page
  EXPECT_EQ(route->status, 200);
  EXPECT_NE(route->body.find("<title>reunite"), std::string::npos);
  EXPECT_EQ(c->Get("/missing.js")->status, 404);
  for (const char* evil : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
                           "/..%2fsecret.txt", "/etc-link/passwd", "/%5c..%5csecret.txt"}) {
    auto r = c->Get(evil);
    ASSERT_TRUE(r) << evil;
    EXPECT_EQ(r->body.find("top secret"), std::string::npos) << evil;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << evil;
    EXPECT_NE(r->status, 500) << evil;
  }
  // Unknown API paths stay JSON 404s, never the app.
  auto api = c->Get("/api/v1/nothing");
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(json::parse(api->body)["error"]["code"], "not_found");
  ExpectSecurityHeaders(*api, true);
}

TEST_P(AbuseTest, RawTraversalRequestLineOverASocket) {
  // Some clients normalise "..": send the bytes ourselves.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string req = "GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(write(fd, req.data(), req.size()), static_cast<ssize_t>(req.size()));
  std::string reply;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) reply.append(buf, static_cast<size_t>(n));
  close(fd);
  EXPECT_EQ(reply.find("top secret"), std::string::npos) << reply;
}

// A connection to the server over a raw socket (no client library between).
int ConnectRaw(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  timeval tv{0, 1000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

// Slowloris: clients that trickle header lines, each within the per-read
// timeout, more of them than there are worker threads. Each is cut off once
// its request has taken request_timeout_s, so a worker is never held for
// longer, and a normal request is served meanwhile.
TEST_P(AbuseTest, SlowClientsTricklingHeadersAreCutOff) {
  using Clock = std::chrono::steady_clock;
  const int kSlow = static_cast<int>(options.threads) + 2;
  std::vector<int> fds;
  for (int i = 0; i < kSlow; ++i) {
    int fd = ConnectRaw(server->port());
    ASSERT_GE(fd, 0);
    std::string start = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
    ASSERT_EQ(send(fd, start.data(), start.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(start.size()));
    fds.push_back(fd);
  }
  const auto t0 = Clock::now();
  std::vector<double> cut_after(fds.size(), -1);
  std::optional<int> normal_status;
  double normal_after = -1;
  std::thread normal([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto c = Client();
    c->set_read_timeout(20, 0);
    auto res = c->Get("/api/v1/health");
    normal_after = std::chrono::duration<double>(Clock::now() - t0).count();
    if (res) normal_status = res->status;
  });
  // Trickle one header line per connection every 300 ms (under the 1 s
  // read timeout) for up to 20 s, noting when the server closes (or answers) each.
  for (int tick = 0; tick < 67; ++tick) {
    bool open = false;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (cut_after[i] >= 0) continue;
      std::string line = "X-Slow-" + std::to_string(tick) + ": 1\r\n";
      char buf[512];
      ssize_t got = recv(fds[i], buf, sizeof buf, MSG_DONTWAIT);
      bool closed = got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
      if (!closed && send(fds[i], line.data(), line.size(), MSG_NOSIGNAL) < 0) closed = true;
      if (closed || got > 0) {
        cut_after[i] = std::chrono::duration<double>(Clock::now() - t0).count();
      } else {
        open = true;
      }
    }
    if (!open) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  normal.join();
  for (int fd : fds) close(fd);
  double longest = 0;
  for (size_t i = 0; i < cut_after.size(); ++i) {
    EXPECT_GE(cut_after[i], 0) << "slow connection " << i << " still held a worker after 20 s";
    longest = std::max(longest, cut_after[i]);
  }
  // Each is cut off request_timeout_s (3 s) after a worker takes it: the
  // connections beyond the workers wait for a free one, so the last is cut
  // after three rounds at most (plus slack for a loaded machine), well
  // before the 20 s it tried to hold.
  EXPECT_LT(longest, 3 * 3 + 5.0);
  ASSERT_TRUE(normal_status.has_value()) << "a normal request got no reply meanwhile";
  EXPECT_EQ(*normal_status, 200);
  std::printf(
      "slowloris: %d slow connections on %zu workers, all cut off by %.1f s; a normal "
      "request was served after %.1f s\n",
      kSlow, options.threads, longest, normal_after);
}

INSTANTIATE_TEST_SUITE_P(Backends, AbuseTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::http
