// `reunite report compliance|provenance` through the real binary: formats,
// files, reproducibility for an as-of date, and the errors a user meets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.h"

namespace reunite::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ReportCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = MakeTempDir("report_cli");
    ProcessResult r = RunReunite("synth --families 150 --seed 8 --threads 1 --out " + dir_);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static ProcessResult Report(const std::string& args, bool merge = true) {
    return RunReunite("report " + args + " --scenario " + dir_, merge);
  }
  static inline std::string dir_;
};

TEST_F(ReportCliTest, HelpDocumentsBothReports) {
  ProcessResult top = RunReunite("--help");
  EXPECT_NE(top.output.find("report"), std::string::npos);
  ProcessResult h = RunReunite("report --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.output.find("compliance"), std::string::npos) << h.output;
  EXPECT_NE(h.output.find("provenance"), std::string::npos) << h.output;
  ProcessResult c = RunReunite("report compliance --help");
  for (const char* flag :
       {"--order", "--as-of", "--format", "--out", "--scenario", "--db", "--table"}) {
    EXPECT_NE(c.output.find(flag), std::string::npos) << flag;
  }
  ProcessResult p = RunReunite("report provenance --help");
  for (const char* flag : {"--directive", "--child", "--as-of", "--format"}) {
    EXPECT_NE(p.output.find(flag), std::string::npos) << flag;
  }
}

TEST_F(ReportCliTest, CsvJsonHtmlXlsxOfTheSameReport) {
  ProcessResult csv =
      Report("compliance --order ORDER-2018-06-26 --as-of 2018-08-01 --format csv", false);
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_TRUE(csv.output.starts_with("group,status,age_0_4,age_5_17,other,total\n")) << csv.output;
  ProcessResult json = Report("compliance --as-of 2018-08-01", false);
  ASSERT_EQ(json.exit_code, 0) << json.output;
  const auto j = nlohmann::json::parse(json.output);
  EXPECT_EQ(j["meta"]["as_of"], "2018-08-01");
  EXPECT_EQ(j["meta"]["order"], "ORDER-2018-06-26");
  EXPECT_EQ(j["tables"][0]["id"], "summary");
  const std::string html = dir_ + "/r.html", xlsx = dir_ + "/r.xlsx";
  ASSERT_EQ(Report("compliance --as-of 2018-08-01 --format html --out " + html).exit_code, 0);
  EXPECT_NE(ReadFile(html).find("@media print"), std::string::npos);
  ProcessResult x = Report("provenance --as-of 2019-06-30 --format xlsx --out " + xlsx);
  ASSERT_EQ(x.exit_code, 0) << x.output;
  EXPECT_TRUE(ReadFile(xlsx).starts_with("PK"));
}

TEST_F(ReportCliTest, AnAsOfDateIsReproducibleAndDatesDiffer) {
  const std::string args = "compliance --as-of 2018-07-27 --format csv --table children";
  ProcessResult a = Report(args, false), b = Report(args, false);
  ASSERT_EQ(a.exit_code, 0) << a.output;
  EXPECT_EQ(a.output, b.output);
  ProcessResult later =
      Report("compliance --as-of 2019-06-30 --format csv --table children", false);
  EXPECT_NE(a.output, later.output);
}

TEST_F(ReportCliTest, ProvenanceOfADirectiveAndTheChainOfAChild) {
  ProcessResult d =
      Report("provenance --directive DIR-2018-04-06-ZT --as-of 2019-06-30 --format csv", false);
  ASSERT_EQ(d.exit_code, 0) << d.output;
  EXPECT_NE(d.output.find("\nDIR-2018-04-06-ZT,"), std::string::npos) << d.output;
  EXPECT_EQ(d.output.find("DIR-STANDING"), std::string::npos) << d.output;
  // The first separated child of the truth.
  std::ifstream persons(dir_ + "/truth/persons.csv");
  std::string line, child;
  while (std::getline(persons, line)) {
    if (line.find(",child,") != std::string::npos && line.back() != ',') {
      child = line.substr(0, line.find(','));
      break;
    }
  }
  ASSERT_FALSE(child.empty());
  ProcessResult c =
      Report("provenance --child " + child + " --as-of 2019-06-30 --format csv", false);
  ASSERT_EQ(c.exit_code, 0) << c.output;
  EXPECT_TRUE(c.output.starts_with("step,date,event,type,subject,relation")) << c.output;
  EXPECT_NE(c.output.find(",apprehended,"), std::string::npos);
  EXPECT_NE(c.output.find("status: "), std::string::npos);
}

TEST_F(ReportCliTest, UserErrorsAreClear) {
  struct Case {
    std::string args;
    std::string expect;
  };
  const Case cases[] = {
      {"compliance --as-of 2018-13-01", "--as-of: expected a date"},
      {"compliance --order ORDER-NOPE --as-of 2018-08-01", "orders: ORDER-2018-06-26"},
      {"compliance --as-of 2018-08-01 --format pdf", "unknown report format 'pdf'"},
      {"compliance --as-of 2018-08-01 --format xlsx", "--out FILE.xlsx"},
      {"compliance --as-of 2018-08-01 --format csv --table nope", "tables: summary, deadlines"},
      {"provenance --as-of 2018-08-01 --directive DIR-NOPE", "no directive 'DIR-NOPE'"},
      {"provenance --as-of 2018-08-01 --child NOBODY", "no person 'NOBODY'"},
      {"compliance --as-of 2018-08-01 --db x.db", "exactly one input"},
  };
  for (const Case& c : cases) {
    ProcessResult r = Report(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.expect), std::string::npos) << c.args << "\n" << r.output;
  }
}

// A store with imported records but no resolved persons: the report says
// what to run, and a missing store file is not created.
TEST_F(ReportCliTest, TheStoreNeedsResolutionFirst) {
  const std::string db = dir_ + "/store.db";
  ProcessResult imp =
      RunReunite("import --mappings " + SourceDir() + "/mappings --source dlog --db " + db + " " +
                 dir_ + "/exports/decision_log.csv");
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  ProcessResult r = RunReunite("report compliance --as-of 2018-08-01 --db " + db);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("run `reunite resolve`"), std::string::npos) << r.output;
  ProcessResult none = RunReunite("report provenance --as-of 2018-08-01 --db " + dir_ + "/no.db");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.output.find("no store at"), std::string::npos) << none.output;
  EXPECT_FALSE(fs::exists(dir_ + "/no.db"));
}

}  // namespace
}  // namespace reunite::testing
