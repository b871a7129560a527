#include <cstdio>
#include <exception>

#include "cli/command.h"

namespace reunite::cli {

int Run(int argc, char** argv) {
  CLI::App app{
      "reunite: find separated families and get them back together.\n"
      "Ingest agency exports, link records of the same person, track custody and\n"
      "reunification against court orders. See docs/ for the full manual."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("reunite ") + REUNITE_VERSION);
  CommandResult result;
  AddVersionCommand(app, result);
  AddVerifyCommand(app, result);
  AddImportCommand(app, result);
  AddQuarantineCommand(app, result);
  AddSynthCommand(app, result);
  AddLinkCommand(app, result);
  AddTrainCommand(app, result);
  AddExplainCommand(app, result);
  AddReportCommand(app, result);
  AddServeCommand(app, result);
  AddUserCommand(app, result);
  AddResolveCommand(app, result);
  AddReviewCommand(app, result);
  AddRebuildCommand(app, result);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "reunite: internal error: %s\n", e.what());
    return 2;
  }
  if (!result.status.ok()) {
    std::fprintf(stderr, "reunite: error: %s\n", result.status.message().c_str());
  }
  return ExitCodeFor(result.status);
}

}  // namespace reunite::cli
