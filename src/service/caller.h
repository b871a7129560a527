// Who is calling a use case, and from where. Built by the transport (the
// HTTP dispatcher from the session, the CLI from the operating-system user)
// and passed to every service function that reads persons or writes, so the
// function can redact by role and audit who, what and from where.
#ifndef REUNITE_SERVICE_CALLER_H_
#define REUNITE_SERVICE_CALLER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "cases/role.h"

namespace reunite::service {

struct Caller {
  int64_t user_id = 0;              // 0: anonymous or the command line
  std::string username;             // "anonymous", "cli:<os user>", or the account
  std::optional<cases::Role> role;  // nullopt: anonymous, or an operator at the CLI
  std::string client_address;       // peer IP address, or "local"
  std::string action;               // the role-matrix action being performed
  std::string route;                // "GET /api/v1/source-records/{id}", "cli user add"
  std::string target;               // the request path and query as received

  std::string RoleName() const { return role ? std::string(cases::RoleName(*role)) : ""; }
};

// The operator at the command line (trusted: has the database itself).
Caller CommandLineCaller(const std::string& command);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_CALLER_H_
