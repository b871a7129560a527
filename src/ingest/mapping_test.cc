#include "ingest/mapping.h"

#include <gtest/gtest.h>

#include "support/process.h"

namespace reunite::ingest {
namespace {

constexpr char kGood[] = R"(
source = "e3"
title = "Border apprehensions"
record_id = "event_id"
date_order = "mdy"

[fields.apprehended_on]
column = "apprehension_date"
type = "date"
required = true

[fields.a_number]
column = "a_number"
type = "a_number"
on_error = "blank"

[fields.sex]
column = "sex"
type = "code"
codes = { M = "male", f = "female" }

[fields.separated]
column = "separated"

[[events]]
type = "apprehended"
occurred_at = "apprehended_on"
payload = ["sex"]

[[events]]
type = "separated"
occurred_at = "apprehended_on"
when = { field = "separated", in = ["Y", "yes"] }
)";

TEST(MappingTest, ParsesFieldsCodesAndEvents) {
  auto m = ParseMapping(kGood, "e3.toml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->source, "e3");
  EXPECT_EQ(m->record_id, "event_id");
  const FieldSpec* d = m->Field("apprehended_on");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->type, FieldType::kDate);
  EXPECT_TRUE(d->required);
  EXPECT_EQ(d->date_order, names::DateOrder::kMonthFirst);
  EXPECT_EQ(m->Field("a_number")->on_error, OnError::kBlank);
  EXPECT_EQ(m->Field("sex")->codes.at("F"), "female");  // codes match case-insensitively
  ASSERT_EQ(m->events.size(), 2u);
  ASSERT_EQ(m->events[1].when.size(), 1u);
  EXPECT_EQ(m->events[1].when[0].values, (std::vector<std::string>{"Y", "yes"}));
}

TEST(MappingTest, AnEventCanRequireSeveralConditions) {
  auto m = ParseMapping(R"(
source = "orr"
record_id = "id"
[fields.left_on]
column = "left"
type = "date"
[fields.discharge_type]
column = "type"
[fields.relation]
column = "relation"
[[events]]
type = "reunified"
occurred_at = "left_on"
when = [{ field = "discharge_type", in = ["repatriated"] }, { field = "relation", in = ["parent"] }]
)",
                        "orr.toml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->events[0].when.size(), 2u);
  EXPECT_EQ(m->events[0].when[1].field, "relation");
  auto bad = ParseMapping(
      "source = \"s\"\nrecord_id = \"x\"\n[fields.d]\ncolumn = \"d\"\ntype = \"date\"\n"
      "[[events]]\ntype = \"t\"\noccurred_at = \"d\"\nwhen = [{ field = \"nope\" }]\n",
      "bad.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'nope' is not a declared field"), std::string::npos)
      << bad.status().message();
}

struct BadCase {
  std::string toml;
  std::string expect;  // substring of the error
};

TEST(MappingTest, ErrorsNameFileLineAndKey) {
  const BadCase cases[] = {
      {"record_id = \"x\"\n[fields.a]\ncolumn = \"a\"\n", "bad.toml:1: source: required key"},
      {"source = \"s\"\nrecord_id = \"x\"\n[fields.dob]\ncolumn = \"d\"\ntype = \"datum\"\n",
       "bad.toml:5: fields.dob.type: unknown type 'datum'"},
      {"source = \"s\"\nrecord_id = \"x\"\n[fields.sex]\ncolumn = \"s\"\ntype = \"code\"\n",
       "fields.sex.codes: a field of type code needs a codes table"},
      {"source = \"s\"\nrecord_id = \"x\"\n[fields.a]\ncolumn = \"a\"\n[[events]]\ntype = "
       "\"t\"\noccurred_at = \"nope\"\n",
       "events[0].occurred_at: 'nope' is not a declared field"},
      {"source = \"s\"\nrecord_id = \"x\"\n[fields.a]\ncolumn = \"a\"\n[[events]]\ntype = "
       "\"t\"\noccurred_at = \"a\"\n",
       "events[0].occurred_at: 'a' is not a date field"},
      {"source = \"s\"\nrecord_id = \"x\"\ndate_order = \"ymd\"\n[fields.a]\ncolumn = \"a\"\n",
       "bad.toml:3: date_order: unknown date order 'ymd'"},
      {"source = \"s\"\nrecord_id = [1]\n", "bad.toml:2: record_id: expected a string"},
      {"source = \"s\"\nrecord_id = \"x\"\n[fields.d]\ncolumn = \"d\"\ntype = \"date\"\n"
       "on_error = \"keep\"\n",
       "bad.toml:6: fields.d.on_error: 'keep' is for code fields only"},
      {"source = \"s\nrecord_id", "bad.toml:1:"},  // TOML syntax error
  };
  for (const BadCase& c : cases) {
    auto m = ParseMapping(c.toml, "bad.toml");
    ASSERT_FALSE(m.ok()) << c.toml;
    EXPECT_NE(m.status().message().find(c.expect), std::string::npos)
        << "got: " << m.status().message() << "\nwant: " << c.expect;
  }
}

TEST(MappingTest, AnEventCanNameItsActorField) {
  const std::string toml = R"(
source = "dlog"
record_id = "log_no"
[fields.decided_on]
column = "decision_date"
type = "date"
[fields.decider]
column = "decided_by"
[[events]]
type = "separation_decision"
occurred_at = "decided_on"
actor = "decider"
)";
  auto m = ParseMapping(toml, "dlog.toml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->events[0].actor, "decider");
  auto bad = ParseMapping(toml.substr(0, toml.find("actor = ")) + "actor = \"who\"\n", "dlog.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("events[0].actor: 'who' is not a declared field"),
            std::string::npos)
      << bad.status().message();
}

TEST(MappingTest, ShippedMappingsLoad) {
  for (const char* name : {"e3", "ice", "orr", "usao", "ngo", "dlog"}) {
    auto m = LoadMapping(::reunite::testing::SourceDir() + "/mappings/" + name + ".toml");
    EXPECT_TRUE(m.ok()) << name << ": " << m.status().ToString();
  }
}

TEST(MappingTest, MissingFileIsNotFound) {
  auto m = LoadMapping("/nonexistent/mapping.toml");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace reunite::ingest
