// Incremental matching: builds a LinkageIndex (include/reunite/linkage.h)
// over N synthetic person records, then matches 2,000 held-out records of
// persons in the index one at a time on one thread, printing latency
// percentiles and how often the person's record ranks first. Latency is
// printed as wall time and as the thread's CPU time: on a loaded machine
// the wall figure includes time the thread waited for a core, the CPU
// figure is what one core spends per match.
//
//   build/h-linkage-rel/bench/index_bench [RECORDS=1000000]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <unordered_map>

#include "person_corpus.h"
#include "reunite/linkage.h"

using namespace reunite;

namespace {

double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t records = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  bench::PersonCorpus corpus = bench::MakePersonCorpus(records + 20000, 77);
  // Hold out one record of each of the first 2,000 persons that have 2+ records.
  std::unordered_map<uint32_t, int> copies;
  for (uint32_t p : corpus.person) ++copies[p];
  std::vector<size_t> queries;
  std::vector<bool> held(corpus.rows.size(), false);
  for (size_t i = 0; i < corpus.rows.size() && queries.size() < 2000; ++i) {
    if (copies[corpus.person[i]] >= 2 && (i == 0 || corpus.person[i - 1] != corpus.person[i])) {
      queries.push_back(i);
      held[i] = true;
    }
  }
  bench::PersonCorpus registry;
  for (size_t i = 0; i < corpus.rows.size() && registry.rows.size() < records; ++i) {
    if (held[i]) continue;
    registry.rows.push_back(corpus.rows[i]);
    registry.person.push_back(corpus.person[i]);
  }
  const std::string path = "/tmp/reunite-index-registry.csv";
  if (!bench::WriteCorpus(registry, path)) return 1;
  auto t0 = std::chrono::steady_clock::now();
  linkage::IndexOptions options;
  options.id_column = "record_id";
  auto index = linkage::LinkageIndex::Open(std::string(REUNITE_SOURCE_DIR) + "/models/person.json",
                                           path, options);
  if (!index.ok()) {
    std::fprintf(stderr, "%s\n", index.status().message().c_str());
    return 1;
  }
  const double build = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::unordered_map<std::string, uint32_t> person_of;
  for (size_t i = 0; i < registry.rows.size(); ++i)
    person_of[registry.rows[i][0]] = registry.person[i];
  const auto header = bench::CorpusHeader();
  std::vector<double> ms, cpu_ms;
  size_t first = 0, found = 0, candidates = 0;
  for (size_t q : queries) {
    std::map<std::string, std::string> record;
    for (size_t c = 2; c < header.size(); ++c) record[header[c]] = corpus.rows[q][c];
    const double c = ThreadCpuMs();
    auto s = std::chrono::steady_clock::now();
    auto hits = (*index)->Match(record, 10);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s).count());
    cpu_ms.push_back(ThreadCpuMs() - c);
    if (!hits.ok()) return 1;
    candidates += (*index)->last_candidates();
    for (size_t r = 0; r < hits->size(); ++r) {
      if (person_of[(*hits)[r].record_id] == corpus.person[q]) {
        if (r == 0) ++first;
        ++found;
        break;
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  auto pct_of = [](const std::vector<double>& v, double p) {
    return v[std::min(v.size() - 1, size_t(p * v.size()))];
  };
  auto pct = [&](double p) { return pct_of(ms, p); };
  std::printf("index_bench: %zu records indexed in %.1f s; %zu queries on 1 thread\n",
              (*index)->size(), build, ms.size());
  std::printf("latency p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms; mean candidates %.0f\n",
              pct(0.5), pct(0.9), pct(0.99), ms.back(), double(candidates) / ms.size());
  std::printf("thread CPU per match p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n",
              pct_of(cpu_ms, 0.5), pct_of(cpu_ms, 0.9), pct_of(cpu_ms, 0.99), cpu_ms.back());
  std::printf("true person ranked first %.4f, in top 10 %.4f\n", double(first) / ms.size(),
              double(found) / ms.size());
  return 0;
}
