#include "storage/tracing_requests.h"

namespace reunite::storage {
namespace {

constexpr std::string_view kColumns =
    "request_id, reference, received_at, client_address, language, requester, sought, notes, "
    "status, assigned_to, candidates, matched_at, resolution, resolution_note, updated_at";

TracingRequestRow FromRow(const Row& r) {
  return TracingRequestRow{r.Int(0),   r.Text(1),  r.Text(2),  r.Text(3),  r.Text(4),
                           r.Text(5),  r.Text(6),  r.Text(7),  r.Text(8),  r.Text(9),
                           r.Text(10), r.Text(11), r.Text(12), r.Text(13), r.Text(14)};
}

SqlValue TextOrNull(const std::string& s) { return s.empty() ? SqlValue{} : SqlValue{s}; }

}  // namespace

Result<int64_t> TracingRequestStore::Insert(const TracingRequestRow& t) {
  SqlValue ref = t.reference;
  REUNITE_ASSIGN_OR_RETURN(auto taken,
                           db_.Query("SELECT 1 FROM tracing_requests WHERE reference = ?",
                                     std::span<const SqlValue>(&ref, 1)));
  if (!taken.empty()) return AlreadyExists("tracing reference " + t.reference + " is taken");
  REUNITE_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT MAX(request_id) FROM tracing_requests"));
  int64_t id = (rows.empty() || rows[0].IsNull(0) ? 0 : rows[0].Int(0)) + 1;
  SqlValue p[] = {id,
                  t.reference,
                  t.received_at,
                  t.client_address,
                  t.language,
                  t.requester,
                  t.sought,
                  t.notes,
                  t.status,
                  TextOrNull(t.assigned_to),
                  t.candidates,
                  TextOrNull(t.matched_at),
                  TextOrNull(t.resolution),
                  TextOrNull(t.resolution_note),
                  t.updated_at};
  REUNITE_RETURN_IF_ERROR(db_.Execute("INSERT INTO tracing_requests (" + std::string(kColumns) +
                                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                      p));
  return id;
}

Result<std::optional<TracingRequestRow>> TracingRequestStore::Find(int64_t request_id) {
  SqlValue p = request_id;
  REUNITE_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT " + std::string(kColumns) +
                                                    " FROM tracing_requests WHERE request_id = ?",
                                                std::span<const SqlValue>(&p, 1)));
  if (rows.empty()) return std::optional<TracingRequestRow>();
  return std::optional<TracingRequestRow>(FromRow(rows[0]));
}

Result<std::vector<TracingRequestRow>> TracingRequestStore::List(const TracingQuery& q) {
  std::string sql =
      "SELECT " + std::string(kColumns) + " FROM tracing_requests WHERE request_id > ?";
  std::vector<SqlValue> p;
  // emplace_back, not temporaries: GCC 12 at -O3 falsely warns (maybe-uninitialized)
  // on moving a temporary SqlValue.
  p.emplace_back(q.after_id);
  if (!q.status.empty()) {
    sql += " AND status = ?";
    p.emplace_back(q.status);
  }
  if (!q.assigned_to.empty()) {
    sql += " AND assigned_to = ?";
    p.emplace_back(q.assigned_to);
  }
  sql += " ORDER BY request_id LIMIT ?";
  p.emplace_back(q.limit);
  std::vector<TracingRequestRow> out;
  REUNITE_RETURN_IF_ERROR(db_.QueryEach(sql, p, [&](const Row& r) {
    out.push_back(FromRow(r));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<int64_t>> TracingRequestStore::IdsWithStatus(const std::string& status,
                                                                int64_t limit) {
  SqlValue p[] = {status, limit};
  std::vector<int64_t> out;
  REUNITE_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT request_id FROM tracing_requests WHERE status = ? ORDER BY request_id LIMIT ?", p,
      [&](const Row& r) {
        out.push_back(r.Int(0));
        return Status::Ok();
      }));
  return out;
}

Status TracingRequestStore::Update(const TracingRequestRow& t) {
  SqlValue p[] = {t.status,
                  TextOrNull(t.assigned_to),
                  t.candidates,
                  TextOrNull(t.matched_at),
                  TextOrNull(t.resolution),
                  TextOrNull(t.resolution_note),
                  t.updated_at,
                  t.request_id};
  return db_.Execute(
      "UPDATE tracing_requests SET status = ?, assigned_to = ?, candidates = ?, matched_at = ?, "
      "resolution = ?, resolution_note = ?, updated_at = ? WHERE request_id = ?",
      p);
}

}  // namespace reunite::storage
