// `reunite rebuild`: the resolution read model from the event log alone.
#include <cstdio>

#include "cli/command.h"
#include "common/progress.h"
#include "resolution/resolution.h"
#include "storage/migrations.h"

namespace reunite::cli {

void AddRebuildCommand(CLI::App& app, CommandResult& result) {
  CLI::App* sub = app.add_subcommand(
      "rebuild",
      "Drop the resolution read model (persons, person_records, family units and\n"
      "members, relationships, review queue and decisions) and rebuild it from the\n"
      "event log, in one transaction. The result is identical to the model kept up\n"
      "to date by resolve and review.");
  auto db = std::make_shared<std::string>("reunite.db");
  auto progress = std::make_shared<bool>(false);
  sub->add_option("--db", *db, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  sub->add_flag("--progress", *progress, "Show progress even when not on a terminal");
  sub->callback([db, progress, &result] {
    auto conn = storage::OpenAndMigrate(*db);
    if (!conn.ok()) {
      result.status = conn.status();
      return;
    }
    auto s = resolution::RebuildProjections(
        **conn, *progress ? ProgressMode::kAlways : ProgressMode::kAuto);
    if (!s.ok()) {
      result.status = s.status();
      return;
    }
    const double rate = s->seconds > 0 ? s->events_read / s->seconds : 0;
    std::printf(
        "rebuild: %s events read, %s applied -> %s persons, %s relationships, %s family units, "
        "%s pairs to review (%.2fs, %s events/s)\n",
        WithThousands(s->events_read).c_str(), WithThousands(s->events_applied).c_str(),
        WithThousands(s->persons).c_str(), WithThousands(s->relationships).c_str(),
        WithThousands(s->family_units).c_str(), WithThousands(s->review_pairs).c_str(), s->seconds,
        WithThousands(static_cast<uint64_t>(rate)).c_str());
  });
}

}  // namespace reunite::cli
