// The decision log export and the record keeping behind it: one row per
// truth decision, children listed exactly when the truth says the record
// named them, directives cited in the offices' habits.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "common/csv.h"
#include "support/process.h"
#include "synth/decision_keeping.h"
#include "synth/exports.h"
#include "synth/generator.h"

namespace reunite::synth {
namespace {

namespace fs = std::filesystem;

using Row = std::map<std::string, std::string>;

std::vector<Row> ReadRows(const fs::path& path) {
  std::vector<Row> rows;
  auto reader = CsvReader::Open(path.string());
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return rows;
  std::vector<std::string> fields;
  while (true) {
    auto more = (*reader)->Next(fields);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    EXPECT_EQ(fields.size(), (*reader)->header().size()) << (*reader)->Where();
    Row row;
    for (size_t i = 0; i < fields.size() && i < (*reader)->header().size(); ++i) {
      row[(*reader)->header()[i]] = fields[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

size_t CountEntries(const std::string& list) {
  if (list.empty()) return 0;
  size_t n = 1;
  for (size_t i = list.find("; "); i != std::string::npos; i = list.find("; ", i + 2)) ++n;
  return n;
}

TEST(DecisionKeepingTest, RatesFollowTypeAndPeriod) {
  auto make = [](std::string_view type, Date date, std::string_view directive, int children) {
    Decision d;
    d.type = type;
    d.date = date;
    d.directive = directive;
    for (int i = 0; i < children; ++i) d.affected_children.push_back(i + 1);
    return d;
  };
  const Decision pilot = make("prosecution", {2017, 9, 1}, kElPasoInitiative, 1);
  const Decision zt = make("prosecution", {2018, 4, 20}, kZeroTolerance, 1);
  const Decision early_sep = make("separation", {2017, 9, 1}, kStandingPractice, 1);
  const Decision late_sep = make("separation", {2018, 5, 10}, kNoAgeDeclinations, 2);
  const Decision removal = make("removal", {2018, 5, 10}, {}, 1);
  const Decision no_children = make("separation", {2017, 9, 1}, kStandingPractice, 0);
  EXPECT_GT(ChildrenUnrecordedRate(pilot), ChildrenUnrecordedRate(zt));
  EXPECT_GT(ChildrenUnrecordedRate(early_sep), ChildrenUnrecordedRate(late_sep));
  EXPECT_EQ(ChildrenUnrecordedRate(removal), 0.0);
  EXPECT_EQ(ChildrenUnrecordedRate(no_children), 0.0);
}

TEST(DecisionKeepingTest, ObservedShareMatchesTheRate) {
  int separations = 0, unrecorded = 0;
  for (uint64_t i = 0; i < 3000; ++i) {
    Rng rng = Rng(5).Fork(i);
    Family f = SimulateFamily(i, rng, {});
    Rng keeping = rng.Fork(2);
    KeepDecisionRecords(f, keeping);
    for (const Decision& d : f.decisions) {
      if (d.type == "removal" || d.affected_children.empty()) {
        EXPECT_TRUE(d.children_recorded) << d.decision_id;
      }
      if (d.type == "separation" && d.date < Date{2018, 4, 1}) {
        ++separations;
        unrecorded += !d.children_recorded;
      }
    }
  }
  ASSERT_GT(separations, 50);
  const double share = static_cast<double>(unrecorded) / separations;
  EXPECT_GT(share, 0.30);
  EXPECT_LT(share, 0.60);
}

class DecisionLogScenarioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = ::reunite::testing::MakeTempDir("synth_dlog");
    SynthOptions o;
    o.families = 1200;
    o.seed = 17;
    o.out_dir = dir_;
    o.threads = 2;
    auto r = GenerateScenario(o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path Path(std::string_view rel) { return fs::path(dir_) / rel; }
  static inline std::string dir_;
};

// Rows follow the truth decisions one for one, in family and decision order.
TEST_F(DecisionLogScenarioTest, OneRowPerDecisionWithChildrenExactlyWhenRecorded) {
  const std::vector<Row> log = ReadRows(Path("exports/decision_log.csv"));
  const std::vector<Row> truth = ReadRows(Path("truth/decisions.csv"));
  std::vector<std::string> owners;
  for (const Row& r : ReadRows(Path("truth/records.csv"))) {
    if (r.at("source") == "dlog") owners.push_back(r.at("person_id"));
  }
  ASSERT_EQ(log.size(), truth.size());
  ASSERT_EQ(owners.size(), truth.size());
  int unrecorded_separating = 0, free_text = 0, uncited = 0;
  for (size_t i = 0; i < truth.size(); ++i) {
    const Row& t = truth[i];
    const Row& l = log[i];
    SCOPED_TRACE(t.at("decision_id") + " / " + l.at("log_no"));
    EXPECT_EQ(owners[i], t.at("subject_person_id"));
    const size_t truth_children = t.at("affected_children").empty()
                                      ? 0
                                      : 1 + std::count(t.at("affected_children").begin(),
                                                       t.at("affected_children").end(), ';');
    if (t.at("children_recorded") == "1") {
      EXPECT_EQ(CountEntries(l.at("affected_children")), truth_children);
    } else {
      EXPECT_TRUE(l.at("affected_children").empty());
      EXPECT_GT(truth_children, 0u);
      if (t.at("type") == "separation" || t.at("outcome") == "accepted") ++unrecorded_separating;
    }
    EXPECT_FALSE(l.at("decided_by").empty());
    EXPECT_FALSE(l.at("decision_date").empty());
    const std::string& cited = l.at("directive_cited");
    if (t.at("type") == "removal") {
      EXPECT_TRUE(cited.empty());
      EXPECT_TRUE(l.at("entry_type").find("REMOVAL") != std::string::npos);
    } else if (cited.empty()) {
      ++uncited;
    } else if (cited != t.at("directive")) {
      ++free_text;
    }
    if (t.at("type") == "prosecution" && l.at("entry_type") == "DECLINATION") {
      EXPECT_EQ(t.at("outcome"), "declined");
      EXPECT_EQ(l.at("decision_date"), t.at("date"));  // prosecutors write ISO dates
    }
  }
  EXPECT_GT(unrecorded_separating, 5);
  EXPECT_GT(free_text, 5);
  EXPECT_GT(uncited, 5);
}

TEST(DecisionLogRenderTest, HeaderAndIdFormat) {
  EXPECT_EQ(FormatRecordId(Source::kDecisionLog, 42, {}), "DL-0000042");
  EXPECT_EQ(SourceName(Source::kDecisionLog), "dlog");
  EXPECT_EQ(ExportFileName(Source::kDecisionLog), "decision_log.csv");
  EXPECT_EQ(RecordIdColumn(Source::kDecisionLog), "log_no");
  EXPECT_TRUE(ExportHeader(Source::kDecisionLog).starts_with("log_no,"));
}

}  // namespace
}  // namespace reunite::synth
