// Interning of standardised strings to dense uint32 ids, so equality in the
// per-pair loop is an integer compare. Id 0 is reserved for "missing" (the
// empty string). Views returned by View() stay valid for the pool's lifetime.
// Not thread-safe for Intern(); View()/Find() may run concurrently with each
// other but not with Intern().
#ifndef REUNITE_LINKAGE_STRING_POOL_H_
#define REUNITE_LINKAGE_STRING_POOL_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace reunite::linkage {

class StringPool {
 public:
  StringPool() { strings_.emplace_back(); }
  // The id of `s` (0 for the empty string), adding it if new.
  uint32_t Intern(std::string_view s) {
    if (s.empty()) return 0;
    auto it = index_.find(s);
    if (it != index_.end()) return it->second;
    strings_.emplace_back(s);
    uint32_t id = static_cast<uint32_t>(strings_.size() - 1);
    index_.emplace(std::string_view(strings_.back()), id);
    return id;
  }
  // The id of `s`, or 0 when absent.
  uint32_t Find(std::string_view s) const {
    auto it = index_.find(s);
    return it == index_.end() ? 0 : it->second;
  }
  std::string_view View(uint32_t id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, uint32_t> index_;
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_STRING_POOL_H_
