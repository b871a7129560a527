#include "resolution/projection.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace reunite::resolution {
namespace {

using nlohmann::json;
using storage::SqlValue;

json AttributesJson(const Person& p) {
  return {{"given_name", p.given_name},
          {"surnames", p.surnames},
          {"dob", p.dob},
          {"sex", p.sex},
          {"a_number", p.a_number},
          {"nationality", p.nationality},
          {"age_group", p.age_group}};
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json SourcesOf(const std::vector<std::string>& refs) {
  json out = json::array();
  for (const std::string& ref : refs) {
    const size_t slash = ref.find('/');
    out.push_back({{"source", ref.substr(0, slash)},
                   {"record_key", slash == std::string::npos ? "" : ref.substr(slash + 1)}});
  }
  return out;
}

storage::EventDraft Draft(std::string type, json subjects, json payload, const std::string& actor,
                          const std::string& occurred_at) {
  storage::EventDraft d;
  d.type = std::move(type);
  d.occurred_at = occurred_at;
  d.subjects = subjects.dump();
  d.actor = actor;
  d.payload = payload.dump();
  return d;
}

Status Exec(storage::Connection& db, std::string_view sql, std::vector<SqlValue> params) {
  return db.Execute(sql, params);
}

Status ApplyPersons(storage::Connection& db, const json& payload, int64_t seq) {
  for (const json& r : payload.at("retired")) {
    const std::string id = r.get<std::string>();
    REUNITE_RETURN_IF_ERROR(
        Exec(db, "UPDATE persons SET status = 'retired', updated_seq = ? WHERE person_id = ?",
             {seq, id}));
    REUNITE_RETURN_IF_ERROR(Exec(db, "DELETE FROM person_records WHERE person_id = ?", {id}));
  }
  for (const json& p : payload.at("persons")) {
    const std::string id = p.at("person").get<std::string>();
    const json& a = p.at("attributes");
    const json& records = p.at("records");
    REUNITE_ASSIGN_OR_RETURN(
        auto existing,
        db.Query("SELECT created_seq FROM persons WHERE person_id = ?", std::vector<SqlValue>{id}));
    const int64_t created = existing.empty() ? seq : existing[0].Int(0);
    REUNITE_RETURN_IF_ERROR(Exec(db, "DELETE FROM persons WHERE person_id = ?", {id}));
    REUNITE_RETURN_IF_ERROR(Exec(
        db,
        "INSERT INTO persons (person_id, status, record_count, given_name, surnames, dob, sex, "
        "a_number, nationality, age_group, created_seq, updated_seq) "
        "VALUES (?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, static_cast<int64_t>(records.size()), Str(a, "given_name"), Str(a, "surnames"),
         Str(a, "dob"), Str(a, "sex"), Str(a, "a_number"), Str(a, "nationality"),
         Str(a, "age_group"), created, seq}));
    REUNITE_RETURN_IF_ERROR(Exec(db, "DELETE FROM person_records WHERE person_id = ?", {id}));
    std::vector<std::vector<SqlValue>> rows;
    for (const json& r : records) {
      const std::string ref = r.get<std::string>();
      REUNITE_RETURN_IF_ERROR(Exec(db, "DELETE FROM person_records WHERE record_ref = ?", {ref}));
      const size_t slash = ref.find('/');
      rows.push_back({ref, id, ref.substr(0, slash),
                      slash == std::string::npos ? std::string() : ref.substr(slash + 1)});
    }
    static constexpr std::string_view kCols[] = {"record_ref", "person_id", "source", "record_key"};
    REUNITE_RETURN_IF_ERROR(db.BulkInsert("person_records", kCols, rows));
  }
  return Status::Ok();
}

Status ApplyFamilyUnit(storage::Connection& db, const json& p, int64_t seq) {
  const std::string fu = Str(p, "family_unit");
  REUNITE_ASSIGN_OR_RETURN(auto existing,
                           db.Query("SELECT created_seq FROM family_units WHERE family_unit = ?",
                                    std::vector<SqlValue>{fu}));
  const int64_t created = existing.empty() ? seq : existing[0].Int(0);
  REUNITE_RETURN_IF_ERROR(Exec(db, "DELETE FROM family_units WHERE family_unit = ?", {fu}));
  REUNITE_RETURN_IF_ERROR(Exec(db,
                               "INSERT INTO family_units (family_unit, status, apprehended_on, "
                               "created_seq, updated_seq) VALUES (?, ?, ?, ?, ?)",
                               {fu, Str(p, "status"), Str(p, "apprehended_on"), created, seq}));
  REUNITE_RETURN_IF_ERROR(Exec(db, "DELETE FROM family_members WHERE family_unit = ?", {fu}));
  for (const json& m : p.at("members")) {
    REUNITE_RETURN_IF_ERROR(Exec(
        db, "INSERT INTO family_members (family_unit, person_id, member_role) VALUES (?, ?, ?)",
        {fu, Str(m, "person"), Str(m, "role")}));
  }
  return Status::Ok();
}

Status ApplyRelationship(storage::Connection& db, const json& p, int64_t seq, bool retract) {
  const std::string parent = Str(p, "parent"), child = Str(p, "child");
  REUNITE_RETURN_IF_ERROR(
      Exec(db, "DELETE FROM relationships WHERE parent_id = ? AND child_id = ?", {parent, child}));
  if (retract) return Status::Ok();
  return Exec(db,
              "INSERT INTO relationships (parent_id, child_id, kind, evidence, status, source, "
              "evidence_items, updated_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {parent, child, Str(p, "kind"), Str(p, "evidence"), Str(p, "status"),
               Str(p, "source"), p.at("items").dump(), seq});
}

