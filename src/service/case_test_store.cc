#include "service/case_test_store.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "storage/event_log.h"
#include "storage/migrations.h"
#include "storage/source_records.h"

namespace reunite::service::testing {
namespace {

using nlohmann::json;
using storage::SqlValue;

Status Insert(storage::Connection& db, std::string_view sql, std::vector<SqlValue> values) {
  return db.Execute(sql, values);
}

storage::EventDraft Imported(const std::string& type, const std::string& on,
                             const std::vector<std::string>& refs) {
  storage::EventDraft d;
  d.type = type;
  d.occurred_at = on;
  d.subjects = json(refs).dump();
  const std::string& ref = refs.front();
  const std::string source = ref.substr(0, ref.find('/'));
  d.actor = "source:" + source;
  d.sources = json::array({{{"source", source},
                            {"record_key", ref.substr(ref.find('/') + 1)},
                            {"raw_hash", "h"},
                            {"file_id", 1},
                            {"line", 2}}})
                  .dump();
  return d;
}

}  // namespace

Status BuildSmallCaseStore(storage::Connection& db) {
  REUNITE_RETURN_IF_ERROR(storage::Migrate(db).status());
  struct P {
    const char *id, *given, *surnames, *dob, *sex, *a_number, *age_group;
  };
  const P persons[] = {
      {"PM", "MARIA", "GARCIA LOPEZ", "1990-01-02", "female", "012345678", "adult"},
      {"PC1", "JOSE", "GARCIA", "2015-03-01", "male", "200000001", "child"},
      {"PC2", "ANA", "GARCIA", "2016-08-20", "female", "", "child"},
  };
  for (const P& p : persons) {
    REUNITE_RETURN_IF_ERROR(Insert(
        db,
        "INSERT INTO persons (person_id, status, record_count, given_name, surnames, dob, sex, "
        "a_number, nationality, age_group, created_seq, updated_seq) "
        "VALUES (?, 'active', 1, ?, ?, ?, ?, ?, 'GT', ?, 1, 1)",
        {p.id, p.given, p.surnames, p.dob, p.sex, p.a_number, p.age_group}));
  }
  const std::pair<const char*, const char*> records[] = {
      {"e3/E1", "PM"},  {"ice/I1", "PM"},  {"dlog/L1", "PM"},
      {"e3/E2", "PC1"}, {"orr/U1", "PC1"}, {"e3/E3", "PC2"},
  };
  for (const auto& [ref, person] : records) {
    const std::string r = ref;
    REUNITE_RETURN_IF_ERROR(
        Insert(db,
               "INSERT INTO person_records (record_ref, person_id, source, record_key) VALUES (?, "
               "?, ?, ?)",
               {r, std::string(person), r.substr(0, r.find('/')), r.substr(r.find('/') + 1)}));
  }
  REUNITE_RETURN_IF_ERROR(
      Insert(db,
             "INSERT INTO family_units (family_unit, status, apprehended_on, "
             "created_seq, updated_seq) VALUES ('RGV1', 'split', '2018-05-10', 1, 1)",
             {}));
  for (const char* m : {"PM", "PC1", "PC2"}) {
    REUNITE_RETURN_IF_ERROR(Insert(
        db,
        "INSERT INTO family_members (family_unit, person_id, member_role) VALUES ('RGV1', ?, ?)",
        {std::string(m), std::string(m) == "PM" ? "adult" : "child"}));
  }
  for (const char* c : {"PC1", "PC2"}) {
    REUNITE_RETURN_IF_ERROR(Insert(
        db,
        "INSERT INTO relationships (parent_id, child_id, kind, evidence, status, source, "
        "evidence_items, updated_seq) VALUES ('PM', ?, 'mother', 'agency_record', 'asserted', "
        "'e3/RGV1', ?, 1)",
        {std::string(c),
         json::array({{{"kind", "family_unit"}, {"source", "e3/RGV1"}, {"detail", "RGV1"}}})
             .dump()}));
  }

  // The records' canonical fields, as the import stores them.
  storage::SourceRecordStore store(db);
  REUNITE_RETURN_IF_ERROR(store.InsertFile(
      {1, "e3", "exports/test.csv", "content", "2018-06-01T00:00:00Z", "test", 6, 6, 0, 0, 9}));
  const std::pair<const char*, json> fields[] = {
      {"e3/E1",
       {{"given_name", "MARIA"},
        {"family_name", "GARCIA LOPEZ"},
        {"dob", "1990-01-02"},
        {"a_number", "012345678"}}},
      {"ice/I1",
       {{"full_name", "GARCIA LOPEZ, MARIA"}, {"dob", "1990-01-02"}, {"a_number", "012345678"}}},
      {"dlog/L1", {{"full_name", "GARCIA LOPEZ, MARIA"}}},
      {"e3/E2",
       {{"given_name", "JOSE"},
        {"family_name", "GARCIA"},
        {"dob", "2015-03-01"},
        {"a_number", "200000001"}}},
      {"orr/U1", {{"given_name", "Jose"}, {"family_name", "Garcia"}, {"dob", "2015-03-01"}}},
      {"e3/E3", {{"given_name", "ANA"}, {"family_name", "GARCIA"}, {"dob", "2016-08-20"}}},
  };
  std::vector<storage::SourceRecord> rows;
  int64_t id = 1;
  for (const auto& [ref, f] : fields) {
    const std::string r = ref;
    rows.push_back({id, r.substr(0, r.find('/')), r.substr(r.find('/') + 1),
                    "raw" + std::to_string(id), 1, id + 1, "raw row", f.dump()});
    ++id;
  }
  REUNITE_RETURN_IF_ERROR(store.InsertRecords(rows));

  std::vector<storage::EventDraft> drafts;
  drafts.push_back(Imported("apprehended", "2018-05-10", {"e3/E1"}));
  drafts.push_back(Imported("apprehended", "2018-05-10", {"e3/E2"}));
  drafts.push_back(Imported("apprehended", "2018-05-10", {"e3/E3"}));
  for (auto& d : drafts) {
    d.family_unit = "RGV1";
    d.custodian = "Station A";
  }
  for (const char* child : {"e3/E2", "e3/E3"}) {
    auto d = Imported("separated", "2018-05-11", {child});
    d.family_unit = "RGV1";
    d.reason = "prosecution_of_parent";
    drafts.push_back(d);
  }
  auto memo = Imported("separation_decision", "2018-05-11", {"dlog/L1"});
  memo.actor = "Agent Smith";
  memo.authority = "DIR-2018-04-06-ZT";
  memo.custodian = "RGV Sector";
  memo.payload = json{{"outcome", "children_separated"},
                      {"affected_children", "GARCIA, JOSE (A200000001); ANA GARCIA; PEDRO NADIE"}}
                     .dump();
  drafts.push_back(memo);
  auto detained = Imported("detained", "2018-05-12", {"ice/I1"});
  detained.custodian = "Port Isabel";
  drafts.push_back(detained);
  auto shelter = Imported("custody_transferred", "2018-05-13", {"orr/U1"});
  shelter.custodian = "Casa Uno";
  drafts.push_back(shelter);
  drafts.push_back(Imported("apprehended", "2018-05-14", {"e3/E9"}));  // unresolved
  storage::EventDraft resolved;
  resolved.type = "person_resolved";
  resolved.occurred_at = "2018-06-01";
  resolved.subjects = R"(["PM"])";
  resolved.actor = "reunite resolve";
  drafts.push_back(resolved);
  storage::EventLog log(db);
  return log.Append(drafts).status();
}

}  // namespace reunite::service::testing
