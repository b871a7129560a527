// Speed of the synthetic scenario: generates about 1,000,000 persons into a
// temporary directory and prints persons, seconds, persons/s and peak RSS.
// Usage: synth_bench [families] [threads]   (defaults: 366000 families, all cores)
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "synth/generator.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  reunite::synth::SynthOptions o;
  o.families = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 366'000;
  o.threads = argc > 2 ? std::atoi(argv[2]) : 0;
  o.seed = 2018;
  const fs::path dir = fs::temp_directory_path() / ("synth_bench_" + std::to_string(::getpid()));
  o.out_dir = dir.string();
  auto r = reunite::synth::GenerateScenario(o);
  std::error_code ec;
  uintmax_t bytes = 0;
  if (r.ok()) {
    for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
      if (e.is_regular_file()) bytes += e.file_size();
    }
  }
  fs::remove_all(dir, ec);
  if (!r.ok()) {
    std::fprintf(stderr, "synth_bench: %s\n", r.status().ToString().c_str());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  uint64_t records = 0;
  for (uint64_t n : r->records) records += n;
  std::printf("families     %llu\n", static_cast<unsigned long long>(r->families));
  std::printf("persons      %llu\n", static_cast<unsigned long long>(r->persons));
  std::printf("records      %llu (all exports)\n", static_cast<unsigned long long>(records));
  std::printf("output       %.1f MB\n", static_cast<double>(bytes) / 1e6);
  std::printf("seconds      %.2f\n", r->seconds);
  std::printf("persons/s    %.0f\n", static_cast<double>(r->persons) / r->seconds);
  std::printf("peak RSS     %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
