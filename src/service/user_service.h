// Account administration, shared by the HTTP API (admins) and the command
// line (`reunite user add|disable|enable|reset|list`). Every change is audited
// in the same transaction; disabling an account or resetting its password
// revokes its sessions. The last enabled admin cannot be disabled or demoted.
//
// Usernames: 2-64 characters of a-z, 0-9, '.', '_', '-' (folded to lower
// case). Passwords: see CheckPasswordRules.
#ifndef REUNITE_SERVICE_USER_SERVICE_H_
#define REUNITE_SERVICE_USER_SERVICE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cases/role.h"
#include "service/caller.h"
#include "service/password.h"
#include "storage/connection.h"

namespace reunite::service {

struct NewUser {
  std::string username;
  std::string display_name;  // defaults to the username
  cases::Role role = cases::Role::kCaseworker;
  std::string password;
};

struct UserChange {
  std::optional<bool> disabled;
  std::optional<cases::Role> role;
  std::optional<std::string> display_name;
};

Result<nlohmann::json> CreateUser(storage::Connection& db, const Caller& caller,
                                  const PasswordCost& cost, const NewUser& user);
// {"users": [UserJson...]} in username order (audited as a read of accounts).
Result<nlohmann::json> ListUsers(storage::Connection& db, const Caller& caller);
Result<nlohmann::json> UpdateUser(storage::Connection& db, const Caller& caller,
                                  const std::string& username, const UserChange& change);
Result<nlohmann::json> ResetPassword(storage::Connection& db, const Caller& caller,
                                     const PasswordCost& cost, const std::string& username,
                                     const std::string& new_password);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_USER_SERVICE_H_
