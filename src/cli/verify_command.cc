#include <cstdio>

#include "cli/command.h"
#include "common/progress.h"
#include "storage/audit_log.h"
#include "storage/event_log.h"
#include "storage/migrations.h"

namespace reunite::cli {

void AddVerifyCommand(CLI::App& app, CommandResult& result) {
  CLI::App* sub = app.add_subcommand(
      "verify",
      "Walk the hash chains of the event log and of the audit log and name\n"
      "the first broken link. Exit 0 if both are intact, 2 (corruption) if not.");
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
    storage::AuditLog audit(**conn);
    auto report = log.Verify();
    auto audit_report = audit.Verify();
    if (!report.ok() || !audit_report.ok()) {
      result.status = report.ok() ? audit_report.status() : report.status();
      return;
    }
    if (report->ok) {
      std::printf("verify: %s: %s events, hash chain intact\n", (*conn)->Describe().c_str(),
                  WithThousands(static_cast<uint64_t>(report->entries_checked)).c_str());
    }
    if (audit_report->ok) {
      std::printf("verify: %s: %s audit entries, hash chain intact\n", (*conn)->Describe().c_str(),
                  WithThousands(static_cast<uint64_t>(audit_report->entries_checked)).c_str());
    }
    std::string broken;
    if (!report->ok) {
      broken = "event log broken at event " + std::to_string(report->first_broken_seq) + ": " +
               report->problem + " (" + std::to_string(report->entries_checked) +
               " events before it intact)";
    }
    if (!audit_report->ok) {
      broken += (broken.empty() ? "" : "; ") + std::string("audit log broken at entry ") +
                std::to_string(audit_report->first_broken_seq) + ": " + audit_report->problem +
                " (" + std::to_string(audit_report->entries_checked) + " entries before it intact)";
    }
    result.status = broken.empty() ? Status::Ok() : Corruption((*conn)->Describe() + ": " + broken);
  });
}

}  // namespace reunite::cli
