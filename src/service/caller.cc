#include "service/caller.h"

#include <cstdlib>

namespace reunite::service {

Caller CommandLineCaller(const std::string& command) {
  Caller c;
  const char* user = std::getenv("USER");
  c.username = std::string("cli:") + (user != nullptr && *user != '\0' ? user : "operator");
  c.client_address = "local";
  c.route = "cli " + command;
  c.target = c.route;
  return c;
}

}  // namespace reunite::service
