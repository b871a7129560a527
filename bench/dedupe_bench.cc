// Deduplicates N synthetic persons end to end with models/person.json:
// read CSV, standardise, block, train (u sampling + EM), score, cluster,
// write pairs.csv and clusters.csv. Prints wall time per stage, peak memory
// (the pipeline runs in a child process; ru_maxrss of that child), pair
// completeness of blocking and precision/recall/F1 against the truth.
//
// The true pairs blocking misses are counted by cause (which fields differ
// between the two records, and whether a rule would have held them but its
// block was too large).
//
//   build/release/bench/dedupe_bench [RECORDS=1000000] [WORK_DIR=/tmp/reunite-dedupe] [MODEL]
//
// MODEL defaults to models/person.json; pass an older model file to measure
// before/after blocking rules in the same run.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "linkage/link_io.h"
#include "linkage/link_job.h"
#include "person_corpus.h"

using namespace reunite;
using namespace reunite::linkage;

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double LoadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : 0;
}

int ComparisonIndex(const Model& model, std::string_view name) {
  for (size_t c = 0; c < model.comparisons.size(); ++c) {
    if (model.comparisons[c].name == name) return static_cast<int>(c);
  }
  return -1;
}

// Why blocking missed the true pair (i, j): a rule whose key both records
// share (and whose if_missing condition holds) must have skipped the block as
// too large; otherwise which of the blocked fields differ.
std::string MissCause(const Model& model, const PreparedTable& t, uint32_t i, uint32_t j) {
  for (size_t r = 0; r < t.block_keys.size(); ++r) {
    const uint64_t k = t.block_keys[r][i];
    if (k == 0 || k != t.block_keys[r][j]) continue;
    if (!t.block_missing[r].empty() && !t.block_missing[r][i] && !t.block_missing[r][j]) continue;
    return "a rule's block was too large (first: rule " + std::to_string(r) + ")";
  }
  std::string cause;
  auto add = [&](const std::string& part) { cause += (cause.empty() ? "" : ", ") + part; };
  const int dob = ComparisonIndex(model, "dob"), given = ComparisonIndex(model, "given_name");
  const int surnames = ComparisonIndex(model, "surnames"),
            anum = ComparisonIndex(model, "a_number");
  if (dob >= 0) {
    const Date a = t.comparisons[dob].dates[i], b = t.comparisons[dob].dates[j];
    const int64_t days = a.IsValid() && b.IsValid() ? std::llabs(a.ToDays() - b.ToDays()) : 0;
    if (!a.IsValid() || !b.IsValid()) {
      add("dob missing");
    } else if (a == b) {
      add("dob equal");
    } else if (a.year == b.year && a.day == b.month && a.month == b.day) {
      add("dob day/month swapped");
    } else if ((a.month == 1 && a.day == 1) || (b.month == 1 && b.day == 1)) {
      add(a.year == b.year ? "dob placeholder 1 Jan" : "dob placeholder 1 Jan, other year");
    } else if (a.month == b.month && a.day == b.day) {
      add("dob year off");
    } else if (days <= 31) {
      add("dob days off");
    } else {
      add("dob differs");
    }
  }
  if (given >= 0) {
    const auto& g = t.comparisons[given];
    if (g.value[i] == 0 || g.value[j] == 0) {
      add("given missing");
    } else if (g.given[i].phonetic_first == g.given[j].phonetic_first) {
      add("given sounds alike");
    } else {
      add("given differs");
    }
  }
  if (surnames >= 0) {
    const names::SurnameFeature& a = t.comparisons[surnames].surnames[i];
    const names::SurnameFeature& b = t.comparisons[surnames].surnames[j];
    if (a.paternal_key.empty() || b.paternal_key.empty()) {
      add("surname missing");
    } else if (a.paternal_key == b.paternal_key) {
      add(a.maternal_key.empty() || b.maternal_key.empty() ? "paternal alike, one maternal missing"
                                                           : "paternal alike");
    } else if (a.paternal_key == b.maternal_key || a.maternal_key == b.paternal_key) {
      add("surnames swapped or one dropped");
    } else {
      add("paternal differs");
    }
  }
  if (anum >= 0) {
    const auto& v = t.comparisons[anum].value;
    if (v[i] != 0 && v[j] != 0) add(v[i] == v[j] ? "a-number equal" : "a-number differs");
  }
  return cause;
}

