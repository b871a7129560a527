// Sign-in, sessions and sign-out.
//
// A session is a random 256-bit token (libsodium randombytes) given to the
// client once; only its SHA-256 is stored, with an absolute expiry
// (session_ttl_ms) and an idle timeout (idle_timeout_ms). Each session also
// has a CSRF token (stored hashed) that a cookie-authenticated client must
// echo in X-CSRF-Token on every state-changing request.
//
// Login is throttled per account and per client address (service/throttle.h,
// in the database, so shared by every server): wrong passwords count; while a
// key is blocked every attempt, right or wrong, is refused with
// kResourceExhausted. Unknown users, wrong passwords and disabled accounts
// all answer "wrong username or password" (kUnauthenticated), and an unknown
// user costs the same Argon2id verification as a known one.
//
// Thread-safety: stateless; each call uses the caller's connection.
#ifndef REUNITE_SERVICE_AUTH_SERVICE_H_
#define REUNITE_SERVICE_AUTH_SERVICE_H_

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "cases/role.h"
#include "common/clock.h"
#include "service/caller.h"
#include "service/password.h"
#include "service/throttle.h"
#include "storage/connection.h"

namespace reunite::service {

struct AuthOptions {
  PasswordCost cost;
  int64_t session_ttl_ms = 8LL * 3600 * 1000;  // absolute lifetime of a session
  int64_t idle_timeout_ms = 30LL * 60 * 1000;  // refused after this long unused
  ThrottlePolicy per_account{5, 1000, 15 * 60 * 1000, 15 * 60 * 1000};
  ThrottlePolicy per_address{20, 1000, 15 * 60 * 1000, 15 * 60 * 1000};
  std::function<int64_t()> now_ms = UtcNowMillis;  // injectable for tests
};

struct NewSession {
  std::string token;       // the bearer token (shown once, never stored)
  std::string csrf_token;  // echo in X-CSRF-Token with cookie authentication
  int64_t expires_ms = 0;
  nlohmann::json user;  // UserJson of the account
};

struct SessionIdentity {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  cases::Role role = cases::Role::kMonitor;
  std::string token_hash;
  std::string csrf_hash;
  int64_t expires_ms = 0;
};

// Opens a session. `caller` carries the client address (throttle key, audit).
Result<NewSession> Login(storage::Connection& db, const AuthOptions& options, const Caller& caller,
                         const std::string& username, const std::string& password);
// The account behind a bearer token: kUnauthenticated for an unknown (forged),
// expired, idle, revoked or disabled session.
Result<SessionIdentity> Authenticate(storage::Connection& db, const AuthOptions& options,
                                     const std::string& token);
// Ok when `csrf_token` is the session's; kPermissionDenied otherwise.
Status CheckCsrf(const SessionIdentity& session, const std::string& csrf_token);
// Revokes the session (audited).
Status Logout(storage::Connection& db, const AuthOptions& options, const Caller& caller,
              const SessionIdentity& session);

// The public view of an account (never the hash).
nlohmann::json UserJson(int64_t user_id, const std::string& username,
                        const std::string& display_name, const std::string& role, bool disabled);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_AUTH_SERVICE_H_
