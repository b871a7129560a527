// Accounts: users, their sessions and the throttle of failed attempts. Plain
// rows; the rules (password hashing, token generation, expiry, backoff) are
// in service/auth_service. Only hashes are stored: the Argon2id string of a
// password, the SHA-256 of a session token and of its CSRF token.
//
// Times are epoch milliseconds (UTC). Thread-safety: as the Connection.
#ifndef REUNITE_STORAGE_ACCOUNTS_H_
#define REUNITE_STORAGE_ACCOUNTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/connection.h"

namespace reunite::storage {

struct UserRow {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string role;           // cases::RoleName
  std::string password_hash;  // crypto_pwhash_str (Argon2id) output
  bool disabled = false;
  int64_t created_ms = 0;
  int64_t password_changed_ms = 0;
};

struct SessionRow {
  std::string token_hash;  // SHA-256 hex of the bearer token
  int64_t user_id = 0;
  std::string csrf_hash;  // SHA-256 hex of the CSRF token
  int64_t created_ms = 0, expires_ms = 0, last_seen_ms = 0;
  std::optional<int64_t> revoked_ms;
  std::string client_address;
};

// A counter of recent failures for one key ("login-user:maria",
// "login-addr:127.0.0.1", "intake-addr:..."), with the instant until which
// the key is refused.
struct ThrottleRow {
  std::string key;
  int64_t failures = 0;
  int64_t window_start_ms = 0;
  int64_t blocked_until_ms = 0;
};

class AccountStore {
 public:
  explicit AccountStore(Connection& db) : db_(db) {}

  // Users. InsertUser assigns user_id (max + 1) inside the caller's write
  // transaction; a taken username is kAlreadyExists.
  Result<int64_t> InsertUser(const UserRow& user);
  Result<std::optional<UserRow>> FindUser(const std::string& username);
  Result<std::optional<UserRow>> FindUserById(int64_t user_id);
  Result<std::vector<UserRow>> ListUsers();
  Status SetDisabled(int64_t user_id, bool disabled);
  Status SetPassword(int64_t user_id, const std::string& password_hash, int64_t now_ms);
  Status SetRole(int64_t user_id, const std::string& role);
  Status SetDisplayName(int64_t user_id, const std::string& display_name);

  // Sessions.
  Status InsertSession(const SessionRow& session);
  Result<std::optional<SessionRow>> FindSession(const std::string& token_hash);
  Status TouchSession(const std::string& token_hash, int64_t now_ms);
  Status RevokeSession(const std::string& token_hash, int64_t now_ms);
  // Revokes every live session of a user (disable, password reset); returns how many.
  Result<int64_t> RevokeUserSessions(int64_t user_id, int64_t now_ms);
  // Deletes sessions that expired before `before_ms` (housekeeping).
  Status DeleteExpiredSessions(int64_t before_ms);

  // Throttle rows. Read inside the caller's write transaction, then Put.
  Result<std::optional<ThrottleRow>> FindThrottle(const std::string& key);
  Status PutThrottle(const ThrottleRow& row);
  Status ClearThrottle(const std::string& key);

 private:
  Connection& db_;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_ACCOUNTS_H_
