// RebuildProjections(): the read model from the event log alone.
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
    // Read in pages so a large log is not held in memory while applying.
    constexpr int64_t kPage = 10000;
    for (int64_t after = 0;;) {
      REUNITE_ASSIGN_OR_RETURN(auto page, log.Page(after, kPage));
      if (page.empty()) break;
      for (const storage::Event& e : page) {
        ++summary.events_read;
        if (IsResolutionEvent(e.type)) {
          REUNITE_RETURN_IF_ERROR(ApplyEvent(db, e));
          ++summary.events_applied;
        }
      }
      progress.Advance(page.size());
      after = page.back().seq;
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
