// JSON text written directly, for hot paths (the import writes a few JSON
// values per row) where building an nlohmann::json tree per row costs more
// than the rest of the row. The output is byte for byte what
// nlohmann::json::dump() gives for the same value: object keys in byte
// order, strings escaped the same way (", \, the short escapes \b \f \n \r
// \t, other control bytes as \u00xx; UTF-8 kept as is). Input must be valid
// UTF-8 (the import validates every row first). Thread-safety: stateless.
#ifndef REUNITE_COMMON_JSON_TEXT_H_
#define REUNITE_COMMON_JSON_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reunite {

// Appends `s` as a JSON string literal (with its quotes).
void AppendJsonString(std::string& out, std::string_view s);

// A JSON object built member by member; Text() sorts the keys (a repeated
// key keeps its last value, as assigning twice to an nlohmann::json does).
class JsonObjectText {
 public:
  void AddString(std::string_view key, std::string_view value);
  void AddInt(std::string_view key, int64_t value);
  // `json` is already JSON text (an object, array, ...), inserted verbatim.
  void AddRaw(std::string_view key, std::string json);
  bool empty() const { return members_.empty(); }
  void Clear() { members_.clear(); }
  // Appends the object's text to `out`.
  void AppendTo(std::string& out);
  std::string Text() {
    std::string out;
    AppendTo(out);
    return out;
  }

 private:
  std::vector<std::pair<std::string_view, std::string>> members_;  // key -> JSON value
};

}  // namespace reunite

#endif  // REUNITE_COMMON_JSON_TEXT_H_
