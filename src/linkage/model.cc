#include "linkage/model.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

namespace reunite::linkage {
namespace {

using nlohmann::json;

struct KindInfo {
  LevelKind kind;
  std::string_view name;
  ComparisonKind comparison;  // the comparison kind this level implies (kText = any)
};

constexpr KindInfo kKinds[] = {
    {LevelKind::kNull, "null", ComparisonKind::kText},
    {LevelKind::kElse, "else", ComparisonKind::kText},
    {LevelKind::kExact, "exact", ComparisonKind::kText},
    {LevelKind::kJaroWinkler, "jaro_winkler", ComparisonKind::kText},
    {LevelKind::kDamerauLevenshtein, "damerau_levenshtein", ComparisonKind::kText},
    {LevelKind::kTokenSet, "token_set", ComparisonKind::kText},
    {LevelKind::kPhonetic, "phonetic", ComparisonKind::kText},
    {LevelKind::kNumericWithin, "numeric_within", ComparisonKind::kNumeric},
    {LevelKind::kDateWithinDays, "date_within_days", ComparisonKind::kDate},
    {LevelKind::kDateDayMonthSwapped, "date_day_month_swapped", ComparisonKind::kDate},
    {LevelKind::kDateYearOff, "date_year_off", ComparisonKind::kDate},
    {LevelKind::kDatePlaceholder, "date_placeholder", ComparisonKind::kDate},
    {LevelKind::kSurnameBothFuzzy, "surname_both_fuzzy", ComparisonKind::kSurnames},
    {LevelKind::kIdTransposed, "id_transposed", ComparisonKind::kId},
    {LevelKind::kSurnameBothExact, "surname_both_exact", ComparisonKind::kSurnames},
    {LevelKind::kSurnameBothSwapped, "surname_both_swapped", ComparisonKind::kSurnames},
    {LevelKind::kSurnamePhoneticBoth, "surname_phonetic_both", ComparisonKind::kSurnames},
    {LevelKind::kSurnamePaternalOnly, "surname_paternal_only", ComparisonKind::kSurnames},
    {LevelKind::kSurnameMaternalOnly, "surname_maternal_only", ComparisonKind::kSurnames},
    {LevelKind::kSurnameOneMatches, "surname_one_matches", ComparisonKind::kSurnames},
    {LevelKind::kSurnamePhoneticOne, "surname_phonetic_one", ComparisonKind::kSurnames},
    {LevelKind::kGivenFirstName, "given_first_name", ComparisonKind::kGivenName},
    {LevelKind::kGivenNickname, "given_nickname", ComparisonKind::kGivenName},
    {LevelKind::kGivenGenderMismatch, "given_gender_mismatch", ComparisonKind::kGivenName},
    {LevelKind::kGivenSecondName, "given_second_name", ComparisonKind::kGivenName},
    {LevelKind::kGivenDifferentNames, "given_different_names", ComparisonKind::kGivenName},
    {LevelKind::kGivenMiddleConflict, "given_middle_conflict", ComparisonKind::kGivenName},
};

constexpr std::pair<ComparisonKind, std::string_view> kComparisonKinds[] = {
    {ComparisonKind::kText, "text"},
    {ComparisonKind::kDate, "date"},
    {ComparisonKind::kId, "id"},
    {ComparisonKind::kNumeric, "numeric"},
    {ComparisonKind::kSurnames, "surnames"},
    {ComparisonKind::kGivenName, "given_name"},
};

std::string_view ComparisonKindName(ComparisonKind k) {
  for (const auto& [kind, name] : kComparisonKinds) {
    if (kind == k) return name;
  }
  return "text";
}

class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source) {}

  Status Error(const std::string& path, const std::string& what) const {
    return InvalidArgument(std::string(source_) + ": " + path + ": " + what);
  }

