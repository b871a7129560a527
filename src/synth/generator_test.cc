// End-to-end checks of a generated scenario: determinism, parseable exports,
// internally consistent ground truth, and errors at roughly the configured rates.
#include "synth/generator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "common/hash.h"
#include "support/process.h"
#include "synth/corruption.h"
#include "synth/truth_files.h"

namespace reunite::synth {
namespace {

namespace fs = std::filesystem;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int Col(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no column " << name;
    return 0;
  }
};

Table ReadTable(const fs::path& path) {
  Table t;
  auto reader = CsvReader::Open(path.string());
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return t;
  t.header = (*reader)->header();
  std::vector<std::string> fields;
  while (true) {
    auto more = (*reader)->Next(fields);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    EXPECT_EQ(fields.size(), t.header.size()) << (*reader)->Where();
    t.rows.push_back(fields);
  }
  return t;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t i = s.find(sep, start);
    out.emplace_back(s.substr(start, i - start));
    if (i == std::string_view::npos) break;
    start = i + 1;
  }
  return out;
}

std::map<std::string, std::string> HashTree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      out[fs::relative(entry.path(), root).string()] = Hash128Hex(ReadAll(entry.path()));
    }
  }
  return out;
}

SynthSummary Generate(const std::string& dir, uint64_t families, uint64_t seed, int threads) {
  SynthOptions o;
  o.families = families;
  o.seed = seed;
  o.out_dir = dir;
  o.threads = threads;
  auto r = GenerateScenario(o);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : SynthSummary{};
}

// One scenario of 1500 families shared by the read-only checks.
class GeneratedScenarioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::MakeTempDir("synth_scenario");
    summary_ = Generate(dir_, 1500, 42, 2);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path Path(std::string_view rel) { return fs::path(dir_) / rel; }
  static inline std::string dir_;
  static inline SynthSummary summary_;
};

TEST(GeneratorTest, SameSeedSameBytesWhateverTheThreads) {
  const std::string a = testing::MakeTempDir("synth_a");
  const std::string b = testing::MakeTempDir("synth_b");
  const std::string c = testing::MakeTempDir("synth_c");
  Generate(a, 300, 9, 1);
  Generate(b, 300, 9, 3);
  Generate(c, 300, 10, 2);
  const auto ha = HashTree(a), hb = HashTree(b), hc = HashTree(c);
  EXPECT_EQ(ha.size(), 14u);
  EXPECT_EQ(ha, hb);
  EXPECT_NE(ha.at("exports/e3_apprehensions.csv"), hc.at("exports/e3_apprehensions.csv"));
  EXPECT_NE(ha.at("truth/persons.csv"), hc.at("truth/persons.csv"));
  for (const auto& d : {a, b, c}) fs::remove_all(d);
}

TEST(GeneratorTest, RejectsBadOptions) {
  SynthOptions o;
  o.out_dir = "/tmp/x";
  o.families = 0;
  EXPECT_EQ(ValidateOptions(o).code(), ErrorCode::kInvalidArgument);
  o.families = 10;
  o.scenario.end = Date{2017, 1, 1};
  EXPECT_EQ(ValidateOptions(o).code(), ErrorCode::kInvalidArgument);
  o.scenario.end = Date{2018, 6, 30};
  EXPECT_TRUE(ValidateOptions(o).ok());
}

TEST(GeneratorTest, UnwritableOutputNamesThePath) {
  const std::string dir = testing::MakeTempDir("synth_unwritable");
  std::ofstream(dir + "/file") << "x";
  SynthOptions o;
  o.families = 5;
  o.out_dir = dir + "/file/sub";
  auto r = GenerateScenario(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kIoError);
  EXPECT_NE(r.status().message().find(dir + "/file/sub"), std::string::npos)
      << r.status().message();
  fs::remove_all(dir);
}

TEST_F(GeneratedScenarioTest, ExportsParseWithTheirHeadersAndUniqueIds) {
  for (Source s : kAllSources) {
    if (s == Source::kOutreach) continue;
    const Table t = ReadTable(Path("exports/" + std::string(ExportFileName(s))));
    EXPECT_EQ(t.header, Split(ExportHeader(s), ',')) << ExportFileName(s);
    EXPECT_EQ(t.rows.size(), summary_.records[static_cast<int>(s)]) << ExportFileName(s);
    EXPECT_GT(t.rows.size(), 0u) << ExportFileName(s);
    std::set<std::string> ids;
    for (const auto& row : t.rows) EXPECT_TRUE(ids.insert(row[0]).second) << row[0];
  }
  std::ifstream in(Path("exports/ngo_outreach.jsonl"));
  std::string line;
  std::set<std::string> ids;
  size_t n = 0;
  while (std::getline(in, line)) {
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(line)) << line;
    for (const char* key : {"log_id", "attempt_date", "parent_name", "a_number", "language",
                            "home_village", "phone", "channel", "outcome", "wish", "children"}) {
      EXPECT_TRUE(j.contains(key)) << key << " in " << line;
    }
    EXPECT_TRUE(ids.insert(j["log_id"].get<std::string>()).second);
    ++n;
  }
  EXPECT_EQ(n, summary_.records[static_cast<int>(Source::kOutreach)]);
  EXPECT_GT(n, 0u);
}

