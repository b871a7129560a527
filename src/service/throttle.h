// Throttling of repeated attempts, kept in the database so every server on
// one PostgreSQL shares it. Each key ("login-user:maria", "login-addr:IP",
// "intake-addr:IP") counts attempts in a window; the first `free` are free,
// then each further one blocks the key for base * 2^(n - free), capped at
// `max_block_ms` (exponential backoff). A window with no attempt for
// `window_ms` starts again at zero.
//
// Functions run inside the caller's write transaction.
#ifndef REUNITE_SERVICE_THROTTLE_H_
#define REUNITE_SERVICE_THROTTLE_H_

#include <cstdint>
#include <string>

#include "storage/accounts.h"

namespace reunite::service {

struct ThrottlePolicy {
  int64_t free = 5;                       // attempts before any delay
  int64_t base_block_ms = 1000;           // first delay
  int64_t max_block_ms = 15 * 60 * 1000;  // cap of the delay
  int64_t window_ms = 15 * 60 * 1000;     // quiet time after which the count restarts
};

// kResourceExhausted ("too many attempts; retry in N s") while `key` is blocked.
Status CheckThrottle(storage::AccountStore& store, const std::string& key,
                     const ThrottlePolicy& policy, int64_t now_ms);
// Counts one attempt (a failed login, a submission) and blocks when over.
Status CountAttempt(storage::AccountStore& store, const std::string& key,
                    const ThrottlePolicy& policy, int64_t now_ms);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_THROTTLE_H_
