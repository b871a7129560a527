#include "resolution/review.h"

#include "common/clock.h"
#include "storage/source_records.h"

namespace reunite::resolution {
namespace {

// "source/record_key" -> a stored record, else kNotFound naming the reference.
Status CheckRecord(storage::Connection& db, const std::string& ref) {
  const size_t slash = ref.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == ref.size()) {
    return InvalidArgument("record reference '" + ref + "': expected source/record_key");
  }
  storage::SourceRecordStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto found,
                           store.FindRecordByKey(ref.substr(0, slash), ref.substr(slash + 1)));
  if (!found) return NotFound("record reference '" + ref + "': no such stored record");
  return Status::Ok();
}

}  // namespace

Result<std::vector<QueuedPair>> ListReviewQueue(storage::Connection& db, size_t limit) {
  std::vector<QueuedPair> out;
  std::string sql =
      "SELECT left_ref, right_ref, left_person, right_person, match_weight, match_probability, "
      "priority, why FROM review_queue ORDER BY priority DESC, left_ref, right_ref";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  REUNITE_RETURN_IF_ERROR(db.QueryEach(sql, {}, [&](const storage::Row& r) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Double(4), r.Double(5),
                   r.Double(6), r.Text(7)});
    return Status::Ok();
  }));
  return out;
}

Result<storage::Event> DecideReview(storage::Connection& db, const ReviewDecision& decision) {
  std::string left = decision.left_ref, right = decision.right_ref;
  if (left == right) return InvalidArgument("review: both references are '" + left + "'");
  if (decision.actor.empty()) return InvalidArgument("review: the reviewer (actor) is required");
  if (left > right) std::swap(left, right);
  REUNITE_RETURN_IF_ERROR(CheckRecord(db, left));
  REUNITE_RETURN_IF_ERROR(CheckRecord(db, right));
  storage::Event stored;
  Status s = storage::InWriteTransaction(db, [&]() -> Status {
    storage::EventLog log(db);
    storage::EventDraft d = ReviewDecisionEvent(decision.accept, left, right, decision.note,
                                                decision.actor, UtcNowIso());
    REUNITE_ASSIGN_OR_RETURN(auto events, log.AppendInTransaction({&d, 1}));
    stored = events.at(0);
    return ApplyEvent(db, stored);
  });
  REUNITE_RETURN_IF_ERROR(s);
  return stored;
}

}  // namespace reunite::resolution
