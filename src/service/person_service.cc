#include "service/person_service.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "linkage/model.h"
#include "linkage/person_records.h"
#include "linkage/records.h"
#include "resolution/resolution.h"
#include "resolution/review.h"
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

// A stored record as the API shows it, redacted; its removed fields are
// added to `removed`.
Result<json> RecordJson(storage::Connection& db, const AccessPolicy& policy, const Caller& caller,
                        const std::string& ref, std::set<std::string>& removed) {
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
  Status s = db.QueryEach(
      "SELECT seq, occurred_at, recorded_at, type, subjects, family_unit, custodian, reason, "
      "actor, authority, sources, payload, prev_hash, hash FROM events WHERE " +
          where,
      params, [&](const storage::Row& r) -> Status {
        storage::Event e;
        e.seq = r.Int(0);
        e.occurred_at = r.Text(1);
        e.recorded_at = r.Text(2);
        e.type = r.Text(3);
        e.subjects = r.Text(4);
        e.family_unit = r.Text(5);
        e.custodian = r.Text(6);
        e.reason = r.Text(7);
        e.actor = r.Text(8);
        e.authority = r.Text(9);
        e.sources = r.Text(10);
        e.payload = r.Text(11);
        e.prev_hash = r.Text(12);
        e.hash = r.Text(13);
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
    REUNITE_ASSIGN_OR_RETURN(json r, RecordJson(db, policy, caller, ref, removed));
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
  if (!removed.empty())
    person["redacted"] = json(std::vector<std::string>(removed.begin(), removed.end()));
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

std::string ReviewItemId(const std::string& left_ref, const std::string& right_ref) {
  auto colon = [](const std::string& ref) {
    auto [source, key] = SplitRef(ref);
    return source + ":" + key;
  };
  return colon(left_ref) + "," + colon(right_ref);
}

namespace {

Result<std::pair<std::string, std::string>> ParseReviewId(const std::string& id) {
  size_t comma = id.find(',');
  auto ref = [](const std::string& part) -> std::string {
    size_t colon = part.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == part.size()) return "";
    return part.substr(0, colon) + "/" + part.substr(colon + 1);
  };
  if (comma == std::string::npos) {
    return InvalidArgument("review item id: expected SOURCE:KEY,SOURCE:KEY, got '" + id + "'");
  }
  std::string left = ref(id.substr(0, comma)), right = ref(id.substr(comma + 1));
  if (left.empty() || right.empty()) {
    return InvalidArgument("review item id: expected SOURCE:KEY,SOURCE:KEY, got '" + id + "'");
  }
  if (right < left) std::swap(left, right);
  return std::make_pair(left, right);
}

struct ReviewRow {
  std::string left_ref, right_ref;
  double weight = 0, probability = 0;
  std::string status = "pending";
  std::string decided_by;
  std::string why;
};

// The stored record's canonical fields as the linkage person table reads them.
Result<linkage::SourceRecord> LinkageRecord(storage::Connection& db, const std::string& ref) {
  auto [source, key] = SplitRef(ref);
  storage::SourceRecordStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto rec, store.FindRecordByKey(source, key));
  if (!rec) return NotFound("no source record '" + ref + "'");
  linkage::SourceRecord out{rec->source, rec->record_key, {}};
  json fields = json::parse(rec->fields, nullptr, false);
  if (fields.is_object()) {
    for (const auto& [k, v] : fields.items()) {
      if (v.is_string()) out.fields.emplace_back(k, v.get<std::string>());
    }
  }
  return out;
}

// The waterfall of the pair with the server's person model: the right record
// as a one-record index, the left as the query (the same scoring code as
// `reunite explain`). Empty when the model is missing or blocking keeps the
// pair apart.
std::pair<json, double> ExplainPair(storage::Connection& db, const std::string& model_path,
                                    const std::string& left_ref, const std::string& right_ref) {
  std::pair<json, double> none = {json::array(), 0.0};
  if (model_path.empty()) return none;
  auto model = linkage::LoadModel(model_path);
  auto left = LinkageRecord(db, left_ref);
  auto right = LinkageRecord(db, right_ref);
  if (!model.ok() || !left.ok() || !right.ok()) return none;
  std::vector<linkage::SourceRecord> one = {*right};
  linkage::IndexOptions options;
  options.threads = 1;
  auto index = linkage::LinkageIndex::FromTable(*model, linkage::PersonRecordTable(one), options);
  if (!index.ok()) return none;
  auto hits = (*index)->Match(linkage::PersonQuery(left->fields), 1);
  if (!hits.ok() || hits->empty()) return none;
  const linkage::MatchCandidate& c = hits->front();
  json parts = json::array();
  for (const auto& p : c.explanation) {
    parts.push_back({{"comparison", p.comparison},
                     {"level", p.level},
                     {"level_label", p.level_label},
                     {"left_value", p.query_value},
                     {"right_value", p.record_value},
                     {"m", p.m},
                     {"u", p.u},
                     {"weight", p.weight},
                     {"tf_adjustment", p.tf_adjustment}});
  }
  return {parts, c.prior_weight};
}

Result<json> ReviewItemJson(storage::Connection& db, const AccessPolicy& policy,
                            const Caller& caller, const ReviewRow& row,
                            const std::string& model_path) {
  std::set<std::string> removed;
  REUNITE_ASSIGN_OR_RETURN(json left, RecordJson(db, policy, caller, row.left_ref, removed));
  REUNITE_ASSIGN_OR_RETURN(json right, RecordJson(db, policy, caller, row.right_ref, removed));
  json item = {{"id", ReviewItemId(row.left_ref, row.right_ref)},
               {"left", left},
               {"right", right},
               {"match_probability", row.probability},
               {"match_weight", row.weight},
               {"explanation", json::array()},
               {"prior_weight", 0.0},
               {"why", row.why},
               {"status", row.status},
               {"decided_by", OrNull(row.decided_by)},
               {"decided_at", json()}};
  if (!removed.empty())
    item["redacted"] = json(std::vector<std::string>(removed.begin(), removed.end()));
  return item;
}

Result<std::map<std::pair<std::string, std::string>, ReviewRow>> Decisions(
    storage::Connection& db) {
  std::map<std::pair<std::string, std::string>, ReviewRow> out;
  REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT left_ref, right_ref, decision, actor FROM "
                                               "review_decisions ORDER BY decided_seq DESC"));
  for (const auto& r : rows) {
    ReviewRow d;
    d.left_ref = r.Text(0);
    d.right_ref = r.Text(1);
    d.status = r.Text(2) == "accepted" || r.Text(2) == "accept" ? "accepted" : "rejected";
    d.decided_by = r.Text(3);
    out.emplace(std::make_pair(d.left_ref, d.right_ref), d);
  }
  return out;
}

