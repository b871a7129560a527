#include "resolution/family_evidence.h"

#include <gtest/gtest.h>

namespace reunite::resolution {
namespace {

TEST(ParseParentInfoTest, ReadsTheShelterShapes) {
  auto d = ParseParentInfo("Madre: María López Tum");
  EXPECT_EQ(d.kind, "mother");
  EXPECT_EQ(d.name, "maria lopez tum");
  d = ParseParentInfo("father Jose Garcia, in ICE custody");
  EXPECT_EQ(d.kind, "father");
  EXPECT_EQ(d.name, "jose garcia");
  d = ParseParentInfo("Mom - María (detained)");
  EXPECT_EQ(d.kind, "mother");
  EXPECT_EQ(d.name, "maria");
  d = ParseParentInfo("came with grandfather Pedro Tzul Sic");
  EXPECT_EQ(d.kind, "grandfather");
  EXPECT_EQ(d.name, "pedro tzul sic");
  d = ParseParentInfo("Abuela: Juana Coc");
  EXPECT_EQ(d.kind, "grandmother");
  EXPECT_EQ(d.name, "juana coc");
  d = ParseParentInfo("parent in custody, name unknown");
  EXPECT_EQ(d.kind, "parent");
  EXPECT_EQ(d.name, "");
  EXPECT_EQ(ParseParentInfo("").kind, "");
  EXPECT_EQ(ParseParentInfo("Madrid office").kind, "");  // a word, not a prefix of one
}

TEST(ParseAffectedChildrenTest, NamesWithAndWithoutANumbers) {
  auto list = ParseAffectedChildren("GARCIA LOPEZ, ANA (A212345678); Luis Garcia; ");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "GARCIA LOPEZ, ANA");
  EXPECT_EQ(list[0].a_number, "212345678");
  EXPECT_EQ(list[1].name, "Luis Garcia");
  EXPECT_EQ(list[1].a_number, "");
  EXPECT_TRUE(ParseAffectedChildren("").empty());
}

TEST(ParseOutreachChildrenTest, ReadsTheChildrenArray) {
  auto list = ParseOutreachChildren(
      R"({"log_id":"NGO-1","children":[{"name":"Alejandra Vasquez","age":4},{"age":2}]})");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].name, "Alejandra Vasquez");
  EXPECT_TRUE(ParseOutreachChildren("not json").empty());
  EXPECT_TRUE(ParseOutreachChildren(R"({"children":null})").empty());
}

StoredRecord E3(const std::string& key, const std::string& unit, const std::string& age_group,
                const std::string& given, const std::string& family) {
  StoredRecord r;
  r.source = "e3";
  r.key = key;
  r.ref = "e3/" + key;
  r.fields = {{"age_group", age_group}, {"apprehended_on", "2018-05-01"},
              {"family_name", family},  {"family_unit", unit},
              {"given_name", given},    {"station", "MCA"}};
  std::sort(r.fields.begin(), r.fields.end());
  return r;
}

Person P(const std::string& id, const std::string& group, const std::string& sex,
         const std::string& dob) {
  Person p;
  p.person_id = id;
  p.age_group = group;
  p.sex = sex;
  p.dob = dob;
  p.nationality = "guatemala";
  return p;
}

// A unit with its number, plus the father whose number the agency dropped and
// an adult son processed alone: the unit gives mother -> child, the shared
// apprehension and surnames give father -> child and father -> adult son,
// and the father joins the unit.
TEST(DeriveFamiliesTest, UnitMembersAndCoApprehendedParents) {
  std::vector<StoredRecord> records = {
      E3("1", "RGV181", "adult", "MARIA", "LOPEZ TUM"),
      E3("2", "RGV181", "juvenile", "ANA", "GARCIA LOPEZ"),
      E3("3", "", "adult", "JOSE", "GARCIA PEREZ"),
      E3("4", "", "adult", "LUIS", "GARCIA LOPEZ"),
  };
  std::vector<std::string> person_of = {"PM", "PA", "PJ", "PL"};
  std::map<std::string, Person> persons = {{"PM", P("PM", "adult", "female", "1985-01-02")},
                                           {"PA", P("PA", "child", "female", "2010-03-04")},
                                           {"PJ", P("PJ", "adult", "male", "1980-05-06")},
                                           {"PL", P("PL", "adult", "male", "1999-07-08")}};
  FamilyEvidence f = DeriveFamilies(records, person_of, persons);
  std::map<std::pair<std::string, std::string>, Relationship> rel;
  for (const auto& r : f.relationships) rel[{r.parent_id, r.child_id}] = r;
  ASSERT_TRUE(rel.count(std::make_pair(std::string("PM"), std::string("PA"))));
  EXPECT_EQ(rel[std::make_pair(std::string("PM"), std::string("PA"))].kind, "mother");
  EXPECT_EQ(rel[std::make_pair(std::string("PM"), std::string("PA"))].evidence, "agency_record");
  EXPECT_EQ(rel[std::make_pair(std::string("PM"), std::string("PA"))].source, "e3/RGV181");
  ASSERT_TRUE(rel.count(std::make_pair(std::string("PJ"), std::string("PA"))));
  EXPECT_EQ(rel[std::make_pair(std::string("PJ"), std::string("PA"))].kind, "father");
  EXPECT_EQ(rel[std::make_pair(std::string("PJ"), std::string("PA"))].evidence, "claimed");
  ASSERT_TRUE(rel.count(std::make_pair(std::string("PJ"), std::string("PL"))));
  ASSERT_TRUE(rel.count(
      std::make_pair(std::string("PM"), std::string("PL"))));  // the son's maternal surname is hers
  EXPECT_FALSE(
      rel.count(std::make_pair(std::string("PL"), std::string("PA"))));  // a sibling, not a parent
  EXPECT_FALSE(rel.count(std::make_pair(std::string("PM"), std::string("PJ"))));
  ASSERT_EQ(f.units.size(), 1u);
  std::vector<std::string> members;
  for (const auto& m : f.units[0].members) members.push_back(m.person_id + ":" + m.role);
  EXPECT_EQ(members, (std::vector<std::string>{"PA:child", "PJ:adult", "PM:adult"}));
}

}  // namespace
}  // namespace reunite::resolution
