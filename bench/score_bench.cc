// Scoring throughput with models/person.json: candidate pairs (from the
// model's blocking over synthetic corrupted person records) scored by
// Scorer::Score, timed on one thread (thread CPU time and wall) and on 2.
//
//   build/release/bench/score_bench [RECORDS=200000] [MODEL=models/person.json]
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "linkage/blocking.h"
#include "linkage/prepare.h"
#include "linkage/records.h"
#include "linkage/scoring.h"
#include "person_corpus.h"

using namespace reunite;
using namespace reunite::linkage;

namespace {
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

int main(int argc, char** argv) {
  const size_t records = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
  // An optional model file (e.g. an earlier person.json, to score the same
  // candidate pairs as an earlier build).
  const std::string model_path =
      argc > 2 ? argv[2] : std::string(REUNITE_SOURCE_DIR) + "/models/person.json";
  auto model = LoadModel(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().message().c_str());
    return 1;
  }
  bench::PersonCorpus corpus = bench::MakePersonCorpus(records, 1);
  RecordTable table;
  table.source = "synthetic";
  table.columns = model->Columns();
  table.data.resize(table.columns.size());
  auto header = bench::CorpusHeader();
  for (size_t c = 0; c < table.columns.size(); ++c) {
    size_t src = 0;
    while (src < header.size() && header[src] != table.columns[c]) ++src;
    for (const auto& row : corpus.rows)
      table.data[c].push_back(src < header.size() ? row[src] : "");
  }
  for (const auto& row : corpus.rows) {
    table.ids.push_back(row[0]);
    table.lines.push_back(0);
  }
  FeatureSpace space(*model);
  PreparedTable t = space.Prepare(table, 2);
  space.CountTermFrequencies({&t});
  Scorer scorer(space, *model);
  Blocker blocker = Blocker::ForDedupe(t, *model);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  blocker.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) {
    if (pairs.size() < 20'000'000) pairs.push_back({i, j});
  });
  std::printf("score_bench: models/person.json, %zu synthetic records, %zu candidate pairs\n",
              table.size(), pairs.size());
  // REUNITE_SCORE_MODE=cache|nocache: one pass of that variant only (for
  // callgrind instruction counts: valgrind --tool=callgrind
  // --toggle-collect='reunite::linkage::Scorer::Score*' score_bench ...).
  const char* mode = std::getenv("REUNITE_SCORE_MODE");
  for (bool cached : {false, true}) {
    if (mode != nullptr && (std::string(mode) == "cache") != cached) continue;
    double best_cpu = 1e9, best_wall = 1e9, checksum = 0;
    for (int rep = 0; rep < (mode != nullptr ? 1 : 3); ++rep) {
      LevelCache cache(*model);  // one per thread, as LinkJob does
      double c0 = ThreadCpuSeconds(), w0 = Now();
      double sum = 0;
      for (const auto& [i, j] : pairs)
        sum += scorer.Score(t, i, t, j, nullptr, cached ? &cache : nullptr);
      best_cpu = std::min(best_cpu, ThreadCpuSeconds() - c0);
      best_wall = std::min(best_wall, Now() - w0);
      checksum = sum;
    }
    std::printf(
        "1 thread, %s: %.2f M pairs/s per core (thread CPU time), %.2f M pairs/s wall, "
        "%.0f ns/pair CPU  [checksum %.3f]\n",
        cached ? "level cache   " : "no level cache", pairs.size() / best_cpu / 1e6,
        pairs.size() / best_wall / 1e6, best_cpu * 1e9 / pairs.size(), checksum);
  }
  if (mode != nullptr) return 0;
  double w0 = Now();
  std::vector<std::thread> pool;
  std::vector<double> sums(2, 0.0);
  for (int th = 0; th < 2; ++th) {
    pool.emplace_back([&, th] {
      double s = 0;
      LevelCache cache(*model);
      for (size_t k = static_cast<size_t>(th); k < pairs.size(); k += 2) {
        s += scorer.Score(t, pairs[k].first, t, pairs[k].second, nullptr, &cache);
      }
      sums[static_cast<size_t>(th)] = s;
    });
  }
  for (auto& th : pool) th.join();
  std::printf("2 threads: %.2f M pairs/s wall\n", pairs.size() / (Now() - w0) / 1e6);
  return 0;
}
