// `reunite user add|disable|enable|reset|list`: accounts from the command
// line. Passwords are read from standard input (one line) or, on a terminal,
// from a prompt without echo; never from the arguments (which show in `ps`
// and shell history).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "service/user_service.h"
#include "storage/migrations.h"

namespace reunite::cli {
namespace {

struct UserFlags {
  std::string db = "reunite.db";
  std::string username;
  std::string role = "caseworker";
  std::string display_name;
  bool fast_hash = false;
};

std::string ReadLineNoEcho(const char* prompt) {
  termios old{};
  bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Result<std::string> ReadNewPassword() {
  std::string first = ReadLineNoEcho("New password: ");
  if (isatty(STDIN_FILENO)) {
    std::string again = ReadLineNoEcho("Repeat it: ");
    if (again != first) return InvalidArgument("the passwords differ");
  }
  if (first.empty()) return InvalidArgument("no password on standard input");
  return first;
}

service::PasswordCost CostFor(const UserFlags& f) {
  // --fast-hash: libsodium's minimum Argon2id cost, for tests and demos only.
  return f.fast_hash ? service::PasswordCost{1, 8u << 20} : service::PasswordCost{};
}

void Print(const nlohmann::json& u) {
  std::printf("%-24s %-11s %-9s %s\n", u["username"].get<std::string>().c_str(),
              u["role"].get<std::string>().c_str(),
              u["disabled"].get<bool>() ? "disabled" : "active",
              u["display_name"].get<std::string>().c_str());
}

}  // namespace

void AddUserCommand(CLI::App& app, CommandResult& result) {
  auto f = std::make_shared<UserFlags>();
  CLI::App* sub = app.add_subcommand(
      "user",
      "Manage accounts: add, disable, enable, reset (password), list. Passwords are read\n"
      "from standard input or a prompt, never from the command line. Every change is audited.");
  sub->require_subcommand(1);
  auto add_db = [&](CLI::App* c) {
    c->add_option("--db", f->db, "Database: a SQLite file or postgresql://… URL")
        ->capture_default_str();
  };
  CLI::App* add = sub->add_subcommand("add", "Create an account (password from stdin)");
  add_db(add);
  add->add_option("username", f->username, "Login name (a-z, 0-9, . _ -)")->required();
  add->add_option("--role", f->role, "admin, caseworker, reviewer, monitor, counsel or auditor")
      ->capture_default_str();
  add->add_option("--name", f->display_name, "Display name");
  add->add_flag("--fast-hash", f->fast_hash, "Minimum Argon2id cost (tests and demos only)");
  CLI::App* disable = sub->add_subcommand("disable", "Disable an account and end its sessions");
  add_db(disable);
  disable->add_option("username", f->username)->required();
  CLI::App* enable = sub->add_subcommand("enable", "Enable a disabled account");
  add_db(enable);
  enable->add_option("username", f->username)->required();
  CLI::App* reset = sub->add_subcommand("reset", "Set a new password (stdin) and end sessions");
  add_db(reset);
  reset->add_option("username", f->username)->required();
  reset->add_flag("--fast-hash", f->fast_hash, "Minimum Argon2id cost (tests and demos only)");
  CLI::App* list = sub->add_subcommand("list", "List accounts");
  add_db(list);

  auto run = [f, &result](const std::string& verb, const std::string& action, auto body) {
    result.status = [&]() -> Status {
      REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenAndMigrate(f->db));
      service::Caller caller = service::CommandLineCaller("user " + verb);
      caller.action = action;
      return body(*db, caller);
    }();
  };
  add->callback([f, run] {
    run("add", "users.create", [&](storage::Connection& db, const service::Caller& c) -> Status {
      REUNITE_ASSIGN_OR_RETURN(cases::Role role, cases::ParseRole(f->role));
      REUNITE_ASSIGN_OR_RETURN(std::string password, ReadNewPassword());
      REUNITE_ASSIGN_OR_RETURN(
          auto u,
          service::CreateUser(db, c, CostFor(*f), {f->username, f->display_name, role, password}));
      std::printf("user: added %s (%s)\n", u["username"].get<std::string>().c_str(),
                  u["role"].get<std::string>().c_str());
      return Status::Ok();
    });
  });
  auto set_disabled = [f, run](bool disabled) {
    run(disabled ? "disable" : "enable", "users.update",
        [&](storage::Connection& db, const service::Caller& c) -> Status {
          service::UserChange change;
          change.disabled = disabled;
          REUNITE_ASSIGN_OR_RETURN(auto u, service::UpdateUser(db, c, f->username, change));
          std::printf("user: %s %s\n", u["username"].get<std::string>().c_str(),
                      disabled ? "disabled (sessions ended)" : "enabled");
          return Status::Ok();
        });
  };
  disable->callback([set_disabled] { set_disabled(true); });
  enable->callback([set_disabled] { set_disabled(false); });
  reset->callback([f, run] {
    run("reset", "users.reset_password",
        [&](storage::Connection& db, const service::Caller& c) -> Status {
          REUNITE_ASSIGN_OR_RETURN(std::string password, ReadNewPassword());
          REUNITE_ASSIGN_OR_RETURN(
              auto u, service::ResetPassword(db, c, CostFor(*f), f->username, password));
          std::printf("user: new password for %s (%lld sessions ended)\n",
                      u["username"].get<std::string>().c_str(),
                      static_cast<long long>(u["sessions_revoked"].get<int64_t>()));
          return Status::Ok();
        });
  });
  list->callback([run] {
    run("list", "users.list", [&](storage::Connection& db, const service::Caller& c) -> Status {
      REUNITE_ASSIGN_OR_RETURN(auto users, service::ListUsers(db, c));
      for (const auto& u : users["users"]) Print(u);
      std::printf("user: %zu accounts\n", users["users"].size());
      return Status::Ok();
    });
  });
}

}  // namespace reunite::cli
