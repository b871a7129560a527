#include "service/auth_service.h"

#include <sodium.h>

#include "service/audit_trail.h"
#include "storage/accounts.h"

namespace reunite::service {
namespace {

constexpr int64_t kTouchEveryMs = 60 * 1000;

std::string Folded(const std::string& username) {
  std::string out = username;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A hash to verify against when the user does not exist, so that an unknown
// name takes as long as a wrong password.
const std::string& DummyHash(const PasswordCost& cost) {
  static const std::string hash = [&] {
    auto h = HashPassword(RandomToken(), cost);
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

}  // namespace

nlohmann::json UserJson(int64_t user_id, const std::string& username,
                        const std::string& display_name, const std::string& role, bool disabled) {
  return {{"id", user_id},
          {"username", username},
          {"display_name", display_name},
          {"role", role},
          {"disabled", disabled}};
}

Result<NewSession> Login(storage::Connection& db, const AuthOptions& options, const Caller& caller,
                         const std::string& username_in, const std::string& password) {
  const std::string username = Folded(username_in);
  if (username.empty() || password.empty()) {
    return InvalidArgument("username and password are required");
  }
  if (username.size() > 64 || password.size() > 1024) {
    return Unauthenticated("wrong username or password");
  }
  const std::string user_key = "login-user:" + username;
  const std::string addr_key = "login-addr:" + caller.client_address;
  storage::AccountStore store(db);
  const int64_t now = options.now_ms();
  {
    // Refuse blocked keys before spending an Argon2id verification.
    REUNITE_RETURN_IF_ERROR(CheckThrottle(store, addr_key, options.per_address, now));
    REUNITE_RETURN_IF_ERROR(CheckThrottle(store, user_key, options.per_account, now));
  }
  REUNITE_ASSIGN_OR_RETURN(auto user, store.FindUser(username));
  bool good = user ? VerifyPassword(user->password_hash, password)
                   : (VerifyPassword(DummyHash(options.cost), password), false);
  if (good && user->disabled) good = false;
  if (!good) {
    REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
      REUNITE_RETURN_IF_ERROR(CountAttempt(store, addr_key, options.per_address, now));
      return CountAttempt(store, user_key, options.per_account, now);
    }));
    return Unauthenticated("wrong username or password");
  }
  NewSession out;
  out.token = RandomToken();
  out.csrf_token = RandomToken();
  out.expires_ms = now + options.session_ttl_ms;
  out.user = UserJson(user->user_id, user->username, user->display_name, user->role, false);
  Caller who = caller;
  who.user_id = user->user_id;
  who.username = user->username;
  if (auto r = cases::ParseRole(user->role); r.ok()) who.role = *r;
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_RETURN_IF_ERROR(store.ClearThrottle(user_key));
    storage::SessionRow s{TokenHash(out.token),
                          user->user_id,
                          TokenHash(out.csrf_token),
                          now,
                          out.expires_ms,
                          now,
                          std::nullopt,
                          caller.client_address};
    REUNITE_RETURN_IF_ERROR(store.InsertSession(s));
    return RecordAuditInTransaction(db, who, {"user:" + user->username}, "ok", "session opened");
  }));
  return out;
}

Result<SessionIdentity> Authenticate(storage::Connection& db, const AuthOptions& options,
                                     const std::string& token) {
  if (token.empty() || token.size() > 256) return Unauthenticated("no valid session");
  storage::AccountStore store(db);
  const std::string hash = TokenHash(token);
  REUNITE_ASSIGN_OR_RETURN(auto session, store.FindSession(hash));
  if (!session) return Unauthenticated("no valid session");
  const int64_t now = options.now_ms();
  if (session->revoked_ms) return Unauthenticated("session ended (signed out)");
  if (now >= session->expires_ms) return Unauthenticated("session expired; sign in again");
  if (now - session->last_seen_ms >= options.idle_timeout_ms) {
    return Unauthenticated("session expired after inactivity; sign in again");
  }
  REUNITE_ASSIGN_OR_RETURN(auto user, store.FindUserById(session->user_id));
  if (!user || user->disabled) return Unauthenticated("account disabled");
  auto role = cases::ParseRole(user->role);
  if (!role.ok()) return Internal("user " + user->username + " has an unknown role");
  if (now - session->last_seen_ms >= kTouchEveryMs) {
    REUNITE_RETURN_IF_ERROR(store.TouchSession(hash, now));
  }
  return SessionIdentity{user->user_id, user->username,     user->display_name, *role,
                         hash,          session->csrf_hash, session->expires_ms};
}

Status CheckCsrf(const SessionIdentity& session, const std::string& csrf_token) {
  if (csrf_token.empty()) {
    return PermissionDenied("missing X-CSRF-Token header (required with cookie sign-in)");
  }
  std::string hash = TokenHash(csrf_token);
  if (hash.size() != session.csrf_hash.size() ||
      sodium_memcmp(hash.data(), session.csrf_hash.data(), hash.size()) != 0) {
    return PermissionDenied("X-CSRF-Token does not match the session");
  }
  return Status::Ok();
}

Status Logout(storage::Connection& db, const AuthOptions& options, const Caller& caller,
              const SessionIdentity& session) {
  storage::AccountStore store(db);
  return storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_RETURN_IF_ERROR(store.RevokeSession(session.token_hash, options.now_ms()));
    return RecordAuditInTransaction(db, caller, {"user:" + session.username}, "ok",
                                    "session closed");
  });
}

}  // namespace reunite::service
