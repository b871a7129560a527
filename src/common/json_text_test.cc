#include "common/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

namespace reunite {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

TEST(JsonTextTest, EscapesLikeNlohmann) {
  static constexpr char kBytes[] = "nul\0one\x01\x1f\x7f";
  const std::string kWithNul(kBytes, sizeof kBytes - 1);
  std::vector<std::string> samples = {"",
                                      "plain",
                                      "B'alam Q'uq' Pérez Ñuñoa 𝄞",
                                      "quote \" and backslash \\",
                                      "tab\tnewline\ncr\rbs\bff\f",
                                      kWithNul};
  // Every single byte below 0x80, and random mixes of them.
  for (int c = 0; c < 0x80; ++c) samples.push_back(std::string(1, static_cast<char>(c)));
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    std::string s;
    for (int k = 0; k < 12; ++k) s.push_back(static_cast<char>(rng() % 0x80));
    samples.push_back(s);
  }
  for (const std::string& s : samples) {
    EXPECT_EQ(Quoted(s), nlohmann::json(s).dump()) << "for bytes of length " << s.size();
  }
}

TEST(JsonTextTest, ObjectSortsKeysAndKeepsTheLastOfARepeatedKey) {
  JsonObjectText o;
  o.AddString("surnames", "GARCÍA \"LÓPEZ\"");
  o.AddInt("line", 42);
  o.AddString("Zeta", "upper case sorts first");
  o.AddString("dob", "2012-04-03");
  o.AddRaw("_blanked", R"({"dob":"unparseable"})");
  o.AddString("dob", "2012-04-04");
  nlohmann::json j = nlohmann::json::object();
  j["surnames"] = "GARCÍA \"LÓPEZ\"";
  j["line"] = 42;
  j["Zeta"] = "upper case sorts first";
  j["dob"] = "2012-04-03";
  j["_blanked"] = {{"dob", "unparseable"}};
  j["dob"] = "2012-04-04";
  EXPECT_EQ(o.Text(), j.dump());
  JsonObjectText empty;
  EXPECT_EQ(empty.Text(), nlohmann::json::object().dump());
}

}  // namespace
}  // namespace reunite
