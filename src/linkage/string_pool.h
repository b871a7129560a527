// Interning of standardised strings to dense uint32 ids, so equality in the
// per-pair loop is an integer compare. Id 0 is reserved for "missing" (the
// empty string). Views returned by View() stay valid until the next Intern().
// Not thread-safe for Intern(); View()/Find() may run concurrently with each
// other but not with Intern().
#ifndef REUNITE_LINKAGE_STRING_POOL_H_
#define REUNITE_LINKAGE_STRING_POOL_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reunite::linkage {

class StringPool {
 public:
  StringPool() {
    offsets_.push_back(0);
    offsets_.push_back(0);
  }
  // The id of `s` (0 for the empty string), adding it if new.
  uint32_t Intern(std::string_view s) {
    if (s.empty()) return 0;
    auto it = index_.find(s);
    if (it != index_.end()) return it->second;
    const uint32_t id = static_cast<uint32_t>(offsets_.size() - 1);
    chars_.append(s);
    offsets_.push_back(static_cast<uint32_t>(chars_.size()));
    index_.emplace(std::string(s), id);
    return id;
  }
  // The id of `s`, or 0 when absent.
  uint32_t Find(std::string_view s) const {
    auto it = index_.find(s);
    return it == index_.end() ? 0 : it->second;
  }
  // Valid until the next Intern() (the characters are stored contiguously).
  std::string_view View(uint32_t id) const {
    return std::string_view(chars_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  size_t size() const { return offsets_.size() - 1; }

 private:
  std::string chars_;              // all values, back to back
  std::vector<uint32_t> offsets_;  // value id -> [offsets_[id], offsets_[id+1])
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> index_;
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_STRING_POOL_H_
