#include "common/csv.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace reunite {
namespace {

std::vector<std::vector<std::string>> ReadAll(CsvReader& r, std::vector<int64_t>* lines = nullptr) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> f;
  while (true) {
    auto got = r.Next(f);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    if (!got.ok() || !*got) break;
    out.push_back(f);
    if (lines) lines->push_back(r.line());
  }
  return out;
}

TEST(CsvReaderTest, QuotesEmbeddedNewlinesAndLineNumbers) {
  auto r = CsvReader::FromString("id,name\r\n1,\"Pérez, \"\"Chepe\"\"\"\n2,\"two\nlines\"\n3,last",
                                 "t.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->header(), (std::vector<std::string>{"id", "name"}));
  std::vector<int64_t> lines;
  auto rows = ReadAll(**r, &lines);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][1], "Pérez, \"Chepe\"");
  EXPECT_EQ(rows[1][1], "two\nlines");
  EXPECT_EQ(rows[2][1], "last");
  EXPECT_EQ(lines, (std::vector<int64_t>{2, 3, 5}));
}

TEST(CsvReaderTest, RawKeepsTheRecordBytes) {
  auto r = CsvReader::FromString("a,b\n\"x\",y\r\n", "t.csv");
  ASSERT_TRUE(r.ok());
  std::vector<std::string> f;
  ASSERT_TRUE(*(*r)->Next(f));
  EXPECT_EQ((*r)->raw(), "\"x\",y");
}

TEST(CsvReaderTest, TrimSpacesForFebrlStyle) {
  CsvOptions o;
  o.trim_spaces = true;
  auto r = CsvReader::FromString("rec_id, given_name\nrec-1-org, , \n", "f.csv", o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->ColumnIndex("given_name"), 1);
  auto rows = ReadAll(**r);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"rec-1-org", "", ""}));
}

TEST(CsvReaderTest, UnterminatedQuoteNamesFileAndLine) {
  auto r = CsvReader::FromString("a,b\n1,2\n3,\"open\n", "bad.csv");
  ASSERT_TRUE(r.ok());
  std::vector<std::string> f;
  ASSERT_TRUE(*(*r)->Next(f));
  auto got = (*r)->Next(f);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kParseError);
  EXPECT_NE(got.status().message().find("bad.csv:3"), std::string::npos) << got.status().message();
}

TEST(CsvReaderTest, MissingFileIsNotFound) {
  auto r = CsvReader::Open("/nonexistent/reunite.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
}

TEST(CsvRoundTripTest, WriterOutputReadsBackAcrossChunks) {
  std::string path = ::testing::TempDir() + "/roundtrip_" + std::to_string(getpid()) + ".csv";
  std::vector<std::vector<std::string>> rows;
  {
    auto w = CsvWriter::Open(path);
    ASSERT_TRUE(w.ok());
    (*w)->WriteRow({"id", "text"});
    for (int i = 0; i < 60000; ++i) {
      rows.push_back({std::to_string(i), i % 7 == 0 ? "q\"uote,\nnl" : "B'alam Q'uq'"});
      (*w)->WriteRow(rows.back());
    }
    ASSERT_TRUE((*w)->Close().ok());
  }
  auto r = CsvReader::Open(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadAll(**r), rows);
  std::remove(path.c_str());
}

TEST(CsvRoundTripTest, AFieldStartingWithAByteOrderMarkKeepsIt) {
  // Regression (fuzz/regressions/csv/bom-in-first-field): a BOM inside the
  // first field was written bare and dropped as the file's BOM on reading.
  const std::string bom = "\xEF\xBB\xBF";
  std::string out;
  AppendCsvField(out, bom + "a");
  out += ",b\n";
  EXPECT_EQ(out, "\"" + bom + "a\",b\n");
  CsvOptions no_header;
  no_header.has_header = false;
  auto r = CsvReader::FromString(bom + out, "bom.csv", no_header);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadAll(**r), (std::vector<std::vector<std::string>>{{bom + "a", "b"}}));
}

}  // namespace
}  // namespace reunite
