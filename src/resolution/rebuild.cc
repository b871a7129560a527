// RebuildProjections(): the read model from the event log alone.
#include <algorithm>
#include <chrono>

#include "resolution/projection.h"
#include "resolution/resolution.h"

namespace reunite::resolution {

Result<RebuildSummary> RebuildProjections(storage::Connection& db, ProgressMode mode) {
  const auto start = std::chrono::steady_clock::now();
  RebuildSummary summary;
  storage::EventLog log(db);
  Progress progress("rebuild", mode);
  Status s = storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(int64_t last, log.LastSeq());
    REUNITE_RETURN_IF_ERROR(ClearProjections(db));
    progress.Stage("replay", static_cast<uint64_t>(last), "events");
    // Replays the log in windows of seq: only the resolution events are read
    // (a log is mostly custody events, which the read model ignores), and the
    // projected seq is written once per window, in the same transaction.
    constexpr int64_t kWindow = 100000;
    for (int64_t after = 0; after < last; after += kWindow) {
      const int64_t up_to = std::min(last, after + kWindow);
      REUNITE_ASSIGN_OR_RETURN(auto events, log.RangeOfTypes(after, up_to, ResolutionEventTypes()));
      for (const storage::Event& e : events) {
        REUNITE_RETURN_IF_ERROR(ApplyEventRows(db, e));
        ++summary.events_applied;
      }
      if (!events.empty()) REUNITE_RETURN_IF_ERROR(SetProjectedSeq(db, events.back().seq));
      summary.events_read += up_to - after;  // the log's seq has no gaps (verify checks it)
      progress.Advance(static_cast<uint64_t>(up_to - after));
    }
    progress.Done();
    auto count = [&](const char* sql) -> Result<int64_t> {
      REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query(sql));
      return rows.empty() ? int64_t{0} : rows[0].Int(0);
    };
    REUNITE_ASSIGN_OR_RETURN(summary.persons,
                             count("SELECT COUNT(*) FROM persons WHERE status = 'active'"));
    REUNITE_ASSIGN_OR_RETURN(summary.relationships, count("SELECT COUNT(*) FROM relationships"));
    REUNITE_ASSIGN_OR_RETURN(summary.family_units, count("SELECT COUNT(*) FROM family_units"));
    REUNITE_ASSIGN_OR_RETURN(summary.review_pairs, count("SELECT COUNT(*) FROM review_queue"));
    return Status::Ok();
  });
  REUNITE_RETURN_IF_ERROR(s);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace reunite::resolution
