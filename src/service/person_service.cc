#include "service/person_service.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "resolution/resolution.h"
#include "service/audit_trail.h"
#include "service/records_service.h"
#include "storage/source_records.h"

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

Result<json> RedactedRecordJson(storage::Connection& db, const AccessPolicy& policy,
                                const Caller& caller, const std::string& ref,
                                std::set<std::string>& removed) {
  auto [source, key] = SplitRef(ref);
  storage::SourceRecordStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto rec, store.FindRecordByKey(source, key));
  if (!rec) return NotFound("no source record '" + ref + "'");
  json out = SourceRecordJson(*rec);
  if (caller.role) policy.Redact(*caller.role, out);
  if (out.contains("redacted")) {
    for (const auto& f : out["redacted"]) removed.insert(f.get<std::string>());
  }
  return out;
}

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

Status NeedsPersons(storage::Connection& db) {
  auto rows = db.Query("SELECT COUNT(*) FROM persons");
  if (!rows.ok() || rows->empty() || (*rows)[0].Int(0) == 0) {
    return FailedPrecondition("the store has no resolved persons yet: run `reunite resolve`");
  }
  return Status::Ok();
}

// The persons an id names: a person id, an A-number, or an agency record key.
Result<std::vector<std::string>> PersonsById(storage::Connection& db, const std::string& q) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& id) {
    if (!id.empty() && seen.insert(id).second) out.push_back(id);
  };
  REUNITE_ASSIGN_OR_RETURN(auto person, resolution::FindPerson(db, q));
  if (person && person->status == "active") add(person->person_id);
  // A-numbers: with or without the letter, with or without leading zeros.
  std::string digits = q;
  if (!digits.empty() && (digits[0] == 'A' || digits[0] == 'a')) digits = digits.substr(1);
  digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
  if (!digits.empty() && digits.size() <= 10 &&
      std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(c); })) {
    std::string bare = digits.substr(std::min(digits.find_first_not_of('0'), digits.size()));
    std::string nine = std::string(bare.size() < 9 ? 9 - bare.size() : 0, '0') + bare;
    for (const std::string& v : {q, bare, nine, "A" + bare, "A" + nine}) {
      REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT person_id FROM persons WHERE a_number "
                                                   "= ? AND status = 'active' ORDER BY person_id",
                                                   std::vector<storage::SqlValue>{v}));
      for (const auto& r : rows) add(r.Text(0));
    }
  }
  // Agency record keys (UAC ids, event ids, case numbers), in every source.
  REUNITE_ASSIGN_OR_RETURN(auto sources,
                           db.Query("SELECT DISTINCT source FROM import_files ORDER BY source"));
  for (const auto& s : sources) {
    REUNITE_ASSIGN_OR_RETURN(auto holder, resolution::PersonOfRecord(db, s.Text(0) + "/" + q));
    if (holder) add(*holder);
  }
  return out;
}

// The linkage query for a typed name: "SURNAMES, GIVEN" or "GIVEN SURNAMES".
std::map<std::string, std::string> NameQuery(const std::string& q) {
  std::map<std::string, std::string> out;
  size_t comma = q.find(',');
  if (comma != std::string::npos) {
    out["paternal_surname"] = Trim(q.substr(0, comma));
    out["given_name"] = Trim(q.substr(comma + 1));
  } else {
    size_t space = q.find(' ');
    out["given_name"] = Trim(q.substr(0, space));
    if (space != std::string::npos) out["paternal_surname"] = Trim(q.substr(space + 1));
  }
  for (auto it = out.begin(); it != out.end();) it = it->second.empty() ? out.erase(it) : ++it;
  return out;
}

// Events by a query on the events table, redacted, by occurred_at then seq.
Result<json> EventsWhere(storage::Connection& db, const AccessPolicy& policy, const Caller& caller,
                         const std::string& where, const std::vector<storage::SqlValue>& params) {
  std::vector<storage::Event> events;
  Status s =
      db.QueryEach("SELECT " + std::string(storage::kEventColumns) + " FROM events WHERE " + where,
                   params, [&](const storage::Row& r) -> Status {
                     storage::Event e = storage::EventFromRow(r);
                     events.push_back(std::move(e));
                     return Status::Ok();
                   });
  REUNITE_RETURN_IF_ERROR(s);
  std::stable_sort(
      events.begin(), events.end(), [](const storage::Event& a, const storage::Event& b) {
        return a.occurred_at != b.occurred_at ? a.occurred_at < b.occurred_at : a.seq < b.seq;
      });
  json out = json::array();
  for (const auto& e : events) {
    json j = EventJson(e);
    if (caller.role) policy.Redact(*caller.role, j);
    out.push_back(std::move(j));
  }
  return out;
}

struct Hit {
  std::string person_id;
  double score = 0;
};

