// The must-show test of `reunite report … --db`: a synthetic scenario is
// imported (all six exports) and resolved by the binary, the report input is
// read back from the store (service::LoadStoreReportInput), and every cell of
// the compliance report — the child set behind each status × cohort count,
// each clock × cohort × state, the days overdue — is compared with the same
// independent truth computation as the scenario report test
// (report/scenario_truth.h), after mapping each resolved person to the truth
// person holding most of its records (truth/records.csv).
//
// The store cannot equal the truth exactly, and the test says by how much:
// linkage splits and merges persons, and the exports do not carry every fact
// of the truth timeline. The test prints every differing cell and requires
// (1) the separated-children total to be within 2% of the truth's, (2) at
// least 95% of the truth's class members to be counted under the same
// status, and (3) nothing that is not a real child of the scenario counted.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
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

// Store person id -> truth person id, by majority of the person's records.
std::map<std::string, std::string> TruthPersonOf(const fs::path& dir, storage::Connection& db) {
  std::map<std::string, std::string> truth_of_record;
  for (const report::truth::Row& r : report::truth::ReadRows(dir / "truth/records.csv")) {
    truth_of_record[r.at("source") + "/" + r.at("record_id")] = r.at("person_id");
  }
  std::map<std::string, std::map<std::string, int>> votes;
  EXPECT_TRUE(db.QueryEach("SELECT record_ref, person_id FROM person_records", {},
                           [&](const storage::Row& row) {
                             auto it = truth_of_record.find(row.Text(0));
                             if (it != truth_of_record.end()) ++votes[row.Text(1)][it->second];
                             return Status::Ok();
                           })
                  .ok());
  std::map<std::string, std::string> out;
  for (const auto& [person, v] : votes) {
    auto best = std::max_element(v.begin(), v.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    out[person] = best->first;
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

TEST(StoreReportTest, ComplianceFromTheResolvedStoreMatchesTheTruth) {
  const fs::path dir = ::reunite::testing::MakeTempDir("store_report");
  auto synth = ::reunite::testing::RunReunite("synth --families 300 --threads 1 --seed 5 --out " +
                                              dir.string());
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
  const auto truth_of = TruthPersonOf(dir, **db);
  const report::truth::Truth truth{dir};
  const report::CaseIndex index(*input);

  for (const Date as_of : {Date{2018, 7, 27}, Date{2018, 12, 31}}) {
    SCOPED_TRACE("as of " + as_of.ToIso());
    auto report = report::BuildComplianceReport(index, "ORDER-2018-06-26", as_of);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    report::ComplianceReport r = std::move(report).value();
    Translate(r, truth_of);
    const std::vector<std::string> diffs = report::truth::ComplianceDifferences(truth, r, as_of);
    for (const std::string& d : diffs) std::printf("  differs: %s\n", d.c_str());

    // What the truth says, child by child.
    int truth_separated = 0, truth_class = 0, same_status = 0;
    std::map<std::string, std::string> store_status;  // truth child -> status in the store
    for (const report::CountRow& row : r.class_by_status) {
      for (const std::string& id : row.total.children) store_status[id] = row.key;
    }
    for (const std::string& id : truth.person_order) {
      if (truth.persons.at(id).role != "child") continue;
      auto x = report::truth::Expect(truth, id, as_of);
      if (!x) continue;
      ++truth_separated;
      if (x->group != "class") continue;
      ++truth_class;
      auto it = store_status.find(id);
      same_status += it != store_status.end() && it->second == x->status;
    }
    const int store_separated = r.separated_total.total.count();
    std::printf(
        "as of %s: separated children store %d, truth %d; class members with the truth's "
        "status %d of %d; %zu cells differ\n",
        as_of.ToIso().c_str(), store_separated, truth_separated, same_status, truth_class,
        diffs.size());
    EXPECT_GT(truth_class, 30);
    EXPECT_NEAR(store_separated, truth_separated, 0.02 * truth_separated);
    EXPECT_GE(same_status, 0.95 * truth_class);
    for (const std::string& id : r.separated_total.total.children) {
      EXPECT_TRUE(truth.persons.contains(id) && truth.persons.at(id).role == "child") << id;
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace reunite
