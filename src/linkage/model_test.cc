#include "linkage/model.h"

#include <gtest/gtest.h>

#include "support/process.h"

namespace reunite::linkage {
namespace {

constexpr const char* kMinimal = R"({
  "format_version": 1, "name": "t", "prior": 0.001,
  "comparisons": [
    {"name": "given", "column": "given_name", "tf_adjust": true, "levels": [
      {"type": "null"},
      {"type": "exact", "m": 0.8, "u": 0.01},
      {"type": "jaro_winkler", "threshold": 0.9, "m": 0.15, "u": 0.05},
      {"type": "else", "m": 0.05, "u": 0.94}]},
    {"name": "dob", "column": "dob", "levels": [
      {"type": "null"},
      {"type": "exact", "m": 0.9, "u": 0.001},
      {"type": "date_day_month_swapped", "m": 0.05, "u": 0.0001},
      {"type": "else", "m": 0.05, "u": 0.9989}]}
  ],
  "blocking": [["dob"], ["given:phonetic", "dob:year"]]
})";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(ModelTest, ParsesLevelsKindsAndBlocking) {
  auto m = ParseModel(kMinimal, "x.json");
  ASSERT_TRUE(m.ok()) << m.status().message();
  ASSERT_EQ(m->comparisons.size(), 2u);
  EXPECT_EQ(m->comparisons[0].kind, ComparisonKind::kText);
  EXPECT_EQ(m->comparisons[1].kind, ComparisonKind::kDate);
  EXPECT_TRUE(m->comparisons[0].tf_adjust);
  EXPECT_DOUBLE_EQ(m->comparisons[0].levels[2].threshold, 0.9);
  EXPECT_EQ(m->blocking[1].keys[1], "dob:year");
  // Blocking keys naming a comparison are not input columns.
  EXPECT_EQ(m->Columns(), (std::vector<std::string>{"given_name", "dob"}));
}

TEST(ModelTest, RoundTripsThroughJson) {
  auto m = ParseModel(kMinimal, "x.json");
  ASSERT_TRUE(m.ok());
  auto again = ParseModel(ModelToJson(*m), "again.json");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(ModelToJson(*again), ModelToJson(*m));
  EXPECT_DOUBLE_EQ(again->comparisons[1].levels[2].u, 0.0001);
}

TEST(ModelTest, ErrorsNameTheJsonPath) {
  struct Case {
    std::string from, to, expected;
  };
  const Case cases[] = {
      {"\"threshold\": 0.9", "\"threshold\": 1.5",
       "models/x.json: comparisons[0].levels[2].threshold: expected a number in (0,1]"},
      {"{\"type\": \"null\"},\n      {\"type\": \"exact\", \"m\": 0.9",
       "{\"type\": \"exact\", \"m\": 0.9",
       "models/x.json: comparisons[1].levels[0].type: the first level must be \"null\""},
      {"\"type\": \"date_day_month_swapped\"", "\"type\": \"soundex\"",
       "models/x.json: comparisons[1].levels[2].type: unknown level type \"soundex\""},
      {"\"prior\": 0.001", "\"prior\": 2", "models/x.json: prior: expected a number in (0,1)"},
      {"\"format_version\": 1", "\"format_version\": 7",
       "models/x.json: format_version: unsupported version 7"},
      {"\"dob:year\"", "\"dob:decade\"", "models/x.json: blocking[1][1]: unknown transform"},
      {"\"m\": 0.8", "\"m\": -1",
       "models/x.json: comparisons[0].levels[1].m: expected a probability"},
      // Regressions (fuzz/regressions/model/): a value of the wrong type threw
      // out of ParseModel; a too-large integer was truncated.
      {"\"name\": \"t\"", "\"name\": 5", "models/x.json: name: expected a string"},
      {"{\"type\": \"null\"},\n      {\"type\": \"exact\", \"m\": 0.8",
       "{\"type\": \"null\", \"label\": [1]},\n      {\"type\": \"exact\", \"m\": 0.8",
       "models/x.json: comparisons[0].levels[0].label: expected a string"},
      {"\"u\": 0.01}", "\"u\": 0.01, \"fixed_m\": \"yes\"}",
       "models/x.json: comparisons[0].levels[1].fixed_m: expected true or false"},
      {"\"format_version\": 1", "\"format_version\": 4294967297",
       "models/x.json: format_version: expected the integer 1"},
  };
  for (const Case& c : cases) {
    auto m = ParseModel(Replace(kMinimal, c.from, c.to), "models/x.json");
    ASSERT_FALSE(m.ok()) << c.expected;
    EXPECT_EQ(m.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(m.status().message().rfind(c.expected, 0), 0u) << m.status().message();
  }
  auto bad = ParseModel("{not json", "m.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kParseError);
  // Found by fuzz_model: a number too large for a double threw out of ParseModel.
  auto overflow = ParseModel(Replace(kMinimal, "\"prior\": 0.001", "\"prior\": 1e400"), "m.json");
  ASSERT_FALSE(overflow.ok());
  EXPECT_EQ(overflow.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(overflow.status().message().rfind("m.json: not valid JSON", 0), 0u);
}

TEST(ModelTest, ShippedModelsLoad) {
  for (const char* name : {"/models/person.json", "/models/febrl.json"}) {
    auto m = LoadModel(reunite::testing::SourceDir() + name);
    ASSERT_TRUE(m.ok()) << m.status().message();
    EXPECT_FALSE(m->blocking.empty());
  }
  auto person = LoadModel(reunite::testing::SourceDir() + "/models/person.json");
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->comparisons[1].kind, ComparisonKind::kSurnames);
  EXPECT_EQ(person->comparisons[0].kind, ComparisonKind::kGivenName);
  EXPECT_TRUE(person->comparisons[5].a_number);
}

}  // namespace
}  // namespace reunite::linkage
