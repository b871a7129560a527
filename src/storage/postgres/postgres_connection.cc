#include "storage/postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <unordered_map>

namespace reunite::storage {

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kBool = 16;

// One value in COPY's text format: \N for NULL; backslash, tab, newline and
// carriage return escaped.
void AppendCopyValue(std::string& out, const SqlValue& v) {
  if (const auto* n = std::get_if<int64_t>(&v)) {
    out += std::to_string(*n);
  } else if (const auto* d = std::get_if<double>(&v)) {
    char b[40];
    std::snprintf(b, sizeof b, "%.17g", *d);
    out += b;
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    for (char c : *s) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out.push_back(c);
      }
    }
  } else {
    out += "\\N";
  }
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string Describe() const override {
    return std::string("postgresql://") + PQhost(conn_) + ":" + PQport(conn_) + "/" + PQdb(conn_);
  }

  Status Execute(std::string_view sql, std::span<const SqlValue> params) override {
    if (params.empty()) {
      PGresult* res = PQexec(conn_, std::string(sql).c_str());
      Status s = Check(res);
      PQclear(res);
      return s;
    }
    return QueryEach(sql, params, [](const Row&) { return Status::Ok(); });
  }

  Status QueryEach(std::string_view sql, std::span<const SqlValue> params,
                   const std::function<Status(const Row&)>& on_row) override {
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        text[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        char b[40];
        std::snprintf(b, sizeof b, "%.17g", *d);
        text[i] = b;
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        // libpq sends text parameters as C strings: a NUL would silently cut
        // the value short (and break any hash computed over the whole value).
        if (s->find('\0') != std::string::npos) {
          return InvalidArgument("SQL parameter " + std::to_string(i + 1) +
                                 " contains a NUL byte, which PostgreSQL text cannot hold");
        }
        text[i] = *s;
      } else {
        continue;
      }
      values[i] = text[i].c_str();
    }
    std::string rewritten = RewritePlaceholders(sql);
    PGresult* res = PQexecParams(conn_, rewritten.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    Status s = Check(res);
    if (!s.ok()) {
      PQclear(res);
      return s;
    }
    int rows = PQntuples(res), cols = PQnfields(res);
    Row row;
    for (int r = 0; r < rows && s.ok(); ++r) {
      row.values.assign(static_cast<size_t>(cols), std::monostate{});
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) continue;
        const char* v = PQgetvalue(res, r, c);
        Oid t = PQftype(res, c);
        if (t == kInt8 || t == kInt4 || t == kInt2) {
          row.values[c] = static_cast<int64_t>(std::strtoll(v, nullptr, 10));
        } else if (t == kFloat8 || t == kFloat4) {
          row.values[c] = std::strtod(v, nullptr);
        } else if (t == kBool) {
          row.values[c] = static_cast<int64_t>(v[0] == 't' ? 1 : 0);
        } else {
          row.values[c] = std::string(v, static_cast<size_t>(PQgetlength(res, r, c)));
        }
      }
      s = on_row(row);
    }
    PQclear(res);
    return s;
  }

  Status BulkInsert(std::string_view table, std::span<const std::string_view> columns,
                    std::span<const std::vector<SqlValue>> rows) override {
    if (rows.empty()) return Status::Ok();
    std::string sql = "COPY " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + std::string(columns[i]);
    sql += ") FROM STDIN";
    PGresult* res = PQexec(conn_, sql.c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
      Status s = Check(res);
      PQclear(res);
      return s.ok() ? Internal("COPY did not start") : s;
    }
    PQclear(res);
    std::string buf;
    bool sent_ok = true;
    for (const auto& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) buf.push_back('\t');
        AppendCopyValue(buf, row[i]);
      }
      buf.push_back('\n');
      if (buf.size() > (1 << 20)) {
        sent_ok = sent_ok && PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) == 1;
        buf.clear();
      }
    }
    if (!buf.empty()) {
      sent_ok = sent_ok && PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) == 1;
    }
    if (PQputCopyEnd(conn_, sent_ok ? nullptr : "client error") != 1) {
      return Unavailable(Describe() + ": COPY failed: " + PQerrorMessage(conn_));
    }
    Status s;
    while ((res = PQgetResult(conn_)) != nullptr) {
      Status r = Check(res);
      if (s.ok() && !r.ok()) s = r;
      PQclear(res);
    }
    return s;
  }

  Status BeginWrite() override { return Execute("BEGIN", {}); }
  Status Commit() override { return Execute("COMMIT", {}); }
  Status Rollback() override { return Execute("ROLLBACK", {}); }

 private:
  Status Check(PGresult* res) const {
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
    if (PQstatus(conn_) == CONNECTION_BAD) {
      return Unavailable(Describe() + ": connection lost: " + PQerrorMessage(conn_));
    }
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    std::string code = state ? state : "";
    std::string msg = Describe() + ": " + PQresultErrorMessage(res);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    if (code == "40001" || code == "40P01" || code == "55P03") {
      return FailedPrecondition(msg + " (retry)");
    }
    if (code == "23505") return AlreadyExists(msg);
    return IoError(msg);
  }

  PGconn* conn_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(std::string_view url) {
  PGconn* conn = PQconnectdb(std::string(url).c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    // libpq's message names host and port but not the password.
    std::string msg = std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    PQfinish(conn);
    return Unavailable(msg);
  }
  auto c = std::make_unique<PostgresConnection>(conn);
  REUNITE_RETURN_IF_ERROR(c->Execute("SET client_min_messages = warning", {}));
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace reunite::storage