  // An integer that fits an int (a larger JSON integer is an error, never
  // silently truncated).
  static bool IsInt(const json& v) {
    if (v.is_number_unsigned()) {
      return v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int>::max());
    }
    return v.is_number_integer() && v.get<int64_t>() >= std::numeric_limits<int>::min() &&
           v.get<int64_t>() <= std::numeric_limits<int>::max();
  }

  // `key` of object `j` as a string, `fallback` when absent; an error naming
  // the path when present with another type.
  Result<std::string> OptionalString(const json& j, const char* key, const std::string& path,
                                     std::string fallback) const {
    auto it = j.find(key);
    if (it == j.end()) return fallback;
    if (!it->is_string()) return Error(JoinPath(path, key), "expected a string");
    return it->get<std::string>();
  }

  Result<bool> OptionalBool(const json& j, const char* key, const std::string& path) const {
    auto it = j.find(key);
    if (it == j.end()) return false;
    if (!it->is_boolean()) return Error(JoinPath(path, key), "expected true or false");
    return it->get<bool>();
  }

  static std::string JoinPath(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
  }

  Result<Model> Parse(const json& j) {
    Model model;
    if (!j.is_object()) return Error("$", "expected an object");
    if (!j.contains("format_version") || !IsInt(j["format_version"])) {
      return Error("format_version", "expected the integer 1");
    }
    if (j["format_version"].get<int>() != kModelFormatVersion) {
      return Error("format_version",
                   "unsupported version " + j["format_version"].dump() + " (this build reads 1)");
    }
    REUNITE_ASSIGN_OR_RETURN(model.name, OptionalString(j, "name", "", ""));
    REUNITE_ASSIGN_OR_RETURN(model.description, OptionalString(j, "description", "", ""));
    if (!j.contains("prior") || !j["prior"].is_number() || j["prior"].get<double>() <= 0 ||
        j["prior"].get<double>() >= 1) {
      return Error("prior", "expected a number in (0,1)");
    }
    model.prior = j["prior"].get<double>();
    if (j.contains("max_block_size")) {
      if (!IsInt(j["max_block_size"]) || j["max_block_size"].get<int>() < 2) {
        return Error("max_block_size", "expected an integer >= 2");
      }
      model.max_block_size = j["max_block_size"].get<int>();
    }
    if (!j.contains("comparisons") || !j["comparisons"].is_array() || j["comparisons"].empty()) {
      return Error("comparisons", "expected a non-empty array");
    }
    if (j["comparisons"].size() > static_cast<size_t>(kMaxComparisons)) {
      return Error("comparisons", "at most " + std::to_string(kMaxComparisons) + " comparisons");
    }
    for (size_t i = 0; i < j["comparisons"].size(); ++i) {
      std::string path = "comparisons[" + std::to_string(i) + "]";
      REUNITE_ASSIGN_OR_RETURN(Comparison c, ParseComparison(j["comparisons"][i], path));
      model.comparisons.push_back(std::move(c));
    }
    if (!j.contains("blocking") || !j["blocking"].is_array() || j["blocking"].empty()) {
      return Error("blocking", "expected a non-empty array of rules");
    }
    for (size_t i = 0; i < j["blocking"].size(); ++i) {
      std::string path = "blocking[" + std::to_string(i) + "]";
      const json& entry = j["blocking"][i];
      BlockingRule rule;
      const json* keys = &entry;
      std::string keys_path = path;
      if (entry.is_object()) {
        if (!entry.contains("keys")) return Error(path + ".keys", "expected an array of keys");
        keys = &entry["keys"];
        keys_path = path + ".keys";
        if (entry.contains("if_missing")) {
          const json& m = entry["if_missing"];
          const std::string mp = path + ".if_missing";
          if (!m.is_string()) return Error(mp, "expected a comparison name");
          rule.if_missing = m.get<std::string>();
          if (std::none_of(model.comparisons.begin(), model.comparisons.end(),
                           [&](const Comparison& c) { return c.name == rule.if_missing; })) {
            return Error(mp, "no comparison named '" + rule.if_missing + "'");
          }
        }
        if (entry.contains("max_block_size")) {
          const json& m = entry["max_block_size"];
          if (!IsInt(m) || m.get<int>() < 2) {
            return Error(path + ".max_block_size", "expected an integer >= 2");
          }
          rule.max_block_size = m.get<int>();
        }
      }
      const json& r = *keys;
      if (!r.is_array() || r.empty()) {
        return Error(keys_path, "expected a non-empty array of keys (or an object with \"keys\")");
      }
      for (size_t k = 0; k < r.size(); ++k) {
        std::string kp = keys_path + "[" + std::to_string(k) + "]";
        if (!r[k].is_string()) return Error(kp, "expected a string \"column[:transform]\"");
        std::string key = r[k].get<std::string>();
        REUNITE_RETURN_IF_ERROR(CheckBlockingKey(key, kp));
        rule.keys.push_back(key);
      }
      model.blocking.push_back(std::move(rule));
    }
    return model;
  }

 private:
  Status CheckBlockingKey(const std::string& key, const std::string& path) const {
    size_t colon = key.find(':');
    if (colon == 0 || key.empty()) return Error(path, "empty column name");
    if (colon == std::string::npos) return Status::Ok();
    std::string_view t = std::string_view(key).substr(colon + 1);
    if (t == "phonetic" || t == "year" || t == "month" || t == "first_token" || t == "maternal" ||
        t == "maternal_phonetic" || t == "last_phonetic" || t == "pair_phonetic") {
      return Status::Ok();
    }
    auto digits_after = [&](std::string_view prefix) {
      if (t.substr(0, prefix.size()) != prefix || t.size() == prefix.size()) return false;
      return std::all_of(t.begin() + static_cast<long>(prefix.size()), t.end(),
                         [](char c) { return c >= '0' && c <= '9'; });
    };
    if (digits_after("first") || digits_after("last")) return Status::Ok();
    return Error(path, "unknown transform '" + std::string(t) +
                           "' (expected phonetic, year, month, first_token, maternal, "
                           "maternal_phonetic, last_phonetic, pair_phonetic, first<N>, "
                           "last<N>)");
  }

  Result<Comparison> ParseComparison(const json& j, const std::string& path) {
    Comparison c;
    if (!j.is_object()) return Error(path, "expected an object");
    if (!j.contains("name") || !j["name"].is_string())
      return Error(path + ".name", "expected a string");
    c.name = j["name"].get<std::string>();
    if (j.contains("column")) {
      if (!j["column"].is_string()) return Error(path + ".column", "expected a string");
      c.columns.push_back(j["column"].get<std::string>());
    } else if (j.contains("columns")) {
      const json& cols = j["columns"];
      if (!cols.is_array() || cols.empty() || cols.size() > 2) {
        return Error(path + ".columns", "expected an array of 1 or 2 column names");
      }
      for (size_t k = 0; k < cols.size(); ++k) {
        if (!cols[k].is_string()) {
          return Error(path + ".columns[" + std::to_string(k) + "]", "expected a string");
        }
        c.columns.push_back(cols[k].get<std::string>());
      }
    } else {
      return Error(path, "expected \"column\" or \"columns\"");
    }
    if (j.contains("tf_adjust")) {
      if (!j["tf_adjust"].is_boolean()) return Error(path + ".tf_adjust", "expected true or false");
      c.tf_adjust = j["tf_adjust"].get<bool>();
    }
    if (j.contains("id_format")) {
      std::string f = j["id_format"].is_string() ? j["id_format"].get<std::string>() : "";
      if (f != "a_number" && f != "plain") {
        return Error(path + ".id_format", "expected \"a_number\" or \"plain\"");
      }
      c.a_number = f == "a_number";
    }
    if (j.contains("tf_minimum")) {
      if (!j["tf_minimum"].is_number() || j["tf_minimum"].get<double>() <= 0 ||
          j["tf_minimum"].get<double>() > 1) {
        return Error(path + ".tf_minimum", "expected a number in (0,1]");
      }
      c.tf_minimum = j["tf_minimum"].get<double>();
    }
    if (!j.contains("levels") || !j["levels"].is_array() || j["levels"].size() < 3) {
      return Error(path + ".levels", "expected an array of at least 3 levels (null, ..., else)");
    }
    if (j["levels"].size() > static_cast<size_t>(kMaxLevels)) {
      return Error(path + ".levels", "at most " + std::to_string(kMaxLevels) + " levels");
    }
    ComparisonKind kind = ComparisonKind::kText;
    for (size_t i = 0; i < j["levels"].size(); ++i) {
      std::string lp = path + ".levels[" + std::to_string(i) + "]";
      REUNITE_ASSIGN_OR_RETURN(Level level, ParseLevel(j["levels"][i], lp));
      bool last = i + 1 == j["levels"].size();
      if (i == 0 && level.kind != LevelKind::kNull) {
        return Error(lp + ".type", "the first level must be \"null\"");
      }
      if (last && level.kind != LevelKind::kElse) {
        return Error(lp + ".type", "the last level must be \"else\"");
      }
      if (!last && i > 0 && (level.kind == LevelKind::kNull || level.kind == LevelKind::kElse)) {
        return Error(lp + ".type", "\"null\" must be first and \"else\" last");
      }
      for (const KindInfo& info : kKinds) {
        if (info.kind != level.kind || info.comparison == ComparisonKind::kText) continue;
        if (kind != ComparisonKind::kText && kind != info.comparison) {
          return Error(lp + ".type", "level type \"" + std::string(info.name) +
                                         "\" cannot be mixed with " +
                                         std::string(ComparisonKindName(kind)) + " levels");
        }
        kind = info.comparison;
      }
      c.levels.push_back(std::move(level));
    }
    if (j.contains("kind")) {
      REUNITE_ASSIGN_OR_RETURN(std::string k, OptionalString(j, "kind", path, ""));
      bool found = false;
      for (const auto& [ck, name] : kComparisonKinds) {
        if (name != k) continue;
        found = true;
        if (kind != ComparisonKind::kText && kind != ck) {
          return Error(path + ".kind", "\"" + k + "\" contradicts its levels");
        }
        kind = ck;
      }
      if (!found) {
        return Error(path + ".kind",
                     "expected one of text, date, id, numeric, surnames, given_name");
      }
    }
    c.kind = kind;
    if (c.kind != ComparisonKind::kSurnames && c.columns.size() != 1) {
      return Error(path + ".columns", "only surnames comparisons read two columns");
    }
    return c;
  }

  Result<Level> ParseLevel(const json& j, const std::string& path) {
    Level level;
    if (!j.is_object()) return Error(path, "expected an object");
    if (!j.contains("type") || !j["type"].is_string())
      return Error(path + ".type", "expected a string");
    std::string type = j["type"].get<std::string>();
    bool found = false;
    for (const KindInfo& info : kKinds) {
      if (info.name == type) {
        level.kind = info.kind;
        found = true;
      }
    }
    if (!found) return Error(path + ".type", "unknown level type \"" + type + "\"");
    REUNITE_ASSIGN_OR_RETURN(level.label, OptionalString(j, "label", path, type));
    if (level.kind == LevelKind::kJaroWinkler || level.kind == LevelKind::kTokenSet ||
        level.kind == LevelKind::kSurnameBothFuzzy) {
      if (!j.contains("threshold") || !j["threshold"].is_number() ||
          j["threshold"].get<double>() <= 0 || j["threshold"].get<double>() > 1) {
        return Error(path + ".threshold", "expected a number in (0,1]");
      }
      level.threshold = j["threshold"].get<double>();
    }
    if (level.kind == LevelKind::kDamerauLevenshtein || level.kind == LevelKind::kNumericWithin ||
        level.kind == LevelKind::kDateWithinDays || level.kind == LevelKind::kDateYearOff) {
      if (!j.contains("distance") || !IsInt(j["distance"]) || j["distance"].get<int>() < 0) {
        return Error(path + ".distance", "expected an integer >= 0");
      }
      level.distance = j["distance"].get<int>();
    }
    if (level.kind == LevelKind::kDatePlaceholder && j.contains("distance")) {
      if (!IsInt(j["distance"]) || j["distance"].get<int>() < 0) {
        return Error(path + ".distance", "expected an integer >= 0 (years)");
      }
      level.distance = j["distance"].get<int>();
    }
    for (const char* key : {"m", "u"}) {
      if (!j.contains(key)) continue;
      if (!j[key].is_number() || j[key].get<double>() < 0 || j[key].get<double>() > 1) {
        return Error(path + "." + key, "expected a probability in [0,1]");
      }
      (key[0] == 'm' ? level.m : level.u) = j[key].get<double>();
    }
    REUNITE_ASSIGN_OR_RETURN(level.fixed_m, OptionalBool(j, "fixed_m", path));
    REUNITE_ASSIGN_OR_RETURN(level.fixed_u, OptionalBool(j, "fixed_u", path));
    return level;
  }

  std::string_view source_;
};

}  // namespace

