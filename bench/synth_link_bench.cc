// Cross-agency person linkage of the synthetic scenario, as `reunite resolve`
// sees it: generate the scenario with the synth library, read the five
// exports THROUGH THE SHIPPED SOURCE MAPPINGS (mappings/*.toml: ExportReader +
// RowNormalizer, i.e. exactly the canonical fields the store holds), build one
// person table with linkage::PersonRecordTable (ids "source/record_key"),
// deduplicate it with models/person.json trained by EM (no labels), and score
// the result against truth/records.csv: records sharing a person_id are
// matches, within a source too.
//
// Prints precision / recall / F1 of the accepted pairs (and of the pairs the
// clusters imply) overall and per source pair, pair completeness of blocking,
// and seconds per stage (2 threads).
//
//   build/release/bench/synth_link_bench [--families N=2000] [--seed S=1]
//       [--dir DIR=/tmp/reunite-synth-link] [--threshold P=0.5] [--threads T=2]
//       [--errors K]   (print K false positives and K missed candidate pairs, explained)
//       [--connected-components]  (cluster by connected components instead of
//                       average linkage, as `reunite link` does by default)
//       [--levels]     (print each level's trained m next to its share among the true
//                       matches that are candidates: how well EM did without labels)
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "common/csv.h"
#include "ingest/export_reader.h"
#include "ingest/mapping.h"
#include "ingest/normalizer.h"
#include "linkage/link_io.h"
#include "linkage/link_job.h"
#include "linkage/person_records.h"
#include "synth/exports.h"
#include "synth/generator.h"

using namespace reunite;
using namespace reunite::linkage;

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

struct Flags {
  uint64_t families = 2000;
  uint64_t seed = 1;
  std::string dir = "/tmp/reunite-synth-link";
  double threshold = 0.5;
  int threads = 2;
  int errors = 0;
  bool levels = false;
  bool connected_components = false;
};

bool ParseFlags(int argc, char** argv, Flags* f) {
  for (int i = 1; i < argc; ++i) {
    auto value = [&](const char* name) -> const char* {
      if (std::strcmp(argv[i], name) != 0 || i + 1 >= argc) return nullptr;
      return argv[++i];
    };
    if (const char* v = value("--families")) {
      f->families = std::strtoull(v, nullptr, 10);
    } else if (const char* v = value("--seed")) {
      f->seed = std::strtoull(v, nullptr, 10);
    } else if (const char* v = value("--dir")) {
      f->dir = v;
    } else if (const char* v = value("--threshold")) {
      f->threshold = std::strtod(v, nullptr);
    } else if (const char* v = value("--threads")) {
      f->threads = std::atoi(v);
    } else if (const char* v = value("--errors")) {
      f->errors = std::atoi(v);
    } else if (std::strcmp(argv[i], "--levels") == 0) {
      f->levels = true;
    } else if (std::strcmp(argv[i], "--connected-components") == 0) {
      f->connected_components = true;
    } else {
      std::fprintf(stderr,
                   "usage: synth_link_bench [--families N] [--seed S] [--dir DIR] "
                   "[--threshold P] [--threads T] [--errors K] [--levels] "
                   "[--connected-components]\n");
      return false;
    }
  }
  return f->families > 0;
}

// The columns a JSON Lines export must provide (as the import service reads it).
std::vector<std::string> MappedColumns(const ingest::SourceMapping& m) {
  std::vector<std::string> cols = {m.record_id};
  for (const auto& f : m.fields) cols.push_back(f.column);
  return cols;
}