Status ApplyQueue(storage::Connection& db, const json& p, int64_t seq) {
  REUNITE_RETURN_IF_ERROR(db.Execute("DELETE FROM review_queue", {}));
  std::vector<std::vector<SqlValue>> rows;
  for (const json& q : p.at("pairs")) {
    rows.push_back({Str(q, "left"), Str(q, "right"), Str(q, "left_person"), Str(q, "right_person"),
                    q.at("weight").get<double>(), q.at("probability").get<double>(),
                    q.at("priority").get<double>(), Str(q, "why"), seq});
  }
  static constexpr std::string_view kCols[] = {"left_ref",     "right_ref",    "left_person",
                                               "right_person", "match_weight", "match_probability",
                                               "priority",     "why",          "queued_seq"};
  return db.BulkInsert("review_queue", kCols, rows);
}

Status ApplyDecision(storage::Connection& db, const storage::Event& e, const json& p, bool accept) {
  const std::string left = Str(p, "left"), right = Str(p, "right");
  REUNITE_RETURN_IF_ERROR(
      Exec(db, "DELETE FROM review_decisions WHERE left_ref = ? AND right_ref = ?", {left, right}));
  REUNITE_RETURN_IF_ERROR(
      Exec(db, "DELETE FROM review_queue WHERE left_ref = ? AND right_ref = ?", {left, right}));
  return Exec(
      db,
      "INSERT INTO review_decisions (left_ref, right_ref, decision, actor, note, "
      "decided_seq) VALUES (?, ?, ?, ?, ?, ?)",
      {left, right, std::string(accept ? "accepted" : "rejected"), e.actor, Str(p, "note"), e.seq});
}

}  // namespace

namespace {
constexpr std::string_view kResolutionTypes[] = {
    kPersonResolved,     kPersonMerged,         kPersonSplit,
    kFamilyUnitResolved, kRelationshipResolved, kRelationshipRetracted,
    kReviewQueued,       kReviewAccepted,       kReviewRejected};
}  // namespace

bool IsResolutionEvent(std::string_view t) {
  return std::find(std::begin(kResolutionTypes), std::end(kResolutionTypes), t) !=
         std::end(kResolutionTypes);
}

std::span<const std::string_view> ResolutionEventTypes() { return kResolutionTypes; }

storage::EventDraft PersonEvent(const char* type, const std::vector<PersonState>& persons,
                                const std::vector<std::string>& retired, const std::string& actor,
                                const std::string& occurred_at) {
  json subjects = json::array(), list = json::array();
  std::vector<std::string> all_records;
  for (const PersonState& p : persons) {
    subjects.push_back(p.attributes.person_id);
    list.push_back({{"person", p.attributes.person_id},
                    {"records", p.records},
                    {"attributes", AttributesJson(p.attributes)}});
    all_records.insert(all_records.end(), p.records.begin(), p.records.end());
  }
  for (const std::string& r : retired) subjects.push_back(r);
  json payload = {{"persons", list}, {"retired", retired}};
  storage::EventDraft d = Draft(type, subjects, payload, actor, occurred_at);
  d.sources = SourcesOf(all_records).dump();
  return d;
}

storage::EventDraft FamilyUnitEvent(const FamilyUnit& unit, const std::string& actor,
                                    const std::string& occurred_at) {
  json subjects = json::array(), members = json::array();
  for (const FamilyMember& m : unit.members) {
    subjects.push_back(m.person_id);
    members.push_back({{"person", m.person_id}, {"role", m.role}});
  }
  json payload = {{"family_unit", unit.family_unit},
                  {"status", unit.status},
                  {"apprehended_on", unit.apprehended_on},
                  {"members", members}};
  storage::EventDraft d = Draft(kFamilyUnitResolved, subjects, payload, actor, occurred_at);
  d.family_unit = unit.family_unit;
  return d;
}

