// The review queue: record pairs whose match probability lies between the
// review threshold and the accept threshold of the last `reunite resolve`,
// in different persons, ranked by how much a decision changes:
//   1. accepting would give a child still without a parent link a parent
//      (the pair joins a child's record to a person with a parent link, or
//      to an adult co-apprehended with it),
//   2. the pair joins records of a child,
//   3. the rest; ties by closeness to probability 0.5, then by references.
// A decision (accept: the records are one person; reject: they are not) is
// an event, review_accepted / review_rejected, with the reviewer as actor;
// Resolve() reads every decision as must-link / cannot-link, so decisions
// survive re-runs and a later decision on the same pair wins.
//
// Thread-safety: as the Connection. Errors: kNotFound when a reference is not
// a stored record; kInvalidArgument when both references are the same.
#ifndef REUNITE_RESOLUTION_REVIEW_H_
#define REUNITE_RESOLUTION_REVIEW_H_

#include <string>
#include <vector>

#include "resolution/projection.h"
#include "storage/connection.h"

namespace reunite::resolution {

// The queue, highest priority first, at most `limit` pairs (0: all).
Result<std::vector<QueuedPair>> ListReviewQueue(storage::Connection& db, size_t limit = 0);

struct ReviewDecision {
  std::string left_ref, right_ref;  // either order; stored sorted
  bool accept = false;
  std::string note;   // the reviewer's reason (may be empty)
  std::string actor;  // the reviewer (required)
};

// Appends the decision event and applies it to the read model in one
// transaction. Takes effect on persons at the next Resolve().
Result<storage::Event> DecideReview(storage::Connection& db, const ReviewDecision& decision);

}  // namespace reunite::resolution

#endif  // REUNITE_RESOLUTION_REVIEW_H_
