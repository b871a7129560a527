#include "synth/exports.h"

#include <gtest/gtest.h>

#include "common/csv.h"

namespace reunite::synth {
namespace {

size_t CountFields(const std::string& line) {
  auto reader = CsvReader::FromString(line + "\n", "row", {.has_header = false});
  std::vector<std::string> fields;
  EXPECT_TRUE(reader.ok());
  auto more = (*reader)->Next(fields);
  EXPECT_TRUE(more.ok() && *more);
  return fields.size();
}

TEST(ExportsTest, RecordIdFormats) {
  EXPECT_EQ(FormatRecordId(Source::kE3, 12, {}), "EID000000012");
  EXPECT_EQ(FormatRecordId(Source::kIce, 3, {}), "BK00000003");
  EXPECT_EQ(FormatRecordId(Source::kShelter, 45, {}), "UAC0000045");
  EXPECT_EQ(FormatRecordId(Source::kProsecution, 1234, "7:18"), "7:18-mj-01234");
  EXPECT_EQ(FormatRecordId(Source::kOutreach, 9, {}), "NGO-0000009");
  EXPECT_EQ(FormatUsmsNumber(2345, "379"), "12345-379");
}

TEST(ExportsTest, RowsHaveAsManyFieldsAsTheHeader) {
  const ErrorModel errors = ErrorModel::Default();
  RenderedExports out;
  for (uint64_t i = 0; i < 400; ++i) {
    Rng rng = Rng(11).Fork(i);
    const Family f = SimulateFamily(i, rng, {});
    RenderExports(f, rng, errors, out);
  }
  for (Source s : kAllSources) {
    EXPECT_FALSE(out.of(s).empty()) << SourceName(s);
    if (s == Source::kOutreach) continue;
    const size_t header = CountFields(std::string(ExportHeader(s)));
    for (const ExportRow& row : out.of(s)) {
      std::string line = "ID" + row.tail;
      if (s == Source::kProsecution) line += ",12345-379";
      ASSERT_EQ(CountFields(line), header) << SourceName(s) << ": " << line;
      EXPECT_FALSE(row.person_id.empty());
    }
  }
}

TEST(ExportsTest, DefaultRatesAreProbabilities) {
  const ErrorModel m = ErrorModel::Default();
  for (const SourceErrors& e : m.source) {
    for (double r : {e.names.phonetic, e.names.typo, e.dob.placeholder, e.a_number_missing,
                     e.duplicate, e.accents_kept}) {
      EXPECT_GE(r, 0.0);
      EXPECT_LE(r, 1.0);
    }
  }
  EXPECT_GT(m.of(Source::kShelter).a_number_missing, m.of(Source::kE3).a_number_missing);
}

}  // namespace
}  // namespace reunite::synth
