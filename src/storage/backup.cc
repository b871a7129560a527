#include "storage/backup.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "storage/connection.h"

namespace reunite::storage {
namespace {

namespace fs = std::filesystem;

bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string SqlitePath(std::string_view url) {
  if (url.starts_with("sqlite:")) url.remove_prefix(7);
  return std::string(url);
}

// A temp name beside `path`, so that rename() over it is atomic.
std::string TempBeside(const std::string& path) {
  return path + ".tmp." + std::to_string(getpid());
}

Status FsyncFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return IoError(path + ": cannot open to sync");
  int rc = fsync(fd);
  close(fd);
  return rc == 0 ? Status::Ok() : IoError(path + ": fsync failed");
}

// --- SQLite ----------------------------------------------------------------

Status SqliteError(const std::string& what, sqlite3* db, int rc) {
  std::string msg = what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) return InvalidArgument(msg);
  return IoError(msg);
}

// Copies database `from` into `to` (both open) with the online backup API,
// all in one step: the destination is written in one transaction.
Status CopySqlite(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (b == nullptr) return SqliteError(what, to, sqlite3_errcode(to));
  int rc;
  do {
    rc = sqlite3_backup_step(b, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return SqliteError(what, to, rc);
  return Status::Ok();
}

struct SqliteHandle {
  sqlite3* db = nullptr;
  ~SqliteHandle() { sqlite3_close(db); }
};

Status OpenSqliteHandle(const std::string& path, int flags, SqliteHandle& h) {
  int rc = sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr);
  if (rc != SQLITE_OK) return SqliteError(path + ": cannot open", h.db, rc);
  sqlite3_busy_timeout(h.db, 10000);
  return Status::Ok();
}

Status BackupSqlite(const std::string& db_path, const std::string& out) {
  if (!fs::exists(db_path)) return NotFound(db_path + ": no such database");
  std::string tmp = TempBeside(out);
  Status s = [&]() -> Status {
    SqliteHandle src, dst;
    REUNITE_RETURN_IF_ERROR(OpenSqliteHandle(db_path, SQLITE_OPEN_READONLY, src));
    REUNITE_RETURN_IF_ERROR(OpenSqliteHandle(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, dst));
    REUNITE_RETURN_IF_ERROR(CopySqlite(src.db, dst.db, "backup of " + db_path + " into " + out));
    // A backup is one self-contained file (no -wal beside it).
    int rc = sqlite3_exec(dst.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::Ok() : SqliteError(out, dst.db, rc);
  }();
  if (s.ok()) s = FsyncFile(tmp);
  if (s.ok() && std::rename(tmp.c_str(), out.c_str()) != 0) {
    s = IoError(out + ": cannot rename " + tmp + " into place");
  }
  if (!s.ok()) std::remove(tmp.c_str());
  return s;
}

Status RestoreSqlite(const std::string& in, const std::string& db_path,
                     const RestoreOptions& options) {
  if (!fs::exists(in)) return NotFound(in + ": no such backup file");
  SqliteHandle src;
  REUNITE_RETURN_IF_ERROR(OpenSqliteHandle(in, SQLITE_OPEN_READONLY, src));
  // A backup that is no SQLite database, or a damaged one, is refused before
  // the target is touched.
  char* err = nullptr;
  std::string check;
  int rc = sqlite3_exec(
      src.db, "PRAGMA quick_check",
      [](void* out, int, char** v, char**) {
        *static_cast<std::string*>(out) += v[0] ? v[0] : "";
        return 0;
      },
      &check, &err);
  if (rc != SQLITE_OK || check != "ok") {
    std::string why = err ? err : check;
    sqlite3_free(err);
    return InvalidArgument(in + ": not a usable SQLite backup: " + why);
  }
  sqlite3_stmt* probe = nullptr;
  bool has_log = sqlite3_prepare_v2(src.db, "SELECT 1 FROM sqlite_master WHERE name = 'chain_head'",
                                    -1, &probe, nullptr) == SQLITE_OK &&
                 sqlite3_step(probe) == SQLITE_ROW;
  sqlite3_finalize(probe);
  if (!has_log) return InvalidArgument(in + ": not a reunite backup (no event log)");
  if (fs::exists(db_path) && !options.force) {
    auto target = OpenConnection(db_path);
    if (!target.ok()) return target.status();
    REUNITE_ASSIGN_OR_RETURN(bool empty, DatabaseIsEmpty(**target));
    if (!empty) {
      return FailedPrecondition(db_path + ": database holds data; restore over it with --force");
    }
  }
  SqliteHandle dst;
  REUNITE_RETURN_IF_ERROR(
      OpenSqliteHandle(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, dst));
  return CopySqlite(src.db, dst.db, "restore of " + in + " into " + db_path);
}

// --- PostgreSQL --------------------------------------------------------------

// How a client tool connects: a keyword=value conninfo without the password
// (for --dbname, which every process on the machine can read in ps) and the
// password, which goes into the tool's environment only.
struct ToolConnection {
  std::string conninfo;
  std::string password;
};

std::string QuoteConninfoValue(const char* v) {
  std::string out = "'";
  for (const char* c = v; *c; ++c) {
    if (*c == '\\' || *c == '\'') out += '\\';
    out += *c;
  }
  return out + "'";
}

Result<ToolConnection> ToolConnectionFor(std::string_view url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(std::string(url).c_str(), &err);
  if (opts == nullptr) {
    std::string why = err ? err : "out of memory";
    PQfreemem(err);
    return InvalidArgument("cannot read the PostgreSQL URL: " + why);
  }
  ToolConnection tc;
  for (PQconninfoOption* o = opts; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0') continue;
    if (std::strcmp(o->keyword, "password") == 0) {
      tc.password = o->val;
      continue;
    }
    if (!tc.conninfo.empty()) tc.conninfo += ' ';
    tc.conninfo += std::string(o->keyword) + "=" + QuoteConninfoValue(o->val);
  }
  PQconninfoFree(opts);
  return tc;
}

struct ToolRun {
  int exit_code = -1;
  std::string errors;  // the tool's stderr
};

// The environment of a client tool: ours, with PGPASSWORD set to `password`
// (or removed when there is none, so an inherited one does not leak in).
std::vector<std::string> ToolEnvironment(const std::string& password) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) env.emplace_back(*e);
  }
  if (!password.empty()) env.push_back("PGPASSWORD=" + password);
  return env;
}

