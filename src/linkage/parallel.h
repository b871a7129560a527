// A minimal fork-join helper over std::thread: splits [0, n) into `threads`
// contiguous chunks and runs fn(thread_index, begin, end) on each, joining
// before it returns. fn must not throw.
#ifndef REUNITE_LINKAGE_PARALLEL_H_
#define REUNITE_LINKAGE_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace reunite::linkage {

// The default worker count: hardware concurrency, at least 1.
inline int DefaultThreads() { return std::max(1u, std::thread::hardware_concurrency()); }

template <typename Fn>
void ParallelFor(size_t n, int threads, Fn&& fn) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::max<size_t>(n / 256, 1))));
  if (threads == 1) {
    fn(0, size_t{0}, n);
    return;
  }
  std::vector<std::thread> pool;
  size_t chunk = (n + static_cast<size_t>(threads) - 1) / static_cast<size_t>(threads);
  for (int t = 0; t < threads; ++t) {
    size_t begin = std::min(n, chunk * static_cast<size_t>(t));
    size_t end = std::min(n, begin + chunk);
    pool.emplace_back([&fn, t, begin, end] { fn(t, begin, end); });
  }
  for (auto& th : pool) th.join();
}

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_PARALLEL_H_
