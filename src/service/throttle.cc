#include "service/throttle.h"

#include <algorithm>

namespace reunite::service {

Status CheckThrottle(storage::AccountStore& store, const std::string& key,
                     const ThrottlePolicy& /*policy*/, int64_t now_ms) {
  REUNITE_ASSIGN_OR_RETURN(auto row, store.FindThrottle(key));
  if (row && row->blocked_until_ms > now_ms) {
    int64_t secs = (row->blocked_until_ms - now_ms + 999) / 1000;
    return ResourceExhausted("too many attempts; retry in " + std::to_string(secs) + " s");
  }
  return Status::Ok();
}

Status CountAttempt(storage::AccountStore& store, const std::string& key,
                    const ThrottlePolicy& policy, int64_t now_ms) {
  REUNITE_ASSIGN_OR_RETURN(auto existing, store.FindThrottle(key));
  storage::ThrottleRow row{key, 0, now_ms, 0};
  if (existing && now_ms - existing->window_start_ms < policy.window_ms) row = *existing;
  if (existing && existing->blocked_until_ms > now_ms) row = *existing;  // never shorten a block
  ++row.failures;
  row.window_start_ms = now_ms;  // the window is a quiet time since the last attempt
  if (row.failures > policy.free) {
    int64_t over = std::min<int64_t>(row.failures - policy.free - 1, 30);
    int64_t block = std::min(policy.max_block_ms, policy.base_block_ms << over);
    row.blocked_until_ms = std::max(row.blocked_until_ms, now_ms + block);
  }
  return store.PutThrottle(row);
}

}  // namespace reunite::service
