#include "linkage/prepare.h"

#include <gtest/gtest.h>

#include "support/process.h"

namespace reunite::linkage {
namespace {

RecordTable Table(std::vector<std::string> columns, std::vector<std::vector<std::string>> rows) {
  RecordTable t;
  t.source = "t";
  t.columns = std::move(columns);
  t.data.assign(t.columns.size(), {});
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < t.columns.size(); ++c) t.data[c].push_back(rows[r][c]);
    t.ids.push_back(std::to_string(r));
    t.lines.push_back(static_cast<int64_t>(r + 2));
  }
  return t;
}

TEST(PrepareTest, FullNameFillsEmptyGivenAndSurnameColumns) {
  auto model = LoadModel(reunite::testing::SourceDir() + "/models/person.json");
  ASSERT_TRUE(model.ok()) << model.status().message();
  RecordTable t = Table({"given_name", "paternal_surname", "maternal_surname", "full_name", "dob"},
                        {{"", "", "", "GARCIA-LOPEZ, Maria Jose", "1988-04-03"},
                         {"Rosa", "", "", "Maria Jose Garcia Lopez", ""},
                         {"Ana", "Perez", "", "Maria Jose Garcia Lopez", ""},
                         {"", "", "", "", "1988-04-03"}});
  FeatureSpace space(*model);
  PreparedTable p = space.Prepare(t, 1);
  const PreparedComparison& given = p.comparisons[0];
  const PreparedComparison& surnames = p.comparisons[1];
  EXPECT_EQ(given.given[0].full, "maria jose");
  EXPECT_EQ(surnames.surnames[0].surnames.paternal, "garcia");
  EXPECT_EQ(surnames.surnames[0].surnames.maternal, "lopez");
  // A record's own fields win; each part falls back on its own.
  EXPECT_EQ(given.given[1].full, "rosa");
  EXPECT_EQ(surnames.surnames[1].surnames.paternal, "garcia");
  EXPECT_EQ(given.given[2].full, "ana");
  EXPECT_EQ(surnames.surnames[2].surnames.paternal, "perez");
  EXPECT_EQ(surnames.surnames[2].surnames.maternal, "");
  EXPECT_EQ(given.value[3], 0u);
  EXPECT_EQ(surnames.value[3], 0u);
  // Blocking keys read the split names too.
  EXPECT_NE(p.block_keys[2][0], 0u) << "given:phonetic + surnames:phonetic + dob:year";
  EXPECT_EQ(p.block_keys[2][3], 0u) << "no name, no key";
}

TEST(PrepareTest, LastSurnameAndMonthKeys) {
  auto model = LoadModel(reunite::testing::SourceDir() + "/models/person.json");
  ASSERT_TRUE(model.ok()) << model.status().message();
  model->blocking = {{{"surnames:last_phonetic"}, "", 0}, {{"dob:month"}, "", 0}};
  RecordTable t = Table({"given_name", "paternal_surname", "maternal_surname", "dob"},
                        {{"Diego", "Velásquez", "Francisco", "1990-03-15"},
                         {"Diego", "Francisco", "", "1991-03-02"},
                         {"Diego", "Velásquez", "", "1990-04-15"},
                         {"Diego", "", "", ""}});
  FeatureSpace space(*model);
  PreparedTable p = space.Prepare(t, 1);
  // The last surname written: the maternal one, else the only one.
  EXPECT_EQ(p.block_keys[0][0], p.block_keys[0][1]);
  EXPECT_NE(p.block_keys[0][0], p.block_keys[0][2]);
  EXPECT_EQ(p.block_keys[0][3], 0u);
  // The month alone: a year or day off keeps it.
  EXPECT_EQ(p.block_keys[1][0], p.block_keys[1][1]);
  EXPECT_NE(p.block_keys[1][0], p.block_keys[1][2]);
  EXPECT_EQ(p.block_keys[1][3], 0u);
}

}  // namespace
}  // namespace reunite::linkage