storage::EventDraft RelationshipEvent(const Relationship& r, const std::string& actor,
                                      const std::string& occurred_at) {
  json payload = {{"parent", r.parent_id},
                  {"child", r.child_id},
                  {"kind", r.kind},
                  {"evidence", r.evidence},
                  {"status", r.status},
                  {"source", r.source},
                  {"items", json::parse(r.evidence_items.empty() ? "[]" : r.evidence_items)}};
  return Draft(kRelationshipResolved, json::array({r.parent_id, r.child_id}), payload, actor,
               occurred_at);
}

storage::EventDraft RelationshipRetractedEvent(const std::string& parent_id,
                                               const std::string& child_id, const std::string& why,
                                               const std::string& actor,
                                               const std::string& occurred_at) {
  json payload = {{"parent", parent_id}, {"child", child_id}, {"why", why}};
  return Draft(kRelationshipRetracted, json::array({parent_id, child_id}), payload, actor,
               occurred_at);
}

storage::EventDraft ReviewQueuedEvent(const std::vector<QueuedPair>& pairs,
                                      const std::string& actor, const std::string& occurred_at) {
  json list = json::array();
  for (const QueuedPair& q : pairs) {
    list.push_back({{"left", q.left_ref},
                    {"right", q.right_ref},
                    {"left_person", q.left_person},
                    {"right_person", q.right_person},
                    {"weight", q.match_weight},
                    {"probability", q.match_probability},
                    {"priority", q.priority},
                    {"why", q.why}});
  }
  return Draft(kReviewQueued, json::array(), {{"pairs", list}}, actor, occurred_at);
}

storage::EventDraft ReviewDecisionEvent(bool accept, const std::string& left_ref,
                                        const std::string& right_ref, const std::string& note,
                                        const std::string& actor, const std::string& occurred_at) {
  json payload = {{"left", left_ref}, {"right", right_ref}, {"note", note}};
  storage::EventDraft d =
      Draft(accept ? kReviewAccepted : kReviewRejected, json::array(), payload, actor, occurred_at);
  d.sources = SourcesOf({left_ref, right_ref}).dump();
  return d;
}

Status ApplyEvent(storage::Connection& db, const storage::Event& e) {
  if (!IsResolutionEvent(e.type)) return Status::Ok();
  REUNITE_RETURN_IF_ERROR(ApplyEventRows(db, e));
  return SetProjectedSeq(db, e.seq);
}

Status ApplyEventRows(storage::Connection& db, const storage::Event& e) {
  if (!IsResolutionEvent(e.type)) return Status::Ok();
  json p = json::parse(e.payload, nullptr, false);
  if (p.is_discarded() || !p.is_object()) {
    return Corruption("event " + std::to_string(e.seq) + " (" + e.type +
                      "): payload is not a JSON object");
  }
  try {
    Status s;
    if (e.type == kPersonResolved || e.type == kPersonMerged || e.type == kPersonSplit) {
      s = ApplyPersons(db, p, e.seq);
    } else if (e.type == kFamilyUnitResolved) {
      s = ApplyFamilyUnit(db, p, e.seq);
    } else if (e.type == kRelationshipResolved || e.type == kRelationshipRetracted) {
      s = ApplyRelationship(db, p, e.seq, e.type == kRelationshipRetracted);
    } else if (e.type == kReviewQueued) {
      s = ApplyQueue(db, p, e.seq);
    } else {
      s = ApplyDecision(db, e, p, e.type == kReviewAccepted);
    }
    REUNITE_RETURN_IF_ERROR(s);
  } catch (const json::exception& ex) {
    return Corruption("event " + std::to_string(e.seq) + " (" + e.type +
                      "): malformed payload: " + ex.what());
  }
  return Status::Ok();
}

Status ClearProjections(storage::Connection& db) {
  for (const char* table : {"persons", "person_records", "family_units", "family_members",
                            "relationships", "review_queue", "review_decisions"}) {
    REUNITE_RETURN_IF_ERROR(db.Execute(std::string("DELETE FROM ") + table, {}));
  }
  return db.Execute("DELETE FROM projection_state WHERE projection = 'resolution'", {});
}

Result<int64_t> ProjectedSeq(storage::Connection& db) {
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db.Query("SELECT last_seq FROM projection_state WHERE projection = 'resolution'"));
  return rows.empty() ? int64_t{0} : rows[0].Int(0);
}

Status SetProjectedSeq(storage::Connection& db, int64_t seq) {
  REUNITE_RETURN_IF_ERROR(
      db.Execute("DELETE FROM projection_state WHERE projection = 'resolution'", {}));
  return Exec(db, "INSERT INTO projection_state (projection, last_seq) VALUES ('resolution', ?)",
              {seq});
}

