// The API's reads of resolved persons and family units (GET /persons,
// /persons/{id}, /persons/{id}/timeline, /families/{id}), over the resolution
// read model
// (src/resolution: persons, person_records, relationships, family units,
// review queue). Every reply is redacted for the caller's role
// (AccessPolicy::Redact: a child's contact, location and sponsor fields, the
// raw row) and every read of a person is in the audit log before the data is
// returned.
//
// Search: an id first (person id, A-number with or without the letter and
// leading zeros, any agency record key such as a UAC id or event id), else a
// name through the tracing linkage index (service/tracing_index.h: the
// person model's comparators, so misspellings match), candidate records
// mapped to their persons.
//
// Errors: kNotFound for an unknown person or family unit;
// kInvalidArgument for a bad query; kFailedPrecondition when the store has no
// resolved persons yet (run `reunite resolve`). Thread-safety: as the
// Connection; the index is shared (see TracingIndex).
#ifndef REUNITE_SERVICE_PERSON_SERVICE_H_
#define REUNITE_SERVICE_PERSON_SERVICE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
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

// A stored record ("source/record_key") as the API shows it, redacted for
// caller.role; the names of the removed fields are added to `removed`.
Result<nlohmann::json> RedactedRecordJson(storage::Connection& db, const AccessPolicy& policy,
                                          const Caller& caller, const std::string& ref,
                                          std::set<std::string>& removed);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_PERSON_SERVICE_H_
