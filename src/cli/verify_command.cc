#include <cstdio>

#include "cli/command.h"
#include "common/progress.h"
#include "storage/event_log.h"
#include "storage/migrations.h"

namespace reunite::cli {

void AddVerifyCommand(CLI::App& app, CommandResult& result) {
  CLI::App* sub =
      app.add_subcommand("verify",
                         "Walk the event log's hash chain and name the first broken link.\n"
                         "Exit 0 if the chain is intact, 2 (corruption) if not.");
  auto db = std::make_shared<std::string>("reunite.db");
  sub->add_option("--db", *db, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  sub->callback([db, &result] {
    auto conn = storage::OpenAndMigrate(*db);
    if (!conn.ok()) {
      result.status = conn.status();
      return;
    }
    storage::EventLog log(**conn);
    auto report = log.Verify();
    if (!report.ok()) {
      result.status = report.status();
      return;
    }
    if (!report->ok) {
      result.status =
          Corruption((*conn)->Describe() + ": event log broken at event " +
                     std::to_string(report->first_broken_seq) + ": " + report->problem + " (" +
                     std::to_string(report->entries_checked) + " events before it intact)");
      return;
    }
    std::printf("verify: %s: %s events, hash chain intact\n", (*conn)->Describe().c_str(),
                WithThousands(static_cast<uint64_t>(report->entries_checked)).c_str());
    result.status = Status::Ok();
  });
}

}  // namespace reunite::cli
