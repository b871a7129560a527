// Golden-file tests for the report rows: every tests/golden/reports/*.json
// is one small history (ReportInputFromJson's shape under "input") and a
// list of checks, each a report, its options and the expected rows of some
// of its tables (docs/reports.md "Golden cases"). A table's rows must match
// in number and order; each expected row names the columns it checks.
// Set REUNITE_GOLDEN_PRINT=1 to print the actual tables (to write a new case,
// then check every value by hand before committing it).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/compliance_report.h"
#include "report/provenance_report.h"
#include "report/report_input.h"

namespace reunite::report {
namespace {

namespace fs = std::filesystem;

std::string SourceDir() { return REUNITE_SOURCE_DIR; }

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(SourceDir() + "/tests/golden/reports", ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class ReportGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportGoldenTest, RowsMatchExpected) {
  const std::string file = SourceDir() + "/tests/golden/reports/" + GetParam();
  std::ifstream in(file);
  ASSERT_TRUE(in) << file;
  std::stringstream buf;
  buf << in.rdbuf();
  const nlohmann::json g = nlohmann::json::parse(buf.str(), nullptr, false);
  ASSERT_FALSE(g.is_discarded()) << file << ": not valid JSON";
  auto input = ReportInputFromJson(g.at("input"), GetParam(), SourceDir());
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  const CaseIndex index(*input);
  const bool print = std::getenv("REUNITE_GOLDEN_PRINT") != nullptr;
  ASSERT_TRUE(g.contains("checks") && !g["checks"].empty()) << file << ": no checks";
  for (const auto& check : g["checks"]) {
    const Date as_of = Date::ParseIso(check.at("as_of").get<std::string>()).value();
    const std::string kind = check.at("report");
    SCOPED_TRACE(GetParam() + ": " + kind + " as of " + as_of.ToIso());
    ReportDocument doc;
    if (kind == "compliance") {
      auto r = BuildComplianceReport(index, check.at("order"), as_of);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      doc = ComplianceDocument(*r);
    } else {
      ASSERT_EQ(kind, "provenance");
      auto r = BuildProvenanceReport(
          index, {as_of, check.value("directive", ""), check.value("child", "")});
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      doc = ProvenanceDocument(*r);
    }
    if (!print) {
      ASSERT_FALSE(check.at("tables").empty());
    }
    if (print && check["tables"].empty()) {
      for (const ReportTable& t : doc.tables) {
        std::cout << "== " << kind << " " << as_of.ToIso() << " " << t.id << "\n";
        for (const auto& row : TableRowsJson(t)) std::cout << row.dump() << "\n";
      }
    }
    for (auto it = check["tables"].begin(); it != check["tables"].end(); ++it) {
      const ReportTable* table = doc.Find(it.key());
      ASSERT_NE(table, nullptr) << "no table " << it.key();
      const nlohmann::json actual = TableRowsJson(*table);
      if (print) std::cout << it.key() << ": " << actual.dump(1) << "\n";
      const nlohmann::json& expected = it.value();
      ASSERT_EQ(actual.size(), expected.size()) << it.key() << ": " << actual.dump(1);
      for (size_t i = 0; i < expected.size(); ++i) {
        for (auto col = expected[i].begin(); col != expected[i].end(); ++col) {
          ASSERT_TRUE(actual[i].contains(col.key())) << it.key() << " has no column " << col.key();
          EXPECT_EQ(actual[i][col.key()], col.value())
              << it.key() << "[" << i << "]." << col.key() << " in " << actual[i].dump();
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, ReportGoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const auto& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(ReportGoldenFilesTest, ThereAreCases) { EXPECT_GE(GoldenFiles().size(), 3u); }

}  // namespace
}  // namespace reunite::report
