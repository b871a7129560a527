// The review queue over the API (GET /review-queue, /review-queue/{id}, POST
// /review-queue/{id}/decision), over src/resolution's queue and decisions:
// record pairs between the reject and accept thresholds of the last
// `reunite resolve`, ranked by what a decision changes. Both records are
// redacted for the caller's role; listing and reading are audited reads, a
// decision (a review_accepted / review_rejected event, resolution/review.h) an
// audited write. Errors: kNotFound for an unknown pair, kInvalidArgument for a
// malformed id or status. Thread-safety: as the Connection.
#ifndef REUNITE_SERVICE_REVIEW_SERVICE_H_
#define REUNITE_SERVICE_REVIEW_SERVICE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "service/access_policy.h"
#include "service/caller.h"
#include "storage/connection.h"

namespace reunite::service {

// A review pair's id in URLs: "<left source>:<left key>,<right source>:<right key>".
std::string ReviewItemId(const std::string& left_ref, const std::string& right_ref);

struct ReviewListing {
  std::string status = "pending";  // pending | accepted | rejected | all
  int64_t limit = 50;
  std::string model_path;  // the person model for each pair's waterfall; empty: none
};
// {"items": [ReviewItem...], "next_cursor": null}: pending pairs by priority,
// decided ones newest first.
// Each item carries the waterfall of its pair (explanation, prior_weight)
// scored with the person model at `model_path` (the shipped parameters, not
// those `reunite resolve` trained in its run).
Result<nlohmann::json> ListReviewItems(storage::Connection& db, const AccessPolicy& policy,
                                       const Caller& caller, const ReviewListing& listing);
Result<nlohmann::json> ReadReviewItem(storage::Connection& db, const AccessPolicy& policy,
                                      const Caller& caller, const std::string& model_path,
                                      const std::string& id);
// Appends review_accepted / review_rejected (resolution/review.h) with the
// caller as the reviewer; the item as it now stands.
Result<nlohmann::json> DecideReviewItem(storage::Connection& db, const AccessPolicy& policy,
                                        const Caller& caller, const std::string& model_path,
                                        const std::string& id, bool accept,
                                        const std::string& note);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_REVIEW_SERVICE_H_
