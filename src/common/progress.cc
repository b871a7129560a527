#include "common/progress.h"

#include <unistd.h>

namespace reunite {

std::string WithThousands(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

namespace {
std::string Rate(double per_sec) {
  char b[32];
  if (per_sec >= 1e6) {
    std::snprintf(b, sizeof b, "%.1fM/s", per_sec / 1e6);
  } else if (per_sec >= 1e3) {
    std::snprintf(b, sizeof b, "%.1fk/s", per_sec / 1e3);
  } else {
    std::snprintf(b, sizeof b, "%.0f/s", per_sec);
  }
  return b;
}
}  // namespace

Progress::Progress(std::string task, ProgressMode mode, std::FILE* out)
    : task_(std::move(task)), out_(out) {
  enabled_ = mode == ProgressMode::kAlways ||
             (mode == ProgressMode::kAuto && out != nullptr && isatty(fileno(out)));
}

Progress::~Progress() { Done(); }

void Progress::Stage(std::string name, uint64_t total, std::string unit) {
  Done();
  std::lock_guard<std::mutex> lock(mu_);
  stage_ = std::move(name);
  unit_ = std::move(unit);
  total_ = total;
  done_ = 0;
  start_ = std::chrono::steady_clock::now();
  last_draw_ns_ = 0;
  active_ = true;
}

void Progress::Advance(uint64_t n) {
  done_.fetch_add(n, std::memory_order_relaxed);
  if (!enabled_) return;
  int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now() - start_)
                    .count();
  int64_t last = last_draw_ns_.load(std::memory_order_relaxed);
  if (now - last < 100'000'000) return;
  if (!last_draw_ns_.compare_exchange_strong(last, now)) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (active_) Draw(false);
}

void Progress::Done() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!active_) return;
  if (enabled_) Draw(true);
  active_ = false;
}

void Progress::Draw(bool final_line) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  uint64_t done = done_.load();
  double rate = secs > 0 ? done / secs : 0;
  std::string line = task_ + ": " + stage_ + "  " + WithThousands(done);
  if (total_ > 0) line += "/" + WithThousands(total_);
  line += " " + unit_ + "  " + Rate(rate);
  if (final_line) {
    char b[32];
    std::snprintf(b, sizeof b, "  %.2fs", secs);
    line += b;
  } else if (total_ > 0 && rate > 0 && done < total_) {
    line += "  ETA " + std::to_string(static_cast<int>((total_ - done) / rate)) + "s";
  }
  std::fprintf(out_, "\r\033[K%s%s", line.c_str(), final_line ? "\n" : "");
  std::fflush(out_);
}

}  // namespace reunite
