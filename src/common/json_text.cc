#include "common/json_text.h"

#include <algorithm>

namespace reunite {

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out.push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void JsonObjectText::AddString(std::string_view key, std::string_view value) {
  std::string v;
  AppendJsonString(v, value);
  members_.emplace_back(key, std::move(v));
}

void JsonObjectText::AddInt(std::string_view key, int64_t value) {
  members_.emplace_back(key, std::to_string(value));
}

void JsonObjectText::AddRaw(std::string_view key, std::string json) {
  members_.emplace_back(key, std::move(json));
}

void JsonObjectText::AppendTo(std::string& out) {
  std::stable_sort(members_.begin(), members_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  out.push_back('{');
  bool first = true;
  for (size_t i = 0; i < members_.size(); ++i) {
    // Of a repeated key only the last (in insertion order) is written.
    if (i + 1 < members_.size() && members_[i + 1].first == members_[i].first) continue;
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(out, members_[i].first);
    out.push_back(':');
    out += members_[i].second;
  }
  out.push_back('}');
}

}  // namespace reunite