Result<std::vector<Hit>> PersonsByName(storage::Connection& db, TracingIndex* index,
                                       const std::string& q, size_t want) {
  if (index == nullptr) {
    return FailedPrecondition("name search needs the linkage model (reunite serve --model)");
  }
  REUNITE_ASSIGN_OR_RETURN(auto current, index->Current(db));
  REUNITE_ASSIGN_OR_RETURN(auto candidates, current->Match(NameQuery(q), want * 4 + 8));
  std::vector<Hit> hits;
  std::map<std::string, size_t> at;
  storage::SourceRecordStore records(db);
  for (const auto& c : candidates) {
    int64_t id = std::strtoll(c.record_id.c_str(), nullptr, 10);
    REUNITE_ASSIGN_OR_RETURN(auto rec, records.FindRecord(id));
    if (!rec) continue;
    REUNITE_ASSIGN_OR_RETURN(auto person,
                             resolution::PersonOfRecord(db, rec->source + "/" + rec->record_key));
    if (!person) continue;
    auto [it, fresh] = at.emplace(*person, hits.size());
    if (fresh) {
      hits.push_back({*person, c.match_probability});
    } else {
      hits[it->second].score = std::max(hits[it->second].score, c.match_probability);
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.score > b.score; });
  return hits;
}

}  // namespace

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

Result<json> SearchPersons(storage::Connection& db, const AccessPolicy& /*policy*/,
                           TracingIndex* index, const Caller& caller, const PersonSearch& search) {
  const std::string q = Trim(search.q);
  if (q.empty()) return InvalidArgument("query parameter 'q': a name or an id is required");
  if (q.size() > 200) return InvalidArgument("query parameter 'q': at most 200 characters");
  if (!search.kind.empty() && search.kind != "child" && search.kind != "adult") {
    return InvalidArgument("query parameter 'kind': expected child or adult");
  }
  REUNITE_RETURN_IF_ERROR(NeedsPersons(db));
  const size_t limit = static_cast<size_t>(std::clamp<int64_t>(search.limit, 1, 100));
  std::vector<Hit> hits;
  REUNITE_ASSIGN_OR_RETURN(auto by_id, PersonsById(db, q));
  for (const auto& id : by_id) hits.push_back({id, 1.0});
  if (hits.empty()) {
    REUNITE_ASSIGN_OR_RETURN(hits, PersonsByName(db, index, q, limit));
  }
  json persons = json::array();
  std::vector<std::string> subjects;
  for (const Hit& h : hits) {
    if (persons.size() >= limit) break;
    REUNITE_ASSIGN_OR_RETURN(json s, PersonSummaryJson(db, h.person_id));
    if (!search.kind.empty() && s["kind"] != search.kind) continue;
    s["score"] = h.score;
    subjects.push_back(h.person_id);
    persons.push_back(std::move(s));
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects, "ok",
                                      "search: " + std::to_string(persons.size()) + " persons"));
  return json{{"persons", persons}, {"next_cursor", json()}};
}

Result<json> ReadPerson(storage::Connection& db, const AccessPolicy& policy, const Caller& caller,
                        const std::string& person_id) {
  REUNITE_ASSIGN_OR_RETURN(json out, PersonSummaryJson(db, person_id));
  std::set<std::string> removed;
  json records = json::array();
  std::set<std::string> names;
  for (const auto& s : out["sources"]) {
    std::string ref = s["source"].get<std::string>() + "/" + s["record_key"].get<std::string>();
    REUNITE_ASSIGN_OR_RETURN(json r, RedactedRecordJson(db, policy, caller, ref, removed));
    records.push_back(std::move(r));
  }
  REUNITE_ASSIGN_OR_RETURN(auto rels, resolution::RelationshipsOf(db, person_id));
  json relationships = json::array();
  for (const auto& r : rels) relationships.push_back(RelationshipJson(r));
  json person = {{"id", out["id"]},
                 {"display_name", out["display_name"]},
                 {"names", json::array({out["display_name"]})},
                 {"dob", out["dob"]},
                 {"sex", out["sex"]},
                 {"nationality", out["nationality"]},
                 {"kind", out["kind"]},
                 {"records", records},
                 {"relationships", relationships},
                 {"family_units", out["family_units"]}};
  if (!removed.empty()) {
    person["redacted"] = json(std::vector<std::string>(removed.begin(), removed.end()));
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {person_id}));
  return person;
}

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
  REUNITE_ASSIGN_OR_RETURN(json timeline, EventsWhere(db, policy, caller, "family_unit = ?",
                                                      {storage::SqlValue(family_unit)}));
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects, "ok", "family " + family_unit));
  return json{{"id", unit->family_unit},
              {"status", unit->status},
              {"apprehended_on", OrNull(unit->apprehended_on)},
              {"members", members},
              {"relationships", relationships},
              {"children", json::array()},
              {"timeline", timeline}};
}

Result<json> PersonTimeline(storage::Connection& db, const AccessPolicy& policy,
                            const Caller& caller, const std::string& person_id) {
  REUNITE_ASSIGN_OR_RETURN(auto p, resolution::FindPerson(db, person_id));
  if (!p) return NotFound("no person '" + person_id + "'");
  REUNITE_ASSIGN_OR_RETURN(auto refs, resolution::RecordsOfPerson(db, person_id));
  std::vector<storage::SqlValue> params = {json::array({person_id}).dump()};
  for (const auto& ref : refs) params.emplace_back(json::array({ref}).dump());
  std::string marks = "?";
  for (size_t i = 1; i < params.size(); ++i) marks += ", ?";
  REUNITE_ASSIGN_OR_RETURN(
      json events, EventsWhere(db, policy, caller,
                               "length(subjects) < 512 AND subjects IN (" + marks + ")", params));
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {person_id}, "ok", "timeline"));
  return json{{"person_id", person_id}, {"events", events}};
}

}  // namespace reunite::service
