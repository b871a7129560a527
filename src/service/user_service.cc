#include "service/user_service.h"

#include "common/clock.h"
#include "service/audit_trail.h"
#include "service/auth_service.h"
#include "storage/accounts.h"

namespace reunite::service {
namespace {

Result<std::string> CheckUsername(const std::string& in) {
  std::string name;
  for (char c : in) name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (name.size() < 2 || name.size() > 64) return InvalidArgument("username: 2 to 64 characters");
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return InvalidArgument("username: only a-z, 0-9, '.', '_' and '-'");
  }
  return name;
}

nlohmann::json Json(const storage::UserRow& u) {
  return UserJson(u.user_id, u.username, u.display_name, u.role, u.disabled);
}

Result<storage::UserRow> MustFind(storage::AccountStore& store, const std::string& username) {
  REUNITE_ASSIGN_OR_RETURN(std::string name, CheckUsername(username));
  REUNITE_ASSIGN_OR_RETURN(auto user, store.FindUser(name));
  if (!user) return NotFound("no user '" + name + "'");
  return *user;
}

// kFailedPrecondition if `user` is the last enabled admin.
Status KeepOneAdmin(storage::AccountStore& store, const storage::UserRow& user) {
  if (user.role != "admin" || user.disabled) return Status::Ok();
  REUNITE_ASSIGN_OR_RETURN(auto all, store.ListUsers());
  int admins = 0;
  for (const auto& u : all) admins += (u.role == "admin" && !u.disabled) ? 1 : 0;
  if (admins <= 1) {
    return FailedPrecondition("'" + user.username + "' is the last enabled admin");
  }
  return Status::Ok();
}

}  // namespace

Result<nlohmann::json> CreateUser(storage::Connection& db, const Caller& caller,
                                  const PasswordCost& cost, const NewUser& in) {
  REUNITE_ASSIGN_OR_RETURN(std::string name, CheckUsername(in.username));
  REUNITE_RETURN_IF_ERROR(CheckPasswordRules(in.password));
  if (in.display_name.size() > 200) return InvalidArgument("display_name: at most 200 bytes");
  REUNITE_ASSIGN_OR_RETURN(std::string hash, HashPassword(in.password, cost));
  storage::AccountStore store(db);
  storage::UserRow row;
  row.username = name;
  row.display_name = in.display_name.empty() ? name : in.display_name;
  row.role = std::string(cases::RoleName(in.role));
  row.password_hash = hash;
  row.created_ms = row.password_changed_ms = UtcNowMillis();
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(row.user_id, store.InsertUser(row));
    return RecordAuditInTransaction(db, caller, {"user:" + name}, "ok", "created as " + row.role);
  }));
  return Json(row);
}

Result<nlohmann::json> ListUsers(storage::Connection& db, const Caller& caller) {
  storage::AccountStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto users, store.ListUsers());
  nlohmann::json out = {{"users", nlohmann::json::array()}};
  for (const auto& u : users) out["users"].push_back(Json(u));
  REUNITE_RETURN_IF_ERROR(
      RecordAudit(db, caller, {}, "ok", std::to_string(users.size()) + " accounts"));
  return out;
}

Result<nlohmann::json> UpdateUser(storage::Connection& db, const Caller& caller,
                                  const std::string& username, const UserChange& change) {
  if (!change.disabled && !change.role && !change.display_name) {
    return InvalidArgument("give disabled, role or display_name");
  }
  storage::AccountStore store(db);
  storage::UserRow user;
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(user, MustFind(store, username));
    std::string detail;
    int64_t now = UtcNowMillis();
    bool demoted = change.role && *change.role != cases::Role::kAdmin;
    if ((change.disabled.value_or(false) && !user.disabled) || demoted) {
      REUNITE_RETURN_IF_ERROR(KeepOneAdmin(store, user));
    }
    if (change.disabled && *change.disabled != user.disabled) {
      REUNITE_RETURN_IF_ERROR(store.SetDisabled(user.user_id, *change.disabled));
      user.disabled = *change.disabled;
      detail += user.disabled ? "disabled" : "enabled";
      if (user.disabled) {
        REUNITE_ASSIGN_OR_RETURN(int64_t n, store.RevokeUserSessions(user.user_id, now));
        detail += " (" + std::to_string(n) + " sessions revoked)";
      }
    }
    if (change.role) {
      std::string role(cases::RoleName(*change.role));
      if (role != user.role) {
        REUNITE_RETURN_IF_ERROR(store.SetRole(user.user_id, role));
        detail += (detail.empty() ? "" : "; ") + std::string("role ") + user.role + " -> " + role;
        user.role = role;
        // A changed role takes effect at once: end sessions opened under the old one.
        REUNITE_RETURN_IF_ERROR(store.RevokeUserSessions(user.user_id, now).status());
      }
    }
    if (change.display_name) {
      if (change.display_name->empty() || change.display_name->size() > 200) {
        return InvalidArgument("display_name: 1 to 200 bytes");
      }
      REUNITE_RETURN_IF_ERROR(store.SetDisplayName(user.user_id, *change.display_name));
      user.display_name = *change.display_name;
      detail += (detail.empty() ? "" : "; ") + std::string("display name changed");
    }
    return RecordAuditInTransaction(db, caller, {"user:" + user.username}, "ok",
                                    detail.empty() ? "no change" : detail);
  }));
  return Json(user);
}

Result<nlohmann::json> ResetPassword(storage::Connection& db, const Caller& caller,
                                     const PasswordCost& cost, const std::string& username,
                                     const std::string& new_password) {
  REUNITE_RETURN_IF_ERROR(CheckPasswordRules(new_password));
  REUNITE_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password, cost));
  storage::AccountStore store(db);
  storage::UserRow user;
  int64_t revoked = 0;
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(user, MustFind(store, username));
    int64_t now = UtcNowMillis();
    REUNITE_RETURN_IF_ERROR(store.SetPassword(user.user_id, hash, now));
    REUNITE_ASSIGN_OR_RETURN(revoked, store.RevokeUserSessions(user.user_id, now));
    REUNITE_RETURN_IF_ERROR(store.ClearThrottle("login-user:" + user.username));
    return RecordAuditInTransaction(
        db, caller, {"user:" + user.username}, "ok",
        "password reset; " + std::to_string(revoked) + " sessions revoked");
  }));
  nlohmann::json out = Json(user);
  out["sessions_revoked"] = revoked;
  return out;
}

}  // namespace reunite::service
