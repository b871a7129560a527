// The must-show test of `reunite report … --db`: synthetic scenarios (three
// seeds) are imported (all six exports) and resolved by the binary, the
// report input is read back from the store (service::LoadStoreReportInput),
// and every cell of the compliance report — the child set behind each
// status × cohort count, each clock × cohort × state, the days overdue — is
// compared, at several as-of dates, with the same independent truth
// computation as the scenario report test (report/scenario_truth.h), after
// mapping each resolved person to the truth person holding most of its
// records (truth/records.csv).
//
// The only difference allowed is a linkage error, and the test names it: a
// child may differ only when the child or one of its parents is mislinked
// (the person's records are split over several resolved persons, or share
// one with another person's records). Everything else — separations recorded
// only in a separation memo, reasons mapped to the order's codes, phone
// calls, eligibility, repatriation to the parent — must come out of the
// store exactly as in the truth. Mislinked children must stay under 10% of
// the separated children.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "report/case_index.h"
#include "report/compliance_report.h"
#include "report/scenario_truth.h"
#include "service/report_input_store.h"
#include "storage/connection.h"
#include "support/process.h"

namespace reunite {
namespace {

namespace fs = std::filesystem;

struct Linkage {
  std::map<std::string, std::string> truth_of;  // store person -> truth person (majority)
  std::set<std::string> mislinked;              // truth persons split or merged
};

// Store person id -> truth person id, by majority of the person's records;
// and the truth persons whose records are not exactly one store person's.
Linkage LinkageAgainstTruth(const fs::path& dir, storage::Connection& db) {
  std::map<std::string, std::string> truth_of_record;
  for (const report::truth::Row& r : report::truth::ReadRows(dir / "truth/records.csv")) {
    truth_of_record[r.at("source") + "/" + r.at("record_id")] = r.at("person_id");
  }
  std::map<std::string, std::map<std::string, int>> votes;     // store -> truth -> records
  std::map<std::string, std::set<std::string>> store_persons;  // truth -> store persons
  EXPECT_TRUE(db.QueryEach("SELECT record_ref, person_id FROM person_records", {},
                           [&](const storage::Row& row) {
                             auto it = truth_of_record.find(row.Text(0));
                             if (it == truth_of_record.end()) return Status::Ok();
                             ++votes[row.Text(1)][it->second];
                             store_persons[it->second].insert(row.Text(1));
                             return Status::Ok();
                           })
                  .ok());
  Linkage out;
  for (const auto& [person, v] : votes) {
    auto best = std::max_element(v.begin(), v.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    out.truth_of[person] = best->first;
    if (v.size() > 1) {
      for (const auto& [truth, n] : v) out.mislinked.insert(truth);
    }
  }
  for (const auto& [truth, persons] : store_persons) {
    if (persons.size() > 1) out.mislinked.insert(truth);
  }
  return out;
}

void Translate(report::CountCell& cell, const std::map<std::string, std::string>& truth_of) {
  for (std::string& id : cell.children) {
    auto it = truth_of.find(id);
    id = it == truth_of.end() ? "unmatched:" + id : it->second;
  }
}

void Translate(report::CountRow& row, const std::map<std::string, std::string>& truth_of) {
  for (report::CountCell& c : row.by_cohort) Translate(c, truth_of);
  Translate(row.total, truth_of);
}

void Translate(report::ComplianceReport& r, const std::map<std::string, std::string>& truth_of) {
  for (report::CountRow& row : r.class_by_status) Translate(row, truth_of);
  Translate(r.class_total, truth_of);
  Translate(r.under_review, truth_of);
  for (report::CountRow& row : r.excluded) Translate(row, truth_of);
  Translate(r.separated_total, truth_of);
  for (report::ClockSummary& k : r.clocks) {
    for (size_t i = 0; i <= k.by_cohort.size(); ++i) {
      report::ClockCounts& c = i < k.by_cohort.size() ? k.by_cohort[i] : k.total;
      for (report::CountCell* cell : {&c.applicable, &c.met, &c.met_late, &c.missed, &c.overdue,
                                      &c.pending, &c.not_required}) {
        Translate(*cell, truth_of);
      }
    }
  }
}

// Imports and resolves one scenario; checks its reports at several dates.
void CheckScenario(int seed) {
  SCOPED_TRACE("seed " + std::to_string(seed));
  const fs::path dir = ::reunite::testing::MakeTempDir("store_report");
  auto synth = ::reunite::testing::RunReunite("synth --families 150 --threads 1 --seed " +
                                              std::to_string(seed) + " --out " + dir.string());
  ASSERT_EQ(synth.exit_code, 0) << synth.output;
  const std::string db_path = (dir / "store.db").string();
  const std::pair<const char*, const char*> exports[] = {
      {"e3", "e3_apprehensions.csv"}, {"ice", "ice_detention.csv"},
      {"orr", "orr_shelter.csv"},     {"usao", "prosecution_cases.csv"},
      {"ngo", "ngo_outreach.jsonl"},  {"dlog", "decision_log.csv"}};
  for (const auto& [source, file] : exports) {
    auto r = ::reunite::testing::RunReunite(
        std::string("import --db ") + db_path + " --mappings " REUNITE_SOURCE_DIR "/mappings" +
        " --source " + source + " " + (dir / "exports" / file).string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  auto resolved = ::reunite::testing::RunReunite(
      "resolve --db " + db_path + " --model " REUNITE_SOURCE_DIR "/models/person.json");
  ASSERT_EQ(resolved.exit_code, 0) << resolved.output;

  auto db = storage::OpenConnection(db_path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto input = service::LoadStoreReportInput(**db, (dir / "orders").string());
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  const Linkage linkage = LinkageAgainstTruth(dir, **db);
  const report::truth::Truth truth{dir};
  const report::CaseIndex index(*input);
  // Children a linkage error may touch: mislinked themselves or a parent mislinked.
  auto mislinked_child = [&](const std::string& id) {
    if (linkage.mislinked.contains(id)) return true;
    auto p = truth.persons.find(id);
    if (p == truth.persons.end()) return false;
    if (linkage.mislinked.contains(p->second.separated_from)) return true;
    auto parents = truth.parents_of.find(id);
    if (parents == truth.parents_of.end()) return false;
    for (const std::string& a : parents->second) {
      if (linkage.mislinked.contains(a)) return true;
    }
    return false;
  };

  // Before the order, the day it took effect, the deadlines, and months after.
  for (const Date as_of :
       {Date{2018, 5, 15}, Date{2018, 6, 26}, Date{2018, 7, 27}, Date{2018, 12, 31}}) {
    SCOPED_TRACE("as of " + as_of.ToIso());
    auto report = report::BuildComplianceReport(index, "ORDER-2018-06-26", as_of);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    report::ComplianceReport r = std::move(report).value();
    Translate(r, linkage.truth_of);
    std::set<std::string> differing;
    const std::vector<std::string> diffs =
        report::truth::ComplianceDifferences(truth, r, as_of, &differing);
    int truth_separated = 0, mislinked = 0;
    for (const std::string& id : truth.person_order) {
      if (truth.persons.at(id).role != "child" || !report::truth::Expect(truth, id, as_of)) {
        continue;
      }
      ++truth_separated;
      mislinked += mislinked_child(id);
    }
    std::printf(
        "seed %d as of %s: separated children store %d, truth %d; %d touched by a linkage "
        "error; %zu cells differ, naming %zu children\n",
        seed, as_of.ToIso().c_str(), r.separated_total.total.count(), truth_separated, mislinked,
        diffs.size(), differing.size());
    for (const std::string& id : differing) {
      EXPECT_TRUE(mislinked_child(id)) << id << " differs without a linkage error";
    }
    if (differing.empty()) {
      EXPECT_TRUE(diffs.empty());
    }
    for (const std::string& d : diffs) std::printf("  differs: %s\n", d.c_str());
    if (as_of >= Date{2018, 6, 26}) {
      EXPECT_GT(truth_separated, 20);
    }
    EXPECT_LE(mislinked, 0.10 * truth_separated);
    EXPECT_NEAR(r.separated_total.total.count(), truth_separated, mislinked);
  }
  fs::remove_all(dir);
}

TEST(StoreReportTest, ComplianceFromTheResolvedStoreMatchesTheTruth) {
  for (int seed : {5, 11, 23}) CheckScenario(seed);
}

}  // namespace
}  // namespace reunite
