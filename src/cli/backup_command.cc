// `reunite backup OUT` and `reunite restore IN`: a whole database to one file
// and back (see storage/backup.h and docs/reliability.md). Both print the
// heads of the event log's and the audit log's hash chains, so a restore can
// be checked against the backup it came from; restore verifies both chains.
#include <cstdio>

#include "cli/command.h"
#include "common/progress.h"
#include "storage/audit_log.h"
#include "storage/backup.h"
#include "storage/event_log.h"
#include "storage/hash_chain.h"
#include "storage/migrations.h"

namespace reunite::cli {
namespace {

struct BackupFlags {
  std::string db = "reunite.db";
  std::string file;
  bool force = false;
};

// The database as given, without a password ("postgresql://u:***@h/db").
std::string Shown(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// Verifies both chains of `url` and prints one line per chain:
// "<what>: event log N events, head H" / "audit log N entries, head H".
Status PrintVerifiedHeads(const std::string& what, const std::string& url) {
  REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenAndMigrate(url));
  storage::EventLog events(*db);
  storage::AuditLog audit(*db);
  REUNITE_ASSIGN_OR_RETURN(storage::VerifyReport ev, events.Verify());
  REUNITE_ASSIGN_OR_RETURN(storage::VerifyReport au, audit.Verify());
  if (!ev.ok) {
    return Corruption(what + ": event log broken at event " + std::to_string(ev.first_broken_seq) +
                      ": " + ev.problem);
  }
  if (!au.ok) {
    return Corruption(what + ": audit log broken at entry " + std::to_string(au.first_broken_seq) +
                      ": " + au.problem);
  }
  REUNITE_ASSIGN_OR_RETURN(storage::ChainHead eh, storage::ReadChainHead(*db, "chain_head"));
  REUNITE_ASSIGN_OR_RETURN(storage::ChainHead ah, storage::ReadChainHead(*db, "audit_head"));
  std::printf("%s: event log %s events, head %s\n", what.c_str(),
              WithThousands(static_cast<uint64_t>(eh.seq)).c_str(), eh.hash.c_str());
  std::printf("%s: audit log %s entries, head %s\n", what.c_str(),
              WithThousands(static_cast<uint64_t>(ah.seq)).c_str(), ah.hash.c_str());
  return Status::Ok();
}

}  // namespace

void AddBackupCommand(CLI::App& app, CommandResult& result) {
  auto f = std::make_shared<BackupFlags>();
  CLI::App* backup = app.add_subcommand(
      "backup",
      "Write a consistent backup of the whole database to OUT while it stays in\n"
      "use (SQLite: the online backup API; PostgreSQL: pg_dump of the current\n"
      "schema). OUT appears only when complete. Prints the chain heads.");
  backup->add_option("OUT", f->file, "Backup file to write")->required();
  backup->add_option("--db", f->db, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  backup->callback([f, &result] {
    result.status = PrintVerifiedHeads("backup of " + Shown(f->db), f->db);
    if (!result.status.ok()) return;
    result.status = storage::BackupDatabase(f->db, f->file);
    if (result.status.ok()) std::printf("backup: wrote %s\n", f->file.c_str());
  });

  CLI::App* restore =
      app.add_subcommand("restore",
                         "Replace the database with the backup IN, all or nothing (a failure or a\n"
                         "kill leaves it as it was), then verify both hash chains and print their\n"
                         "heads. Refuses a database that holds data unless --force.");
  restore->add_option("IN", f->file, "Backup file written by `reunite backup`")->required();
  restore->add_option("--db", f->db, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  restore->add_flag("--force", f->force, "Replace a database that holds data");
  restore->callback([f, &result] {
    storage::RestoreOptions options;
    options.force = f->force;
    result.status = storage::RestoreDatabase(f->file, f->db, options);
    if (!result.status.ok()) {
      result.status = result.status.WithContext("restore of " + f->file + " into " + Shown(f->db) +
                                                " not done (the database is unchanged)");
      return;
    }
    result.status = PrintVerifiedHeads("restored " + Shown(f->db), f->db);
  });
}

}  // namespace reunite::cli
