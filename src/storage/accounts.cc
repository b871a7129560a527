#include "storage/accounts.h"

namespace reunite::storage {
namespace {

constexpr std::string_view kUserColumns =
    "user_id, username, display_name, role, password_hash, disabled, created_ms, "
    "password_changed_ms";
constexpr std::string_view kSessionColumns =
    "token_hash, user_id, csrf_hash, created_ms, expires_ms, last_seen_ms, revoked_ms, "
    "client_address";

UserRow UserFrom(const Row& r) {
  return UserRow{r.Int(0),  r.Text(1),     r.Text(2), r.Text(3),
                 r.Text(4), r.Int(5) != 0, r.Int(6),  r.Int(7)};
}

SessionRow SessionFrom(const Row& r) {
  SessionRow s{r.Text(0), r.Int(1), r.Text(2),    r.Int(3),
               r.Int(4),  r.Int(5), std::nullopt, r.Text(7)};
  if (!r.IsNull(6)) s.revoked_ms = r.Int(6);
  return s;
}

}  // namespace

Result<int64_t> AccountStore::InsertUser(const UserRow& u) {
  REUNITE_ASSIGN_OR_RETURN(auto taken, FindUser(u.username));
  if (taken) return AlreadyExists("user '" + u.username + "' already exists");
  REUNITE_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT MAX(user_id) FROM users"));
  int64_t id = (rows.empty() || rows[0].IsNull(0) ? 0 : rows[0].Int(0)) + 1;
  SqlValue p[] = {id,           u.username,           u.display_name,
                  u.role,       u.password_hash,      int64_t{u.disabled ? 1 : 0},
                  u.created_ms, u.password_changed_ms};
  REUNITE_RETURN_IF_ERROR(db_.Execute(
      "INSERT INTO users (" + std::string(kUserColumns) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p));
  return id;
}

Result<std::optional<UserRow>> AccountStore::FindUser(const std::string& username) {
  SqlValue p = username;
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT " + std::string(kUserColumns) + " FROM users WHERE username = ?",
                           std::span<const SqlValue>(&p, 1)));
  if (rows.empty()) return std::optional<UserRow>();
  return std::optional<UserRow>(UserFrom(rows[0]));
}

Result<std::optional<UserRow>> AccountStore::FindUserById(int64_t user_id) {
  SqlValue p = user_id;
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT " + std::string(kUserColumns) + " FROM users WHERE user_id = ?",
                           std::span<const SqlValue>(&p, 1)));
  if (rows.empty()) return std::optional<UserRow>();
  return std::optional<UserRow>(UserFrom(rows[0]));
}

Result<std::vector<UserRow>> AccountStore::ListUsers() {
  std::vector<UserRow> out;
  REUNITE_RETURN_IF_ERROR(
      db_.QueryEach("SELECT " + std::string(kUserColumns) + " FROM users ORDER BY username", {},
                    [&out](const Row& r) {
                      out.push_back(UserFrom(r));
                      return Status::Ok();
                    }));
  return out;
}

Status AccountStore::SetDisabled(int64_t user_id, bool disabled) {
  SqlValue p[] = {int64_t{disabled ? 1 : 0}, user_id};
  return db_.Execute("UPDATE users SET disabled = ? WHERE user_id = ?", p);
}

Status AccountStore::SetPassword(int64_t user_id, const std::string& password_hash,
                                 int64_t now_ms) {
  SqlValue p[] = {password_hash, now_ms, user_id};
  return db_.Execute(
      "UPDATE users SET password_hash = ?, password_changed_ms = ? WHERE user_id = ?", p);
}

Status AccountStore::SetRole(int64_t user_id, const std::string& role) {
  SqlValue p[] = {role, user_id};
  return db_.Execute("UPDATE users SET role = ? WHERE user_id = ?", p);
}

Status AccountStore::SetDisplayName(int64_t user_id, const std::string& display_name) {
  SqlValue p[] = {display_name, user_id};
  return db_.Execute("UPDATE users SET display_name = ? WHERE user_id = ?", p);
}

Status AccountStore::InsertSession(const SessionRow& s) {
  SqlValue p[] = {s.token_hash,
                  s.user_id,
                  s.csrf_hash,
                  s.created_ms,
                  s.expires_ms,
                  s.last_seen_ms,
                  s.revoked_ms ? SqlValue{*s.revoked_ms} : SqlValue{},
                  s.client_address};
  return db_.Execute(
      "INSERT INTO sessions (" + std::string(kSessionColumns) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      p);
}

Result<std::optional<SessionRow>> AccountStore::FindSession(const std::string& token_hash) {
  SqlValue p = token_hash;
  REUNITE_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT " + std::string(kSessionColumns) +
                                                    " FROM sessions WHERE token_hash = ?",
                                                std::span<const SqlValue>(&p, 1)));
  if (rows.empty()) return std::optional<SessionRow>();
  return std::optional<SessionRow>(SessionFrom(rows[0]));
}

Status AccountStore::TouchSession(const std::string& token_hash, int64_t now_ms) {
  SqlValue p[] = {now_ms, token_hash};
  return db_.Execute("UPDATE sessions SET last_seen_ms = ? WHERE token_hash = ?", p);
}

Status AccountStore::RevokeSession(const std::string& token_hash, int64_t now_ms) {
  SqlValue p[] = {now_ms, token_hash};
  return db_.Execute(
      "UPDATE sessions SET revoked_ms = ? WHERE token_hash = ? AND revoked_ms IS NULL", p);
}

Result<int64_t> AccountStore::RevokeUserSessions(int64_t user_id, int64_t now_ms) {
  SqlValue q[] = {user_id, now_ms};
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_ms IS NULL "
                           "AND expires_ms > ?",
                           q));
  SqlValue p[] = {now_ms, user_id};
  REUNITE_RETURN_IF_ERROR(db_.Execute(
      "UPDATE sessions SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL", p));
  return rows[0].Int(0);
}

Status AccountStore::DeleteExpiredSessions(int64_t before_ms) {
  SqlValue p = before_ms;
  return db_.Execute("DELETE FROM sessions WHERE expires_ms < ?", std::span<const SqlValue>(&p, 1));
}

Result<std::optional<ThrottleRow>> AccountStore::FindThrottle(const std::string& key) {
  SqlValue p = key;
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT throttle_key, failures, window_start_ms, blocked_until_ms FROM "
                           "throttle WHERE throttle_key = ?",
                           std::span<const SqlValue>(&p, 1)));
  if (rows.empty()) return std::optional<ThrottleRow>();
  const Row& r = rows[0];
  return std::optional<ThrottleRow>(ThrottleRow{r.Text(0), r.Int(1), r.Int(2), r.Int(3)});
}

Status AccountStore::PutThrottle(const ThrottleRow& t) {
  SqlValue k = t.key;
  REUNITE_RETURN_IF_ERROR(
      db_.Execute("DELETE FROM throttle WHERE throttle_key = ?", std::span<const SqlValue>(&k, 1)));
  SqlValue p[] = {t.key, t.failures, t.window_start_ms, t.blocked_until_ms};
  return db_.Execute(
      "INSERT INTO throttle (throttle_key, failures, window_start_ms, blocked_until_ms) VALUES "
      "(?, ?, ?, ?)",
      p);
}

Status AccountStore::ClearThrottle(const std::string& key) {
  SqlValue k = key;
  return db_.Execute("DELETE FROM throttle WHERE throttle_key = ?",
                     std::span<const SqlValue>(&k, 1));
}

}  // namespace reunite::storage
