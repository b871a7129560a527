#include "storage/event_log.h"

#include <sodium.h>

#include "common/clock.h"

namespace reunite::storage {
namespace {

constexpr std::string_view kColumns =
    "seq, occurred_at, recorded_at, type, subjects, family_unit, custodian, reason, actor, "
    "authority, sources, payload, prev_hash, hash";

void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out.push_back(':');
  out.append(field);
  out.push_back('\n');
}

SqlValue TextOrNull(const std::string& s) { return s.empty() ? SqlValue{} : SqlValue{s}; }

Event FromRow(const Row& r) {
  Event e;
  e.seq = r.Int(0);
  e.occurred_at = r.Text(1);
  e.recorded_at = r.Text(2);
  e.type = r.Text(3);
  e.subjects = r.Text(4);
  e.family_unit = r.Text(5);
  e.custodian = r.Text(6);
  e.reason = r.Text(7);
  e.actor = r.Text(8);
  e.authority = r.Text(9);
  e.sources = r.Text(10);
  e.payload = r.Text(11);
  e.prev_hash = r.Text(12);
  e.hash = r.Text(13);
  return e;
}

}  // namespace

std::string ComputeEventHash(const Event& e) {
  std::string canon = "reunite-event-v1\n";
  AppendField(canon, std::to_string(e.seq));
  for (const std::string* f :
       {&e.occurred_at, &e.recorded_at, &e.type, &e.subjects, &e.family_unit, &e.custodian,
        &e.reason, &e.actor, &e.authority, &e.sources, &e.payload, &e.prev_hash}) {
    AppendField(canon, *f);
  }
  static const int kSodiumReady = sodium_init();
  (void)kSodiumReady;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canon.data()), canon.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<std::vector<Event>> EventLog::Append(std::span<const EventDraft> drafts) {
  std::vector<Event> out;
  REUNITE_RETURN_IF_ERROR(InWriteTransaction(db_, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(out, AppendInTransaction(drafts));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Event>> EventLog::AppendInTransaction(std::span<const EventDraft> drafts) {
  const char* head_sql = db_.dialect() == Dialect::kPostgres
                             ? "SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE"
                             : "SELECT seq, hash FROM chain_head WHERE id = 1";
  REUNITE_ASSIGN_OR_RETURN(auto head, db_.Query(head_sql));
  if (head.size() != 1) return Corruption(db_.Describe() + ": chain head is missing");
  int64_t seq = head[0].Int(0);
  std::string prev = head[0].Text(1);
  std::string now = UtcNowIso();
  std::vector<Event> out;
  out.reserve(drafts.size());
  std::vector<std::vector<SqlValue>> rows;
  rows.reserve(drafts.size());
  for (const EventDraft& d : drafts) {
    if (d.type.empty() || d.actor.empty() || d.occurred_at.empty()) {
      return InvalidArgument("event " + std::to_string(out.size() + 1) +
                             ": type, actor and occurred_at are required");
    }
    Event e;
    static_cast<EventDraft&>(e) = d;
    e.seq = ++seq;
    e.recorded_at = now;
    e.prev_hash = prev;
    e.hash = ComputeEventHash(e);
    rows.push_back({e.seq, e.occurred_at, e.recorded_at, e.type, e.subjects,
                    TextOrNull(e.family_unit), TextOrNull(e.custodian), TextOrNull(e.reason),
                    e.actor, TextOrNull(e.authority), e.sources, e.payload, e.prev_hash, e.hash});
    prev = e.hash;
    out.push_back(std::move(e));
  }
  static constexpr std::string_view kColumnList[] = {
      "seq",    "occurred_at", "recorded_at", "type",    "subjects", "family_unit", "custodian",
      "reason", "actor",       "authority",   "sources", "payload",  "prev_hash",   "hash"};
  REUNITE_RETURN_IF_ERROR(db_.BulkInsert("events", kColumnList, rows));
  SqlValue params[] = {seq, prev};
  REUNITE_RETURN_IF_ERROR(
      db_.Execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", params));
  return out;
}

Status EventLog::Scan(int64_t after_seq, const std::function<Status(const Event&)>& on_event) {
  SqlValue p = after_seq;
  return db_.QueryEach(
      "SELECT " + std::string(kColumns) + " FROM events WHERE seq > ? ORDER BY seq",
      std::span<const SqlValue>(&p, 1), [&](const Row& r) { return on_event(FromRow(r)); });
}

Result<int64_t> EventLog::LastSeq() {
  REUNITE_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT seq FROM chain_head WHERE id = 1"));
  if (rows.size() != 1) return Corruption(db_.Describe() + ": chain head is missing");
  return rows[0].Int(0);
}

Result<VerifyReport> EventLog::Verify() {
  VerifyReport report;
  std::string prev(64, '0');
  int64_t expected = 1;
  auto fail = [&](int64_t seq, std::string problem) {
    report.ok = false;
    report.first_broken_seq = seq;
    report.problem = std::move(problem);
    return Status(ErrorCode::kCorruption, "stop");
  };
  Status s = Scan(0, [&](const Event& e) -> Status {
    if (e.seq != expected) {
      return fail(expected, "event " + std::to_string(expected) + " is missing (next stored is " +
                                std::to_string(e.seq) + ")");
    }
    if (e.prev_hash != prev) {
      return fail(e.seq, "prev_hash does not match the hash of event " + std::to_string(e.seq - 1));
    }
    if (ComputeEventHash(e) != e.hash) {
      return fail(e.seq, "stored hash does not match the event's contents");
    }
    prev = e.hash;
    ++expected;
    ++report.events_checked;
    return Status::Ok();
  });
  if (!s.ok() && report.ok) return s;  // a database error, not a broken chain
  if (report.ok) {
    REUNITE_ASSIGN_OR_RETURN(auto head, db_.Query("SELECT seq, hash FROM chain_head WHERE id = 1"));
    if (head.size() != 1 || head[0].Int(0) != expected - 1 || head[0].Text(1) != prev) {
      report.ok = false;
      report.first_broken_seq = expected;
      report.problem = "chain head does not match the last stored event (events were removed?)";
    }
  }
  return report;
}

}  // namespace reunite::storage