// Runs `argv` (no shell, searched on PATH), stdout into `stdout_path` (or
// /dev/null); `password`, if any, reaches it as PGPASSWORD in its
// environment, never on its command line.
Result<ToolRun> RunTool(const std::vector<std::string>& argv, const std::string& stdout_path,
                        const std::string& password = "") {
  std::vector<std::string> env = ToolEnvironment(password);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  char err_tmpl[] = "/tmp/reunite-toolXXXXXX";
  int err_fd = mkstemp(err_tmpl);
  if (err_fd < 0) return IoError("cannot create a temp file for " + argv[0] + "'s messages");
  pid_t pid = fork();
  if (pid < 0) {
    close(err_fd);
    unlink(err_tmpl);
    return IoError("cannot start " + argv[0]);
  }
  if (pid == 0) {
    int out = open(stdout_path.empty() ? "/dev/null" : stdout_path.c_str(),
                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out >= 0) dup2(out, 1);
    dup2(err_fd, 2);
    execvpe(args[0], args.data(), envp.data());
    _exit(127);
  }
  close(err_fd);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ToolRun r;
  {
    std::ifstream in(err_tmpl);
    std::stringstream ss;
    ss << in.rdbuf();
    r.errors = ss.str();
  }
  unlink(err_tmpl);
  while (!r.errors.empty() && (r.errors.back() == '\n' || r.errors.back() == ' ')) {
    r.errors.pop_back();
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (r.exit_code == 127) {
    return NotFound(argv[0] +
                    " not found: install the PostgreSQL client tools "
                    "(Debian package postgresql-client)");
  }
  return r;
}

Result<std::string> CurrentSchema(Connection& db) {
  REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT current_schema()"));
  if (rows.empty() || rows[0].IsNull(0)) {
    return FailedPrecondition(db.Describe() + ": no current schema (search_path is empty)");
  }
  return rows[0].Text(0);
}

std::string QuoteIdent(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Status BackupPostgres(std::string_view url, const std::string& out) {
  REUNITE_ASSIGN_OR_RETURN(auto db, OpenConnection(url));
  REUNITE_ASSIGN_OR_RETURN(std::string schema, CurrentSchema(*db));
  REUNITE_ASSIGN_OR_RETURN(ToolConnection conn, ToolConnectionFor(url));
  std::string tmp = TempBeside(out);
  REUNITE_ASSIGN_OR_RETURN(
      ToolRun run, RunTool({"pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                            "--schema=" + schema, "--file=" + tmp, "--dbname=" + conn.conninfo},
                           "", conn.password));
  Status s = run.exit_code == 0
                 ? FsyncFile(tmp)
                 : IoError("pg_dump of " + db->Describe() + " failed: " + run.errors);
  if (s.ok() && std::rename(tmp.c_str(), out.c_str()) != 0) {
    s = IoError(out + ": cannot rename " + tmp + " into place");
  }
  if (!s.ok()) std::remove(tmp.c_str());
  return s;
}

Status RestorePostgres(const std::string& in, std::string_view url, const RestoreOptions& options) {
  if (!fs::exists(in)) return NotFound(in + ": no such backup file");
  REUNITE_ASSIGN_OR_RETURN(auto db, OpenConnection(url));
  REUNITE_ASSIGN_OR_RETURN(std::string schema, CurrentSchema(*db));
  REUNITE_ASSIGN_OR_RETURN(ToolConnection conn, ToolConnectionFor(url));
  std::string base = TempBeside(in);
  std::string list = base + ".list", script = base + ".sql", pre = base + ".pre.sql";
  struct Cleanup {
    std::vector<std::string> files;
    ~Cleanup() {
      for (const auto& f : files) std::remove(f.c_str());
    }
  } cleanup{{list, script, pre}};

  // The table of contents: which schema the dump holds; its schema entries
  // are left out (the schema is recreated below).
  REUNITE_ASSIGN_OR_RETURN(ToolRun toc, RunTool({"pg_restore", "--list", in}, list));
  if (toc.exit_code != 0) {
    return InvalidArgument(in + ": not a pg_dump custom-format backup: " + toc.errors);
  }
  std::ifstream list_in(list);
  std::string line, kept, dumped_schema;
  while (std::getline(list_in, line)) {
    std::istringstream f(line);
    std::string id, catalog, oid, desc, ns;
    if (line.empty() || line[0] == ';' || !(f >> id >> catalog >> oid >> desc >> ns)) {
      kept += line + "\n";
      continue;
    }
    if (desc == "SCHEMA" || (desc == "COMMENT" && line.find(" SCHEMA ") != std::string::npos) ||
        (desc == "ACL" && line.find(" SCHEMA ") != std::string::npos)) {
      continue;
    }
    if (desc == "TABLE" && dumped_schema.empty()) dumped_schema = ns;
    kept += line + "\n";
  }
  list_in.close();
  if (dumped_schema.empty()) return InvalidArgument(in + ": backup holds no tables");
  if (dumped_schema != schema) {
    return FailedPrecondition(in + ": backup holds schema '" + dumped_schema + "' but " +
                              db->Describe() + " uses schema '" + schema +
                              "' (set search_path in the URL: options=-csearch_path%3D" +
                              dumped_schema + ")");
  }
  std::ofstream(list, std::ios::trunc) << kept;

  if (!options.force) {
    REUNITE_ASSIGN_OR_RETURN(bool empty, DatabaseIsEmpty(*db));
    if (!empty) {
      return FailedPrecondition(db->Describe() + " (schema " + schema +
                                "): database holds data; restore over it with --force");
    }
  }
  db.reset();

  REUNITE_ASSIGN_OR_RETURN(ToolRun sql, RunTool({"pg_restore", "--no-owner", "--no-privileges",
                                                 "--use-list=" + list, "--file=" + script, in},
                                                ""));
  if (sql.exit_code != 0) return InvalidArgument(in + ": cannot read backup: " + sql.errors);
  std::ofstream(pre) << "DROP SCHEMA IF EXISTS " << QuoteIdent(schema) << " CASCADE;\n"
                     << "CREATE SCHEMA " << QuoteIdent(schema) << ";\n";
  REUNITE_ASSIGN_OR_RETURN(
      ToolRun replay,
      RunTool({"psql", "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
               "--file=" + pre, "--file=" + script, "--dbname=" + conn.conninfo},
              "", conn.password));
  if (replay.exit_code != 0) {
    return IoError("restore of " + in + " failed and was rolled back: " + replay.errors);
  }
  return Status::Ok();
}

}  // namespace

Result<bool> DatabaseIsEmpty(Connection& db) {
  std::vector<std::string> tables;
  std::string list_sql =
      db.dialect() == Dialect::kSqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE'";
  REUNITE_RETURN_IF_ERROR(db.QueryEach(list_sql, {}, [&](const Row& r) {
    tables.push_back(r.Text(0));
    return Status::Ok();
  }));
  for (const std::string& t : tables) {
    if (t == "schema_migrations") continue;
    std::string where = (t == "chain_head" || t == "audit_head") ? " WHERE seq <> 0" : "";
    REUNITE_ASSIGN_OR_RETURN(
        auto rows, db.Query("SELECT COUNT(*) FROM (SELECT 1 FROM " + t + where + " LIMIT 1) x"));
    if (rows[0].Int(0) != 0) return false;
  }
  return true;
}

Status BackupDatabase(std::string_view url, const std::string& out_path) {
  if (out_path.empty()) return InvalidArgument("backup: no output file given");
  if (IsPostgresUrl(url)) return BackupPostgres(url, out_path);
  return BackupSqlite(SqlitePath(url), out_path);
}

Status RestoreDatabase(const std::string& in_path, std::string_view url,
                       const RestoreOptions& options) {
  if (IsPostgresUrl(url)) return RestorePostgres(in_path, url, options);
  return RestoreSqlite(in_path, SqlitePath(url), options);
}

}  // namespace reunite::storage
