// The read model as a projection: events applied one by one give the rows
// the lookups read, and a rebuild from the log gives the same rows, on both
// backends.
#include "resolution/projection.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::resolution {
namespace {

class ProjectionTest : public storage::StorageTest {
 protected:
  void Append(const storage::EventDraft& d) {
    ASSERT_TRUE(storage::InWriteTransaction(*db, [&]() -> Status {
                  storage::EventLog log(*db);
                  REUNITE_ASSIGN_OR_RETURN(auto events, log.AppendInTransaction({&d, 1}));
                  return ApplyEvent(*db, events[0]);
                }).ok());
  }
  static PersonState State(const std::string& id, std::vector<std::string> refs) {
    PersonState s;
    s.attributes.person_id = id;
    s.attributes.given_name = "ana";
    s.attributes.age_group = "child";
    s.records = std::move(refs);
    return s;
  }
  std::unique_ptr<storage::Connection> db;
};

TEST_P(ProjectionTest, EventsProjectAndRebuildIdentically) {
  db = db_->Open();
  ASSERT_TRUE(storage::Migrate(*db).ok());
  Append(PersonEvent(kPersonResolved, {State("PA", {"e3/1", "orr/9"})}, {}, "t", "2026-01-01"));
  Append(PersonEvent(kPersonResolved, {State("PB", {"e3/2"})}, {}, "t", "2026-01-01"));
  Append(PersonEvent(kPersonResolved, {State("PM", {"e3/3"})}, {}, "t", "2026-01-01"));
  Append(PersonEvent(kPersonMerged, {State("PA", {"e3/1", "e3/2", "orr/9"})}, {"PB"}, "t",
                     "2026-01-02"));
  Relationship rel{"PM",
                   "PA",
                   "mother",
                   "agency_record",
                   "asserted",
                   "e3/RGV1",
                   R"([{"kind":"family_unit","source":"e3/RGV1","detail":"RGV1"}])",
                   0};
  Append(RelationshipEvent(rel, "t", "2026-01-02"));
  Append(FamilyUnitEvent({"RGV1", "split", "2018-05-01", {{"PA", "child"}, {"PM", "adult"}}}, "t",
                         "2026-01-02"));
  Append(ReviewQueuedEvent({{"e3/3", "orr/9", "PM", "PA", -2.5, 0.15, 50.3, "why"}}, "t",
                           "2026-01-02"));
  Append(ReviewDecisionEvent(false, "e3/3", "orr/9", "not her", "reviewer", "2026-01-03"));

  auto person = PersonOfRecord(*db, "e3/2");
  ASSERT_TRUE(person.ok() && *person);
  EXPECT_EQ(**person, "PA");
  auto refs = RecordsOfPerson(*db, "PA");
  ASSERT_TRUE(refs.ok());
  EXPECT_EQ(*refs, (std::vector<std::string>{"e3/1", "e3/2", "orr/9"}));
  auto b = FindPerson(*db, "PB");
  ASSERT_TRUE(b.ok() && *b);
  EXPECT_EQ((*b)->status, "retired");
  auto none = PersonOfRecord(*db, "e3/404");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(*none);
  auto rels = RelationshipsOf(*db, "PA");
  ASSERT_TRUE(rels.ok());
  ASSERT_EQ(rels->size(), 1u);
  EXPECT_EQ((*rels)[0].kind, "mother");
  auto unit = FindFamilyUnit(*db, "RGV1");
  ASSERT_TRUE(unit.ok() && *unit);
  EXPECT_EQ((*unit)->members.size(), 2u);
  auto units = FamilyUnitsOf(*db, "PM");
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(*units, std::vector<std::string>{"RGV1"});
  auto snap = LoadSnapshot(*db);
  ASSERT_TRUE(snap.ok());
  EXPECT_TRUE(snap->queue.empty());  // the decision took the pair off the queue
  EXPECT_EQ(snap->decisions.at(std::make_pair(std::string("e3/3"), std::string("orr/9"))),
            "rejected");

  auto before = DumpProjections(*db);
  ASSERT_TRUE(before.ok());
  auto rebuilt = RebuildProjections(*db, ProgressMode::kNever);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->events_applied, 8);
  EXPECT_EQ(rebuilt->persons, 2);
  auto after = DumpProjections(*db);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *before);
}

TEST_P(ProjectionTest, AMalformedPayloadIsCorruptionNamingTheEvent) {
  db = db_->Open();
  ASSERT_TRUE(storage::Migrate(*db).ok());
  storage::Event e;
  e.seq = 42;
  e.type = kPersonMerged;
  e.payload = R"({"persons": 3})";
  Status s = ApplyEvent(*db, e);
  EXPECT_EQ(s.code(), ErrorCode::kCorruption);
  EXPECT_NE(s.message().find("event 42"), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectionTest,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::resolution
