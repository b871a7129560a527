// Tracing requests: the public intake where a parent or relative tells what
// they know about a person they are looking for, and the caseworkers' queue.
//
// Submit() validates and stores the request, then matches the person sought
// against the stored source records (TracingIndex), stores the scored
// candidates with the request and queues it (status "matched"). The reply to
// the requester is only an acknowledgement with a random reference: the same
// whether or not anything matched, and never any record. Submissions are
// throttled per client address (intake_throttle).
//
// States: received (stored, not yet matched: no index or no records) →
// matched (candidates stored, waiting for a caseworker) → assigned (a
// caseworker works it) → closed (resolution found | not_found | duplicate |
// referred). Rematch runs the match again (after new imports). Every change
// and every read of the queue is audited.
#ifndef REUNITE_SERVICE_TRACING_SERVICE_H_
#define REUNITE_SERVICE_TRACING_SERVICE_H_

#include <nlohmann/json.hpp>
#include <string>

#include "service/access_policy.h"
#include "service/caller.h"
#include "service/throttle.h"
#include "service/tracing_index.h"
#include "storage/connection.h"
#include "storage/tracing_requests.h"

namespace reunite::service {

struct TracingOptions {
  TracingIndex* index = nullptr;  // null: requests stay "received" until rematched
  size_t top_k = 10;              // candidates kept per request
  ThrottlePolicy intake_throttle{20, 60 * 1000, 60 * 60 * 1000, 60 * 60 * 1000};
};

// A tracing request as decoded from its JSON body, before anything is stored:
// requester and sought hold only known keys with trimmed non-empty strings.
struct TracingIntake {
  nlohmann::json requester = nlohmann::json::object();
  nlohmann::json sought = nlohmann::json::object();
  std::string notes;
  std::string language = "en";
};

// Validates a request body (api/openapi.json TracingRequestIntake): unknown
// keys, wrong types, over-long values, bad dates or codes are
// kInvalidArgument naming the JSON path. Pure: no storage, never throws.
Result<TracingIntake> DecodeTracingIntake(const nlohmann::json& body);

// `body` is the request as JSON (see api/openapi.json TracingRequestIntake);
// it is decoded with DecodeTracingIntake.
// Returns {"reference", "status": "received", "message"}.
Result<nlohmann::json> SubmitTracingRequest(storage::Connection& db, const TracingOptions& options,
                                            const Caller& caller, const nlohmann::json& body);
// {"requests": [summary...]} (no candidates), filtered by status/assignee.
Result<nlohmann::json> ListTracingRequests(storage::Connection& db, const AccessPolicy& policy,
                                           const Caller& caller, storage::TracingQuery query);
// One request with its candidates, each with the source record (redacted).
Result<nlohmann::json> ReadTracingRequest(storage::Connection& db, const AccessPolicy& policy,
                                          const Caller& caller, int64_t request_id);
// Assigns to the caller (or `assignee`, admin only).
Result<nlohmann::json> AssignTracingRequest(storage::Connection& db, const AccessPolicy& policy,
                                            const Caller& caller, int64_t request_id,
                                            const std::string& assignee);
Result<nlohmann::json> RematchTracingRequest(storage::Connection& db, const TracingOptions& options,
                                             const AccessPolicy& policy, const Caller& caller,
                                             int64_t request_id);
Result<nlohmann::json> CloseTracingRequest(storage::Connection& db, const AccessPolicy& policy,
                                           const Caller& caller, int64_t request_id,
                                           const std::string& resolution, const std::string& note);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_TRACING_SERVICE_H_
