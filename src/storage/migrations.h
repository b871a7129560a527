// Versioned schema migrations, run at start. Each migration has a version
// (1, 2, ...), a name and SQL per dialect; `schema_migrations` records which
// ran. Migrate() applies the missing ones in order, each in its own write
// transaction, and is safe when several processes start at once (SQLite's
// write lock; a PostgreSQL advisory lock). A database whose schema is newer
// than this binary is refused (kFailedPrecondition), never downgraded.
#ifndef REUNITE_STORAGE_MIGRATIONS_H_
#define REUNITE_STORAGE_MIGRATIONS_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "storage/connection.h"

namespace reunite::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sqlite_sql;
  std::string_view postgres_sql;
};

// The project's migrations, in order.
std::span<const Migration> AllMigrations();

// Applies migrations up to `target` (default: all). Returns the schema version.
Result<int> Migrate(Connection& db, int target = -1);
Result<int> SchemaVersion(Connection& db);

// OpenConnection() then Migrate().
Result<std::unique_ptr<Connection>> OpenAndMigrate(std::string_view url);

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_MIGRATIONS_H_