int RunPipeline(const std::string& dir, const std::string& model_path) {
  auto start = std::chrono::steady_clock::now();
  auto model = LoadModel(model_path);
  if (!model.ok()) return 1;
  InputSpec spec;
  spec.left_path = dir + "/persons.csv";
  spec.id_column = "record_id";
  auto in = ReadInputs(*model, spec);
  if (!in.ok()) {
    std::fprintf(stderr, "%s\n", in.status().message().c_str());
    return 1;
  }
  const double read = Since(start);
  LinkOptions options;
  options.train = std::getenv("REUNITE_NO_TRAIN") == nullptr;
  options.threads = 2;
  options.threshold = 0.5;
  options.progress = ProgressMode::kNever;
  // REUNITE_GLOBAL_EM=1: one EM over all candidates (no per-rule m), for comparison.
  options.training.per_rule_m = std::getenv("REUNITE_GLOBAL_EM") == nullptr;
  LinkJob job(*model, in->left, nullptr, options);
  if (!job.Run().ok()) return 1;
  auto w0 = std::chrono::steady_clock::now();
  if (!WritePairs(dir + "/pairs.csv", job, in->left, in->left).ok()) return 1;
  if (!WriteClusters(dir + "/clusters.csv", job, in->left, in->left).ok()) return 1;
  const double write = Since(w0);
  const double total = Since(start);
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  const auto& t = job.timings();
  std::printf(
      "end to end: %.2f s wall (read %.2f, standardise %.2f, block %.2f, train %.2f, "
      "score %.2f, cluster %.2f, write %.2f), peak RSS %.2f GiB\n",
      total, read, t.prepare, t.block, t.train, t.score, t.cluster, write,
      ru.ru_maxrss / 1024.0 / 1024.0);
  std::printf(
      "CPU time (all threads): %.2f s (standardise %.2f, block %.2f, train %.2f, score %.2f, "
      "cluster %.2f); load average at the end %.1f\n",
      ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec +
          ru.ru_stime.tv_usec * 1e-6,
      t.cpu.prepare, t.cpu.block, t.cpu.train, t.cpu.score, t.cpu.cluster, LoadAverage());
  std::printf(
      "candidate pairs %llu, oversized blocks skipped %llu (%llu records), matches %zu, "
      "clusters %zu, EM iterations %d, prior %.3g\n",
      static_cast<unsigned long long>(job.candidate_pairs()),
      static_cast<unsigned long long>(job.blocking_stats().oversized_blocks),
      static_cast<unsigned long long>(job.blocking_stats().oversized_records), job.matches().size(),
      job.clusters().cluster_ids.size(), job.training_report().iterations, job.model().prior);
  std::printf("pairs by rule (before dedup):");
  for (uint64_t p : job.blocking_stats().pairs_by_rule) {
    std::printf(" %llu", static_cast<unsigned long long>(p));
  }
  std::printf("\n");
  if (std::getenv("REUNITE_PRINT_MODEL") != nullptr) {
    for (const auto& c : job.model().comparisons) {
      std::printf("%s:", c.name.c_str());
      for (size_t l = 1; l < c.levels.size(); ++l) {
        std::printf(" [%s m=%.4f u=%.2g]", c.levels[l].label.c_str(), c.levels[l].m, c.levels[l].u);
      }
      std::printf("\n");
    }
  }
  // Accuracy against the truth (not timed): person_id is column 1 of the file.
  auto truth_reader = CsvReader::Open(dir + "/persons.csv");
  if (!truth_reader.ok()) return 1;
  std::vector<std::string> f;
  std::vector<uint32_t> person;
  while (*(*truth_reader)->Next(f)) person.push_back(static_cast<uint32_t>(std::stoul(f[1])));
  std::unordered_map<uint32_t, uint64_t> per_person;
  for (uint32_t p : person) ++per_person[p];
  uint64_t true_pairs = 0;
  for (const auto& [p, k] : per_person) true_pairs += k * (k - 1) / 2;
  uint64_t found = 0;
  Blocker blocker = Blocker::ForDedupe(job.left_prepared(), *model);
  std::unordered_map<uint64_t, bool> candidate_true;
  blocker.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) {
    if (person[i] != person[j]) return;
    ++found;
    candidate_true[uint64_t{i} << 32 | j] = true;
  });
  // REUNITE_RULE_STATS=1: per rule, the candidate pairs and the true pairs
  // that ONLY that rule proposes (what dropping the rule would cost/lose).
  if (std::getenv("REUNITE_RULE_STATS") != nullptr) {
    std::vector<uint64_t> only_pairs(blocker.rules()), only_true(blocker.rules());
    blocker.ForEachPairWithRules(0, 1, [&](uint32_t i, uint32_t j, uint32_t mask) {
      if ((mask & (mask - 1)) != 0) return;
      const int r = __builtin_ctz(mask);
      ++only_pairs[r];
      only_true[r] += person[i] == person[j];
    });
    for (size_t r = 0; r < blocker.rules(); ++r) {
      std::printf("rule %zu: %llu pairs only it proposes, %llu of them true\n", r,
                  static_cast<unsigned long long>(only_pairs[r]),
                  static_cast<unsigned long long>(only_true[r]));
    }
  }
  // REUNITE_SHOW_MISSED=K: print K true pairs that no blocking rule finds.
  if (const char* show = std::getenv("REUNITE_SHOW_MISSED")) {
    int left = std::atoi(show);
    std::unordered_map<uint32_t, std::vector<uint32_t>> members;
    for (uint32_t i = 0; i < person.size(); ++i) members[person[i]].push_back(i);
    const RecordTable& t = in->left;
    auto row = [&](uint32_t i) {
      std::string out;
      for (size_t c = 0; c < t.columns.size(); ++c) out += t.data[c][i] + "|";
      return out;
    };
    for (uint32_t i = 0; i < person.size() && left > 0; ++i) {
      for (uint32_t j : members[person[i]]) {
        if (j <= i || candidate_true.count(uint64_t{i} << 32 | j)) continue;
        std::printf("missed: %s  ~  %s\n", row(i).c_str(), row(j).c_str());
        --left;
      }
    }
  }
  // Missed true pairs by cause, most frequent first (not timed).
  {
    std::unordered_map<uint32_t, std::vector<uint32_t>> members;
    for (uint32_t i = 0; i < person.size(); ++i) members[person[i]].push_back(i);
    std::map<std::string, uint64_t> causes;
    uint64_t missed = 0;
    for (const auto& [p, recs] : members) {
      for (size_t a = 0; a < recs.size(); ++a) {
        for (size_t b = a + 1; b < recs.size(); ++b) {
          const uint32_t i = std::min(recs[a], recs[b]), j = std::max(recs[a], recs[b]);
          if (candidate_true.count(uint64_t{i} << 32 | j)) continue;
          ++causes[MissCause(*model, job.left_prepared(), i, j)];
          ++missed;
        }
      }
    }
    std::vector<std::pair<uint64_t, std::string>> sorted;
    for (const auto& [c, n] : causes) sorted.push_back({n, c});
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    std::printf("missed true pairs by cause (%llu):\n", static_cast<unsigned long long>(missed));
    for (size_t k = 0; k < sorted.size() && k < 20; ++k) {
      std::printf("  %6llu  %5.1f%%  %s\n", static_cast<unsigned long long>(sorted[k].first),
                  100.0 * sorted[k].first / missed, sorted[k].second.c_str());
    }
  }
  uint64_t tp = 0;
  for (const ScoredPair& p : job.matches()) tp += person[p.left] == person[p.right];
  const double precision = job.matches().empty() ? 0 : double(tp) / job.matches().size();
  const double recall = true_pairs ? double(tp) / true_pairs : 0;
  std::printf(
      "pair completeness %.4f (%llu of %llu true pairs are candidates); precision %.4f "
      "recall %.4f F1 %.4f\n",
      true_pairs ? double(found) / true_pairs : 0, static_cast<unsigned long long>(found),
      static_cast<unsigned long long>(true_pairs), precision, recall,
      precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t records = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const std::string dir = argc > 2 ? argv[2] : "/tmp/reunite-dedupe";
  const std::string model_path =
      argc > 3 ? argv[3] : std::string(REUNITE_SOURCE_DIR) + "/models/person.json";
  mkdir(dir.c_str(), 0755);
  std::printf("dedupe_bench: %zu synthetic person records, %s, 2 threads\n", records,
              model_path.c_str());
  std::fflush(stdout);
  pid_t gen = fork();
  if (gen == 0) {
    auto t = std::chrono::steady_clock::now();
    bench::PersonCorpus c = bench::MakePersonCorpus(records, 2026);
    bool ok = bench::WriteCorpus(c, dir + "/persons.csv");
    std::printf("generated %s/persons.csv in %.1f s (not timed below)\n", dir.c_str(), Since(t));
    std::fflush(stdout);
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  waitpid(gen, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
  pid_t run = fork();
  if (run == 0) {
    int rc = RunPipeline(dir, model_path);
    std::fflush(stdout);
    _exit(rc);
  }
  waitpid(run, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
