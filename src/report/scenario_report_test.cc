// The must-show test of issue 5: on synthetic scenarios (several seeds) and
// several as-of dates, every count of the compliance and provenance reports
// equals the count computed here, independently, from the scenario's ground
// truth (truth/*.csv and the order file) by plain code that does not call the
// report or the cases library.
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
#include "support/process.h"

namespace reunite::report {
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
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    Row row;
    for (size_t i = 0; i < fields.size(); ++i) row[(*reader)->header()[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> SplitIds(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string id;
  while (std::getline(in, id, ';')) {
    if (!id.empty()) out.push_back(id);
  }
  return out;
}

Date Iso(const std::string& s) { return Date::ParseIso(s).value(); }
int Days(const Date& from, const Date& to) { return static_cast<int>(to.ToDays() - from.ToDays()); }

// The ground truth of one scenario, as plain maps.
struct Truth {
  struct Person {
    std::string role, separation_reason, separated_from;
    Date dob;
  };
  struct Event {
    Date date;
    std::string type, agency, reason;
  };
  std::map<std::string, Person> persons;
  std::vector<std::string> person_order;
  std::map<std::string, std::vector<std::string>> parents_of;
  std::map<std::string, std::vector<Event>> timeline;  // person -> events in file order
  std::vector<Row> decisions;
  Date effective;
  std::set<std::string> excluded_reasons;
  struct ClockDef {
    std::string id, action;
    int min, max, days;
  };
  std::vector<ClockDef> clocks;

  explicit Truth(const fs::path& dir) {
    for (const Row& r : ReadRows(dir / "truth/persons.csv")) {
      persons[r.at("person_id")] = {r.at("role"), r.at("separation_reason"), r.at("separated_from"),
                                    Iso(r.at("dob"))};
      person_order.push_back(r.at("person_id"));
    }
    for (const Row& r : ReadRows(dir / "truth/relationships.csv")) {
      parents_of[r.at("child_person_id")].push_back(r.at("parent_person_id"));
    }
    for (const Row& r : ReadRows(dir / "truth/timeline.csv")) {
      timeline[r.at("person_id")].push_back(
          {Iso(r.at("date")), r.at("event_type"), r.at("agency"), r.at("reason")});
    }
    decisions = ReadRows(dir / "truth/decisions.csv");
    std::ifstream in(dir / "orders/court_order.json");
    const auto j = nlohmann::json::parse(in);
    effective = Iso(j["effective_date"]);
    for (const auto& r : j["class"]["excluded_separation_reasons"]) excluded_reasons.insert(r);
    for (const auto& c : j["clocks"]) {
      clocks.push_back({c["id"], c["action"], c["child_age_min"], c["child_age_max"], c["days"]});
    }
  }

  // The first event of `type` of `person` on or before `as_of` (and on or after `from`).
  const Event* First(const std::string& person, const std::string& type, Date as_of,
                     Date from = Date{1900, 1, 1}) const {
    auto it = timeline.find(person);
    if (it == timeline.end()) return nullptr;
    for (const Event& e : it->second) {
      if (e.type == type && e.date <= as_of && from <= e.date) return &e;
    }
    return nullptr;
  }
};

// What the truth says about one separated child as of a date.
struct ExpectedChild {
  std::string group;      // class | under_review | excluded
  std::string exclusion;  // excluded only
  std::string cohort;     // age_0_4 | age_5_17 | other
  std::string status;
  std::map<std::string, std::string> clock_state;  // clock id -> state
  std::map<std::string, int> clock_days;           // overdue days
};

std::string ParentLocation(const Truth& t, const std::string& parent, Date as_of) {
  std::string where;
  auto it = t.timeline.find(parent);
  if (it == t.timeline.end()) return "";
  for (const Truth::Event& e : it->second) {
    if (as_of < e.date) continue;
    const std::string& x = e.type;
    const bool criminal_agency = e.agency == "prosecution" || e.agency == "marshals";
    if (x == "apprehended" || x == "detained" || (x == "custody_transferred" && !criminal_agency)) {
      where = "immigration";
    } else if (x == "referred_for_prosecution" || x == "charged" || x == "criminal_custody" ||
               x == "sentenced" || (x == "custody_transferred" && criminal_agency)) {
      where = "criminal";
    } else if (x == "released") {
      where = "released";
    } else if (x == "removed") {
      where = "removed";
    } else if (x == "separated" && where.empty()) {
      where = "immigration";
    }
  }
  return where;
}

std::optional<ExpectedChild> Expect(const Truth& t, const std::string& child, Date as_of) {
  const Truth::Person& p = t.persons.at(child);
  const Truth::Event* sep = t.First(child, "separated", as_of);
  Date sep_date;
  ExpectedChild x;
  if (sep == nullptr) {
    // Under review: a related adult was separated, the child has no record of it.
    std::optional<Date> parent_sep;
    for (const std::string& a :
         t.parents_of.count(child) ? t.parents_of.at(child) : std::vector<std::string>{}) {
      if (const Truth::Event* e = t.First(a, "separated", as_of)) {
        if (!parent_sep || e->date < *parent_sep) parent_sep = e->date;
      }
    }
    if (!parent_sep) return std::nullopt;
    x.group = "under_review";
    x.status = "possible_separation_under_review";
    sep_date = *parent_sep;
  } else {
    sep_date = sep->date;
    if (as_of < t.effective) {
      x.group = "excluded";
      x.exclusion = "order not in effect until " + t.effective.ToIso();
    } else if (t.excluded_reasons.contains(sep->reason)) {
      x.group = "excluded";
      x.exclusion = "separation reason '" + sep->reason + "' is excluded";
    } else {
      x.group = "class";
    }
  }
  const Date base = std::max(t.effective, sep_date);
  const int age = AgeOn(p.dob, base);
  x.cohort = age <= 4 ? "age_0_4" : age <= 17 ? "age_5_17" : "other";
  if (x.group == "under_review") return x;

  const Truth::Event* reunified = t.First(child, "reunified", as_of, sep_date);
  const std::string& parent = p.separated_from;
  const Truth::Event* discharged = nullptr;
  for (const char* type : {"placed_with_sponsor", "aged_out"}) {
    const Truth::Event* e = t.First(child, type, as_of, sep_date);
    if (e != nullptr) discharged = e;
  }
  const Truth::Event* ineligible = nullptr;
  for (const Truth::Event& e : t.timeline.at(child)) {
    if (e.type == "eligibility_determined" && e.date <= as_of && e.reason.starts_with("inelig")) {
      ineligible = &e;
    }
  }
  std::string wish;
  for (const Truth::Event& e : t.timeline.at(parent)) {
    if (e.type == "reunification_preference" && e.date <= as_of) wish = e.reason;
  }
  if (reunified) {
    x.status = "reunified";
  } else if (discharged) {
    x.status = "discharged_other";
  } else if (ineligible) {
    x.status = "ineligible";
  } else if (wish == "waive" || wish == "decline") {
    x.status = "parent_declined";
  } else {
    const std::string where = ParentLocation(t, parent, as_of);
    x.status = where == "removed"       ? "parent_removed"
               : where == "criminal"    ? "parent_in_criminal_custody"
               : where == "immigration" ? "parent_in_immigration_custody"
               : where == "released"    ? "parent_released"
                                        : "parent_location_unknown";
  }
  if (x.group != "class") return x;
  for (const Truth::ClockDef& c : t.clocks) {
    if (age < c.min || age > c.max) continue;
    const Date due = base.AddDays(c.days);
    std::optional<Date> met;
    if (reunified) met = reunified->date;
    if (c.action == "phone_contact") {
      for (const std::string& who : {child, parent}) {
        if (const Truth::Event* e = t.First(who, "phone_contact", as_of, sep_date)) {
          if (!met || e->date < *met) met = e->date;
        }
      }
    }
    std::string state;
    if (met) {
      state = *met <= due ? "met" : "met_late";
    } else if (c.action == "reunify" &&
               (x.status == "discharged_other" || x.status == "ineligible" ||
                x.status == "parent_declined")) {
      state = "not_required";
    } else if (as_of <= due) {
      state = "pending";
    } else {
      state = "overdue";
      x.clock_days[c.id] = Days(due, as_of);
    }
    x.clock_state[c.id] = state;
  }
  return x;
}

std::set<std::string> AsSet(const CountCell& c) {
  return std::set<std::string>(c.children.begin(), c.children.end());
}

void CheckCompliance(const Truth& t, const ComplianceReport& r, Date as_of) {
  // Expected child sets per (group/key, cohort).
  std::map<std::pair<std::string, std::string>, std::set<std::string>> expected;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> clock_sets;
  std::map<std::pair<std::string, std::string>, std::vector<int>> overdue_days;
  for (const std::string& id : t.person_order) {
    if (t.persons.at(id).role != "child") continue;
    std::optional<ExpectedChild> x = Expect(t, id, as_of);
    if (!x) continue;
    expected[{"all/total", x->cohort}].insert(id);
    if (x->group == "class") {
      expected[{"class/" + x->status, x->cohort}].insert(id);
      expected[{"class/total", x->cohort}].insert(id);
      for (const auto& [clock, state] : x->clock_state) {
        for (const std::string& cohort : {x->cohort, std::string("all")}) {
          clock_sets[{clock + "/" + cohort, state}].insert(id);
          clock_sets[{clock + "/" + cohort, "applicable"}].insert(id);
          if (state == "met_late" || state == "overdue") {
            clock_sets[{clock + "/" + cohort, "missed"}].insert(id);
          }
          if (state == "overdue") overdue_days[{clock, cohort}].push_back(x->clock_days.at(clock));
        }
      }
    } else if (x->group == "under_review") {
      expected[{"under_review/" + x->status, x->cohort}].insert(id);
    } else {
      expected[{"excluded/" + x->exclusion, x->cohort}].insert(id);
    }
  }
  // Every report row and cell against the truth, and every expected set present.
  std::set<std::pair<std::string, std::string>> seen;
  auto check_row = [&](const CountRow& row) {
    const std::string key = row.group + "/" + row.key;
    std::set<std::string> all;
    for (size_t i = 0; i < r.cohorts.size(); ++i) {
      const auto cell = std::make_pair(key, r.cohorts[i].id);
      seen.insert(cell);
      EXPECT_EQ(AsSet(row.by_cohort[i]), expected[cell]) << key << " " << r.cohorts[i].id;
      all.insert(expected[cell].begin(), expected[cell].end());
    }
    EXPECT_EQ(AsSet(row.total), all) << key << " total";
  };
  for (const CountRow& row : r.class_by_status) check_row(row);
  check_row(r.class_total);
  check_row(r.under_review);
  for (const CountRow& row : r.excluded) check_row(row);
  check_row(r.separated_total);
  for (const auto& [cell, children] : expected) {
    if (!children.empty()) {
      EXPECT_TRUE(seen.contains(cell)) << cell.first << " " << cell.second;
    }
  }
  // Deadlines per clock and cohort, and the days overdue.
  for (const ClockSummary& k : r.clocks) {
    for (size_t i = 0; i <= r.cohorts.size(); ++i) {
      const ClockCounts& c = i < r.cohorts.size() ? k.by_cohort[i] : k.total;
      const std::string cohort = i < r.cohorts.size() ? r.cohorts[i].id : "all";
      const std::string key = k.clock_id + "/" + cohort;
      const std::pair<const char*, const CountCell*> states[] = {
          {"applicable", &c.applicable},    {"met", &c.met},
          {"met_late", &c.met_late},        {"missed", &c.missed},
          {"overdue", &c.overdue},          {"pending", &c.pending},
          {"not_required", &c.not_required}};
      for (const auto& [state, cell] : states) {
        EXPECT_EQ(AsSet(*cell), clock_sets[std::make_pair(key, std::string(state))])
            << key << " " << state;
      }
      std::vector<int> days = overdue_days[{k.clock_id, cohort}];
      std::sort(days.begin(), days.end());
      EXPECT_EQ(c.days_overdue.count, static_cast<int>(days.size())) << key;
      if (!days.empty()) {
        const size_t n = days.size();
        const double median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
        EXPECT_EQ(c.days_overdue.median, median) << key;
        EXPECT_EQ(c.days_overdue.max, days.back()) << key;
      }
    }
  }
}

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
      CheckCompliance(truth, *compliance, as_of);
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
