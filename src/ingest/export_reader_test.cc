#include "ingest/export_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/process.h"

namespace reunite::ingest {
namespace {

std::string Write(const std::string& name, const std::string& content) {
  std::string dir = reunite::testing::MakeTempDir("reader");
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(ExportReaderTest, CsvRowsKeepLineRawAndFlagProblems) {
  std::string path = Write("e3.csv",
                           "id,name,dob\n"
                           "1,Pérez,01/02/2018\n"
                           "2,\"Too\",many,fields\n"
                           "3,P\xE9rez,01/02/2018\n");
  auto r = ExportReader::Open(path, FileFormat::kCsv, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->columns(), (std::vector<std::string>{"id", "name", "dob"}));
  RawRow row;
  ASSERT_TRUE(*(*r)->Next(row));
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.raw, "1,Pérez,01/02/2018");
  EXPECT_TRUE(row.problem.empty());
  ASSERT_TRUE(*(*r)->Next(row));
  EXPECT_EQ(row.problem, "expected 3 fields, found 4");
  ASSERT_TRUE(*(*r)->Next(row));
  EXPECT_EQ(row.line, 4);
  EXPECT_NE(row.problem.find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(row.problem_field, "name");
  EXPECT_FALSE(*(*r)->Next(row));
}

TEST(ExportReaderTest, JsonLinesExtractsColumnsAndFlagsBadLines) {
  std::string path = Write("ngo.jsonl",
                           "{\"log_id\":\"L1\",\"name\":\"Ixchel\",\"attempt\":3}\n"
                           "\n"
                           "not json\n"
                           "{\"log_id\":\"L2\",\"name\":{\"nested\":1}}\n");
  auto r = ExportReader::Open(path, FileFormat::kJsonLines, {"log_id", "name", "attempt"});
  ASSERT_TRUE(r.ok());
  RawRow row;
  ASSERT_TRUE(*(*r)->Next(row));
  EXPECT_EQ(row.values, (std::vector<std::string>{"L1", "Ixchel", "3"}));
  ASSERT_TRUE(*(*r)->Next(row));
  EXPECT_EQ(row.line, 3);  // the blank line is skipped but counted
  EXPECT_EQ(row.problem, "not a JSON object");
  ASSERT_TRUE(*(*r)->Next(row));
  EXPECT_EQ(row.problem_field, "name");
  EXPECT_FALSE(*(*r)->Next(row));
}

}  // namespace
}  // namespace reunite::ingest
