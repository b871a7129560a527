#include "ingest/normalizer.h"

#include <gtest/gtest.h>

namespace reunite::ingest {
namespace {

SourceMapping Mapping() {
  auto m = ParseMapping(R"(
source = "orr"
record_id = "uac_id"
date_order = "dmy"
[fields.family_name]
column = "last"
type = "name"
required = true
[fields.dob]
column = "dob"
type = "date"
[fields.a_number]
column = "anum"
type = "a_number"
on_error = "blank"
[fields.sex]
column = "sex"
type = "code"
codes = { M = "male", F = "female" }
)",
                        "orr.toml");
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return *m;
}

RawRow Row(std::vector<std::string> values) {
  RawRow r;
  r.line = 7;
  r.values = std::move(values);
  return r;
}

TEST(NormalizerTest, NormalisesEachType) {
  SourceMapping m = Mapping();
  auto n = RowNormalizer::Create(m, {"uac_id", "last", "dob", "anum", "sex"}, "orr.csv");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  auto out = n->Normalize(Row({" U-1 ", "  López   Tzul ", "31/01/2012", "A 12345678", "f"}));
  ASSERT_TRUE(std::holds_alternative<CanonicalRecord>(out));
  const auto& rec = std::get<CanonicalRecord>(out);
  EXPECT_EQ(rec.record_key, "U-1");
  EXPECT_EQ(*rec.Get("family_name"), "López Tzul");
  EXPECT_EQ(*rec.Get("dob"), "2012-01-31");
  EXPECT_EQ(*rec.Get("a_number"), "012345678");
  EXPECT_EQ(*rec.Get("sex"), "female");
}

TEST(NormalizerTest, RejectionsNameTheFieldAndQuoteTheValue) {
  SourceMapping m = Mapping();
  auto n = RowNormalizer::Create(m, {"uac_id", "last", "dob", "anum", "sex"}, "orr.csv");
  ASSERT_TRUE(n.ok());
  auto bad_date = n->Normalize(Row({"U-2", "Coc", "31/02/2012", "", ""}));
  ASSERT_TRUE(std::holds_alternative<Rejection>(bad_date));
  EXPECT_EQ(std::get<Rejection>(bad_date).field, "dob");
  EXPECT_NE(std::get<Rejection>(bad_date).reason.find("31/02/2012"), std::string::npos);
  auto missing = n->Normalize(Row({"U-3", "", "", "", ""}));
  ASSERT_TRUE(std::holds_alternative<Rejection>(missing));
  EXPECT_EQ(std::get<Rejection>(missing).field, "family_name");
  auto code = n->Normalize(Row({"U-4", "Coc", "", "", "X"}));
  EXPECT_NE(std::get<Rejection>(code).reason.find("unknown code 'X'"), std::string::npos);
  // on_error = "blank": the row is kept without the bad A-number.
  auto blank = n->Normalize(Row({"U-5", "Coc", "", "A12", ""}));
  ASSERT_TRUE(std::holds_alternative<CanonicalRecord>(blank));
  EXPECT_EQ(std::get<CanonicalRecord>(blank).Get("a_number"), nullptr);
  EXPECT_EQ(std::get<CanonicalRecord>(blank).blanked.size(), 1u);
  auto no_id = n->Normalize(Row({" ", "Coc", "", "", ""}));
  EXPECT_EQ(std::get<Rejection>(no_id).field, "uac_id");
}

// on_error = "keep": a code table normalises the spellings it knows and keeps
// any other text as written, without a note.
TEST(NormalizerTest, KeepLeavesAnUnknownCodeAsWritten) {
  auto m = ParseMapping(R"(
source = "e3"
record_id = "id"
[fields.separation_reason]
column = "reason"
type = "code"
on_error = "keep"
codes = { CRIM = "criminal_history", "Prior conviction" = "criminal_history" }
)",
                        "e3.toml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  auto n = RowNormalizer::Create(*m, {"id", "reason"}, "e3.csv");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  auto known = std::get<CanonicalRecord>(n->Normalize(Row({"1", "prior CONVICTION"})));
  EXPECT_EQ(*known.Get("separation_reason"), "criminal_history");
  auto other = std::get<CanonicalRecord>(n->Normalize(Row({"2", " See narrative "})));
  EXPECT_EQ(*other.Get("separation_reason"), "See narrative");
  EXPECT_TRUE(other.blanked.empty());
}

TEST(NormalizerTest, MissingColumnNamesMappingKey) {
  SourceMapping m = Mapping();
  auto n = RowNormalizer::Create(m, {"uac_id", "last", "dob", "sex"}, "orr.csv");
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("orr.csv: no column 'anum' (fields.a_number.column"),
            std::string::npos)
      << n.status().message();
}

}  // namespace
}  // namespace reunite::ingest
