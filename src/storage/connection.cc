#include "storage/connection.h"

#include "storage/postgres/postgres_connection.h"
#include "storage/sqlite/sqlite_connection.h"

namespace reunite::storage {

int64_t Row::Int(size_t i) const {
  if (const auto* v = std::get_if<int64_t>(&values[i])) return *v;
  if (const auto* d = std::get_if<double>(&values[i])) return static_cast<int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&values[i]))
    return std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

double Row::Double(size_t i) const {
  if (const auto* d = std::get_if<double>(&values[i])) return *d;
  if (const auto* v = std::get_if<int64_t>(&values[i])) return static_cast<double>(*v);
  if (const auto* s = std::get_if<std::string>(&values[i])) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Row::Text(size_t i) const {
  if (const auto* s = std::get_if<std::string>(&values[i])) return *s;
  if (const auto* v = std::get_if<int64_t>(&values[i])) return std::to_string(*v);
  if (const auto* d = std::get_if<double>(&values[i])) return std::to_string(*d);
  return "";
}

Result<std::vector<Row>> Connection::Query(std::string_view sql, std::span<const SqlValue> params) {
  std::vector<Row> rows;
  REUNITE_RETURN_IF_ERROR(QueryEach(sql, params, [&rows](const Row& r) {
    rows.push_back(r);
    return Status::Ok();
  }));
  return rows;
}

Result<std::unique_ptr<Connection>> OpenConnection(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return OpenPostgres(url);
  }
  if (url.starts_with("sqlite:")) url.remove_prefix(7);
  if (url.empty()) return InvalidArgument("empty database path");
  return OpenSqlite(std::string(url));
}

Status InWriteTransaction(Connection& db, const std::function<Status()>& body) {
  REUNITE_RETURN_IF_ERROR(db.BeginWrite());
  Status s = body();
  if (!s.ok()) {
    (void)db.Rollback();
    return s;
  }
  s = db.Commit();
  if (!s.ok()) (void)db.Rollback();
  return s;
}

}  // namespace reunite::storage
