// The must-show test of `reunite report … --db`: synthetic scenarios (three
// seeds on SQLite, one on PostgreSQL when REUNITE_TEST_PG_URL is set) are
// imported (all six exports) and resolved by the binary, the case file is
// read back from the store (service::LoadCaseFile, whose input is
// LoadStoreReportInput's), and at several as-of dates every cell of the
// compliance report — the child set behind each status × cohort count, each
// clock × cohort × state, the days overdue — and every count of the
// provenance report per directive — decisions by kind and outcome, deciders,
// decisions missing children, children affected, under 5, separated, still
// separated, median days separated — and the chains of separated children
// are compared with the same independent truth computation as the scenario
// report test (report/scenario_truth.h), after mapping each resolved person
// to the truth person holding most of its records (truth/records.csv) and
// each decision event to its truth decision (the decision log's rows are
// truth/decisions.csv's, in order).
//
// What the record itself loses is not a difference: a decision whose row
// cites no directive (or free text) counts under "no directive cited" (a
// directive it does cite must be the truth's), and deciders and offices are
// as the offices wrote them, so they are compared by the officials behind
// them (truth::DecisionReading).
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
#include "report/child_chain.h"
#include "report/compliance_report.h"
#include "report/provenance_report.h"
#include "report/scenario_truth.h"
#include "service/case_file.h"
#include "storage/connection.h"
#include "storage/test_databases.h"
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

using Ids = std::map<std::string, std::string>;

std::string TranslateId(const std::string& id, const Ids& truth_of) {
  auto it = truth_of.find(id);
  return it == truth_of.end() ? "unmatched:" + id : it->second;
}

void Translate(std::vector<std::string>& ids, const Ids& truth_of) {
  for (std::string& id : ids) id = TranslateId(id, truth_of);
}

void Translate(report::CountCell& cell, const Ids& truth_of) { Translate(cell.children, truth_of); }

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

// Person ids and decision ids (event seq -> truth decision_id) to the truth's.
void Translate(report::ProvenanceReport& r, const Ids& truth_of, const Ids& decision_of) {
  for (report::DecisionRecord& d : r.decisions) {
    d.decision_id = TranslateId(d.decision_id, decision_of);
    d.subject_id = TranslateId(d.subject_id, truth_of);
    Translate(d.recorded_children, truth_of);
    Translate(d.reconstructed_children, truth_of);
  }
  for (report::DirectiveSummary& s : r.directives) {
    for (report::DeciderSummary& k : s.deciders) Translate(k.children, truth_of);
    for (report::AffectedChild& c : s.children) {
      c.child_id = TranslateId(c.child_id, truth_of);
      Translate(c.decisions, decision_of);
    }
    for (auto& [status, cell] : s.still_separated_by_status) Translate(cell, truth_of);
  }
}

// Store decision event id -> truth decision_id: the decision log's rows are
// truth/decisions.csv's in the same order, and each decision event's subject
// as stored is its row's record reference ("dlog/<log_no>").
Ids DecisionsAgainstTruth(const fs::path& dir, const service::CaseFile& file) {
  const std::vector<report::truth::Row> rows =
      report::truth::ReadRows(dir / "exports/decision_log.csv");
  const std::vector<report::truth::Row> truth =
      report::truth::ReadRows(dir / "truth/decisions.csv");
  EXPECT_EQ(rows.size(), truth.size());
  std::map<std::string, std::string> of_record;
  for (size_t i = 0; i < rows.size() && i < truth.size(); ++i) {
    of_record["dlog/" + rows[i].at("log_no")] = truth[i].at("decision_id");
  }
  Ids out;
  for (size_t i = 0; i < file.input.events.size(); ++i) {
    if (!report::DecisionKindOf(file.input.events[i])) continue;
    for (const std::string& ref : file.origins[i].record_refs) {
      auto it = of_record.find(ref);
      if (it != of_record.end()) out[file.input.events[i].id] = it->second;
    }
  }
  return out;
}

