#include "service/person_service.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "resolution/resolution.h"
#include "service/audit_trail.h"
#include "service/records_service.h"

namespace reunite::service {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json() : json(s); }

std::pair<std::string, std::string> SplitRef(const std::string& ref) {
  size_t slash = ref.find('/');
  if (slash == std::string::npos) return {"", ref};
  return {ref.substr(0, slash), ref.substr(slash + 1)};
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

namespace {

json RelationshipJson(const resolution::Relationship& r) {
  json evidence = json::parse(r.evidence_items, nullptr, false);
  if (!evidence.is_array()) evidence = json::array();
  json items = json::array();
  for (const auto& e : evidence) {
    if (!e.is_object()) continue;
    json item = {{"kind", e.value("kind", r.evidence)}};
    if (e.contains("source") && e["source"].is_string()) item["source"] = e["source"];
    if (e.contains("detail") && e["detail"].is_string()) item["detail"] = e["detail"];
    items.push_back(std::move(item));
  }
  if (items.empty()) items.push_back({{"kind", r.evidence}, {"source", r.source}});
  return {{"parent_id", r.parent_id}, {"child_id", r.child_id}, {"kind", r.kind},
          {"status", r.status},       {"evidence", items},      {"status_since", json()}};
}

// The PersonSummary of one member from the resolution tables.
Result<json> PersonSummaryJson(storage::Connection& db, const std::string& person_id) {
  REUNITE_ASSIGN_OR_RETURN(auto p, resolution::FindPerson(db, person_id));
  if (!p) return NotFound("no person '" + person_id + "'");
  REUNITE_ASSIGN_OR_RETURN(auto units, resolution::FamilyUnitsOf(db, person_id));
  REUNITE_ASSIGN_OR_RETURN(auto refs, resolution::RecordsOfPerson(db, person_id));
  json sources = json::array();
  for (const auto& ref : refs) {
    auto [source, key] = SplitRef(ref);
    sources.push_back({{"source", source}, {"record_key", key}});
  }
  std::string name = Trim(p->given_name + " " + p->surnames);
  std::string kind = p->age_group == "child" || p->age_group == "adult" ? p->age_group : "unknown";
  return json{{"id", p->person_id},
              {"display_name", name.empty() ? p->person_id : name},
              {"dob", OrNull(p->dob)},
              {"sex", OrNull(p->sex)},
              {"nationality", OrNull(p->nationality)},
              {"kind", kind},
              {"family_units", units},
              {"sources", sources}};
}

}  // namespace

Result<json> ReadFamilyUnit(storage::Connection& db, const AccessPolicy& policy,
                            const Caller& caller, const std::string& family_unit) {
  REUNITE_ASSIGN_OR_RETURN(auto unit, resolution::FindFamilyUnit(db, family_unit));
  if (!unit) return NotFound("no family unit '" + family_unit + "'");
  json members = json::array();
  json relationships = json::array();
  std::set<std::string> ids;
  for (const auto& m : unit->members) ids.insert(m.person_id);
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<std::string> subjects;
  for (const auto& m : unit->members) {
    REUNITE_ASSIGN_OR_RETURN(json s, PersonSummaryJson(db, m.person_id));
    members.push_back(std::move(s));
    subjects.push_back(m.person_id);
    REUNITE_ASSIGN_OR_RETURN(auto rels, resolution::RelationshipsOf(db, m.person_id));
    for (const auto& r : rels) {
      if (ids.count(r.parent_id) == 0 || ids.count(r.child_id) == 0) continue;
      if (!seen.insert({r.parent_id, r.child_id}).second) continue;
      relationships.push_back(RelationshipJson(r));
    }
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects, "ok", "family " + family_unit));
  json out = {{"id", unit->family_unit},
              {"status", unit->status},
              {"apprehended_on", OrNull(unit->apprehended_on)},
              {"members", members},
              {"relationships", relationships},
              {"children", json::array()},
              {"timeline", json::array()}};
  if (caller.role) policy.Redact(*caller.role, out);
  return out;
}

}  // namespace reunite::service
