// Each comparator's levels, on the golden person records (tests/golden/linkage).
#include "linkage/compare.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "common/random.h"
#include "linkage/link_io.h"
#include "linkage/scoring.h"
#include "names/dates.h"
#include "support/process.h"

namespace reunite::linkage {
namespace {

class PersonPairs : public ::testing::Test {
 protected:
  void SetUp() override {
    auto m = LoadModel(reunite::testing::SourceDir() + "/models/person.json");
    ASSERT_TRUE(m.ok()) << m.status().message();
    model_ = *m;
    InputSpec spec;
    spec.left_path = reunite::testing::SourceDir() + "/tests/golden/linkage/left.csv";
    spec.right_path = reunite::testing::SourceDir() + "/tests/golden/linkage/right.csv";
    spec.id_column = "id";
    spec.column_map = "given_name=first,dob=birth_date";
    auto in = ReadInputs(model_, spec);
    ASSERT_TRUE(in.ok()) << in.status().message();
    inputs_ = std::move(in).value();
    space_ = std::make_unique<FeatureSpace>(model_);
    left_ = space_->Prepare(inputs_.left, 1);
    right_ = space_->Prepare(inputs_.right, 1);
  }

  size_t Index(const RecordTable& t, const std::string& id) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (t.ids[i] == id) return i;
    }
    ADD_FAILURE() << "no record " << id;
    return 0;
  }

  // The label of the level the pair falls in for comparison `name`.
  std::string LevelOf(const std::string& name, const std::string& l, const std::string& r) {
    for (size_t c = 0; c < model_.comparisons.size(); ++c) {
      if (model_.comparisons[c].name != name) continue;
      int level =
          ComparisonLevel(model_.comparisons[c], left_.comparisons[c], Index(inputs_.left, l),
                          right_.comparisons[c], Index(inputs_.right, r), space_->pool(c));
      return model_.comparisons[c].levels[static_cast<size_t>(level)].label;
    }
    return "no comparison " + name;
  }

  Model model_;
  Inputs inputs_;
  std::unique_ptr<FeatureSpace> space_;
  PreparedTable left_, right_;
};

TEST_F(PersonPairs, GivenNameLevels) {
  EXPECT_EQ(LevelOf("given_name", "L1", "R1"), "nickname of the same name");  // Jose Luis ~ Chepe
  EXPECT_EQ(LevelOf("given_name", "L3", "R3"), "gender disagrees");  // Francisco ~ Francisca
  EXPECT_EQ(LevelOf("given_name", "L4", "R4"), "exact");
  EXPECT_EQ(LevelOf("given_name", "L6", "R7"), "same first given name");  // Rosa Elena ~ Rosa
  EXPECT_EQ(LevelOf("given_name", "L1", "R6"), "different names");        // Jose Luis ~ Pedro
}

TEST_F(PersonPairs, SurnameLevels) {
  EXPECT_EQ(LevelOf("surnames", "L1", "R1"), "exact");  // accents folded
  EXPECT_EQ(LevelOf("surnames", "L4", "R4"), "both, swapped");
  EXPECT_EQ(LevelOf("surnames", "L2", "R2"), "paternal, other missing");
  EXPECT_EQ(LevelOf("surnames", "L6", "R7"), "both sound alike");  // Vasquez ~ Basquez
  EXPECT_EQ(LevelOf("surnames", "L1", "R6"), "else");
}

TEST_F(PersonPairs, DateLevels) {
  EXPECT_EQ(LevelOf("dob", "L1", "R1"), "day and month swapped");
  EXPECT_EQ(LevelOf("dob", "L2", "R2"), "placeholder 1 January, same year");
  EXPECT_EQ(LevelOf("dob", "L3", "R3"), "exact");
  EXPECT_EQ(LevelOf("dob", "L5", "R5"), "year off by one");
  EXPECT_EQ(LevelOf("dob", "L1", "R6"), "else");
}

TEST_F(PersonPairs, IdLevelsNormaliseANumbers) {
  EXPECT_EQ(LevelOf("a_number", "L1", "R1"), "exact");  // A012345678 ~ 12345678
  EXPECT_EQ(LevelOf("a_number", "L4", "R4"), "null");   // left missing
  EXPECT_EQ(LevelOf("a_number", "L3", "R4"), "one transposition or digit");
  EXPECT_EQ(LevelOf("a_number", "L5", "R5"), "one transposition or digit");
  EXPECT_EQ(LevelOf("a_number", "L1", "R5"), "else");
}

TEST_F(PersonPairs, ExactTextLevels) {
  EXPECT_EQ(LevelOf("sex", "L3", "R3"), "else");
  EXPECT_EQ(LevelOf("country", "L3", "R3"), "exact");
}

