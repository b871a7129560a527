// Test support: the ground truth of a synthetic scenario (truth/*.csv and its
// order file) as plain maps, the status and clocks it implies for each child
// computed by plain code that calls neither the report nor the cases library,
// and the comparison of a compliance report's every cell, and of a
// provenance report's every count per directive, with it. Shared by
// the scenario report test (reports from the truth files) and the store
// report test (reports from an imported and resolved store, whose person ids
// the caller first maps to the truth's).
#ifndef REUNITE_REPORT_SCENARIO_TRUTH_H_
#define REUNITE_REPORT_SCENARIO_TRUTH_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/csv.h"
#include "common/date.h"
#include "report/child_chain.h"
#include "report/compliance_report.h"
#include "report/provenance_report.h"

namespace reunite::report::truth {

namespace fs = std::filesystem;

using Row = std::map<std::string, std::string>;

inline std::vector<Row> ReadRows(const fs::path& path) {
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

inline std::vector<std::string> SplitIds(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string id;
  while (std::getline(in, id, ';')) {
    if (!id.empty()) out.push_back(id);
  }
  return out;
}

inline Date Iso(const std::string& s) { return Date::ParseIso(s).value(); }
inline int Days(const Date& from, const Date& to) {
  return static_cast<int>(to.ToDays() - from.ToDays());
}

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

inline std::string ParentLocation(const Truth& t, const std::string& parent, Date as_of) {
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

inline std::optional<ExpectedChild> Expect(const Truth& t, const std::string& child, Date as_of) {
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

inline std::set<std::string> AsSet(const CountCell& c) {
  return std::set<std::string>(c.children.begin(), c.children.end());
}

// Every cell of `r` that differs from the truth, as text; `children`, when
// given, receives every child counted in a differing cell by one side only.
inline std::vector<std::string> ComplianceDifferences(const Truth& t, const ComplianceReport& r,
                                                      Date as_of,
                                                      std::set<std::string>* children = nullptr) {
  std::vector<std::string> diffs;
  auto differ = [&](const std::set<std::string>& got, const std::set<std::string>& want,
                    const std::string& what) {
    if (got == want) return;
    if (children != nullptr) {
      for (const std::string& id : got) {
        if (!want.contains(id)) children->insert(id);
      }
      for (const std::string& id : want) {
        if (!got.contains(id)) children->insert(id);
      }
    }
    std::string d = what + ": report " + std::to_string(got.size()) + ", truth " +
                    std::to_string(want.size()) + " (report only:";
    for (const std::string& id : got) {
      if (!want.contains(id)) d += " " + id;
    }
    d += "; truth only:";
    for (const std::string& id : want) {
      if (!got.contains(id)) d += " " + id;
    }
    diffs.push_back(d + ")");
  };
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
      differ(AsSet(row.by_cohort[i]), expected[cell], key + " " + r.cohorts[i].id);
      all.insert(expected[cell].begin(), expected[cell].end());
    }
    differ(AsSet(row.total), all, key + " total");
  };
  for (const CountRow& row : r.class_by_status) check_row(row);
  check_row(r.class_total);
  check_row(r.under_review);
  for (const CountRow& row : r.excluded) check_row(row);
  check_row(r.separated_total);
  for (const auto& [cell, children_set] : expected) {
    if (!children_set.empty()) {
      if (!seen.contains(cell)) {
        if (children != nullptr) children->insert(children_set.begin(), children_set.end());
        diffs.push_back(cell.first + " " + cell.second + ": no report row, truth " +
                        std::to_string(children_set.size()));
      }
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
        differ(AsSet(*cell), clock_sets[std::make_pair(key, std::string(state))],
               key + " " + state);
      }
      std::vector<int> days = overdue_days[{k.clock_id, cohort}];
      std::sort(days.begin(), days.end());
      if (c.days_overdue.count != static_cast<int>(days.size())) {
        diffs.push_back(key + " days overdue count: report " +
                        std::to_string(c.days_overdue.count) + ", truth " +
                        std::to_string(days.size()));
      }
      if (!days.empty()) {
        const size_t n = days.size();
        const double median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
        if (c.days_overdue.median != median || c.days_overdue.max != days.back()) {
          diffs.push_back(key + " days overdue median/max differ");
        }
      }
    }
  }
  return diffs;
}

// How a provenance report's decisions stand to the truth's when they were read
// from the records (the store test); the scenario report test passes none.
struct DecisionReading {
  // Decision id -> the directive its record cites ("" when it cites none, or
  // free text naming none): such a decision counts under that directive.
  // Absent: the truth's directive.
  const std::map<std::string, std::string>* cited = nullptr;
  // The record writes one official several ways ("SBPA Carla Castellano",
  // "CASTELLANO, CARLA (SBPA)") and one office several ways (district, sector
  // code): deciders are then compared by the officials behind them — each
  // (decider, office) as written names exactly one truth (decider, district),
  // and every truth one is named — instead of as equal pairs.
  bool deciders_as_written = false;
  // The border export has no separation date: its separation marker is dated
  // at the apprehension, so a child's days separated may also count from the
  // apprehension (truth days + the days from apprehension to separation).
  bool separation_dated_at_apprehension = false;
  // The events were read from the exports, which record only part of the
  // truth's timeline (no marshals', hospital or DNA export; the border marker
  // dates a separation at the apprehension; one separation memo separates the
  // parent and the children in one event): a chain is then compared by its
  // decisions and its start only, not event by event.
  bool events_as_exported = false;
};

// Every count of `r` per directive (decisions by kind and outcome, deciders,
// decisions missing children, children affected named and reconstructed,
// under 5, separated, still separated, median days separated) that differs
// from the truth, as text. Decision and person ids in `r` must be the
// truth's. `children`, when given, receives every child counted on one side
// only or with different facts (age, separation, days).
inline std::vector<std::string> ProvenanceDifferences(const Truth& t, const ProvenanceReport& r,
                                                      Date as_of,
                                                      const DecisionReading& reading = {},
                                                      std::set<std::string>* children = nullptr) {
  std::vector<std::string> diffs;
  using Ids = std::set<std::string>;
  auto list = [](const Ids& a, const Ids& b) {
    std::string out;
    for (const std::string& id : a) {
      if (!b.contains(id)) out += " " + id;
    }
    return out;
  };
  auto differ_sets = [&](const Ids& got, const Ids& want, const std::string& what,
                         bool of_children) {
    if (got == want) return;
    if (of_children && children != nullptr) {
      for (const std::string& id : got) {
        if (!want.contains(id)) children->insert(id);
      }
      for (const std::string& id : want) {
        if (!got.contains(id)) children->insert(id);
      }
    }
    diffs.push_back(what + ": report " + std::to_string(got.size()) + ", truth " +
                    std::to_string(want.size()) + " (report only:" + list(got, want) +
                    "; truth only:" + list(want, got) + ")");
  };
  auto differ = [&](double got, double want, const std::string& what) {
    if (got == want) return;
    std::ostringstream d;
    d << what << ": report " << got << ", truth " << want;
    diffs.push_back(d.str());
  };
  struct Expected {
    int accepted = 0, declined = 0, separations = 0, removals = 0;
    Ids decisions, missing;
    std::set<std::pair<std::string, std::string>> deciders;
    std::map<std::string, Date> first_on;  // child -> first decision date
    Ids recorded, separating;
  };
  std::map<std::string, Expected> by;
  std::map<std::string, const Row*> decision_of;
  for (const Row& d : t.decisions) {
    const Date on = Iso(d.at("date"));
    if (as_of < on) continue;
    decision_of[d.at("decision_id")] = &d;
    std::string directive = d.at("directive");
    if (reading.cited != nullptr) {
      if (auto it = reading.cited->find(d.at("decision_id")); it != reading.cited->end()) {
        directive = it->second;
      }
    }
    Expected& e = by[directive];
    e.decisions.insert(d.at("decision_id"));
    const std::string& type = d.at("type");
    const bool separating = type == "separation" || d.at("outcome") == "accepted";
    if (type == "prosecution") {
      e.accepted += d.at("outcome") == "accepted";
      e.declined += d.at("outcome") == "declined";
    }
    e.separations += type == "separation";
    e.removals += type == "removal";
    if (separating && d.at("children_recorded") == "0") e.missing.insert(d.at("decision_id"));
    e.deciders.insert({d.at("decider"), d.at("district")});
    for (const std::string& c : SplitIds(d.at("affected_children"))) {
      auto [it, fresh] = e.first_on.try_emplace(c, on);
      if (on < it->second) it->second = on;
      if (d.at("children_recorded") == "1") e.recorded.insert(c);
      if (separating) e.separating.insert(c);
    }
  }
  int total_missing = 0, expected_missing = 0;
  for (const DecisionRecord& d : r.decisions) total_missing += d.children_missing;
  for (const auto& [directive, e] : by) expected_missing += static_cast<int>(e.missing.size());
  differ(total_missing, expected_missing, "decisions missing children, all directives");

  for (const DirectiveSummary& s : r.directives) {
    const std::string where = "directive '" + s.directive_id + "' ";
    const Expected& e = by[s.directive_id];
    Ids decisions, missing;
    for (size_t i : s.decisions) {
      decisions.insert(r.decisions[i].decision_id);
      if (r.decisions[i].children_missing) missing.insert(r.decisions[i].decision_id);
    }
    differ_sets(decisions, e.decisions, where + "decisions", false);
    differ(static_cast<double>(s.decisions.size()), static_cast<double>(e.decisions.size()),
           where + "decision count");
    differ(s.prosecutions_accepted, e.accepted, where + "prosecutions accepted");
    differ(s.prosecutions_declined, e.declined, where + "prosecutions declined");
    differ(s.separations, e.separations, where + "separation decisions");
    differ(s.removals, e.removals, where + "removal decisions");
    differ(s.decisions_missing_children, static_cast<double>(e.missing.size()),
           where + "decisions missing children");
    differ_sets(missing, e.missing, where + "decisions missing children", false);
    // Deciders: the deciders table, then the officials behind it.
    std::set<std::pair<std::string, std::string>> listed, written;
    std::map<std::pair<std::string, std::string>, std::set<std::pair<std::string, std::string>>>
        officials;  // as written -> truth (decider, district)
    for (const DeciderSummary& k : s.deciders) listed.insert({k.decider, k.office});
    for (size_t i : s.decisions) {
      const DecisionRecord& d = r.decisions[i];
      written.insert({d.decider, d.office});
      auto it = decision_of.find(d.decision_id);
      if (it != decision_of.end()) {
        officials[{d.decider, d.office}].insert(
            {it->second->at("decider"), it->second->at("district")});
      }
    }
    if (listed != written || listed.size() != s.deciders.size()) {
      diffs.push_back(where + "deciders table lists other deciders than its decisions");
    }
    if (reading.deciders_as_written) {
      std::set<std::pair<std::string, std::string>> named;
      for (const auto& [as_written, truth_pairs] : officials) {
        if (truth_pairs.size() > 1) {
          diffs.push_back(where + "decider '" + as_written.first + "' at '" + as_written.second +
                          "' names " + std::to_string(truth_pairs.size()) + " officials");
        }
        named.insert(truth_pairs.begin(), truth_pairs.end());
      }
      if (named != e.deciders) {
        diffs.push_back(where + "deciders name " + std::to_string(named.size()) +
                        " officials, truth " + std::to_string(e.deciders.size()));
      }
    } else if (listed != e.deciders) {
      diffs.push_back(where + "deciders: report " + std::to_string(listed.size()) + ", truth " +
                      std::to_string(e.deciders.size()));
    }
    // Children affected, and what is counted of them.
    Ids affected, recorded, under_5, separated, still;
    std::map<std::string, int> days_of;
    for (const AffectedChild& a : s.children) {
      affected.insert(a.child_id);
      if (a.recorded) recorded.insert(a.child_id);
      if (a.age_at_decision && *a.age_at_decision < 5) under_5.insert(a.child_id);
      if (a.separated) separated.insert(a.child_id);
      if (a.still_separated) still.insert(a.child_id);
      if (a.days_separated) days_of[a.child_id] = *a.days_separated;
    }
    Ids truth_affected, truth_under_5, truth_separated, truth_still;
    std::map<std::string, int> truth_days_of;
    std::vector<int> days;
    for (const auto& [c, on] : e.first_on) {
      truth_affected.insert(c);
      if (AgeOn(t.persons.at(c).dob, on) < 5) truth_under_5.insert(c);
      if (!e.separating.contains(c)) continue;
      const Truth::Event* sep = t.First(c, "separated", as_of);
      if (sep == nullptr) continue;
      truth_separated.insert(c);
      const Truth::Event* reunified = t.First(c, "reunified", as_of, sep->date);
      truth_days_of[c] = Days(sep->date, reunified ? reunified->date : as_of);
      days.push_back(truth_days_of[c]);
      if (reunified == nullptr) truth_still.insert(c);
    }
    differ_sets(affected, truth_affected, where + "children affected", true);
    differ_sets(recorded, e.recorded, where + "children named by the record", true);
    differ(s.recorded, static_cast<double>(e.recorded.size()), where + "named");
    differ(s.reconstructed, static_cast<double>(truth_affected.size() - e.recorded.size()),
           where + "reconstructed");
    differ_sets(under_5, truth_under_5, where + "under 5", true);
    differ(s.under_5, static_cast<double>(truth_under_5.size()), where + "under-5 count");
    differ_sets(separated, truth_separated, where + "separated", true);
    differ(s.separated, static_cast<double>(truth_separated.size()), where + "separated count");
    differ_sets(still, truth_still, where + "still separated", true);
    differ(s.still_separated, static_cast<double>(truth_still.size()),
           where + "still separated count");
    days.clear();
    for (const auto& [c, n] : truth_days_of) {
      int want = n;
      auto it = days_of.find(c);
      if (it != days_of.end() && reading.separation_dated_at_apprehension) {
        const Truth::Event* apprehended = t.First(c, "apprehended", as_of);
        const Truth::Event* sep = t.First(c, "separated", as_of);
        if (apprehended != nullptr && it->second == n + Days(apprehended->date, sep->date)) {
          want = it->second;
        }
      }
      days.push_back(want);
      if (it != days_of.end() && it->second != want) {
        diffs.push_back(where + c + " days separated: report " + std::to_string(it->second) +
                        ", truth " + std::to_string(want));
        if (children != nullptr) children->insert(c);
      }
    }
    std::sort(days.begin(), days.end());
    if (days.empty() != !s.median_days_separated.has_value()) {
      diffs.push_back(where + "median days separated: present on one side only");
    } else if (!days.empty()) {
      const size_t n = days.size();
      const double median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
      differ(*s.median_days_separated, median, where + "median days separated");
    }
    int by_status = 0;
    for (const auto& [status, cell] : s.still_separated_by_status) by_status += cell.count();
    differ(by_status, static_cast<double>(truth_still.size()), where + "still separated by status");
  }
  // Every directive of the truth is reported (the no-directive group when it has decisions).
  for (const auto& [directive, e] : by) {
    if (std::none_of(r.directives.begin(), r.directives.end(),
                     [&](const DirectiveSummary& s) { return s.directive_id == directive; })) {
      diffs.push_back("directive '" + directive + "' not reported");
    }
  }
  return diffs;
}

// How the chain of separated child `child` differs from the truth: it must
// list every timeline event of the child and its parents and every decision
// about a parent (by decision id, with the truth's decider, directive — as
// cited, under `reading` — and district), nothing else, apprehension first.
// Decision ids in `chain` must be the truth's.
inline std::vector<std::string> ChainDifferences(const Truth& t, const ChildChain& chain,
                                                 const std::string& child, Date as_of,
                                                 const DecisionReading& reading = {}) {
  std::vector<std::string> diffs;
  size_t events = 0;
  std::set<std::pair<std::string, std::string>> truth_steps, chain_steps;  // (date, event)
  std::vector<std::string> people = {child};
  if (auto it = t.parents_of.find(child); it != t.parents_of.end()) {
    people.insert(people.end(), it->second.begin(), it->second.end());
  }
  for (const std::string& who : people) {
    auto it = t.timeline.find(who);
    if (it == t.timeline.end()) continue;
    for (const Truth::Event& e : it->second) {
      if (as_of < e.date || e.type == "prosecution_decision") continue;
      ++events;
      truth_steps.insert({e.date.ToIso(), e.type});
    }
  }
  for (const ChainStep& s : chain.steps) chain_steps.insert({s.on.ToIso(), s.event_type});
  size_t decisions = 0;
  for (const Row& d : t.decisions) {
    if (as_of < Iso(d.at("date"))) continue;
    if (std::find(people.begin() + 1, people.end(), d.at("subject_person_id")) == people.end()) {
      continue;
    }
    ++decisions;
    truth_steps.insert({d.at("date"), d.at("type") + "_decision"});
    const std::string& id = d.at("decision_id");
    auto step = std::find_if(chain.steps.begin(), chain.steps.end(),
                             [&](const ChainStep& s) { return s.event_id == id; });
    if (step == chain.steps.end()) {
      diffs.push_back("decision " + id + " missing");
      continue;
    }
    std::string directive = d.at("directive");
    if (reading.cited != nullptr) {
      if (auto it = reading.cited->find(id); it != reading.cited->end()) directive = it->second;
    }
    if (step->directive_id != directive) {
      diffs.push_back("decision " + id + " directive '" + step->directive_id + "', truth '" +
                      directive + "'");
    }
    if (!reading.deciders_as_written &&
        (step->actor != d.at("decider") || step->place != d.at("district"))) {
      diffs.push_back("decision " + id + " decider '" + step->actor + "' at '" + step->place +
                      "', truth '" + d.at("decider") + "' at '" + d.at("district") + "'");
    }
    if (step->on != Iso(d.at("date"))) diffs.push_back("decision " + id + " date differs");
  }
  if (!reading.events_as_exported) {
    for (const auto& [on, type] : truth_steps) {
      if (!chain_steps.contains({on, type})) diffs.push_back("no step " + type + " on " + on);
    }
    for (const auto& [on, type] : chain_steps) {
      if (!truth_steps.contains({on, type})) {
        diffs.push_back("step " + type + " on " + on + " not in the truth");
      }
    }
  }
  if (!reading.events_as_exported && chain.steps.size() != events + decisions) {
    diffs.push_back("steps: chain " + std::to_string(chain.steps.size()) + ", truth " +
                    std::to_string(events) + " events + " + std::to_string(decisions) +
                    " decisions");
  }
  if (chain.steps.empty() || chain.steps.front().event_type != "apprehended") {
    diffs.push_back("the chain does not start with the apprehension");
  }
  return diffs;
}

}  // namespace reunite::report::truth

#endif  // REUNITE_REPORT_SCENARIO_TRUTH_H_
