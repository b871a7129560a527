// Test support: the ground truth of a synthetic scenario (truth/*.csv and its
// order file) as plain maps, the status and clocks it implies for each child
// computed by plain code that calls neither the report nor the cases library,
// and the comparison of a compliance report's every cell with it. Shared by
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
#include "report/compliance_report.h"

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

}  // namespace reunite::report::truth

#endif  // REUNITE_REPORT_SCENARIO_TRUTH_H_