// Reads one export through its mapping; appends its records.
Status ReadExport(const std::string& mapping_path, const std::string& export_path,
                  std::vector<SourceRecord>* out, size_t* rejected) {
  REUNITE_ASSIGN_OR_RETURN(ingest::SourceMapping mapping, ingest::LoadMapping(mapping_path));
  REUNITE_ASSIGN_OR_RETURN(
      auto reader, ingest::ExportReader::Open(export_path, mapping.format, MappedColumns(mapping)));
  REUNITE_ASSIGN_OR_RETURN(auto normalizer,
                           ingest::RowNormalizer::Create(mapping, reader->columns(), export_path));
  ingest::RawRow row;
  for (;;) {
    REUNITE_ASSIGN_OR_RETURN(bool more, reader->Next(row));
    if (!more) break;
    auto result = normalizer.Normalize(row);
    if (auto* rec = std::get_if<ingest::CanonicalRecord>(&result)) {
      out->push_back({mapping.source, std::move(rec->record_key), std::move(rec->fields)});
    } else {
      ++*rejected;
    }
  }
  return Status::Ok();
}

struct Counts {
  uint64_t truth = 0, predicted = 0, tp = 0, candidates_true = 0;
};

double Ratio(uint64_t a, uint64_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

void PrintLine(const char* label, const Counts& c) {
  const double p = Ratio(c.tp, c.predicted), r = Ratio(c.tp, c.truth);
  std::printf("  %-10s true %7llu  found %7llu  precision %.4f  recall %.4f  F1 %.4f  PC %.4f\n",
              label, static_cast<unsigned long long>(c.truth),
              static_cast<unsigned long long>(c.predicted), p, r,
              p + r > 0 ? 2 * p * r / (p + r) : 0, Ratio(c.candidates_true, c.truth));
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, &flags)) return 2;
  const std::string src = REUNITE_SOURCE_DIR;
  std::printf("synth_link_bench: %llu families, seed %llu, models/person.json, %d threads\n",
              static_cast<unsigned long long>(flags.families),
              static_cast<unsigned long long>(flags.seed), flags.threads);

  synth::SynthOptions so;
  so.families = flags.families;
  so.seed = flags.seed;
  so.out_dir = flags.dir;
  so.threads = flags.threads;
  auto summary = synth::GenerateScenario(so);
  if (!summary.ok()) {
    std::fprintf(stderr, "synth: %s\n", summary.status().message().c_str());
    return 1;
  }
  std::printf("generated %s in %.1f s (not timed below)\n", flags.dir.c_str(), summary->seconds);

  // 1. Read the exports through the shipped mappings.
  const auto start = std::chrono::steady_clock::now();
  std::vector<SourceRecord> records;
  size_t rejected = 0;
  for (synth::Source s : synth::kAllSources) {
    const std::string name(synth::SourceName(s));
    Status st = ReadExport(src + "/mappings/" + name + ".toml",
                           flags.dir + "/exports/" + std::string(synth::ExportFileName(s)),
                           &records, &rejected);
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.message().c_str());
      return 1;
    }
  }
  const double read = Since(start);
  auto t0 = std::chrono::steady_clock::now();
  RecordTable table = PersonRecordTable(records);
  const double convert = Since(t0);

  auto model = LoadModel(src + "/models/person.json");
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().message().c_str());
    return 1;
  }
  LinkOptions options;
  options.train = true;
  options.threads = flags.threads;
  options.threshold = flags.threshold;
  options.progress = ProgressMode::kNever;
  options.clustering = flags.connected_components ? ClusterMethod::kConnectedComponents
                                                  : ClusterMethod::kAverageLinkage;
  LinkJob job(*model, table, nullptr, options);
  if (Status s = job.Run(); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  const double total = Since(start);
  const LinkTimings& t = job.timings();
  std::printf(
      "records %zu (rejected by the mappings %zu); end to end %.2f s wall (read+normalise %.2f, "
      "table %.2f, standardise %.2f, block %.2f, train %.2f, score %.2f, cluster %.2f)\n",
      table.size(), rejected, total, read, convert, t.prepare, t.block, t.train, t.score,
      t.cluster);
  std::printf("candidate pairs %llu, matches %zu, clusters %zu, prior %.3g\n",
              static_cast<unsigned long long>(job.candidate_pairs()), job.matches().size(),
              job.clusters().cluster_ids.size(), job.model().prior);

  // 2. The truth.
  std::unordered_map<std::string, uint32_t> person_of_id;
  std::unordered_map<std::string, uint32_t> person_number;
  {
    auto reader = CsvReader::Open(flags.dir + "/truth/records.csv");
    if (!reader.ok()) return 1;
    std::vector<std::string> f;
    while (*(*reader)->Next(f)) {
      auto [it, added] = person_number.emplace(f[2], static_cast<uint32_t>(person_number.size()));
      person_of_id[PersonRecordId(f[0], f[1])] = it->second;
    }
  }
  std::vector<uint32_t> person(table.size());
  std::vector<int> source(table.size());
  constexpr int kSources = synth::kSourceCount;
  std::array<std::string, kSources> source_names;
  for (int s = 0; s < kSources; ++s) source_names[s] = synth::SourceName(synth::kAllSources[s]);
  for (size_t i = 0; i < table.size(); ++i) {
    auto it = person_of_id.find(table.ids[i]);
    if (it == person_of_id.end()) {
      std::fprintf(stderr, "no truth for %s\n", table.ids[i].c_str());
      return 1;
    }
    person[i] = it->second;
    const std::string src_name = table.ids[i].substr(0, table.ids[i].find('/'));
    source[i] = static_cast<int>(std::find(source_names.begin(), source_names.end(), src_name) -
                                 source_names.begin());
  }
  auto pair_index = [](int a, int b) { return a < b ? a * kSources + b : b * kSources + a; };
  std::array<Counts, kSources * kSources> by_pair{};
  Counts overall, clustered;
  {
    std::unordered_map<uint32_t, std::array<uint64_t, kSources>> per_person;
    for (size_t i = 0; i < table.size(); ++i) ++per_person[person[i]][source[i]];
    for (const auto& [p, c] : per_person) {
      for (int a = 0; a < kSources; ++a) {
        by_pair[pair_index(a, a)].truth += c[a] * (c[a] - (c[a] > 0 ? 1 : 0)) / 2;
        for (int b = a + 1; b < kSources; ++b) by_pair[pair_index(a, b)].truth += c[a] * c[b];
      }
    }
  }
  std::vector<ScoredPair> false_positives;
  for (const ScoredPair& p : job.matches()) {
    Counts& c = by_pair[pair_index(source[p.left], source[p.right])];
    ++c.predicted;
    if (person[p.left] == person[p.right]) {
      ++c.tp;
    } else if (false_positives.size() < static_cast<size_t>(flags.errors)) {
      false_positives.push_back(p);
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> missed;
  const size_t nc = job.model().comparisons.size();
  std::vector<std::array<uint64_t, kMaxLevels>> true_levels(nc);
  // Levels (non-null) of the true candidate pairs the clusters split, by pattern.
  std::map<std::string, uint64_t> split_patterns;
  std::vector<std::pair<uint32_t, uint32_t>> split_examples;
  // Candidate pairs by predicted probability: all, and those compared on names only.
  constexpr size_t kCalibrationBins = 10;
  struct Calibration {
    uint64_t pairs = 0, matches = 0;
    double predicted = 0;
  };
  std::array<std::array<Calibration, kCalibrationBins>, 2> calibration{};
  {
    Blocker blocker = Blocker::ForDedupe(job.left_prepared(), job.model());
    std::vector<ScoredPair> sorted = job.matches();
    blocker.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) {
      if (flags.levels) {
        // Calibration: predicted probability against the share of true matches.
        const PairScore score = job.Explain(i, j);
        const double p = score.match_probability;
        const size_t bin =
            std::min<size_t>(kCalibrationBins - 1, static_cast<size_t>(p * kCalibrationBins));
        bool names_only = true;
        for (size_t c = 0; c < nc; ++c) {
          const std::string& name = job.model().comparisons[c].name;
          if (score.levels[c] != 0 && name != "given_name" && name != "surnames" && name != "sex" &&
              name != "country") {
            names_only = false;
          }
        }
        for (Calibration* cal :
             {&calibration[0][bin], names_only ? &calibration[1][bin] : nullptr}) {
          if (cal == nullptr) continue;
          ++cal->pairs;
          cal->predicted += p;
          cal->matches += person[i] == person[j];
        }
      }
      if (person[i] != person[j]) return;
      if (flags.levels) {
        const PairScore score = job.Explain(i, j);
        for (size_t c = 0; c < nc; ++c) ++true_levels[c][score.levels[c]];
        if (job.clusters().cluster_of[i] != job.clusters().cluster_of[j]) {
          std::string key;
          for (size_t c = 0; c < nc; ++c) {
            if (score.levels[c] == 0) continue;
            const Comparison& comp = job.model().comparisons[c];
            const std::string& label = comp.levels[score.levels[c]].label;
            key += (key.empty() ? "" : ", ") + comp.name + "=" + (label.empty() ? "else" : label);
          }
          ++split_patterns[key];
          if (split_examples.size() < static_cast<size_t>(flags.errors)) {
            split_examples.emplace_back(i, j);
          }
        }
      }
      ++by_pair[pair_index(source[i], source[j])].candidates_true;
      if (missed.size() < static_cast<size_t>(flags.errors)) {
        ScoredPair key{i, j, 0};
        auto it = std::lower_bound(sorted.begin(), sorted.end(), key,
                                   [](const ScoredPair& a, const ScoredPair& b) {
                                     return a.left != b.left ? a.left < b.left : a.right < b.right;
                                   });
        if (it == sorted.end() || it->left != i || it->right != j) missed.emplace_back(i, j);
      }
    });
  }
  for (const Counts& c : by_pair) {
    overall.truth += c.truth;
    overall.predicted += c.predicted;
    overall.tp += c.tp;
    overall.candidates_true += c.candidates_true;
  }
  std::array<Counts, kSources * kSources> clustered_by_pair{};
  {
    // Pairs implied by the clusters (what a person registry holds), overall
    // and by source pair.
    const auto& cluster_of = job.clusters().cluster_of;
    std::unordered_map<uint32_t, std::array<uint64_t, kSources>> per_cluster;
    std::unordered_map<uint64_t, std::array<uint64_t, kSources>> per_cluster_person;
    for (size_t i = 0; i < table.size(); ++i) {
      ++per_cluster[cluster_of[i]][source[i]];
      ++per_cluster_person[static_cast<uint64_t>(cluster_of[i]) << 32 | person[i]][source[i]];
    }
    auto add = [&](const std::array<uint64_t, kSources>& c, uint64_t Counts::*field) {
      for (int a = 0; a < kSources; ++a) {
        clustered_by_pair[pair_index(a, a)].*field += c[a] * (c[a] - (c[a] > 0 ? 1 : 0)) / 2;
        for (int b = a + 1; b < kSources; ++b) {
          clustered_by_pair[pair_index(a, b)].*field += c[a] * c[b];
        }
      }
    };
    for (const auto& [k, c] : per_cluster) add(c, &Counts::predicted);
    for (const auto& [k, c] : per_cluster_person) add(c, &Counts::tp);
    for (size_t k = 0; k < by_pair.size(); ++k) {
      clustered_by_pair[k].truth = by_pair[k].truth;
      clustered_by_pair[k].candidates_true = by_pair[k].candidates_true;
      clustered.predicted += clustered_by_pair[k].predicted;
      clustered.tp += clustered_by_pair[k].tp;
    }
    clustered.truth = overall.truth;
    clustered.candidates_true = overall.candidates_true;
  }
  std::printf("person matches (pairs of records of the same person, within and across sources):\n");
  PrintLine("pairs", overall);
  PrintLine("clusters", clustered);
  {
    // The figure: pairs of records of one person held by two
    // different agencies, as the clusters imply them.
    Counts cross;
    for (int a = 0; a < kSources; ++a) {
      for (int b = a + 1; b < kSources; ++b) {
        const Counts& c = clustered_by_pair[pair_index(a, b)];
        cross.truth += c.truth;
        cross.predicted += c.predicted;
        cross.tp += c.tp;
        cross.candidates_true += c.candidates_true;
      }
    }
    std::printf(
        "cross-agency person matches (clusters, pairs of records from two different sources):\n");
    PrintLine("cross", cross);
  }
  for (int view = 0; view < 2; ++view) {
    std::printf("by source pair (%s):\n", view == 0 ? "accepted pairs" : "clusters");
    for (int a = 0; a < kSources; ++a) {
      for (int b = a; b < kSources; ++b) {
        const Counts& c = (view == 0 ? by_pair : clustered_by_pair)[pair_index(a, b)];
        if (c.truth == 0 && c.predicted == 0) continue;
        const std::string label = source_names[a] + "-" + source_names[b];
        PrintLine(label.c_str(), c);
      }
    }
  }
  if (flags.levels) {
    std::printf("trained m vs share among true candidate pairs (non-null):\n");
    for (size_t c = 0; c < nc; ++c) {
      const Comparison& comp = job.model().comparisons[c];
      uint64_t nonnull = 0;
      for (size_t l = 1; l < comp.levels.size(); ++l) nonnull += true_levels[c][l];
      std::printf("  %s\n", comp.name.c_str());
      for (size_t l = 1; l < comp.levels.size(); ++l) {
        std::printf("    %-42s m %.4f  true %.4f  u %.3g\n", comp.levels[l].label.c_str(),
                    comp.levels[l].m, Ratio(true_levels[c][l], nonnull), comp.levels[l].u);
      }
    }
  }
  // A record's id and every column, for the error listings.
  auto row = [&](uint32_t i) {
    std::string out = table.ids[i];
    for (size_t c = 0; c < table.columns.size(); ++c) out += "|" + table.data[c][i];
    return out;
  };
  if (flags.levels) {
    // Independence check: non-matching pairs agreeing exactly on both the
    // given name and the surnames, observed vs. what the product of their
    // term frequencies predicts.
    size_t cg = 0, cs = 0;
    for (size_t c = 0; c < nc; ++c) {
      if (job.model().comparisons[c].name == "given_name") cg = c;
      if (job.model().comparisons[c].name == "surnames") cs = c;
    }
    const PreparedTable& pt = job.left_prepared();
    std::unordered_map<uint64_t, std::vector<uint32_t>> groups;
    std::unordered_map<uint32_t, double> count_g, count_s;
    double total_g = 0, total_s = 0;
    for (uint32_t i = 0; i < table.size(); ++i) {
      const uint32_t g = pt.comparisons[cg].value[i], sv = pt.comparisons[cs].value[i];
      if (g != 0) ++count_g[g], ++total_g;
      if (sv != 0) ++count_s[sv], ++total_s;
      if (g != 0 && sv != 0) groups[uint64_t{g} << 32 | sv].push_back(i);
    }
    double observed = 0, expected = 0, match_pairs = 0;
    for (const auto& [key, members] : groups) {
      std::unordered_map<uint32_t, double> per;
      for (uint32_t i : members) ++per[person[i]];
      double matched = 0;
      for (const auto& [p, c] : per) matched += c * (c - 1) / 2;
      const double g = static_cast<double>(members.size());
      observed += g * (g - 1) / 2 - matched;
      match_pairs += matched;
    }
    // Expected non-match pairs with both values equal, under independence:
    // over all non-match pairs, P(given equal) * P(surnames equal).
    double pg = 0, ps = 0;
    for (const auto& [v, c] : count_g) pg += (c / total_g) * (c / total_g);
    for (const auto& [v, c] : count_s) ps += (c / total_s) * (c / total_s);
    const double both = static_cast<double>(groups.size());
    (void)both;
    double n_both = 0;
    for (const auto& [key, members] : groups) n_both += static_cast<double>(members.size());
    expected = n_both * (n_both - 1) / 2 * pg * ps;
    std::printf(
        "pairs agreeing exactly on given name and surnames: %.0f matching, %.0f not; "
        "independence predicts %.0f non-matching (observed/predicted %.3f)\n",
        match_pairs, observed, expected, observed / expected);
    std::vector<std::pair<uint64_t, std::string>> top;
    uint64_t split = 0;
    for (const auto& [k, n] : split_patterns) {
      top.emplace_back(n, k);
      split += n;
    }
    std::sort(top.rbegin(), top.rend());
    for (int k = 0; k < 2; ++k) {
      std::printf(
          "calibration of the candidate pairs (%s): bin, pairs, mean predicted, true share\n",
          k == 0 ? "all" : "compared on names, sex and country only");
      for (size_t b = 0; b < kCalibrationBins; ++b) {
        const Calibration& c = calibration[k][b];
        if (c.pairs == 0) continue;
        std::printf("  [%.1f, %.1f)  %9llu  %.3f  %.3f\n", double(b) / kCalibrationBins,
                    double(b + 1) / kCalibrationBins, static_cast<unsigned long long>(c.pairs),
                    c.predicted / c.pairs, Ratio(c.matches, c.pairs));
      }
    }
    std::printf("true candidate pairs the clusters split: %llu; commonest level patterns:\n",
                static_cast<unsigned long long>(split));
    for (size_t k = 0; k < top.size() && k < 400; ++k) {
      std::printf("  %6llu  %s\n", static_cast<unsigned long long>(top[k].first),
                  top[k].second.c_str());
    }
  }
  for (const auto& [i, j] : split_examples) {
    std::printf("\nSPLIT BY THE CLUSTERS\n  %s\n  %s\n%s", row(i).c_str(), row(j).c_str(),
                ExplainText(job.model(), table, i, table, j, job.Explain(i, j)).c_str());
  }
  for (const ScoredPair& p : false_positives) {
    std::printf(
        "\nFALSE POSITIVE\n  %s\n  %s\n%s", row(p.left).c_str(), row(p.right).c_str(),
        ExplainText(job.model(), table, p.left, table, p.right, job.Explain(p.left, p.right))
            .c_str());
  }
  if (flags.errors > 0) {
    // True pairs no blocking rule proposes.
    std::unordered_map<uint64_t, bool> candidate;
    Blocker blocker = Blocker::ForDedupe(job.left_prepared(), job.model());
    blocker.ForEachPair(0, 1, [&](uint32_t i, uint32_t j) {
      if (person[i] == person[j]) candidate[uint64_t{i} << 32 | j] = true;
    });
    std::unordered_map<uint32_t, std::vector<uint32_t>> members;
    for (uint32_t i = 0; i < table.size(); ++i) members[person[i]].push_back(i);
    int shown = 0;
    for (uint32_t i = 0; i < table.size() && shown < flags.errors; ++i) {
      for (uint32_t j : members[person[i]]) {
        if (j <= i || candidate.count(uint64_t{i} << 32 | j) || shown >= flags.errors) continue;
        std::printf("NOT A CANDIDATE: %s  ~  %s\n", row(i).c_str(), row(j).c_str());
        ++shown;
      }
    }
  }
  for (const auto& [i, j] : missed) {
    std::printf("\nMISSED\n  %s\n  %s\n%s", row(i).c_str(), row(j).c_str(),
                ExplainText(job.model(), table, i, table, j, job.Explain(i, j)).c_str());
  }
  return 0;
}
