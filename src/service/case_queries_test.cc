#include "service/case_queries.h"

#include <gtest/gtest.h>

#include "service/case_test_store.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

class CaseQueriesTest : public storage::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    db = db_->Open();
    ASSERT_TRUE(testing::BuildSmallCaseStore(*db).ok());
    auto f = LoadCaseFile(*db, {REUNITE_SOURCE_DIR "/orders"});
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    file = std::move(f).value();
  }
  std::vector<std::string> Ids(const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits) out.push_back(h.person.person_id + ":" + h.matched_by);
    return out;
  }
  std::unique_ptr<storage::Connection> db;
  CaseFile file;
  const Date as_of{2018, 7, 20};
};

TEST_P(CaseQueriesTest, SearchFindsPersonsByAnyId) {
  const SearchOptions o{20, as_of};
  auto by = [&](const std::string& q) {
    auto r = SearchPersons(file, nullptr, q, o);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status().ToString();
    return r.ok() ? Ids(*r) : std::vector<std::string>{};
  };
  EXPECT_EQ(by("A012345678"), std::vector<std::string>{"PM:a_number"});
  EXPECT_EQ(by("a-12345678"), std::vector<std::string>{"PM:a_number"});
  EXPECT_EQ(by(" 200000001 "), std::vector<std::string>{"PC1:a_number"});
  EXPECT_EQ(by("orr/U1"), std::vector<std::string>{"PC1:record"});
  EXPECT_EQ(by("U1"), std::vector<std::string>{"PC1:record"});
  EXPECT_EQ(by("PC2"), std::vector<std::string>{"PC2:person_id"});
  EXPECT_EQ(by("RGV1"),
            (std::vector<std::string>{"PC1:family_unit", "PC2:family_unit", "PM:family_unit"}));
  EXPECT_TRUE(by("Nadie Nadie").empty());  // no name index given
  EXPECT_EQ(SearchPersons(file, nullptr, "  ", o).status().code(), ErrorCode::kInvalidArgument);
  auto hit = SearchPersons(file, nullptr, "PC1", o);
  ASSERT_TRUE(hit.ok());
  EXPECT_EQ(hit->at(0).person.status, "parent_in_immigration_custody");
}

TEST_P(CaseQueriesTest, SearchByAMisspelledNameUsesTheLinkageIndex) {
  auto index = PersonNameIndex::Build(*db, file, REUNITE_SOURCE_DIR "/models/person.json");
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  auto r = SearchPersons(file, index->get(), "Jose Garsia", {5, as_of});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->empty());
  EXPECT_EQ(r->at(0).person.person_id, "PC1");
  EXPECT_EQ(r->at(0).matched_by, "name");
  ASSERT_TRUE(r->at(0).match_probability.has_value());
  for (size_t i = 1; i < r->size(); ++i) {
    EXPECT_NE(r->at(i).person.person_id, "PC1");  // each person once
    EXPECT_LE(*r->at(i).match_probability, *r->at(0).match_probability);
  }
  const auto j = SearchJson(*r);
  EXPECT_EQ(j["persons"][0]["id"], "PC1");
  EXPECT_EQ(j["persons"][0]["matched_by"], "name");
}

TEST_P(CaseQueriesTest, APersonWithRelationshipsCustodyAndStatus) {
  auto v = GetPerson(file, "PC1", as_of);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  ASSERT_EQ(v->relationships.size(), 1u);
  EXPECT_EQ(v->relationships[0].other_id, "PM");
  EXPECT_EQ(v->relationships[0].role, "parent");
  EXPECT_EQ(v->relationships[0].kind, "mother");
  EXPECT_EQ(v->relationships[0].evidence, "agency_record");
  ASSERT_TRUE(v->custody.has_value());
  EXPECT_EQ(v->custody->agency, "shelter");
  EXPECT_EQ(v->custody->facility, "Casa Uno");
  ASSERT_TRUE(v->status.has_value());
  EXPECT_EQ(v->status->parent_id, "PM");
  EXPECT_EQ(v->status->due_date, (Date{2018, 7, 10}));
  EXPECT_EQ(v->status->days_overdue, 10);
  auto mother = GetPerson(file, "PM", as_of);
  ASSERT_TRUE(mother.ok());
  EXPECT_FALSE(mother->status.has_value());
  EXPECT_EQ(mother->relationships.size(), 2u);
  EXPECT_EQ(mother->custody->facility, "Port Isabel");
  EXPECT_EQ(GetPerson(file, "NOPE", as_of).status().code(), ErrorCode::kNotFound);
  const auto j = PersonViewJson(*v);
  EXPECT_EQ(j["custody"]["facility"], "Casa Uno");
  EXPECT_EQ(j["reunification"]["status"], "parent_in_immigration_custody");
}

