// The storage interface: a connection to an SQL database, with two real
// backends, SQLite (the embedded default: one file, WAL) and PostgreSQL
// (several processes and servers sharing one database).
//
// Repositories (the event log, source records, ...) are written once against
// this interface in portable SQL: `?` placeholders (rewritten to $n for
// PostgreSQL), INTEGER/BIGINT, TEXT, DOUBLE PRECISION. Where dialects differ,
// a repository asks dialect().
//
// Thread-safety: a Connection is used by one thread at a time. Open one per
// thread or process. Errors: kUnavailable when the server cannot be reached,
// kConflict-like write races surface as kFailedPrecondition ("retry"),
// everything else from the database as kIoError with the database's message
// (never with the connection's password).
#ifndef REUNITE_STORAGE_CONNECTION_H_
#define REUNITE_STORAGE_CONNECTION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "reunite/status.h"

namespace reunite::storage {

enum class Dialect { kSqlite, kPostgres };

// A parameter or a column value. NULL is std::monostate.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

struct Row {
  std::vector<SqlValue> values;
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values[i]); }
  // Typed access; a NULL or a mismatched type yields the default.
  int64_t Int(size_t i) const;
  double Double(size_t i) const;
  std::string Text(size_t i) const;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // A description safe to log: the SQLite path, or host:port/dbname (no password).
  virtual std::string Describe() const = 0;

  // Runs one statement (or, with no params, several separated by ';').
  virtual Status Execute(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  // Runs a query and calls `on_row` for each row in order; a non-ok Status
  // from the callback stops the scan and is returned.
  virtual Status QueryEach(std::string_view sql, std::span<const SqlValue> params,
                           const std::function<Status(const Row&)>& on_row) = 0;
  Result<std::vector<Row>> Query(std::string_view sql, std::span<const SqlValue> params = {});

  // Inserts many rows into `table` (SQLite: one prepared statement reused;
  // PostgreSQL: COPY … FROM STDIN). All-or-nothing only inside a transaction.
  virtual Status BulkInsert(std::string_view table, std::span<const std::string_view> columns,
                            std::span<const std::vector<SqlValue>> rows) = 0;

  // Transactions. BeginWrite() takes the database's write lock up front
  // (SQLite BEGIN IMMEDIATE; PostgreSQL BEGIN), so that a read-then-write in
  // the transaction cannot be interleaved with another writer's.
  virtual Status BeginWrite() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
};

// Opens a database from a URL: `postgresql://…` or `postgres://…` for
// PostgreSQL (libpq connection URI), `sqlite:PATH` or a plain path for SQLite
// (created if missing). Runs no migrations (see OpenAndMigrate in migrations.h).
Result<std::unique_ptr<Connection>> OpenConnection(std::string_view url);

// Runs `body` in a write transaction: commits if it returns ok, rolls back
// otherwise (the body's error is returned, not the rollback's).
Status InWriteTransaction(Connection& db, const std::function<Status()>& body);

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_CONNECTION_H_
