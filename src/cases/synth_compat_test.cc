// End-to-end compatibility with the simulator: run `reunite synth`, read its
// ground truth (timeline, persons, relationships) and court order, and check
// that the status rules agree with what the truth says happened. Prints the
// status distribution.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>

#include "cases/child_status.h"
#include "cases/court_order.h"
#include "common/csv.h"
#include "support/process.h"

namespace reunite::cases {
namespace {

using Rows = std::vector<std::map<std::string, std::string>>;

Rows ReadCsv(const std::string& path) {
  Rows rows;
  Result<std::unique_ptr<CsvReader>> r = CsvReader::Open(path);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return rows;
  std::vector<std::string> fields;
  while (true) {
    Result<bool> more = (*r)->Next(fields);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < fields.size() && i < (*r)->header().size(); ++i) {
      row[(*r)->header()[i]] = fields[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(SynthCompatTest, StatusesAgreeWithSimulatorTruth) {
  const std::string dir = ::reunite::testing::MakeTempDir("cases_synth");
  ::reunite::testing::ProcessResult p =
      ::reunite::testing::RunReunite("synth --families 300 --seed 11 --threads 1 --out " + dir);
  ASSERT_EQ(p.exit_code, 0) << p.output;

  Result<CourtOrder> order = LoadCourtOrder(dir + "/orders/court_order.json");
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  Result<CourtOrder> shipped =
      LoadCourtOrder(::reunite::testing::SourceDir() + "/orders/ms_l_2018.json");
  ASSERT_TRUE(shipped.ok());
  EXPECT_EQ(order->order_id, shipped->order_id);
  EXPECT_EQ(order->effective_date, shipped->effective_date);
  ASSERT_EQ(order->clocks.size(), shipped->clocks.size());

  std::vector<Event> events;
  std::map<std::string, std::set<std::string>> types_of;  // person -> event types
  int n = 0;
  for (const auto& row : ReadCsv(dir + "/truth/timeline.csv")) {
    Result<EventType> type = ParseEventType(row.at("event_type"));
    ASSERT_TRUE(type.ok()) << "synth event type not in the domain vocabulary: "
                           << row.at("event_type");
    Event e;
    e.id = "t" + std::to_string(++n);
    e.type = *type;
    e.occurred_at = Date::ParseIso(row.at("date")).value();
    e.subjects = {row.at("person_id")};
    e.custodian = {row.at("agency"), row.at("place")};
    e.authority = row.at("directive");
    e.actor = row.at("decider");
    e.reason = row.at("reason");
    types_of[row.at("person_id")].insert(row.at("event_type"));
    events.push_back(std::move(e));
  }
  std::vector<Relationship> rels;
  for (const auto& row : ReadCsv(dir + "/truth/relationships.csv")) {
    Relationship r;
    r.parent_id = row.at("parent_person_id");
    r.child_id = row.at("child_person_id");
    rels.push_back(r);
  }

  std::map<std::string, int> distribution;
  int children = 0;
  const std::vector<CourtOrder> orders = {*order};
  for (const auto& person : ReadCsv(dir + "/truth/persons.csv")) {
    if (person.at("role") != "child" || person.at("separation_reason").empty()) continue;
    ++children;
    const std::string& id = person.at("person_id");
    CaseInput in{id, Date::ParseIso(person.at("dob")).value(), events, rels, Date{2019, 12, 31}};
    Result<ChildStatus> s = EvaluateChild(in, orders);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    const ReunificationStatus st = s->finding.status;
    ++distribution[std::string(ReunificationStatusName(st))];
    EXPECT_NE(st, ReunificationStatus::kNotSeparated) << id;
    const auto& types = types_of[id];
    if (types.count("reunified")) {
      EXPECT_EQ(st, ReunificationStatus::kReunified) << id;
    } else if (types.count("placed_with_sponsor") || types.count("aged_out")) {
      EXPECT_EQ(st, ReunificationStatus::kDischargedOther) << id;
    }
    const std::string& reason = person.at("separation_reason");
    if (reason == "criminal_history" || reason == "fraud_not_parent") {
      EXPECT_FALSE(s->orders[0].in_class) << id;
    }
  }
  EXPECT_GT(children, 20);
  std::cout << "synth 300 families, seed 11: " << children
            << " separated children as of 2019-12-31\n";
  for (const auto& [name, count] : distribution) std::cout << "  " << name << ": " << count << "\n";
}

}  // namespace
}  // namespace reunite::cases
