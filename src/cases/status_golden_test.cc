// Golden-file tests for the status rules and clocks: every
// tests/golden/status/*.json is one small history with expected answers
// (see docs/reunification.md "Golden cases"). Adding a case is adding a file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cases/child_status.h"
#include "cases/court_order.h"
#include "cases/event.h"
#include "cases/json_fields.h"
#include "cases/relationship.h"

namespace reunite::cases {
namespace {

namespace fs = std::filesystem;

std::string SourceDir() { return REUNITE_SOURCE_DIR; }

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(SourceDir() + "/tests/golden/status", ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every key of `expected` must equal the same key of `actual` (objects
// recursively; arrays element by element and of equal length).
void ExpectSubset(const nlohmann::json& expected, const nlohmann::json& actual,
                  const std::string& path, std::vector<std::string>& errors) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      errors.push_back(path + ": expected an object, got " + actual.dump());
      return;
    }
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const std::string p = path + "." + it.key();
      if (!actual.contains(it.key())) {
        errors.push_back(p + ": missing in actual");
        continue;
      }
      ExpectSubset(it.value(), actual[it.key()], p, errors);
    }
    return;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      errors.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i) {
      ExpectSubset(expected[i], actual[i], path + "[" + std::to_string(i) + "]", errors);
    }
    return;
  }
  if (expected != actual) {
    errors.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
  }
}

class StatusGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(StatusGoldenTest, MatchesExpected) {
  const std::string file = SourceDir() + "/tests/golden/status/" + GetParam();
  std::ifstream in(file);
  ASSERT_TRUE(in) << file;
  std::stringstream buf;
  buf << in.rdbuf();
  nlohmann::json g = nlohmann::json::parse(buf.str(), nullptr, false);
  ASSERT_FALSE(g.is_discarded()) << file << ": not valid JSON";

  const std::string root = GetParam() + ": $";
  Result<std::string> child_id = RequiredString(g["child"], "id", root + ".child");
  ASSERT_TRUE(child_id.ok()) << child_id.status().ToString();
  Result<std::optional<Date>> dob = OptionalDate(g["child"], "birth_date", root + ".child");
  ASSERT_TRUE(dob.ok()) << dob.status().ToString();

  std::vector<Event> events;
  for (size_t i = 0; i < g["events"].size(); ++i) {
    Result<Event> e = EventFromJson(g["events"][i], root + ".events[" + std::to_string(i) + "]");
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    events.push_back(*e);
  }
  std::vector<Relationship> relationships;
  for (size_t i = 0; i < g["relationships"].size(); ++i) {
    Result<Relationship> r = RelationshipFromJson(
        g["relationships"][i], root + ".relationships[" + std::to_string(i) + "]");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    relationships.push_back(*r);
  }
  std::vector<CourtOrder> orders;
  for (size_t i = 0; i < g["orders"].size(); ++i) {
    const nlohmann::json& o = g["orders"][i];
    Result<CourtOrder> order =
        o.is_string() ? LoadCourtOrder(SourceDir() + "/" + o.get<std::string>())
                      : CourtOrderFromJson(o, root + ".orders[" + std::to_string(i) + "]");
    ASSERT_TRUE(order.ok()) << order.status().ToString();
    orders.push_back(*order);
  }

  nlohmann::json checks =
      g.contains("checks")
          ? g["checks"]
          : nlohmann::json::array({{{"as_of", g["as_of"]}, {"expected", g["expected"]}}});
  ASSERT_FALSE(checks.empty());
  for (const nlohmann::json& check : checks) {
    Result<Date> as_of = RequiredDate(check, "as_of", root);
    ASSERT_TRUE(as_of.ok()) << as_of.status().ToString();
    SCOPED_TRACE(GetParam() + " as of " + as_of->ToIso());
    CaseInput input{*child_id, *dob, events, relationships, *as_of};
    Result<ChildStatus> status = EvaluateChild(input, orders);
    ASSERT_TRUE(status.ok()) << status.status().ToString();
    const nlohmann::json actual = ChildStatusToJson(*status);
    const nlohmann::json& expected = check["expected"];
    // Every case states its status, the event that set it and its due date;
    // days left/overdue must be stated whenever the code reports them.
    for (const char* key : {"status", "set_by_event", "due_date"}) {
      ASSERT_TRUE(expected.contains(key)) << "golden case must state '" << key << "'";
    }
    for (const char* key : {"days_remaining", "days_overdue"}) {
      if (!expected.contains(key)) {
        EXPECT_TRUE(actual[key].is_null()) << key << " is " << actual[key].dump();
      }
    }
    std::vector<std::string> errors;
    ExpectSubset(expected, actual, "$", errors);
    for (const std::string& e : errors) ADD_FAILURE() << e << "\nactual: " << actual.dump(2);
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, StatusGoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(StatusGoldenSuite, CoversEveryStatus) {
  std::vector<std::string> seen;
  for (const std::string& f : GoldenFiles()) {
    std::ifstream in(SourceDir() + "/tests/golden/status/" + f);
    nlohmann::json g = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(g.is_discarded()) << f;
    nlohmann::json checks =
        g.contains("checks") ? g["checks"] : nlohmann::json::array({{{"expected", g["expected"]}}});
    for (const auto& c : checks) seen.push_back(c["expected"].value("status", ""));
  }
  EXPECT_GE(GoldenFiles().size(), 15u);
  for (const char* status :
       {"reunified", "discharged_other", "possible_separation_under_review", "ineligible",
        "parent_declined", "parent_removed", "parent_in_criminal_custody",
        "parent_in_immigration_custody", "parent_released", "parent_location_unknown"}) {
    EXPECT_NE(std::find(seen.begin(), seen.end(), status), seen.end())
        << "no golden case for status " << status;
  }
}

}  // namespace
}  // namespace reunite::cases
