// Backup and restore of a whole reunite database.
//
// SQLite: BackupDatabase copies the live file with SQLite's online backup API
// (a consistent snapshot while other processes keep writing) into a temp file
// beside OUT, then renames it over OUT, so OUT is never seen half-written.
// RestoreDatabase copies a backup file into the target with the same API in
// one write transaction on the target: a failure or a kill leaves the target
// as it was.
//
// PostgreSQL: BackupDatabase runs `pg_dump --format=custom` of the
// connection's current schema (search_path) into a temp file, renamed over
// OUT when pg_dump succeeded. RestoreDatabase turns the dump into SQL with
// `pg_restore` and replays it with `psql --single-transaction`
// (ON_ERROR_STOP), preceded by dropping and recreating the schema, so the
// target is either the backup or unchanged. The client tools must be at
// least the server's major version (Debian postgresql-client); the target's
// current schema must be the one backed up. The tools get the connection as
// a keyword=value string without the password on their command line (which
// `ps` shows to every user); a password in the URL reaches them only as
// PGPASSWORD in their own environment (on Linux /proc/PID/environ is readable
// by the owner and root only). An inherited PGPASSWORD is not passed on.
//
// Both refuse to restore over a database that holds data (any row outside the
// migration bookkeeping and the empty chain heads) unless `force` is set.
// Errors: kNotFound (no such backup file or tool), kFailedPrecondition
// (target not empty, schema mismatch), kInvalidArgument (not a backup of this
// backend), kIoError (the database or the tool failed; the tool's message is
// included).
#ifndef REUNITE_STORAGE_BACKUP_H_
#define REUNITE_STORAGE_BACKUP_H_

#include <string>
#include <string_view>

#include "reunite/status.h"

namespace reunite::storage {

Status BackupDatabase(std::string_view url, const std::string& out_path);

struct RestoreOptions {
  bool force = false;  // replace a database that holds data
};

Status RestoreDatabase(const std::string& in_path, std::string_view url,
                       const RestoreOptions& options = {});

// True when no table holds a row other than the migration bookkeeping
// (schema_migrations) and chain heads still at the genesis entry.
class Connection;
Result<bool> DatabaseIsEmpty(Connection& db);

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_BACKUP_H_
