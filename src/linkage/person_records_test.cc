#include "linkage/person_records.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "linkage/link_job.h"
#include "linkage/model.h"
#include "reunite/linkage.h"
#include "support/process.h"

namespace reunite::linkage {
namespace {

// Canonical records as the shipped mappings produce them (mappings/*.toml):
// e3 has family_name + given_name, ICE and the court export a full_name.
std::vector<SourceRecord> StoredRecords() {
  return {
      {"e3",
       "EID000000001",
       {{"apprehended_on", "2018-05-02"},
        {"a_number", "212345678"},
        {"family_name", "GARCIA LOPEZ"},
        {"given_name", "MARIA JOSE"},
        {"dob", "1988-04-03"},
        {"sex", "female"},
        {"nationality", "GUATEMALA"}}},
      {"ice",
       "BK00000001",
       {{"a_number", "212345678"},
        {"full_name", "GARCÍA LÓPEZ, MARÍA JOSÉ"},
        {"dob", "1988-04-03"},
        {"sex", "unknown"},
        {"nationality", "GUATEMALA"}}},
      {"usao", "1:18-mj-00001", {{"full_name", "María José García-López"}}},
      {"ngo",
       "NGO-0000001",
       {{"full_name", "Pancho Tzul"}, {"country", "Guatemala"}, {"a_number", "298765432"}}},
  };
}

TEST(PersonRecordTableTest, MapsCanonicalFieldsToPersonColumns) {
  std::vector<SourceRecord> records = StoredRecords();
  RecordTable t = PersonRecordTable(records);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t.columns, PersonColumns());
  EXPECT_EQ(t.ids[0], "e3/EID000000001");
  EXPECT_EQ(t.ids[2], "usao/1:18-mj-00001");
  auto v = [&](const char* column, size_t i) { return t.Value(t.ColumnIndex(column), i); };
  EXPECT_EQ(v("given_name", 0), "MARIA JOSE");
  EXPECT_EQ(v("paternal_surname", 0), "GARCIA LOPEZ");
  EXPECT_EQ(v("maternal_surname", 0), "");
  EXPECT_EQ(v("country", 0), "GUATEMALA");
  EXPECT_EQ(v("sex", 0), "female");
  EXPECT_EQ(v("sex", 1), "");  // "unknown" is missing, not a value to agree on
  EXPECT_EQ(v("full_name", 1), "GARCÍA LÓPEZ, MARÍA JOSÉ");
  EXPECT_EQ(v("given_name", 1), "");
  EXPECT_EQ(v("country", 3), "Guatemala");  // "country" when there is no nationality
  EXPECT_EQ(v("apprehended_on", 0), "");    // not a person column
  EXPECT_EQ(t.date_order, names::DateOrder::kIso);
}

TEST(PersonRecordTableTest, QueryUsesTheSameColumns) {
  auto q = PersonQuery({{"full_name", "Pancho Tzul"}, {"nationality", "GT"}, {"sex", "male"}});
  EXPECT_EQ(q.size(), 3u);
  EXPECT_EQ(q["full_name"], "Pancho Tzul");
  EXPECT_EQ(q["country"], "GT");
  EXPECT_EQ(q["sex"], "male");
}

TEST(PersonRecordTableTest, IndexFromTableMatchesAFullNameQuery) {
  auto model = LoadModel(reunite::testing::SourceDir() + "/models/person.json");
  ASSERT_TRUE(model.ok()) << model.status().message();
  std::vector<SourceRecord> records = StoredRecords();
  IndexOptions options;
  options.threads = 1;
  auto index = LinkageIndex::FromTable(*model, PersonRecordTable(records), options);
  ASSERT_TRUE(index.ok()) << index.status().message();
  EXPECT_EQ((*index)->size(), 4u);
  // A tracing request typed "GIVEN SURNAMES" with the date of birth.
  auto hits = (*index)->Match(
      PersonQuery({{"full_name", "Maria Jose Garcia Lopez"}, {"dob", "1988-04-03"}}), 4);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_GE(hits->size(), 2u);
  for (size_t k = 0; k < 2; ++k) {
    const std::string& id = (*hits)[k].record_id;
    EXPECT_TRUE(id == "e3/EID000000001" || id == "ice/BK00000001") << id;
    EXPECT_EQ((*hits)[k].explanation[0].level_label, "exact") << id;  // given names
    EXPECT_EQ((*hits)[k].explanation[1].level_label, "exact") << id;  // both surnames
  }
}

TEST(PersonRecordTableTest, FromTableRejectsMissingColumnsAndDuplicateIds) {
  auto model = LoadModel(reunite::testing::SourceDir() + "/models/person.json");
  ASSERT_TRUE(model.ok());
  RecordTable t;
  t.source = "mine";
  t.columns = {"given_name"};
  t.data = {{"Ana"}};
  t.ids = {"1"};
  t.lines = {0};
  auto missing = LinkageIndex::FromTable(*model, t, IndexOptions{});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("'paternal_surname'"), std::string::npos);
  std::vector<SourceRecord> twice = {{"e3", "1", {}}, {"e3", "1", {}}};
  auto dup = LinkageIndex::FromTable(*model, PersonRecordTable(twice), IndexOptions{});
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate record id 'e3/1'"), std::string::npos);
}

