#include "storage/event_log.h"

#include "common/clock.h"

namespace reunite::storage {
namespace {

constexpr std::string_view kHeadTable = "chain_head";

constexpr std::string_view kColumns = kEventColumns;

}  // namespace

Event EventFromRow(const Row& r) {
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

std::string ComputeEventHash(const Event& e) {
  return ChainHash("reunite-event-v1", e.seq,
                   {e.occurred_at, e.recorded_at, e.type, e.subjects, e.family_unit, e.custodian,
                    e.reason, e.actor, e.authority, e.sources, e.payload, e.prev_hash});
}

Result<std::vector<Event>> EventLog::Append(std::span<const EventDraft> drafts) {
  std::vector<Event> out;
  REUNITE_RETURN_IF_ERROR(InWriteTransaction(db_, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(out, AppendInTransaction(drafts));
    return Status::Ok();
  }));
  return out;
}

namespace {

constexpr std::string_view kEventColumnList[] = {
    "seq",    "occurred_at", "recorded_at", "type",    "subjects", "family_unit", "custodian",
    "reason", "actor",       "authority",   "sources", "payload",  "prev_hash",   "hash"};

// Numbers, chains and hashes `e` (its draft fields set) as the event after
// `prev`; `index` (0-based in the batch) names it in the error.
Status ChainNext(Event& e, size_t index, int64_t seq, const std::string& now,
                 const std::string& prev) {
  if (e.type.empty() || e.actor.empty() || e.occurred_at.empty()) {
    return InvalidArgument("event " + std::to_string(index + 1) +
                           ": type, actor and occurred_at are required");
  }
  e.seq = seq;
  e.recorded_at = now;
  e.prev_hash = prev;
  e.hash = ComputeEventHash(e);
  return Status::Ok();
}

// The stored row of `e`, in kEventColumnList order; `e`'s text is moved.
std::vector<SqlValue> MoveToRow(Event& e) {
  auto text_or_null = [](std::string& s) {
    return s.empty() ? SqlValue{} : SqlValue{std::move(s)};
  };
  return {e.seq,
          std::move(e.occurred_at),
          std::move(e.recorded_at),
          std::move(e.type),
          std::move(e.subjects),
          text_or_null(e.family_unit),
          text_or_null(e.custodian),
          text_or_null(e.reason),
          std::move(e.actor),
          text_or_null(e.authority),
          std::move(e.sources),
          std::move(e.payload),
          std::move(e.prev_hash),
          std::move(e.hash)};
}

}  // namespace

Result<std::vector<Event>> EventLog::AppendInTransaction(std::span<const EventDraft> drafts) {
  REUNITE_ASSIGN_OR_RETURN(ChainHead head, LockChainHead(db_, kHeadTable));
  std::string now = UtcNowIso();
  std::vector<Event> out;
  out.reserve(drafts.size());
  std::vector<std::vector<SqlValue>> rows;
  rows.reserve(drafts.size());
  for (const EventDraft& d : drafts) {
    Event e;
    static_cast<EventDraft&>(e) = d;
    REUNITE_RETURN_IF_ERROR(ChainNext(e, out.size(), head.seq + 1, now, head.hash));
    head = {e.seq, e.hash};
    out.push_back(e);
    rows.push_back(MoveToRow(e));
  }
  REUNITE_RETURN_IF_ERROR(db_.BulkInsert("events", kEventColumnList, rows));
  REUNITE_RETURN_IF_ERROR(SetChainHead(db_, kHeadTable, head));
  return out;
}

Result<ChainHead> EventLog::AppendMovedInTransaction(std::vector<EventDraft>& drafts) {
  REUNITE_ASSIGN_OR_RETURN(ChainHead head, LockChainHead(db_, kHeadTable));
  std::string now = UtcNowIso();
  std::vector<std::vector<SqlValue>> rows;
  rows.reserve(drafts.size());
  Event e;
  for (EventDraft& d : drafts) {
    static_cast<EventDraft&>(e) = std::move(d);
    REUNITE_RETURN_IF_ERROR(ChainNext(e, rows.size(), head.seq + 1, now, head.hash));
    head = {e.seq, e.hash};
    rows.push_back(MoveToRow(e));
  }
  drafts.clear();
  REUNITE_RETURN_IF_ERROR(db_.BulkInsert("events", kEventColumnList, rows));
  REUNITE_RETURN_IF_ERROR(SetChainHead(db_, kHeadTable, head));
  return head;
}

Status EventLog::Scan(int64_t after_seq, const std::function<Status(const Event&)>& on_event) {
  SqlValue p = after_seq;
  return db_.QueryEach(
      "SELECT " + std::string(kColumns) + " FROM events WHERE seq > ? ORDER BY seq",
      std::span<const SqlValue>(&p, 1), [&](const Row& r) { return on_event(EventFromRow(r)); });
}

Result<int64_t> EventLog::LastSeq() {
  REUNITE_ASSIGN_OR_RETURN(ChainHead head, ReadChainHead(db_, kHeadTable));
  return head.seq;
}

Result<std::vector<Event>> EventLog::Page(int64_t after_seq, int64_t limit) {
  SqlValue p[] = {after_seq, limit};
  std::vector<Event> out;
  REUNITE_RETURN_IF_ERROR(db_.QueryEach(
      "SELECT " + std::string(kColumns) + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?", p,
      [&](const Row& r) {
        out.push_back(EventFromRow(r));
        return Status::Ok();
      }));
  return out;
}

Result<std::vector<Event>> EventLog::RangeOfTypes(int64_t after_seq, int64_t up_to_seq,
                                                  std::span<const std::string_view> types) {
  std::vector<Event> out;
  if (types.empty()) return out;
  std::string sql =
      "SELECT " + std::string(kColumns) + " FROM events WHERE seq > ? AND seq <= ? AND type IN (?";
  for (size_t i = 1; i < types.size(); ++i) sql += ", ?";
  sql += ") ORDER BY seq";
  std::vector<SqlValue> p = {after_seq, up_to_seq};
  for (std::string_view t : types) p.emplace_back(std::string(t));
  REUNITE_RETURN_IF_ERROR(db_.QueryEach(sql, p, [&](const Row& r) {
    out.push_back(EventFromRow(r));
    return Status::Ok();
  }));
  return out;
}

Result<VerifyReport> EventLog::Verify() {
  ChainVerifier verifier("event");
  Status s = Scan(0, [&](const Event& e) {
    return verifier.Check(e.seq, e.prev_hash, e.hash, ComputeEventHash(e));
  });
  return verifier.Finish(db_, kHeadTable, s);
}

}  // namespace reunite::storage