TEST(TextComparatorTest, JaroWinklerEditDistanceTokenSetAndPhonetic) {
  auto model = ParseModel(R"({"format_version": 1, "prior": 0.01,
    "comparisons": [{"name": "n", "column": "n", "levels": [
      {"type": "null"}, {"label": "exact", "type": "exact"},
      {"label": "dl1", "type": "damerau_levenshtein", "distance": 1},
      {"label": "tokens", "type": "token_set", "threshold": 1.0},
      {"label": "sounds", "type": "phonetic"},
      {"label": "jw", "type": "jaro_winkler", "threshold": 0.85},
      {"type": "else"}]}],
    "blocking": [["n"]]})",
                          "t");
  ASSERT_TRUE(model.ok()) << model.status().message();
  auto table = ReadRecordsFromString(
      "id,n\n1,maria jose\n2,maria jsoe\n3,jose maria\n4,bazquez\n5,vasquez\n6,martha\n"
      "7,marhta x\n8,\n9,pedro\n",
      "t.csv", ReadOptions{"id", {}, {"n"}, true});
  ASSERT_TRUE(table.ok()) << table.status().message();
  FeatureSpace space(*model);
  PreparedTable t = space.Prepare(*table, 1);
  auto level = [&](size_t i, size_t j) {
    const Comparison& c = model->comparisons[0];
    return c
        .levels[static_cast<size_t>(
            ComparisonLevel(c, t.comparisons[0], i, t.comparisons[0], j, space.pool(0)))]
        .label;
  };
  EXPECT_EQ(level(0, 0), "exact");
  EXPECT_EQ(level(0, 1), "dl1");
  EXPECT_EQ(level(0, 2), "tokens");
  EXPECT_EQ(level(3, 4), "sounds");
  EXPECT_EQ(level(5, 6), "jw");
  EXPECT_EQ(level(0, 7), "null");
  EXPECT_EQ(level(0, 8), "else");
}

TEST(DateComparatorTest, AgreesWithNamesCompareDatesOnRandomDates) {
  // The per-pair date path skips validity checks and day arithmetic; it must
  // decide exactly as names::CompareDates on valid dates.
  auto model = ParseModel(R"({"format_version": 1, "prior": 0.01, "comparisons": [
      {"name": "dob", "column": "dob", "levels": [{"type": "null"}, {"type": "exact"},
       {"type": "date_placeholder"}, {"type": "date_day_month_swapped"},
       {"type": "date_year_off", "distance": 1}, {"type": "date_within_days", "distance": 365},
       {"type": "else"}]}], "blocking": [["dob"]]})",
                          "test");
  ASSERT_TRUE(model.ok()) << model.status().message();
  RecordTable t;
  t.source = "t";
  t.columns = {"dob"};
  t.data.resize(1);
  Rng rng(3);
  std::vector<Date> dates;
  for (int k = 0; k < 3000; ++k) {
    Date d = Date{1990, 1, 1}.AddDays(rng.Between(0, 2 * 365));
    if (k % 3 == 1) d = Date{d.year, 1, 1};                           // placeholders
    if (k % 3 == 2 && d.day <= 12) d = Date{d.year, d.day, d.month};  // swaps
    dates.push_back(d);
    t.data[0].push_back(d.ToIso());
    t.ids.push_back(std::to_string(k));
    t.lines.push_back(0);
  }
  t.date_order = names::DateOrder::kIso;
  FeatureSpace space(*model);
  PreparedTable p = space.Prepare(t, 1);
  const Comparison& c = model->comparisons[0];
  for (size_t i = 0; i + 1 < dates.size(); ++i) {
    const size_t j = static_cast<size_t>(rng.Below(dates.size()));
    const int level = ComparisonLevel(c, p.comparisons[0], i, p.comparisons[0], j, space.pool(0));
    const names::DateAgreement a = names::CompareDates(dates[i], dates[j]);
    const int days = static_cast<int>(std::llabs(dates[i].ToDays() - dates[j].ToDays()));
    int expected = 6;
    if (a == names::DateAgreement::kExact) {
      expected = 1;
    } else if (a == names::DateAgreement::kPlaceholderYear) {
      expected = 2;
    } else if (a == names::DateAgreement::kDayMonthSwapped) {
      expected = 3;
    } else if (a == names::DateAgreement::kYearOff1 ||
               (dates[i].month == dates[j].month && dates[i].day == dates[j].day &&
                std::abs(dates[i].year - dates[j].year) == 1)) {
      expected = 4;  // date_year_off also takes two 1 January placeholders a year apart
    } else if (days <= 365) {
      expected = 5;
    }
    ASSERT_EQ(level, expected) << dates[i].ToIso() << " ~ " << dates[j].ToIso();
  }
}

}  // namespace
}  // namespace reunite::linkage
