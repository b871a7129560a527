// How subcommands plug into the `reunite` binary.
//
// Each subcommand lives in its own file as `void AddXCommand(CLI::App& app,
// CommandResult& result)`: it declares its options (with --help text) and sets
// a callback that runs the command and stores its Status in `result`. Run()
// parses, dispatches and maps the Status to the exit code: 0 ok, 1 user
// error, 2 internal error (see ExitCodeFor in reunite/status.h).
#ifndef REUNITE_CLI_COMMAND_H_
#define REUNITE_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include "reunite/status.h"

namespace reunite::cli {

struct CommandResult {
  Status status;
};

// Entry point of the binary; returns the process exit code.
int Run(int argc, char** argv);

// Subcommands, one file each.
void AddVersionCommand(CLI::App& app, CommandResult& result);
void AddVerifyCommand(CLI::App& app, CommandResult& result);
void AddImportCommand(CLI::App& app, CommandResult& result);
void AddQuarantineCommand(CLI::App& app, CommandResult& result);
void AddSynthCommand(CLI::App& app, CommandResult& result);
void AddLinkCommand(CLI::App& app, CommandResult& result);
void AddTrainCommand(CLI::App& app, CommandResult& result);
void AddExplainCommand(CLI::App& app, CommandResult& result);
void AddReportCommand(CLI::App& app, CommandResult& result);
void AddServeCommand(CLI::App& app, CommandResult& result);
void AddUserCommand(CLI::App& app, CommandResult& result);
void AddResolveCommand(CLI::App& app, CommandResult& result);
void AddReviewCommand(CLI::App& app, CommandResult& result);
void AddRebuildCommand(CLI::App& app, CommandResult& result);

}  // namespace reunite::cli

#endif  // REUNITE_CLI_COMMAND_H_
