#include "storage/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace reunite::storage {
namespace {

// Writers to one database file in this process take turns on a mutex before
// BEGIN IMMEDIATE: a waiting writer wakes as soon as the previous one
// commits, where SQLite's busy handler polls with sleeps of up to 100 ms
// (the server's threads all append to the audit log, so every request
// writes). Writers in other processes still meet the busy timeout.
constexpr auto kWriteWait = std::chrono::seconds(10);  // as sqlite3_busy_timeout

std::shared_ptr<std::timed_mutex> WriterGate(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::weak_ptr<std::timed_mutex>> gates;
  std::lock_guard<std::mutex> lock(mu);
  std::weak_ptr<std::timed_mutex>& slot = gates[path];
  std::shared_ptr<std::timed_mutex> gate = slot.lock();
  if (gate == nullptr) {
    gate = std::make_shared<std::timed_mutex>();
    slot = gate;
  }
  return gate;
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(std::string path, sqlite3* db)
      : path_(std::move(path)), db_(db), writer_gate_(WriterGate(path_)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);  // rolls back an open transaction
    if (writing_) writer_gate_->unlock();
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string Describe() const override { return "sqlite:" + path_; }

  Status Execute(std::string_view sql, std::span<const SqlValue> params) override {
    if (params.empty() && sql.find(';') != std::string_view::npos) {
      char* err = nullptr;
      int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
      if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        return Error(rc, msg);
      }
      return Status::Ok();
    }
    return QueryEach(sql, params, [](const Row&) { return Status::Ok(); });
  }

  Status QueryEach(std::string_view sql, std::span<const SqlValue> params,
                   const std::function<Status(const Row&)>& on_row) override {
    REUNITE_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const SqlValue& v = params[i];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        sqlite3_bind_int64(stmt, idx, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        sqlite3_bind_double(stmt, idx, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        sqlite3_bind_text(stmt, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, idx);
      }
    }
    Row row;
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Status s = Error(rc, sqlite3_errmsg(db_));
        sqlite3_reset(stmt);
        return s;
      }
      int n = sqlite3_column_count(stmt);
      row.values.assign(static_cast<size_t>(n), std::monostate{});
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            row.values[c] = static_cast<int64_t>(sqlite3_column_int64(stmt, c));
            break;
          case SQLITE_FLOAT:
            row.values[c] = sqlite3_column_double(stmt, c);
            break;
          case SQLITE_NULL:
            break;
          default: {
            const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row.values[c] = std::string(t, static_cast<size_t>(sqlite3_column_bytes(stmt, c)));
          }
        }
      }
      Status s = on_row(row);
      if (!s.ok()) {
        sqlite3_reset(stmt);
        return s;
      }
    }
    sqlite3_reset(stmt);
    return Status::Ok();
  }

  Status BulkInsert(std::string_view table, std::span<const std::string_view> columns,
                    std::span<const std::vector<SqlValue>> rows) override {
    std::string sql = "INSERT INTO " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + std::string(columns[i]);
    sql += ") VALUES (";
    for (size_t i = 0; i < columns.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
    // One prepared statement for all rows; values are bound without copying
    // (they outlive each step).
    REUNITE_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    for (const auto& row : rows) {
      sqlite3_reset(stmt);
      for (size_t i = 0; i < row.size(); ++i) {
        int idx = static_cast<int>(i + 1);
        const SqlValue& v = row[i];
        if (const auto* n = std::get_if<int64_t>(&v)) {
          sqlite3_bind_int64(stmt, idx, *n);
        } else if (const auto* d = std::get_if<double>(&v)) {
          sqlite3_bind_double(stmt, idx, *d);
        } else if (const auto* t = std::get_if<std::string>(&v)) {
          sqlite3_bind_text(stmt, idx, t->data(), static_cast<int>(t->size()), SQLITE_STATIC);
        } else {
          sqlite3_bind_null(stmt, idx);
        }
      }
      int rc = sqlite3_step(stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        Status s = Error(rc, sqlite3_errmsg(db_));
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return s;
      }
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return Status::Ok();
  }

  Status BeginWrite() override {
    if (writing_) return Execute("BEGIN IMMEDIATE", {});  // SQLite refuses the nesting
    if (!writer_gate_->try_lock_for(kWriteWait)) {
      return FailedPrecondition(Describe() + ": another writer held the database for " +
                                std::to_string(kWriteWait.count()) + " s (retry)");
    }
    Status s = Execute("BEGIN IMMEDIATE", {});
    if (s.ok()) {
      writing_ = true;
    } else {
      writer_gate_->unlock();
    }
    return s;
  }
  Status Commit() override {
    Status s = Execute("COMMIT", {});
    if (s.ok()) EndWrite();  // a failed commit leaves the transaction to Rollback
    return s;
  }
  Status Rollback() override {
    Status s = Execute("ROLLBACK", {});
    EndWrite();
    return s;
  }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    auto it = cache_.find(sql);  // no copy of the SQL text per statement run
    if (it != cache_.end()) return it->second;
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, key.c_str(), static_cast<int>(key.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return Error(rc, std::string(sqlite3_errmsg(db_)) + " in: " + key);
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  Status Error(int rc, const std::string& msg) const {
    std::string m = Describe() + ": " + msg;
    int primary = rc & 0xff;
    // A failed write says why in the operating system's words ("No space
    // left on device", "File too large").
    if (primary == SQLITE_IOERR || primary == SQLITE_FULL) {
      if (int e = sqlite3_system_errno(db_); e != 0)
        m += std::string(" (") + std::strerror(e) + ")";
    }
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
      return FailedPrecondition(m + " (retry)");
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Corruption(m);
    if (primary == SQLITE_CONSTRAINT) return AlreadyExists(m);
    return IoError(m);
  }

  void EndWrite() {
    if (!writing_) return;
    writing_ = false;
    writer_gate_->unlock();
  }

  std::string path_;
  sqlite3* db_;
  std::shared_ptr<std::timed_mutex> writer_gate_;
  bool writing_ = false;  // holds writer_gate_: between BeginWrite and Commit/Rollback
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg =
        path + ": cannot open database: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return IoError(msg);
  }
  sqlite3_busy_timeout(db, 10000);
  auto conn = std::make_unique<SqliteConnection>(path, db);
  REUNITE_RETURN_IF_ERROR(conn->Execute(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", {}));
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace reunite::storage