std::string_view LevelKindName(LevelKind kind) {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind) return info.name;
  }
  return "?";
}

std::vector<std::string> Model::Columns() const {
  std::vector<std::string> out;
  auto add = [&out](const std::string& c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  for (const Comparison& c : comparisons) {
    for (const std::string& col : c.columns) add(col);
  }
  for (const BlockingRule& r : blocking) {
    for (const std::string& k : r.keys) {
      std::string name = k.substr(0, k.find(':'));
      bool is_comparison = std::any_of(comparisons.begin(), comparisons.end(),
                                       [&name](const Comparison& c) { return c.name == name; });
      if (!is_comparison) add(name);
    }
  }
  return out;
}

Result<Model> ParseModel(std::string_view json_text, std::string_view source) {
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e400
    return ParseError(std::string(source) + ": not valid JSON: " + e.what());
  }
  return Parser(source).Parse(j);
}

Result<Model> LoadModel(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open model file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseModel(ss.str(), path);
}

std::string ModelToJson(const Model& model) {
  nlohmann::ordered_json j;
  j["format_version"] = model.format_version;
  j["name"] = model.name;
  if (!model.description.empty()) j["description"] = model.description;
  j["prior"] = model.prior;
  j["max_block_size"] = model.max_block_size;
  j["comparisons"] = nlohmann::ordered_json::array();
  for (const Comparison& c : model.comparisons) {
    nlohmann::ordered_json jc;
    jc["name"] = c.name;
    if (c.columns.size() == 1) {
      jc["column"] = c.columns[0];
    } else {
      jc["columns"] = c.columns;
    }
    jc["kind"] = ComparisonKindName(c.kind);
    if (c.a_number) jc["id_format"] = "a_number";
    if (c.tf_adjust) {
      jc["tf_adjust"] = true;
      jc["tf_minimum"] = c.tf_minimum;
    }
    jc["levels"] = nlohmann::ordered_json::array();
    for (const Level& l : c.levels) {
      nlohmann::ordered_json jl;
      jl["label"] = l.label;
      jl["type"] = LevelKindName(l.kind);
      if (l.kind == LevelKind::kJaroWinkler || l.kind == LevelKind::kTokenSet ||
          l.kind == LevelKind::kSurnameBothFuzzy) {
        jl["threshold"] = l.threshold;
      }
      if (l.kind == LevelKind::kDamerauLevenshtein || l.kind == LevelKind::kNumericWithin ||
          l.kind == LevelKind::kDateWithinDays || l.kind == LevelKind::kDateYearOff ||
          (l.kind == LevelKind::kDatePlaceholder && l.distance > 0)) {
        jl["distance"] = l.distance;
      }
      if (l.kind != LevelKind::kNull) {
        jl["m"] = l.m;
        jl["u"] = l.u;
      }
      if (l.fixed_m) jl["fixed_m"] = true;
      if (l.fixed_u) jl["fixed_u"] = true;
      jc["levels"].push_back(jl);
    }
    j["comparisons"].push_back(jc);
  }
  j["blocking"] = nlohmann::ordered_json::array();
  for (const BlockingRule& r : model.blocking) {
    if (r.if_missing.empty() && r.max_block_size == 0) {
      j["blocking"].push_back(r.keys);
      continue;
    }
    nlohmann::ordered_json jr;
    jr["keys"] = r.keys;
    if (!r.if_missing.empty()) jr["if_missing"] = r.if_missing;
    if (r.max_block_size != 0) jr["max_block_size"] = r.max_block_size;
    j["blocking"].push_back(jr);
  }
  return j.dump(2) + "\n";
}

Status SaveModel(const Model& model, const std::string& path) {
  std::ofstream out(path);
  if (!out) return IoError(path + ": cannot write model file");
  out << ModelToJson(model);
  out.close();
  if (!out) return IoError(path + ": write failed");
  return Status::Ok();
}

}  // namespace reunite::linkage
