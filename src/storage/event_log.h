// The event log: the append-only, hash-chained truth of reunite. Every
// custody change, decision and caseworker action is an event; read models
// (persons, families, status) are projections rebuilt from it.
//
// Each event carries the SHA-256 of its predecessor (prev_hash) and its own
// hash over a canonical, length-prefixed encoding of all its fields (the
// chain of storage/hash_chain.h, tag "reunite-event-v1"), so that editing,
// deleting or reordering any stored event is detected by Verify(). Appends
// serialise on the chain head (SQLite's write lock; SELECT … FOR UPDATE in
// PostgreSQL), so several writers never fork the chain.
//
// Thread-safety: an EventLog wraps one Connection and shares its rules.
#ifndef REUNITE_STORAGE_EVENT_LOG_H_
#define REUNITE_STORAGE_EVENT_LOG_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/connection.h"
#include "storage/hash_chain.h"

namespace reunite::storage {

// What a caller supplies. Lists (subjects, sources) and payload are JSON text;
// the log stores them byte for byte and hashes them as given.
struct EventDraft {
  std::string type;            // e.g. "apprehended", "separated", "reunified"
  std::string occurred_at;     // ISO date or date-time of the fact in the world
  std::string subjects;        // JSON array of person ids, e.g. ["P1","P2"]
  std::string family_unit;     // immutable family-unit id, or empty
  std::string custodian;       // agency/facility, or empty
  std::string reason;          // coded reason, or empty
  std::string actor;           // who recorded or decided it
  std::string authority;       // directive id, or empty
  std::string sources = "[]";  // JSON array of source record references
  std::string payload = "{}";  // JSON object with type-specific fields
};

struct Event : EventDraft {
  int64_t seq = 0;          // 1, 2, 3, ... without gaps
  std::string recorded_at;  // when reunite stored it (UTC)
  std::string prev_hash;    // hash of event seq-1 (64 zeros for the first)
  std::string hash;         // SHA-256 hex of this event's canonical encoding
};

// SHA-256 (hex) of the canonical encoding of `e` (all fields but `hash`).
std::string ComputeEventHash(const Event& e);

// The events table's columns in the order EventFromRow reads them; every
// query that decodes events selects exactly these.
inline constexpr std::string_view kEventColumns =
    "seq, occurred_at, recorded_at, type, subjects, family_unit, custodian, reason, actor, "
    "authority, sources, payload, prev_hash, hash";

// Decodes one row selected with kEventColumns.
Event EventFromRow(const Row& r);

class EventLog {
 public:
  explicit EventLog(Connection& db) : db_(db) {}

  // Appends `drafts` in order in its own write transaction; all or nothing.
  Result<std::vector<Event>> Append(std::span<const EventDraft> drafts);
  // The same, inside a write transaction the caller has begun (BeginWrite),
  // so events can commit atomically with other rows.
  Result<std::vector<Event>> AppendInTransaction(std::span<const EventDraft> drafts);
  // The same for a bulk writer that keeps no copy of what it appends (the
  // import): the drafts' text is moved into the stored rows, `drafts` is left
  // empty, and only the new chain head is returned.
  Result<ChainHead> AppendMovedInTransaction(std::vector<EventDraft>& drafts);

  // Calls `on_event` for every event with seq > after_seq, in order.
  Status Scan(int64_t after_seq, const std::function<Status(const Event&)>& on_event);
  Result<int64_t> LastSeq();
  // At most `limit` events with seq > after_seq, in order.
  Result<std::vector<Event>> Page(int64_t after_seq, int64_t limit);
  // The events with after_seq < seq <= up_to_seq whose type is one of
  // `types`, in order: a replay that needs few types reads only those.
  Result<std::vector<Event>> RangeOfTypes(int64_t after_seq, int64_t up_to_seq,
                                          std::span<const std::string_view> types);

  // Walks the whole chain: sequence without gaps, each prev_hash equal to the
  // previous hash, each hash equal to the recomputed one, the chain head equal
  // to the last event. Names the first broken link (see ChainVerifier).
  Result<VerifyReport> Verify();

 private:
  Connection& db_;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_EVENT_LOG_H_
