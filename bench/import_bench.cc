// Import throughput: the synthetic scenario's five exports into SQLite and
// (with --pg URL) PostgreSQL, through the shipped mappings. Prints rows/s per
// store and, as a baseline measured in the same run, the rate of only reading
// and normalising the same files (no storage), so the storage overhead is a
// ratio on this machine, whatever its load.
//
//   import_bench [--families N] [--seed S] [--pg postgresql://…]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/export_reader.h"
#include "ingest/normalizer.h"
#include "service/import_service.h"
#include "storage/migrations.h"
#include "synth/generator.h"

namespace {

using namespace reunite;

struct Export {
  std::string mapping, file;
};
const std::vector<Export> kExports = {{"e3", "e3_apprehensions.csv"},
                                      {"ice", "ice_detention.csv"},
                                      {"orr", "orr_shelter.csv"},
                                      {"usao", "prosecution_cases.csv"},
                                      {"ngo", "ngo_outreach.jsonl"}};

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU seconds (user + system) of this process so far: on a loaded machine the
// wall time includes waiting for a core, the CPU time does not (PostgreSQL's
// server work runs in other processes and is not in it).
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "import_bench: %s\n", s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t families = 100000;
  uint64_t seed = 2018;
  std::string pg;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--families")) families = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--seed")) seed = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--pg")) pg = argv[i + 1];
  }
  std::string dir = (std::filesystem::temp_directory_path() / "reunite_import_bench").string();
  std::filesystem::remove_all(dir);
  synth::SynthOptions so;
  so.families = families;
  so.seed = seed;
  so.out_dir = dir + "/scenario";
  auto gen = synth::GenerateScenario(so);
  if (!gen.ok()) return Fail(gen.status());

  std::vector<ingest::SourceMapping> mappings;
  for (const Export& e : kExports) {
    auto m =
        ingest::LoadMapping(std::string(REUNITE_SOURCE_DIR) + "/mappings/" + e.mapping + ".toml");
    if (!m.ok()) return Fail(m.status());
    mappings.push_back(*m);
  }

  // Baseline: read and normalise every row, store nothing.
  int64_t rows = 0;
  auto t0 = std::chrono::steady_clock::now();
  double cpu0 = CpuSeconds();
  for (size_t k = 0; k < kExports.size(); ++k) {
    std::vector<std::string> cols = {mappings[k].record_id};
    for (const auto& f : mappings[k].fields) cols.push_back(f.column);
    auto reader = ingest::ExportReader::Open(so.out_dir + "/exports/" + kExports[k].file,
                                             mappings[k].format, cols);
    if (!reader.ok()) return Fail(reader.status());
    auto norm = ingest::RowNormalizer::Create(mappings[k], (*reader)->columns(), kExports[k].file);
    if (!norm.ok()) return Fail(norm.status());
    ingest::RawRow row;
    while (true) {
      auto got = (*reader)->Next(row);
      if (!got.ok()) return Fail(got.status());
      if (!*got) break;
      auto out = norm->Normalize(row);
      (void)out;
      ++rows;
    }
  }
  double base_s = Seconds(t0);
  double base_cpu = CpuSeconds() - cpu0;
  std::printf("families %llu, export rows %lld\n", static_cast<unsigned long long>(families),
              static_cast<long long>(rows));
  std::printf("%-28s %8.2f s wall %12.0f rows/s | %8.2f s cpu %12.0f rows/cpu-s\n",
              "baseline (read+normalise)", base_s, rows / base_s, base_cpu, rows / base_cpu);

  auto run = [&](const std::string& label, const std::string& url) -> int {
    auto db = storage::OpenAndMigrate(url);
    if (!db.ok()) return Fail(db.status());
    int64_t total_rows = 0, events = 0;
    auto t = std::chrono::steady_clock::now();
    double c0 = CpuSeconds();
    for (size_t k = 0; k < kExports.size(); ++k) {
      auto s = service::ImportFile(**db, mappings[k], so.out_dir + "/exports/" + kExports[k].file);
      if (!s.ok()) return Fail(s.status());
      total_rows += s->rows_read;
      events += s->events_appended;
    }
    double secs = Seconds(t);
    double cpu = CpuSeconds() - c0;
    std::printf(
        "%-28s %8.2f s wall %12.0f rows/s | %8.2f s cpu %12.0f rows/cpu-s  (%lld events; "
        "%.2fx the baseline's wall time)\n",
        label.c_str(), secs, total_rows / secs, cpu, total_rows / cpu,
        static_cast<long long>(events), secs / base_s);
    return 0;
  };
  if (int rc = run("import into SQLite", dir + "/bench.db"); rc != 0) return rc;
  if (!pg.empty()) {
    auto admin = storage::OpenConnection(pg);
    if (!admin.ok()) return Fail(admin.status());
    (void)(*admin)->Execute(
        "DROP SCHEMA IF EXISTS import_bench CASCADE; CREATE SCHEMA import_bench", {});
    std::string url = pg + (pg.find('?') == std::string::npos ? "?" : "&") +
                      "options=-csearch_path%3Dimport_bench";
    if (int rc = run("import into PostgreSQL", url); rc != 0) return rc;
  } else {
    std::printf("PostgreSQL: skipped (give --pg postgresql://…; scripts/pg.sh starts one)\n");
  }
  std::filesystem::remove_all(dir);
  return 0;
}
