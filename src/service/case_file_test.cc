#include "service/case_file.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "service/case_test_store.h"
#include "service/report_input_store.h"
#include "storage/migrations.h"
#include "storage/test_databases.h"

namespace reunite::service {
namespace {

class CaseFileTest : public storage::StorageTest {};

const cases::Event* FindEvent(const CaseFile& f, cases::EventType type, std::string_view subject) {
  for (const cases::Event& e : f.input.events) {
    if (e.type == type && e.Involves(subject)) return &e;
  }
  return nullptr;
}

TEST_P(CaseFileTest, EventsAreRekeyedFromRecordsToPersons) {
  auto db = db_->Open();
  ASSERT_TRUE(testing::BuildSmallCaseStore(*db).ok());
  auto f = LoadCaseFile(*db, {REUNITE_SOURCE_DIR "/orders"});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->persons.size(), 3u);
  EXPECT_EQ(f->PersonOfRecord("orr/U1"), "PC1");
  EXPECT_EQ(f->FindPerson("PM")->records, (std::vector<std::string>{"dlog/L1", "e3/E1", "ice/I1"}));
  EXPECT_EQ(f->FindPerson("PC2")->family_units, std::vector<std::string>{"RGV1"});
  // 9 case events; the unresolved apprehension is skipped, person_resolved is not a case event;
  // the separation memo yields one separated event.
  EXPECT_EQ(f->input.events.size(), 9u);
  EXPECT_EQ(f->derived_separations, 1);
  EXPECT_EQ(f->unresolved_subjects, 1);
  EXPECT_EQ(f->skipped_events, 1);
  const cases::Event* sep = FindEvent(*f, cases::EventType::kSeparated, "PC1");
  ASSERT_NE(sep, nullptr);
  EXPECT_EQ(sep->custodian.agency, "border");
  const cases::Event* detained = FindEvent(*f, cases::EventType::kDetained, "PM");
  ASSERT_NE(detained, nullptr);
  EXPECT_EQ(detained->custodian.agency, "immigration");
  EXPECT_EQ(detained->custodian.facility, "Port Isabel");
  const auto& origin = f->origins[static_cast<size_t>(detained - f->input.events.data())];
  EXPECT_EQ(origin.record_refs, std::vector<std::string>{"ice/I1"});
  EXPECT_EQ(origin.sources[0]["source"], "ice");
  EXPECT_EQ(std::to_string(origin.seq), detained->id);
  // Relationships and the report population.
  ASSERT_EQ(f->input.relationships.size(), 2u);
  EXPECT_EQ(f->input.relationships[0].kind, cases::RelationshipKind::kParent);
  EXPECT_EQ(f->input.relationships[0].evidence, cases::Evidence::kAgencyRecord);
  EXPECT_TRUE(f->input.FindPerson("PC1")->child);
  EXPECT_FALSE(f->input.FindPerson("PM")->child);
  EXPECT_EQ(f->input.FindPerson("PC1")->birth_date, (Date{2015, 3, 1}));
  ASSERT_EQ(f->input.directives.size(), 1u);
  EXPECT_EQ(f->input.directives[0].directive_id, "DIR-2018-04-06-ZT");
  EXPECT_FALSE(f->input.orders.empty());
}

TEST_P(CaseFileTest, AffectedChildrenAreMappedByANumberThenByNameInTheFamily) {
  auto db = db_->Open();
  ASSERT_TRUE(testing::BuildSmallCaseStore(*db).ok());
  auto f = LoadCaseFile(*db, {});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const cases::Event* memo = FindEvent(*f, cases::EventType::kSeparationDecision, "PM");
  ASSERT_NE(memo, nullptr);
  EXPECT_EQ(report::AffectedChildren(*memo), (std::vector<std::string>{"PC1", "PC2"}));
  EXPECT_EQ(memo->PayloadString("affected_children_as_written"),
            "GARCIA, JOSE (A200000001); ANA GARCIA; PEDRO NADIE");
  EXPECT_EQ(memo->custodian.agency, "border");
  EXPECT_EQ(memo->actor, "Agent Smith");
  EXPECT_EQ(f->affected_mapped, 2);
  EXPECT_EQ(f->affected_unmapped, 1);
}

TEST_P(CaseFileTest, ActionEventsRoundTripThroughTheStoredForm) {
  cases::Event e;
  e.type = cases::EventType::kContactAttempt;
  e.occurred_at = {2018, 7, 1};
  e.subjects = {"PM", "PC1"};
  e.custodian = {"ngo", "Casa"};
  e.actor = "cw1";
  e.payload = {{"channel", "phone"}};
  storage::EventDraft d = StoredDraftFromCase(e);
  storage::Event stored;
  static_cast<storage::EventDraft&>(stored) = d;
  stored.seq = 42;
  auto back = CaseEventFromStored(stored);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->id, "42");
  EXPECT_EQ(back->subjects, e.subjects);
  EXPECT_EQ(back->custodian, e.custodian);
  EXPECT_EQ(back->occurred_at, e.occurred_at);
  EXPECT_EQ(back->PayloadString("channel"), "phone");
}

TEST_P(CaseFileTest, TheReportInputFromTheStoreIsTheCaseFiles) {
  auto db = db_->Open();
  ASSERT_TRUE(storage::Migrate(*db).ok());
  auto empty = LoadStoreReportInput(*db, "orders");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(empty.status().message().find("run `reunite resolve`"), std::string::npos);
  ASSERT_TRUE(testing::BuildSmallCaseStore(*db).ok());
  auto in = LoadStoreReportInput(*db, REUNITE_SOURCE_DIR "/orders");
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->persons.size(), 3u);
  EXPECT_TRUE(report::ValidateReportInput(*in).ok());
}

TEST_P(CaseFileTest, TheCacheReloadsOnlyWhenTheLogGrew) {
  auto db = db_->Open();
  ASSERT_TRUE(testing::BuildSmallCaseStore(*db).ok());
  CaseFileCache cache({});
  auto a = cache.Current(*db);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = cache.Current(*db);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->get(), b->get());
  storage::EventDraft note;
  note.type = "note";
  note.occurred_at = "2018-06-02";
  note.subjects = R"(["PC1"])";
  note.actor = "cw1";
  storage::EventLog log(*db);
  ASSERT_TRUE(log.Append({&note, 1}).ok());
  auto c = cache.Current(*db);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a->get(), c->get());
  EXPECT_EQ((*c)->input.events.size(), (*a)->input.events.size() + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseFileTest,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
