// The audit log: who read or changed what, when, from where, and with what
// outcome. Append-only (triggers refuse UPDATE and DELETE) and hash-chained
// with the event log's chain (storage/hash_chain.h, tag "reunite-audit-v1",
// head table audit_head), so an edited, removed or reordered entry is named
// by Verify().
//
// What is recorded and when is decided above (service/audit_trail.h); this is
// the store. Thread-safety: as the Connection.
#ifndef REUNITE_STORAGE_AUDIT_LOG_H_
#define REUNITE_STORAGE_AUDIT_LOG_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "storage/connection.h"
#include "storage/hash_chain.h"

namespace reunite::storage {

struct AuditDraft {
  std::string actor;                  // username, "anonymous", or "cli:<os user>"
  std::string role;                   // the actor's role, or "" (anonymous, cli)
  std::string action;                 // role-matrix action, e.g. "records.read"
  std::string route;                  // "GET /api/v1/source-records/{id}", or "cli user add"
  std::string target;                 // the request path and query as received
  std::vector<std::string> subjects;  // ids read or written (records, users, requests)
  std::string client_address;         // the peer address, or "local"
  std::string outcome;                // "ok" or the error code ("permission_denied")
  std::string detail;                 // short free text (never a secret)
};

struct AuditEntry {
  int64_t seq = 0;
  std::string recorded_at;
  AuditDraft draft;
  std::string subjects_json;  // as stored and hashed
  std::string prev_hash, hash;
};

std::string ComputeAuditHash(const AuditEntry& e);

struct AuditQuery {
  std::string actor, action, subject, outcome;
  std::string from, to;    // recorded_at bounds (ISO, inclusive from, exclusive to)
  int64_t after_seq = 0;   // entries with seq > after_seq
  int64_t before_seq = 0;  // when > 0, entries with seq < before_seq
  int64_t limit = 100;
  bool newest_first = true;
};

class AuditLog {
 public:
  explicit AuditLog(Connection& db) : db_(db) {}

  // Appends in its own write transaction.
  Result<AuditEntry> Append(const AuditDraft& draft);
  // Appends inside the caller's write transaction (atomically with a write).
  Result<AuditEntry> AppendInTransaction(const AuditDraft& draft);

  Result<std::vector<AuditEntry>> Find(const AuditQuery& query);
  Status Scan(int64_t after_seq, const std::function<Status(const AuditEntry&)>& on_entry);
  Result<VerifyReport> Verify();

 private:
  Connection& db_;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_AUDIT_LOG_H_
