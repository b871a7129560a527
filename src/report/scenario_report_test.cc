// The must-show test of issue 5: on synthetic scenarios (several seeds) and
// several as-of dates, every count of the compliance and provenance reports
// equals the count computed here, independently, from the scenario's ground
// truth (truth/*.csv and the order file) by plain code that does not call the
// report or the cases library (report/scenario_truth.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "report/compliance_report.h"
#include "report/provenance_report.h"
#include "report/scenario_input.h"
#include "report/scenario_truth.h"
#include "support/process.h"

namespace reunite::report {
namespace {

using namespace truth;  // NOLINT: the truth helpers read as part of this test

TEST(ScenarioReportTest, EveryCountEqualsTheGroundTruth) {
  const Date dates[] = {{2018, 5, 15}, {2018, 7, 10}, {2018, 7, 27}, {2018, 12, 31}, {2019, 6, 30}};
  for (uint64_t seed : {3u, 11u, 29u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const std::string dir = ::reunite::testing::MakeTempDir("report_scenario");
    auto synth = ::reunite::testing::RunReunite("synth --families 400 --threads 1 --seed " +
                                                std::to_string(seed) + " --out " + dir);
    ASSERT_EQ(synth.exit_code, 0) << synth.output;
    const Truth truth{fs::path(dir)};
    auto input = LoadScenarioInput(dir);
    ASSERT_TRUE(input.ok()) << input.status().ToString();
    const CaseIndex index(*input);
    int children_in_class = 0, missing = 0;
    for (const Date& as_of : dates) {
      SCOPED_TRACE("as of " + as_of.ToIso());
      auto compliance = BuildComplianceReport(index, "ORDER-2018-06-26", as_of);
      ASSERT_TRUE(compliance.ok()) << compliance.status().ToString();
      const std::vector<std::string> diffs = ComplianceDifferences(truth, *compliance, as_of);
      EXPECT_TRUE(diffs.empty()) << diffs.size() << " cells differ, first: " << diffs.front();
      children_in_class += compliance->class_total.total.count();
      auto provenance = BuildProvenanceReport(index, {as_of, "", ""});
      ASSERT_TRUE(provenance.ok()) << provenance.status().ToString();
      const std::vector<std::string> prov = ProvenanceDifferences(truth, *provenance, as_of);
      EXPECT_TRUE(prov.empty()) << prov.size() << " counts differ, first: " << prov.front();
      for (const DirectiveSummary& s : provenance->directives)
        missing += s.decisions_missing_children;
    }
    // The checks bit: there were class members and unrecorded decisions to count.
    EXPECT_GT(children_in_class, 50);
    EXPECT_GT(missing, 5);
    int chains = 0;
    for (const std::string& id : truth.person_order) {
      const Truth::Person& p = truth.persons.at(id);
      if (p.role != "child" || p.separated_from.empty() || chains >= 25) continue;
      ++chains;
      auto chain = BuildChildChain(index, id, Date{2019, 6, 30});
      ASSERT_TRUE(chain.ok()) << chain.status().ToString();
      const std::vector<std::string> diffs = ChainDifferences(truth, *chain, id, Date{2019, 6, 30});
      EXPECT_TRUE(diffs.empty()) << id << ": " << diffs.size() << " differ, first "
                                 << diffs.front();
    }
    EXPECT_GT(chains, 10);
    fs::remove_all(dir);
  }
}

}  // namespace
}  // namespace reunite::report
