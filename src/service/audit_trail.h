// What goes into the audit log, from a use case's point of view. A service
// function that reads persons or writes records its own success: inside its
// write transaction (RecordAuditInTransaction, so the write and its audit
// entry commit together) or, for a read, before it returns the data
// (RecordAudit; if the entry cannot be stored the read fails). The HTTP
// dispatcher records refusals and failures of audited actions.
//
// Secrets never reach the log: callers pass ids and short details only.
#ifndef REUNITE_SERVICE_AUDIT_TRAIL_H_
#define REUNITE_SERVICE_AUDIT_TRAIL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "service/caller.h"
#include "storage/audit_log.h"
#include "storage/connection.h"

namespace reunite::service {

storage::AuditDraft AuditDraftFor(const Caller& caller, std::vector<std::string> subjects,
                                  std::string outcome = "ok", std::string detail = "");
Status RecordAudit(storage::Connection& db, const Caller& caller, std::vector<std::string> subjects,
                   std::string outcome = "ok", std::string detail = "");
Status RecordAuditInTransaction(storage::Connection& db, const Caller& caller,
                                std::vector<std::string> subjects, std::string outcome = "ok",
                                std::string detail = "");

// GET /audit: entries matching `query` (limit 1..1000), newest first, as
// {"entries": [...], "next_before_seq": N|null}. The query is itself audited.
Result<nlohmann::json> QueryAudit(storage::Connection& db, const Caller& caller,
                                  storage::AuditQuery query);

// Both chains (event log, audit log): {"events": {...}, "audit": {...}, "ok": bool}.
Result<nlohmann::json> VerifyChains(storage::Connection& db, const Caller& caller);

nlohmann::json AuditEntryJson(const storage::AuditEntry& e);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_AUDIT_TRAIL_H_