TEST(PersonRecordTableTest, RecordsTheSourceOfEachRecordAsItsGroup) {
  std::vector<SourceRecord> records = StoredRecords();
  records.push_back({"e3", "EID000000002", {{"given_name", "ANA"}}});
  RecordTable t = PersonRecordTable(records);
  EXPECT_EQ(t.group_names, (std::vector<std::string>{"e3", "ice", "usao", "ngo"}));
  EXPECT_EQ(t.groups, (std::vector<uint8_t>{0, 1, 2, 3, 0}));
}

// Source "a" holds 240 different people once each; source "b" holds 80 of
// them again. The a-a pairs hold no match, the a-b pairs 80 of 19,200: the
// trained dedupe gives each pair of sources its own prior, and scores and
// explains every pair with its sources' prior.
TEST(PersonRecordTableTest, TrainedDedupeEstimatesAPriorPerPairOfSources) {
  auto model = LoadModel(reunite::testing::SourceDir() + "/models/person.json");
  ASSERT_TRUE(model.ok()) << model.status().message();
  const char* given[] = {"MARIA", "JOSE", "ANA", "LUIS", "ROSA", "JUAN", "CARMEN", "PEDRO"};
  const char* paternal[] = {"GARCIA", "LOPEZ", "PEREZ", "TZUL", "CHOC", "RAMIREZ"};
  const char* maternal[] = {"CRUZ", "SIC", "MORALES", "REYES", "DIAZ"};
  std::vector<SourceRecord> records;
  for (int p = 0; p < 240; ++p) {
    char dob[16];
    std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1960 + p % 40, 1 + p % 12, 1 + p % 28);
    std::vector<std::pair<std::string, std::string>> fields = {
        {"given_name", given[p % 8]},
        {"paternal_surname", paternal[(p / 8) % 6]},
        {"maternal_surname", maternal[(p / 48) % 5]},
        {"dob", dob}};
    records.push_back({"a", "A" + std::to_string(p), fields});
    if (p % 3 == 0) records.push_back({"b", "B" + std::to_string(p), fields});
  }
  RecordTable table = PersonRecordTable(records);
  LinkOptions options;
  options.train = true;
  options.threads = 2;
  options.progress = ProgressMode::kNever;
  LinkJob job(*model, table, nullptr, options);
  ASSERT_TRUE(job.Run().ok());
  const std::vector<double>& priors = job.group_priors();
  ASSERT_EQ(priors.size(), 4u);  // groups a, b
  EXPECT_EQ(priors[1], priors[2]);
  EXPECT_NEAR(priors[1], 80.0 / (240 * 80), 0.5 * 80.0 / (240 * 80));
  EXPECT_LT(priors[0] * 50, priors[1]);
  // Records 0 (a/A0) and 1 (b/B0) are one person; 0 and 2 (a/A1) are not.
  const PairScore ab = job.Explain(0, 1);
  const PairScore aa = job.Explain(0, 2);
  EXPECT_NEAR(ab.prior_weight, std::log2(priors[1] / (1 - priors[1])), 1e-9);
  EXPECT_NEAR(aa.prior_weight, std::log2(priors[0] / (1 - priors[0])), 1e-9);
  EXPECT_GT(ab.match_probability, 0.5);
  size_t matched = 0;
  for (const ScoredPair& m : job.matches())
    matched += table.ids[m.left][0] != table.ids[m.right][0];
  EXPECT_EQ(matched, 80u);
  EXPECT_EQ(job.matches().size(), 80u);
}

}  // namespace
}  // namespace reunite::linkage
