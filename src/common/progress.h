// Progress of long runs (import, link), shown on a terminal and silent in
// pipes unless forced. One line per stage, redrawn in place at most ~10 times
// a second: "link: scoring  1,234,567 pairs  3.1M/s  ETA 4s".
// Thread-safe: Advance() may be called from worker threads.
#ifndef REUNITE_COMMON_PROGRESS_H_
#define REUNITE_COMMON_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace reunite {

enum class ProgressMode { kAuto, kAlways, kNever };

class Progress {
 public:
  // kAuto shows progress only when `out` is a terminal.
  explicit Progress(std::string task, ProgressMode mode = ProgressMode::kAuto,
                    std::FILE* out = stderr);
  ~Progress();

  // Starts a stage; `total` 0 means unknown (no ETA). Ends the previous stage.
  void Stage(std::string name, uint64_t total = 0, std::string unit = "records");
  void Advance(uint64_t n = 1);
  // Ends the current stage, printing its final count, rate and time.
  void Done();
  bool enabled() const { return enabled_; }

 private:
  void Draw(bool final_line);

  std::string task_;
  std::FILE* out_;
  bool enabled_;
  std::mutex mu_;
  std::string stage_;
  std::string unit_;
  uint64_t total_ = 0;
  std::atomic<uint64_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  std::atomic<int64_t> last_draw_ns_{0};
  bool active_ = false;
};

// "1,234,567"
std::string WithThousands(uint64_t n);

}  // namespace reunite

#endif  // REUNITE_COMMON_PROGRESS_H_
