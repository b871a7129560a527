// `reunite resolve` end to end on a synthetic scenario: generate, import the
// six exports through the shipped mappings into a fresh SQLite store (or
// --db, e.g. a PostgreSQL URL), resolve, and score persons and parent-child
// links against the ground truth (resolution/scenario_check.h). Then the
// same resolve again (nothing changes: the cost of a no-op re-run) and a
// rebuild of the projections from the log, each timed in the same run.
//
//   build/release/bench/resolve_bench [--families N=5000] [--seed S=1]
//       [--dir DIR=/tmp/reunite-resolve-bench] [--db URL] [--threads T=2]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "ingest/mapping.h"
#include "resolution/resolution.h"
#include "resolution/scenario_check.h"
#include "service/import_service.h"
#include "storage/migrations.h"
#include "synth/exports.h"
#include "synth/generator.h"

using namespace reunite;

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "resolve_bench: %s\n", s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t families = 5000, seed = 1;
  int threads = 2;
  std::string dir = "/tmp/reunite-resolve-bench", db_url;
  for (int i = 1; i < argc; ++i) {
    auto value = [&](const char* name) -> const char* {
      if (std::strcmp(argv[i], name) != 0 || i + 1 >= argc) return nullptr;
      return argv[++i];
    };
    if (const char* v = value("--families")) {
      families = std::strtoull(v, nullptr, 10);
    } else if (const char* v = value("--seed")) {
      seed = std::strtoull(v, nullptr, 10);
    } else if (const char* v = value("--dir")) {
      dir = v;
    } else if (const char* v = value("--db")) {
      db_url = v;
    } else if (const char* v = value("--threads")) {
      threads = std::atoi(v);
    } else {
      std::fprintf(stderr,
                   "usage: resolve_bench [--families N] [--seed S] [--dir DIR] [--db URL] "
                   "[--threads T]\n");
      return 2;
    }
  }
  const std::string src = REUNITE_SOURCE_DIR;
  synth::SynthOptions so;
  so.families = families;
  so.seed = seed;
  so.out_dir = dir;
  so.threads = threads;
  auto synth = synth::GenerateScenario(so);
  if (!synth.ok()) return Fail(synth.status());
  if (db_url.empty()) {
    db_url = dir + "/resolve.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_url + suffix);
  }
  auto db = storage::OpenAndMigrate(db_url);
  if (!db.ok()) return Fail(db.status());
  std::printf("resolve_bench: %llu families (seed %llu), %llu persons, store %s, %d threads\n",
              static_cast<unsigned long long>(families), static_cast<unsigned long long>(seed),
              static_cast<unsigned long long>(synth->persons), (*db)->Describe().c_str(), threads);

  auto t = std::chrono::steady_clock::now();
  int64_t rows = 0;
  for (synth::Source source : synth::kAllSources) {
    auto mapping =
        ingest::LoadMapping(src + "/mappings/" + std::string(synth::SourceName(source)) + ".toml");
    if (!mapping.ok()) return Fail(mapping.status());
    auto s = service::ImportFile(**db, *mapping,
                                 dir + "/exports/" + std::string(synth::ExportFileName(source)));
    if (!s.ok()) return Fail(s.status());
    rows += s->rows_new;
  }
  const double import_s = Since(t);
  std::printf("import: %lld records in %.2f s (not part of the resolve time)\n",
              static_cast<long long>(rows), import_s);

  resolution::ResolveOptions options;
  options.model_path = src + "/models/person.json";
  options.threads = threads;
  options.progress = ProgressMode::kNever;
  t = std::chrono::steady_clock::now();
  auto first = resolution::Resolve(**db, options);
  if (!first.ok()) return Fail(first.status());
  const double resolve_s = Since(t);
  std::printf(
      "resolve: %.2f s wall: %lld persons, %lld family units, %lld relationships, %lld review "
      "pairs, %lld events; %lld candidate pairs, %lld accepted\n",
      resolve_s, static_cast<long long>(first->persons),
      static_cast<long long>(first->family_units), static_cast<long long>(first->relationships),
      static_cast<long long>(first->review_pairs), static_cast<long long>(first->events_appended),
      static_cast<long long>(first->candidate_pairs), static_cast<long long>(first->matched_pairs));

  auto check = resolution::CheckAgainstTruth(**db, dir);
  if (!check.ok()) return Fail(check.status());
  const auto& c = *check;
  std::printf("persons (record pairs): precision %.4f recall %.4f (%llu true pairs)\n",
              c.person_pairs.precision(), c.person_pairs.recall(),
              static_cast<unsigned long long>(c.person_pairs.truth));
  std::printf("parent-child links: precision %.4f recall %.4f (%llu true, %llu found)\n",
              c.relationships.precision(), c.relationships.recall(),
              static_cast<unsigned long long>(c.relationships.truth),
              static_cast<unsigned long long>(c.relationships.found));
  std::printf("separated children reachable from their parent: %llu of %llu\n",
              static_cast<unsigned long long>(c.reachable),
              static_cast<unsigned long long>(c.separated_children));

  t = std::chrono::steady_clock::now();
  auto again = resolution::Resolve(**db, options);
  if (!again.ok()) return Fail(again.status());
  const double again_s = Since(t);
  t = std::chrono::steady_clock::now();
  auto rebuilt = resolution::RebuildProjections(**db, ProgressMode::kNever);
  if (!rebuilt.ok()) return Fail(rebuilt.status());
  const double rebuild_s = Since(t);
  std::printf("re-run on the same data: %.2f s, %lld events appended (%.2fx the first run)\n",
              again_s, static_cast<long long>(again->events_appended), again_s / resolve_s);
  std::printf(
      "rebuild: %lld events read, %lld applied in %.2f s (%.0f events/s; %.2fx the first "
      "resolve)\n",
      static_cast<long long>(rebuilt->events_read), static_cast<long long>(rebuilt->events_applied),
      rebuild_s, rebuild_s > 0 ? rebuilt->events_read / rebuild_s : 0.0, rebuild_s / resolve_s);
  return 0;
}
