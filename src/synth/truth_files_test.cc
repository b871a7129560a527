#include "synth/truth_files.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/csv.h"

namespace reunite::synth {
namespace {

TEST(TruthFilesTest, DirectivesCsvListsEveryDirective) {
  auto reader = CsvReader::FromString(DirectivesCsv(), "directives.csv");
  ASSERT_TRUE(reader.ok());
  std::vector<std::string> fields;
  int n = 0;
  bool zero_tolerance = false;
  while (*(*reader)->Next(fields)) {
    EXPECT_EQ(fields.size(), 6u);
    zero_tolerance |= fields[0] == kZeroTolerance && fields[1] == "2018-04-06";
    ++n;
  }
  EXPECT_EQ(n, static_cast<int>(Directives().size()));
  EXPECT_TRUE(zero_tolerance);
}

TEST(TruthFilesTest, CourtOrderIsJsonWithThreeClocks) {
  const auto j = nlohmann::json::parse(CourtOrderJson());
  EXPECT_EQ(j["order_id"], kCourtOrderId);
  ASSERT_EQ(j["clocks"].size(), 3u);
  EXPECT_EQ(j["clocks"][0]["days"], 14);
  EXPECT_EQ(j["clocks"][1]["days"], 30);
  EXPECT_EQ(j["clocks"][2]["days"], 10);
}

TEST(TruthFilesTest, RowsMatchHeaders) {
  TruthRows rows;
  for (uint64_t i = 0; i < 200; ++i) {
    Rng rng = Rng(3).Fork(i);
    RenderTruth(SimulateFamily(i, rng, {}), rows);
  }
  for (int t = 0; t < kTruthFileCount; ++t) {
    const auto file = static_cast<TruthFile>(t);
    auto reader = CsvReader::FromString(std::string(TruthHeader(file)) + "\n" + rows.text[t],
                                        std::string(TruthFileName(file)));
    ASSERT_TRUE(reader.ok());
    std::vector<std::string> fields;
    int n = 0;
    while (true) {
      auto more = (*reader)->Next(fields);
      ASSERT_TRUE(more.ok());
      if (!*more) break;
      ASSERT_EQ(fields.size(), (*reader)->header().size()) << (*reader)->Where();
      ++n;
    }
    EXPECT_GT(n, 0) << TruthFileName(file);
  }
}

}  // namespace
}  // namespace reunite::synth