TEST_P(CaseQueriesTest, TheTimelineCrossesAgenciesAndNamesEachSource) {
  auto t = PersonTimeline(file, "PM");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::vector<std::string> seen;
  for (const TimelineEntry& e : *t) seen.push_back(e.type + "@" + e.agency);
  // The separation memo also yields the separated event (case_file.h).
  EXPECT_EQ(seen, (std::vector<std::string>{"apprehended@border", "separation_decision@border",
                                            "separated@border", "detained@immigration"}));
  EXPECT_EQ(t->at(3).record_refs, std::vector<std::string>{"ice/I1"});
  EXPECT_EQ(t->at(3).sources[0]["source"], "ice");
  EXPECT_EQ(t->at(3).sources[0]["line"], 2);
  EXPECT_EQ(t->at(1).actor, "Agent Smith");
  EXPECT_EQ(t->at(1).authority, "DIR-2018-04-06-ZT");
  const auto j = TimelineJson("PM", *t);
  EXPECT_EQ(j["events"].size(), 4u);
  EXPECT_EQ(PersonTimeline(file, "NOPE").status().code(), ErrorCode::kNotFound);
}

TEST_P(CaseQueriesTest, AFamilyWithMembersRelationshipsAndTheNextDeadline) {
  auto f = GetFamily(file, "RGV1", as_of);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->members.size(), 3u);
  EXPECT_EQ(f->relationships.size(), 2u);
  int children_with_status = 0;
  for (const FamilyMemberView& m : f->members) {
    children_with_status += m.status.has_value();
    EXPECT_TRUE(m.custody.has_value()) << m.person.person_id;
  }
  EXPECT_EQ(children_with_status, 2);
  EXPECT_EQ(f->next_due, (Date{2018, 7, 10}));
  const auto j = FamilyViewJson(*f);
  EXPECT_EQ(j["next_due"], "2018-07-10");
  EXPECT_EQ(GetFamily(file, "NOPE", as_of).status().code(), ErrorCode::kNotFound);
  // Before the order took effect nothing is due.
  auto early = GetFamily(file, "RGV1", Date{2018, 6, 1});
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->next_due.has_value());
}

TEST_P(CaseQueriesTest, FamiliesAndTheDashboardPutOverdueFirst) {
  FamilyListOptions o;
  o.as_of = as_of;
  o.overdue_only = true;
  FamilyList l = ListFamilies(file, o);
  ASSERT_EQ(l.total, 1u);
  EXPECT_EQ(l.families[0].separated_children, 2);
  EXPECT_EQ(l.families[0].days_overdue, 10);
  o.as_of = Date{2018, 7, 1};
  EXPECT_EQ(ListFamilies(file, o).total, 0u);  // nothing overdue yet

  Dashboard d = GetDashboard(file, as_of);
  EXPECT_EQ(d.children, 2);
  EXPECT_EQ(d.separated, 2);
  EXPECT_EQ(d.by_status["parent_in_immigration_custody"], 2);
  ASSERT_EQ(d.overdue.size(), 2u);
  EXPECT_EQ(d.overdue[0].days_overdue, 10);
  EXPECT_EQ(d.overdue[0].family_unit, "RGV1");
  EXPECT_EQ(d.overdue[0].name, "JOSE GARCIA");
  ASSERT_EQ(d.by_month.size(), 1u);
  EXPECT_EQ(d.by_month[0].month, "2018-05");
  EXPECT_EQ(d.by_month[0].separations, 2);
  EXPECT_EQ(d.by_month[0].reunifications, 0);
  EXPECT_EQ(DashboardJson(d)["overdue"].size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseQueriesTest,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