Result<ProjectionSnapshot> LoadSnapshot(storage::Connection& db) {
  ProjectionSnapshot s;
  REUNITE_RETURN_IF_ERROR(
      db.QueryEach("SELECT pr.record_ref, pr.person_id FROM person_records pr JOIN persons p "
                   "ON p.person_id = pr.person_id WHERE p.status = 'active' ORDER BY pr.record_ref",
                   {}, [&](const storage::Row& r) {
                     s.person_of_record[r.Text(0)] = r.Text(1);
                     s.records_of_person[r.Text(1)].push_back(r.Text(0));
                     return Status::Ok();
                   }));
  REUNITE_RETURN_IF_ERROR(
      db.QueryEach("SELECT person_id, status, created_seq FROM persons ORDER BY person_id", {},
                   [&](const storage::Row& r) {
                     if (r.Text(1) == "retired") s.retired_persons.push_back(r.Text(0));
                     s.created_seq[r.Text(0)] = r.Int(2);
                     return Status::Ok();
                   }));
  REUNITE_RETURN_IF_ERROR(db.QueryEach(
      "SELECT parent_id, child_id, kind, evidence, status, source, evidence_items, updated_seq "
      "FROM relationships",
      {}, [&](const storage::Row& r) {
        Relationship rel{r.Text(0), r.Text(1), r.Text(2), r.Text(3),
                         r.Text(4), r.Text(5), r.Text(6), r.Int(7)};
        s.relationships[{rel.parent_id, rel.child_id}] = std::move(rel);
        return Status::Ok();
      }));
  REUNITE_RETURN_IF_ERROR(
      db.QueryEach("SELECT family_unit, status, apprehended_on FROM family_units", {},
                   [&](const storage::Row& r) {
                     s.family_units[r.Text(0)] = FamilyUnit{r.Text(0), r.Text(1), r.Text(2), {}};
                     return Status::Ok();
                   }));
  REUNITE_RETURN_IF_ERROR(
      db.QueryEach("SELECT family_unit, person_id, member_role FROM family_members "
                   "ORDER BY family_unit, person_id",
                   {}, [&](const storage::Row& r) {
                     s.family_units[r.Text(0)].members.push_back({r.Text(1), r.Text(2)});
                     return Status::Ok();
                   }));
  REUNITE_RETURN_IF_ERROR(db.QueryEach("SELECT left_ref, right_ref, decision FROM review_decisions",
                                       {}, [&](const storage::Row& r) {
                                         s.decisions[{r.Text(0), r.Text(1)}] = r.Text(2);
                                         return Status::Ok();
                                       }));
  REUNITE_RETURN_IF_ERROR(db.QueryEach(
      "SELECT left_ref, right_ref, left_person, right_person, match_weight, match_probability, "
      "priority, why FROM review_queue ORDER BY priority DESC, left_ref, right_ref",
      {}, [&](const storage::Row& r) {
        s.queue.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Double(4), r.Double(5),
                           r.Double(6), r.Text(7)});
        return Status::Ok();
      }));
  // Byte order, whatever the database's collation (PostgreSQL may sort by locale).
  for (auto& [id, refs] : s.records_of_person) std::sort(refs.begin(), refs.end());
  for (auto& [id, unit] : s.family_units) {
    std::sort(
        unit.members.begin(), unit.members.end(),
        [](const FamilyMember& a, const FamilyMember& b) { return a.person_id < b.person_id; });
  }
  std::sort(s.queue.begin(), s.queue.end(), [](const QueuedPair& a, const QueuedPair& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return std::tie(a.left_ref, a.right_ref) < std::tie(b.left_ref, b.right_ref);
  });
  return s;
}

Result<std::string> DumpProjections(storage::Connection& db) {
  static constexpr std::pair<const char*, const char*> kTables[] = {
      {"persons", "person_id"},
      {"person_records", "record_ref"},
      {"family_units", "family_unit"},
      {"family_members", "family_unit, person_id"},
      {"relationships", "parent_id, child_id"},
      {"review_queue", "left_ref, right_ref"},
      {"review_decisions", "left_ref, right_ref"},
      {"projection_state", "projection"}};
  std::string out;
  for (const auto& [table, key] : kTables) {
    out += std::string("# ") + table + "\n";
    REUNITE_RETURN_IF_ERROR(db.QueryEach(
        std::string("SELECT * FROM ") + table + " ORDER BY " + key, {}, [&](const storage::Row& r) {
          for (size_t i = 0; i < r.values.size(); ++i) {
            if (i > 0) out += '|';
            const SqlValue& v = r.values[i];
            if (std::holds_alternative<int64_t>(v)) {
              out += std::to_string(std::get<int64_t>(v));
            } else if (std::holds_alternative<double>(v)) {
              char buf[40];
              std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
              out += buf;
            } else if (std::holds_alternative<std::string>(v)) {
              out += std::get<std::string>(v);
            }
          }
          out += '\n';
          return Status::Ok();
        }));
  }
  return out;
}

}  // namespace reunite::resolution
