// Tracing requests: what a parent or relative told the public intake about a
// person they are looking for, the candidate source records the linkage
// index found, and the caseworker's handling. Rows change only through the
// queue's states (service/tracing_service.h); every change is audited there.
//
// Thread-safety: as the Connection.
#ifndef REUNITE_STORAGE_TRACING_REQUESTS_H_
#define REUNITE_STORAGE_TRACING_REQUESTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/connection.h"

namespace reunite::storage {

struct TracingRequestRow {
  int64_t request_id = 0;
  std::string reference;  // random, given to the requester ("TR-7KQ2-M9XD")
  std::string received_at;
  std::string client_address;
  std::string language;   // the requester's language (BCP 47, e.g. "es", "mam")
  std::string requester;  // JSON object: name, relationship, phone, email
  std::string sought;     // JSON object: the person sought
  std::string notes;
  std::string status;  // received | matched | assigned | closed
  std::string assigned_to;
  std::string candidates = "[]";  // JSON array of scored candidate records
  std::string matched_at;
  std::string resolution;  // found | not_found | duplicate | referred (when closed)
  std::string resolution_note;
  std::string updated_at;
};

struct TracingQuery {
  std::string status;       // empty: every status
  std::string assigned_to;  // empty: anyone's
  int64_t after_id = 0;
  int64_t limit = 50;
};

class TracingRequestStore {
 public:
  explicit TracingRequestStore(Connection& db) : db_(db) {}

  // Assigns request_id (max + 1) inside the caller's write transaction. A
  // reference collision is kAlreadyExists (the caller draws another).
  Result<int64_t> Insert(const TracingRequestRow& row);
  Result<std::optional<TracingRequestRow>> Find(int64_t request_id);
  Result<std::vector<TracingRequestRow>> List(const TracingQuery& query);
  // Ids of requests in `status`, oldest first.
  Result<std::vector<int64_t>> IdsWithStatus(const std::string& status, int64_t limit);
  // Rewrites the mutable columns (status, assigned_to, candidates,
  // matched_at, resolution, resolution_note, updated_at).
  Status Update(const TracingRequestRow& row);

 private:
  Connection& db_;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_TRACING_REQUESTS_H_