// Imports the scenario of `seed` into `db_url` and resolves it; checks its
// reports at several dates. `label` names the backend in the output.
void CheckScenario(int seed, const std::string& db_url, const std::string& label) {
  SCOPED_TRACE(label + " seed " + std::to_string(seed));
  const fs::path dir = ::reunite::testing::MakeTempDir("store_report");
  auto synth = ::reunite::testing::RunReunite("synth --families 150 --threads 1 --seed " +
                                              std::to_string(seed) + " --out " + dir.string());
  ASSERT_EQ(synth.exit_code, 0) << synth.output;
  const std::string db = "'" + db_url + "'";
  const std::pair<const char*, const char*> exports[] = {
      {"e3", "e3_apprehensions.csv"}, {"ice", "ice_detention.csv"},
      {"orr", "orr_shelter.csv"},     {"usao", "prosecution_cases.csv"},
      {"ngo", "ngo_outreach.jsonl"},  {"dlog", "decision_log.csv"}};
  for (const auto& [source, file] : exports) {
    auto r = ::reunite::testing::RunReunite(
        std::string("import --db ") + db + " --mappings " REUNITE_SOURCE_DIR "/mappings" +
        " --source " + source + " " + (dir / "exports" / file).string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  auto resolved = ::reunite::testing::RunReunite(
      "resolve --db " + db + " --model " REUNITE_SOURCE_DIR "/models/person.json");
  ASSERT_EQ(resolved.exit_code, 0) << resolved.output;

  auto conn = storage::OpenConnection(db_url);
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  auto file = service::LoadCaseFile(**conn, {(dir / "orders").string()});
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  const Linkage linkage = LinkageAgainstTruth(dir, **conn);
  const Ids decision_of = DecisionsAgainstTruth(dir, *file);
  const report::truth::Truth truth{dir};
  EXPECT_EQ(decision_of.size(), truth.decisions.size()) << "decisions read from the store";
  const report::CaseIndex index(file->input);
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
  // Children a decision's record names in words the case file could not map
  // to them: a misspelt given name ("Joze" for José: the entry is unmapped,
  // counted in affected_unmapped), or a name two brothers share without an
  // A-number ("MEJIA GONZALEZ, JUAN" beside "… JUAN (A224084094)": it maps to
  // the brother already named). Each is missing from its decision's children,
  // and no decision may miss more children than its entries that did not map
  // to a child of their own.
  std::set<std::string> unmapped;
  {
    std::map<std::string, const report::truth::Row*> truth_decision;
    for (const report::truth::Row& d : truth.decisions) truth_decision[d.at("decision_id")] = &d;
    for (const cases::Event& e : file->input.events) {
      const std::string written = e.PayloadString("affected_children_as_written");
      auto id = decision_of.find(e.id);
      if (written.empty() || id == decision_of.end()) continue;
      std::set<std::string> mapped;
      for (const auto& c : e.payload.value("affected_children", nlohmann::json::array())) {
        if (c.is_string()) mapped.insert(TranslateId(c.get<std::string>(), linkage.truth_of));
      }
      size_t entries = 0, missing = 0;
      for (const std::string& entry : report::truth::SplitIds(written)) {
        entries += entry.find_first_not_of(' ') != std::string::npos;
      }
      for (const std::string& c :
           report::truth::SplitIds(truth_decision.at(id->second)->at("affected_children"))) {
        if (mapped.contains(c) || mislinked_child(c)) continue;
        unmapped.insert(c);
        ++missing;
      }
      EXPECT_LE(missing, entries - std::min(entries, mapped.size()))
          << id->second << ": " << written;
    }
  }
  std::printf("%s seed %d: %lld affected-children entries mapped, %lld not (%zu children)\n",
              label.c_str(), seed, static_cast<long long>(file->affected_mapped),
              static_cast<long long>(file->affected_unmapped), unmapped.size());
  // Fails unless every child named by a difference was touched by a linkage
  // error (or, in provenance, named in an unmapped entry), and there is no
  // difference naming none.
  auto only_linkage_errors = [&](const std::vector<std::string>& diffs,
                                 const std::set<std::string>& differing, const char* what,
                                 const std::set<std::string>& also_allowed) {
    for (const std::string& id : differing) {
      EXPECT_TRUE(mislinked_child(id) || also_allowed.contains(id))
          << what << ": " << id << " differs without a linkage error";
    }
    if (differing.empty()) {
      EXPECT_TRUE(diffs.empty()) << what << ": " << diffs.size() << " differ, first "
                                 << diffs.front();
    }
    for (const std::string& d : diffs) std::printf("  %s differs: %s\n", what, d.c_str());
  };

  // Before the order, the day it took effect, the deadlines, and months after.
  int chains = 0, decisions_seen = 0, missing_seen = 0;
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

    auto provenance = report::BuildProvenanceReport(index, {as_of, "", ""});
    ASSERT_TRUE(provenance.ok()) << provenance.status().ToString();
    report::ProvenanceReport p = std::move(provenance).value();
    Translate(p, linkage.truth_of, decision_of);
    // What each record cites; a directive it cites must be the truth's.
    std::map<std::string, std::string> cited;
    std::map<std::string, const report::truth::Row*> truth_decision;
    for (const report::truth::Row& d : truth.decisions) truth_decision[d.at("decision_id")] = &d;
    for (const report::DecisionRecord& d : p.decisions) {
      cited[d.decision_id] = d.directive_id;
      auto it = truth_decision.find(d.decision_id);
      ASSERT_NE(it, truth_decision.end()) << d.decision_id << " is no truth decision";
      if (!d.directive_id.empty()) {
        EXPECT_EQ(d.directive_id, it->second->at("directive")) << d.decision_id;
      }
      missing_seen += d.children_missing;
    }
    decisions_seen += static_cast<int>(p.decisions.size());
    std::set<std::string> prov_differing;
    const std::vector<std::string> prov_diffs = report::truth::ProvenanceDifferences(
        truth, p, as_of, {&cited, true, true, true}, &prov_differing);
    std::printf(
        "%s seed %d as of %s: separated children store %d, truth %d; %d touched by a linkage "
        "error; compliance: %zu cells differ, naming %zu children; provenance: %zu decisions, "
        "%zu counts differ, naming %zu children\n",
        label.c_str(), seed, as_of.ToIso().c_str(), r.separated_total.total.count(),
        truth_separated, mislinked, diffs.size(), differing.size(), p.decisions.size(),
        prov_diffs.size(), prov_differing.size());
    only_linkage_errors(diffs, differing, "compliance", {});
    only_linkage_errors(prov_diffs, prov_differing, "provenance", unmapped);
    if (as_of >= Date{2018, 6, 26}) {
      EXPECT_GT(truth_separated, 20);
    }
    EXPECT_LE(mislinked, 0.10 * truth_separated);
    EXPECT_NEAR(r.separated_total.total.count(), truth_separated, mislinked);

    // The chains of the separated children not touched by a linkage error.
    std::map<std::string, std::string> person_of;  // truth -> store
    for (const auto& [store, t] : linkage.truth_of) person_of[t] = store;
    for (const std::string& id : truth.person_order) {
      const report::truth::Truth::Person& tp = truth.persons.at(id);
      if (tp.role != "child" || tp.separated_from.empty() || mislinked_child(id) ||
          truth.First(id, "apprehended", as_of) == nullptr) {
        continue;
      }
      auto store_id = person_of.find(id);
      ASSERT_NE(store_id, person_of.end()) << id;
      auto chain = report::BuildChildChain(index, store_id->second, as_of);
      ASSERT_TRUE(chain.ok()) << chain.status().ToString();
      for (report::ChainStep& step : chain->steps) {
        step.event_id = TranslateId(step.event_id, decision_of);
        step.subject_id = TranslateId(step.subject_id, linkage.truth_of);
      }
      const std::vector<std::string> chain_diffs =
          report::truth::ChainDifferences(truth, *chain, id, as_of, {&cited, true, true, true});
      EXPECT_TRUE(chain_diffs.empty())
          << id << ": " << chain_diffs.size() << " differ, first " << chain_diffs.front();
      ++chains;
    }
  }
  // The checks bit: decisions, unrecorded children and chains were compared.
  EXPECT_GT(decisions_seen, 50);
  EXPECT_GT(missing_seen, 3);
  EXPECT_GT(chains, 40);
  fs::remove_all(dir);
}

TEST(StoreReportTest, ReportsFromTheResolvedStoreMatchTheTruth) {
  for (int seed : {5, 11, 23}) {
    storage::TestDatabase db(storage::Backend::kSqlite);
    CheckScenario(seed, db.url(), "sqlite");
  }
}

// One seed on PostgreSQL: the same import, resolution and case file read.
TEST(StoreReportTest, ReportsFromAPostgresStoreMatchTheTruth) {
  storage::TestDatabase db(storage::Backend::kPostgres);
  if (db.skipped()) GTEST_SKIP() << "PostgreSQL not configured (REUNITE_TEST_PG_URL unset)";
  CheckScenario(11, db.url(), "postgres");
}

}  // namespace
}  // namespace reunite
