#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "reunite/linkage.h"
#include "support/process.h"

namespace reunite::linkage {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(LinkageIndexTest, ReturnsTheTrueRecordFirstWithExplanation) {
  const std::string dir = reunite::testing::SourceDir();
  IndexOptions options;
  options.id_column = "id";
  options.column_map = {{"given_name", "first"}, {"dob", "birth_date"}};
  auto index = LinkageIndex::Open(dir + "/models/person.json",
                                  dir + "/tests/golden/linkage/left.csv", options);
  ASSERT_TRUE(index.ok()) << index.status().message();
  EXPECT_EQ((*index)->size(), 6u);
  // A tracing request for L1 as another agency typed it.
  auto hits = (*index)->Match({{"given_name", "Chepe"},
                               {"paternal_surname", "Garcia"},
                               {"maternal_surname", "Lopez"},
                               {"dob", "2011-03-04"},
                               {"sex", "M"},
                               {"a_number", "12345678"}},
                              3);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].record_id, "L1");
  EXPECT_GT((*hits)[0].match_probability, 0.99);
  ASSERT_EQ((*hits)[0].explanation.size(), 8u);  // every comparison of person.json
  EXPECT_EQ((*hits)[0].explanation[0].level_label, "nickname of the same name");
  double sum = (*hits)[0].prior_weight;
  for (const Contribution& c : (*hits)[0].explanation) sum += c.weight + c.tf_adjustment;
  EXPECT_NEAR(sum, (*hits)[0].match_weight, 1e-9);
  for (size_t k = 1; k < hits->size(); ++k) {
    EXPECT_LE((*hits)[k].match_weight, (*hits)[k - 1].match_weight);
  }
}

TEST(LinkageIndexTest, RejectsUnknownColumnsAndBadModels) {
  const std::string dir = reunite::testing::SourceDir();
  IndexOptions options;
  options.id_column = "id";
  options.column_map = {{"given_name", "first"}, {"dob", "birth_date"}};
  auto index =
      LinkageIndex::FromStrings(ReadFile(dir + "/models/person.json"),
                                ReadFile(dir + "/tests/golden/linkage/right.csv"), options);
  ASSERT_TRUE(index.ok()) << index.status().message();
  auto bad = (*index)->Match({{"shoe_size", "42"}}, 3);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("shoe_size"), std::string::npos);
  auto broken = LinkageIndex::FromStrings("{\"format_version\": 1}", "id\n1\n", options);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("prior"), std::string::npos);
}

}  // namespace
}  // namespace reunite::linkage
