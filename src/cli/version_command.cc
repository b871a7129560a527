#include <cstdio>

#include "cli/command.h"

namespace reunite::cli {

void AddVersionCommand(CLI::App& app, CommandResult& result) {
  CLI::App* sub = app.add_subcommand("version", "Print the version of reunite");
  sub->callback([&result] {
    std::printf("reunite %s\n", REUNITE_VERSION);
    result.status = Status::Ok();
  });
}

}  // namespace reunite::cli
