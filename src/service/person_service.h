// The API's reads of resolved persons and family units and the review queue
// (GET /persons, /persons/{id}, /families/{id}, /review-queue, POST
// /review-queue/{id}/decision), over the resolution read model
// (src/resolution: persons, person_records, relationships, family units,
// review queue). Every reply is redacted for the caller's role
// (AccessPolicy::Redact: a child's contact, location and sponsor fields, the
// raw row) and every read of a person is in the audit log before the data is
// returned; a review decision is audited with its event.
//
// Search: an id first (person id, A-number with or without the letter and
// leading zeros, any agency record key such as a UAC id or event id), else a
// name through the tracing linkage index (service/tracing_index.h: the
// person model's comparators, so misspellings match), candidate records
// mapped to their persons.
//
// Errors: kNotFound for an unknown person, family unit or review pair;
// kInvalidArgument for a bad query; kFailedPrecondition when the store has no
// resolved persons yet (run `reunite resolve`). Thread-safety: as the
// Connection; the index is shared (see TracingIndex).
#ifndef REUNITE_SERVICE_PERSON_SERVICE_H_
#define REUNITE_SERVICE_PERSON_SERVICE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "service/access_policy.h"
#include "service/caller.h"
#include "service/tracing_index.h"
#include "storage/connection.h"

namespace reunite::service {

struct PersonSearch {
  std::string q;     // a name or an id
  std::string kind;  // "child" | "adult" | "" (both)
  int64_t limit = 20;
};

// {"persons": [PersonSummary...], "next_cursor": null}, best first.
Result<nlohmann::json> SearchPersons(storage::Connection& db, const AccessPolicy& policy,
                                     TracingIndex* index, const Caller& caller,
                                     const PersonSearch& search);
// A person with every source record (redacted) and relationship.
Result<nlohmann::json> ReadPerson(storage::Connection& db, const AccessPolicy& policy,
                                  const Caller& caller, const std::string& person_id);
// {"person_id", "events"}: the events whose subjects are exactly one of the
// person's records (as imported) or the person id, by occurred_at (redacted).
Result<nlohmann::json> PersonTimeline(storage::Connection& db, const AccessPolicy& policy,
                                      const Caller& caller, const std::string& person_id);
// A family unit: members (PersonSummary), relationships among them, the
// events recorded with its number (redacted). `children` (each child's
// derived status and deadlines) stays empty until the case-file queries land.
Result<nlohmann::json> ReadFamilyUnit(storage::Connection& db, const AccessPolicy& policy,
                                      const Caller& caller, const std::string& family_unit);

// The PersonSummary of one person (ids, names, kind, family units, sources).
Result<nlohmann::json> PersonSummaryJson(storage::Connection& db, const std::string& person_id);

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

#endif  // REUNITE_SERVICE_PERSON_SERVICE_H_
