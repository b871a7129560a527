// The API's read of a family unit (GET /families/{id}: members,
// relationships) over the resolution
// read model (src/resolution). The persons' own reads and search are the
// case-file queries (case_queries.h, served by family_service.h). Every reply
// is redacted for the caller's role (AccessPolicy::Redact) and the members'
// read is in the audit log before the data is returned.
//
// Errors: kNotFound for an unknown family unit or person. Thread-safety: as
// the Connection.
#ifndef REUNITE_SERVICE_PERSON_SERVICE_H_
#define REUNITE_SERVICE_PERSON_SERVICE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "service/access_policy.h"
#include "service/caller.h"
#include "storage/connection.h"

namespace reunite::service {

// A family unit: members (PersonSummary), relationships among them.
// `children` and `timeline` are left empty: the route fills them from the
// case file (family_service.h FamilyChildrenFor, FamilyTimelineFor).
Result<nlohmann::json> ReadFamilyUnit(storage::Connection& db, const AccessPolicy& policy,
                                      const Caller& caller, const std::string& family_unit);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_PERSON_SERVICE_H_
