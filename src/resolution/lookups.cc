// The read-model lookups of resolution.h.
#include <algorithm>

#include "resolution/resolution.h"

namespace reunite::resolution {

using storage::SqlValue;

Result<std::optional<std::string>> PersonOfRecord(storage::Connection& db,
                                                  const std::string& record_ref) {
  SqlValue p[] = {record_ref};
  REUNITE_ASSIGN_OR_RETURN(auto rows,
                           db.Query("SELECT pr.person_id FROM person_records pr JOIN persons p "
                                    "ON p.person_id = pr.person_id "
                                    "WHERE pr.record_ref = ? AND p.status = 'active'",
                                    p));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows[0].Text(0));
}

Result<std::vector<std::string>> RecordsOfPerson(storage::Connection& db,
                                                 const std::string& person_id) {
  SqlValue p[] = {person_id};
  std::vector<std::string> out;
  REUNITE_RETURN_IF_ERROR(
      db.QueryEach("SELECT record_ref FROM person_records WHERE person_id = ? ORDER BY record_ref",
                   p, [&](const storage::Row& r) {
                     out.push_back(r.Text(0));
                     return Status::Ok();
                   }));
  return out;
}

Result<std::optional<Person>> FindPerson(storage::Connection& db, const std::string& person_id) {
  SqlValue p[] = {person_id};
  REUNITE_ASSIGN_OR_RETURN(
      auto rows,
      db.Query("SELECT person_id, status, record_count, given_name, surnames, dob, sex, a_number, "
               "nationality, age_group, created_seq, updated_seq FROM persons WHERE person_id = ?",
               p));
  if (rows.empty()) return std::optional<Person>();
  const storage::Row& r = rows[0];
  Person out;
  out.person_id = r.Text(0);
  out.status = r.Text(1);
  out.record_count = r.Int(2);
  out.given_name = r.Text(3);
  out.surnames = r.Text(4);
  out.dob = r.Text(5);
  out.sex = r.Text(6);
  out.a_number = r.Text(7);
  out.nationality = r.Text(8);
  out.age_group = r.Text(9);
  out.created_seq = r.Int(10);
  out.updated_seq = r.Int(11);
  return std::optional<Person>(std::move(out));
}

Result<std::vector<Relationship>> RelationshipsOf(storage::Connection& db,
                                                  const std::string& person_id) {
  SqlValue p[] = {person_id, person_id};
  std::vector<Relationship> out;
  REUNITE_RETURN_IF_ERROR(db.QueryEach(
      "SELECT parent_id, child_id, kind, evidence, status, source, evidence_items, updated_seq "
      "FROM relationships WHERE parent_id = ? OR child_id = ? ORDER BY parent_id, child_id",
      p, [&](const storage::Row& r) {
        out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                       r.Int(7)});
        return Status::Ok();
      }));
  return out;
}

Result<std::optional<FamilyUnit>> FindFamilyUnit(storage::Connection& db,
                                                 const std::string& family_unit) {
  SqlValue p[] = {family_unit};
  REUNITE_ASSIGN_OR_RETURN(
      auto rows,
      db.Query("SELECT family_unit, status, apprehended_on FROM family_units WHERE family_unit = ?",
               p));
  if (rows.empty()) return std::optional<FamilyUnit>();
  FamilyUnit unit{rows[0].Text(0), rows[0].Text(1), rows[0].Text(2), {}};
  REUNITE_RETURN_IF_ERROR(
      db.QueryEach("SELECT person_id, member_role FROM family_members WHERE family_unit = ? "
                   "ORDER BY person_id",
                   p, [&](const storage::Row& r) {
                     unit.members.push_back({r.Text(0), r.Text(1)});
                     return Status::Ok();
                   }));
  return std::optional<FamilyUnit>(std::move(unit));
}

Result<std::vector<std::string>> FamilyUnitsOf(storage::Connection& db,
                                               const std::string& person_id) {
  SqlValue p[] = {person_id};
  std::vector<std::string> out;
  REUNITE_RETURN_IF_ERROR(db.QueryEach(
      "SELECT family_unit FROM family_members WHERE person_id = ? ORDER BY family_unit", p,
      [&](const storage::Row& r) {
        out.push_back(r.Text(0));
        return Status::Ok();
      }));
  return out;
}

}  // namespace reunite::resolution
