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

void CheckProvenance(const Truth& t, const ProvenanceReport& r, Date as_of) {
  struct Expected {
    int accepted = 0, declined = 0, separations = 0, removals = 0, missing = 0;
    std::set<std::pair<std::string, std::string>> deciders;
    std::map<std::string, Date> first_on;  // child -> first decision date
    std::set<std::string> recorded, separating;
    int decisions = 0;
  };
  std::map<std::string, Expected> by;
  for (const Row& d : t.decisions) {
    const Date on = Iso(d.at("date"));
    if (as_of < on) continue;
    Expected& e = by[d.at("directive")];
    ++e.decisions;
    const std::string& type = d.at("type");
    const bool separating = type == "separation" || d.at("outcome") == "accepted";
    if (type == "prosecution") {
      e.accepted += d.at("outcome") == "accepted";
      e.declined += d.at("outcome") == "declined";
    }
    e.separations += type == "separation";
    e.removals += type == "removal";
    e.missing += separating && d.at("children_recorded") == "0";
    e.deciders.insert({d.at("decider"), d.at("district")});
    for (const std::string& c : SplitIds(d.at("affected_children"))) {
      auto [it, fresh] = e.first_on.try_emplace(c, on);
      if (on < it->second) it->second = on;
      if (d.at("children_recorded") == "1") e.recorded.insert(c);
      if (separating) e.separating.insert(c);
    }
  }
  int total_missing = 0;
  for (const DecisionRecord& d : r.decisions) total_missing += d.children_missing;
  int expected_missing = 0;
  for (const auto& [directive, e] : by) expected_missing += e.missing;
  EXPECT_EQ(total_missing, expected_missing);

  for (const DirectiveSummary& s : r.directives) {
    SCOPED_TRACE("directive '" + s.directive_id + "' as of " + as_of.ToIso());
    const Expected& e = by[s.directive_id];
    EXPECT_EQ(static_cast<int>(s.decisions.size()), e.decisions);
    EXPECT_EQ(s.prosecutions_accepted, e.accepted);
    EXPECT_EQ(s.prosecutions_declined, e.declined);
    EXPECT_EQ(s.separations, e.separations);
    EXPECT_EQ(s.removals, e.removals);
    EXPECT_EQ(s.decisions_missing_children, e.missing);
    EXPECT_EQ(s.deciders.size(), e.deciders.size());
    std::set<std::string> affected;
    for (const AffectedChild& a : s.children) affected.insert(a.child_id);
    std::set<std::string> truth_affected;
    for (const auto& [c, on] : e.first_on) truth_affected.insert(c);
    EXPECT_EQ(affected, truth_affected);
    EXPECT_EQ(s.recorded, static_cast<int>(e.recorded.size()));
    EXPECT_EQ(s.reconstructed, static_cast<int>(truth_affected.size() - e.recorded.size()));
    int under_5 = 0, separated = 0, still = 0;
    std::vector<int> days;
    for (const auto& [c, on] : e.first_on) {
      under_5 += AgeOn(t.persons.at(c).dob, on) < 5;
      if (!e.separating.contains(c)) continue;
      const Truth::Event* sep = t.First(c, "separated", as_of);
      if (sep == nullptr) continue;
      ++separated;
      const Truth::Event* reunified = t.First(c, "reunified", as_of, sep->date);
      days.push_back(Days(sep->date, reunified ? reunified->date : as_of));
      still += reunified == nullptr;
    }
    EXPECT_EQ(s.under_5, under_5);
    EXPECT_EQ(s.separated, separated);
    EXPECT_EQ(s.still_separated, still);
    std::sort(days.begin(), days.end());
    if (days.empty()) {
      EXPECT_FALSE(s.median_days_separated.has_value());
    } else {
      const size_t n = days.size();
      const double median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
      EXPECT_EQ(s.median_days_separated, median);
    }
    int by_status = 0;
    for (const auto& [status, cell] : s.still_separated_by_status) by_status += cell.count();
    EXPECT_EQ(by_status, still);
  }
  // Every directive of the truth is reported (the no-directive group when it has decisions).
  for (const auto& [directive, e] : by) {
    EXPECT_TRUE(std::any_of(r.directives.begin(), r.directives.end(),
                            [&](const DirectiveSummary& s) { return s.directive_id == directive; }))
        << directive;
  }
}

// The chain of a separated child lists every decision about its adult, with
// the decider and directive of the truth, and every timeline event.
void CheckChain(const Truth& t, const CaseIndex& index, const std::string& child, Date as_of) {
  auto chain = BuildChildChain(index, child, as_of);
  ASSERT_TRUE(chain.ok()) << chain.status().ToString();
  size_t events = 0;
  std::vector<std::string> people = {child};
  for (const std::string& a : t.parents_of.at(child)) people.push_back(a);
  for (const std::string& who : people) {
    for (const Truth::Event& e : t.timeline.at(who)) {
      events += e.date <= as_of && e.type != "prosecution_decision";
    }
  }
  int decisions = 0;
  for (const Row& d : t.decisions) {
    if (as_of < Iso(d.at("date"))) continue;
    const bool about_adult =
        std::find(people.begin() + 1, people.end(), d.at("subject_person_id")) != people.end();
    if (!about_adult) continue;
    ++decisions;
    auto step = std::find_if(chain->steps.begin(), chain->steps.end(),
                             [&](const ChainStep& s) { return s.event_id == d.at("decision_id"); });
    ASSERT_NE(step, chain->steps.end()) << d.at("decision_id");
    EXPECT_EQ(step->actor, d.at("decider"));
    EXPECT_EQ(step->directive_id, d.at("directive"));
    EXPECT_EQ(step->place, d.at("district"));
  }
  EXPECT_EQ(chain->steps.size(), events + decisions) << child;
  EXPECT_EQ(chain->steps.front().event_type, "apprehended");
}

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
      CheckProvenance(truth, *provenance, as_of);
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
      CheckChain(truth, index, id, Date{2019, 6, 30});
    }
    EXPECT_GT(chains, 10);
    fs::remove_all(dir);
  }
}

}  // namespace
}  // namespace reunite::report