Result<std::optional<ReviewRow>> FindReviewRow(storage::Connection& db,
                                               const std::pair<std::string, std::string>& refs) {
  REUNITE_ASSIGN_OR_RETURN(auto decisions, Decisions(db));
  REUNITE_ASSIGN_OR_RETURN(auto queue, resolution::ListReviewQueue(db, 0));
  std::optional<ReviewRow> row;
  for (const auto& p : queue) {
    if (p.left_ref == refs.first && p.right_ref == refs.second) {
      row = ReviewRow{p.left_ref, p.right_ref, p.match_weight, p.match_probability,
                      "pending",  "",          p.why};
    }
  }
  auto d = decisions.find(refs);
  if (d != decisions.end()) {
    if (!row) row = d->second;
    row->status = d->second.status;
    row->decided_by = d->second.decided_by;
  }
  return row;
}

}  // namespace

Result<json> ListReviewItems(storage::Connection& db, const AccessPolicy& policy,
                             const Caller& caller, const ReviewListing& listing) {
  const std::string& status = listing.status;
  if (status != "pending" && status != "accepted" && status != "rejected" && status != "all") {
    return InvalidArgument("query parameter 'status': expected pending, accepted, rejected or all");
  }
  const size_t limit = static_cast<size_t>(std::clamp<int64_t>(listing.limit, 1, 100));
  REUNITE_ASSIGN_OR_RETURN(auto decisions, Decisions(db));
  std::vector<ReviewRow> rows;
  if (status == "pending" || status == "all") {
    REUNITE_ASSIGN_OR_RETURN(auto queue, resolution::ListReviewQueue(db, 0));
    for (const auto& p : queue) {
      if (decisions.count({p.left_ref, p.right_ref}) > 0) continue;
      rows.push_back(
          {p.left_ref, p.right_ref, p.match_weight, p.match_probability, "pending", "", p.why});
    }
  }
  if (status != "pending") {
    for (const auto& [key, d] : decisions) {
      if (status == "all" || d.status == status) rows.push_back(d);
    }
  }
  json items = json::array();
  std::vector<std::string> subjects;
  for (const ReviewRow& r : rows) {
    if (items.size() >= limit) break;
    REUNITE_ASSIGN_OR_RETURN(json item, ReviewItemJson(db, policy, caller, r, listing.model_path));
    subjects.push_back(r.left_ref);
    subjects.push_back(r.right_ref);
    items.push_back(std::move(item));
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects, "ok", "review queue " + status));
  return json{{"items", items}, {"next_cursor", json()}};
}

Result<json> ReadReviewItem(storage::Connection& db, const AccessPolicy& policy,
                            const Caller& caller, const std::string& model_path,
                            const std::string& id) {
  REUNITE_ASSIGN_OR_RETURN(auto refs, ParseReviewId(id));
  REUNITE_ASSIGN_OR_RETURN(auto row, FindReviewRow(db, refs));
  if (!row) return NotFound("no review item '" + id + "'");
  REUNITE_ASSIGN_OR_RETURN(json item, ReviewItemJson(db, policy, caller, *row, model_path));
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {refs.first, refs.second}));
  return item;
}

Result<json> DecideReviewItem(storage::Connection& db, const AccessPolicy& policy,
                              TracingIndex* /*index*/, const Caller& caller, const std::string& id,
                              bool accept, const std::string& note) {
  REUNITE_ASSIGN_OR_RETURN(auto refs, ParseReviewId(id));
  REUNITE_ASSIGN_OR_RETURN(auto row, FindReviewRow(db, refs));
  if (!row) return NotFound("no review item '" + id + "'");
  if (note.size() > 2000) return InvalidArgument("note: at most 2000 characters");
  resolution::ReviewDecision decision{refs.first, refs.second, accept, note, caller.username};
  REUNITE_ASSIGN_OR_RETURN(auto event, resolution::DecideReview(db, decision));
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {refs.first, refs.second}, "ok",
                                      std::string(accept ? "accepted" : "rejected") + " (event " +
                                          std::to_string(event.seq) + ")"));
  REUNITE_ASSIGN_OR_RETURN(auto now, FindReviewRow(db, refs));
  if (!now) return Internal("review item '" + id + "' vanished after its decision");
  return ReviewItemJson(db, policy, caller, *now, model_path);
}

}  // namespace reunite::service