TEST_F(GeneratedScenarioTest, EveryExportRecordMapsToExactlyOnePerson) {
  const Table persons = ReadTable(Path("truth/persons.csv"));
  const Table records = ReadTable(Path("truth/records.csv"));
  EXPECT_EQ(persons.rows.size(), summary_.persons);
  std::set<std::string> person_ids;
  for (const auto& r : persons.rows) person_ids.insert(r[0]);
  std::set<std::pair<std::string, std::string>> keys;
  for (const auto& r : records.rows) {
    EXPECT_TRUE(keys.insert({r[0], r[1]}).second) << r[0] << " " << r[1];
    EXPECT_TRUE(person_ids.contains(r[2])) << r[2];
  }
  uint64_t total = 0;
  for (uint64_t n : summary_.records) total += n;
  EXPECT_EQ(records.rows.size(), total);
  const Table e3 = ReadTable(Path("exports/e3_apprehensions.csv"));
  for (const auto& row : e3.rows) EXPECT_TRUE(keys.contains({"e3", row[0]})) << row[0];
}

TEST_F(GeneratedScenarioTest, SeparatedChildrenHaveTheirTrueAdultInRelationships) {
  const Table persons = ReadTable(Path("truth/persons.csv"));
  const Table rel = ReadTable(Path("truth/relationships.csv"));
  std::map<std::pair<std::string, std::string>, std::string> kinds;
  for (const auto& r : rel.rows) kinds[{r[0], r[1]}] = r[2];
  const int role = persons.Col("role"), from = persons.Col("separated_from"),
            reason = persons.Col("separation_reason");
  int separated = 0, not_parent = 0;
  for (const auto& p : persons.rows) {
    if (p[role] != "child" || p[from].empty()) continue;
    ++separated;
    auto it = kinds.find({p[from], p[0]});
    ASSERT_NE(it, kinds.end()) << p[0] << " separated from " << p[from];
    const std::set<std::string> kinds_ok = {"mother", "father", "grandmother", "grandfather"};
    EXPECT_TRUE(kinds_ok.contains(it->second)) << it->second;
    if (p[reason] == "fraud_not_parent" && it->second.starts_with("grand")) ++not_parent;
  }
  EXPECT_EQ(static_cast<uint64_t>(separated), summary_.separated_children);
  EXPECT_GT(separated, 50);
  EXPECT_GT(not_parent, 0);
}

TEST_F(GeneratedScenarioTest, TimelinesStartWithApprehensionAndAreDateOrdered) {
  const Table persons = ReadTable(Path("truth/persons.csv"));
  const Table timeline = ReadTable(Path("truth/timeline.csv"));
  std::map<std::string, std::vector<const std::vector<std::string>*>> by_person;
  for (const auto& e : timeline.rows) by_person[e[0]].push_back(&e);
  EXPECT_EQ(by_person.size(), persons.rows.size());
  for (const auto& [person, events] : by_person) {
    ASSERT_FALSE(events.empty());
    EXPECT_EQ((*events.front())[2], "apprehended") << person;
    for (size_t i = 1; i < events.size(); ++i) {
      EXPECT_LE((*events[i - 1])[1], (*events[i])[1]) << person;  // ISO dates sort as text
    }
  }
}

TEST_F(GeneratedScenarioTest, ChildrenAreUnder18AtApprehension) {
  const Table persons = ReadTable(Path("truth/persons.csv"));
  const Table units = ReadTable(Path("truth/family_units.csv"));
  std::map<std::string, Date> apprehended;
  for (const auto& u : units.rows)
    apprehended[u[0]] = *Date::ParseIso(u[units.Col("apprehension_date")]);
  for (const auto& p : persons.rows) {
    const int age = AgeOn(*Date::ParseIso(p[persons.Col("dob")]), apprehended.at(p[1]));
    EXPECT_EQ(age, std::stoi(p[persons.Col("age_at_apprehension")])) << p[0];
    if (p[persons.Col("role")] == "child") {
      EXPECT_GE(age, 0) << p[0];
      EXPECT_LE(age, 17) << p[0];
    } else {
      EXPECT_GE(age, 18) << p[0];
    }
  }
}

TEST_F(GeneratedScenarioTest, CourtOrderCarriesItsDeadlines) {
  const auto j = nlohmann::json::parse(ReadAll(Path("orders/court_order.json")));
  EXPECT_EQ(j["effective_date"], "2018-06-26");
  std::map<std::string, std::string> deadlines;
  for (const auto& c : j["clocks"]) deadlines[c["id"]] = c["deadline"];
  EXPECT_EQ(deadlines["reunify_under_5"], "2018-07-10");
  EXPECT_EQ(deadlines["reunify_5_to_17"], "2018-07-26");
  EXPECT_EQ(deadlines["phone_contact"], "2018-07-06");
}

TEST_F(GeneratedScenarioTest, DecisionsNameDirectiveAndDeciderAndFollowPolicyDates) {
  const Table decisions = ReadTable(Path("truth/decisions.csv"));
  const Table directives = ReadTable(Path("truth/directives.csv"));
  std::set<std::string> known;
  for (const auto& d : directives.rows) known.insert(d[0]);
  int prosecutions = 0;
  for (const auto& d : decisions.rows) {
    EXPECT_FALSE(d[decisions.Col("decider")].empty()) << d[0];
    if (d[1] == "removal") continue;
    EXPECT_TRUE(known.contains(d[decisions.Col("directive")])) << d[0];
    if (d[1] == "prosecution") {
      ++prosecutions;
      // No family-unit adult is referred once the executive order is in force.
      EXPECT_LT(d[2], "2018-06-21") << d[0];
    }
    if (d[1] == "separation" && d[decisions.Col("reason")] == "prosecution") {
      EXPECT_NE(d[decisions.Col("directive")], std::string(kStandingPractice)) << d[0];
    }
  }
  EXPECT_GT(prosecutions, 20);

  // The AUSA who accepted a referral is the prosecutor on the case.
  std::map<std::string, std::string> accepted_by;
  for (const auto& d : decisions.rows) {
    if (d[1] == "prosecution" && d[decisions.Col("outcome")] == "accepted") {
      accepted_by[d[decisions.Col("subject_person_id")]] = d[decisions.Col("decider")];
    }
  }
  std::map<std::string, std::string> owner;
  for (const auto& r : ReadTable(Path("truth/records.csv")).rows) {
    if (r[0] == "usao") owner[r[1]] = r[2];
  }
  const Table cases = ReadTable(Path("exports/prosecution_cases.csv"));
  for (const auto& c : cases.rows) {
    EXPECT_EQ(c[cases.Col("prosecutor")], accepted_by[owner[c[0]]]) << c[0];
  }
  EXPECT_EQ(cases.rows.size(), accepted_by.size());
}

// The error model must really bite, but leave records recognisable.
TEST_F(GeneratedScenarioTest, CorruptionHappensAtRoughlyTheConfiguredRates) {
  const Table persons = ReadTable(Path("truth/persons.csv"));
  std::map<std::string, const std::vector<std::string>*> truth;
  for (const auto& p : persons.rows) truth[p[0]] = &p;
  const Table records = ReadTable(Path("truth/records.csv"));
  std::map<std::string, std::string> owner;
  for (const auto& r : records.rows) owner[r[0] + "/" + r[1]] = r[2];

  const Table e3 = ReadTable(Path("exports/e3_apprehensions.csv"));
  int no_letter = 0, with_a = 0, given_differs = 0, surname_differs = 0, all_wrong = 0;
  for (const auto& row : e3.rows) {
    const auto& p = *truth.at(owner.at("e3/" + row[0]));
    const std::string& a = row[e3.Col("a_number")];
    if (!a.empty() && a[0] == 'A') ++with_a;
    if (!a.empty() && a[0] != 'A') ++no_letter;
    const bool given_ok = row[e3.Col("first_name")] == UpperAscii(p[persons.Col("given_names")]);
    const bool surname_ok =
        row[e3.Col("last_name")] ==
        UpperAscii(
            Join({p[persons.Col("paternal_surname")], p[persons.Col("maternal_surname")]}, " "));
    const Date dob = *Date::ParseIso(p[persons.Col("dob")]);
    const bool dob_ok = row[e3.Col("dob")] == dob.ToUs();
    given_differs += !given_ok;
    surname_differs += !surname_ok;
    all_wrong += !given_ok && !surname_ok && !dob_ok;
  }
  const double n = static_cast<double>(e3.rows.size());
  EXPECT_GT(no_letter / n, 0.3);
  EXPECT_LT(no_letter / n, 0.7);
  EXPECT_GT(with_a / n, 0.3);
  EXPECT_GT(given_differs / n, 0.05);
  EXPECT_LT(given_differs / n, 0.40);
  EXPECT_GT(surname_differs / n, 0.05);
  EXPECT_LT(surname_differs / n, 0.40);
  EXPECT_LT(all_wrong / n, 0.02);

  const Table orr = ReadTable(Path("exports/orr_shelter.csv"));
  int missing = 0;
  for (const auto& row : orr.rows) missing += row[orr.Col("a_number")].empty();
  EXPECT_GT(missing / static_cast<double>(orr.rows.size()), 0.15);
  EXPECT_LT(missing / static_cast<double>(orr.rows.size()), 0.35);
  int duplicates = 0;
  std::map<std::string, int> per_person;
  for (const auto& row : e3.rows) ++per_person[owner.at("e3/" + row[0])];
  for (const auto& [person, count] : per_person) duplicates += count > 1;
  EXPECT_GT(duplicates, 0);
}

}  // namespace
}  // namespace reunite::synth
