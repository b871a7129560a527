// FEBRL benchmark: links dataset4a with dataset4b (5,000 true pairs) with
// models/febrl.json, trained by EM without labels, one-to-one assignment;
// deduplicates dataset1/2/3. Prints precision, recall, F1 and seconds.
// The truth is the entity number N in rec-N-org / rec-N-dup-k; rec_id is
// never a model column. Skips (exit 0) when ../shared/data is absent.
//
//   build/release/bench/febrl_bench [DATA_DIR]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>

#include "linkage/link_io.h"
#include "linkage/link_job.h"

namespace {

using reunite::linkage::Inputs;
using reunite::linkage::InputSpec;
using reunite::linkage::LinkJob;
using reunite::linkage::LinkOptions;
using reunite::linkage::Model;

std::string Entity(const std::string& rec_id) {
  // "rec-123-org" / "rec-123-dup-0" -> "123"
  size_t a = rec_id.find('-');
  size_t b = rec_id.find('-', a + 1);
  return rec_id.substr(a + 1, b - a - 1);
}

struct Figures {
  double precision = 0, recall = 0, f1 = 0, seconds = 0;
  size_t candidates = 0, predicted = 0, truth = 0;
  double pair_completeness = 0;
};

Figures Evaluate(const LinkJob& job, const reunite::linkage::RecordTable& left,
                 const reunite::linkage::RecordTable& right, bool dedupe) {
  Figures f;
  std::unordered_map<std::string, size_t> per_entity_left, per_entity_right;
  for (const auto& id : left.ids) ++per_entity_left[Entity(id)];
  if (dedupe) {
    for (const auto& [e, k] : per_entity_left) f.truth += k * (k - 1) / 2;
  } else {
    for (const auto& id : right.ids) ++per_entity_right[Entity(id)];
    for (const auto& [e, k] : per_entity_left) {
      auto it = per_entity_right.find(e);
      if (it != per_entity_right.end()) f.truth += k * it->second;
    }
  }
  size_t tp = 0;
  for (const auto& p : job.matches()) {
    if (Entity(left.ids[p.left]) == Entity(right.ids[p.right])) ++tp;
  }
  f.predicted = job.matches().size();
  f.candidates = job.candidate_pairs();
  f.precision = f.predicted ? static_cast<double>(tp) / f.predicted : 0;
  f.recall = f.truth ? static_cast<double>(tp) / f.truth : 0;
  f.f1 = f.precision + f.recall > 0 ? 2 * f.precision * f.recall / (f.precision + f.recall) : 0;
  return f;
}

bool RunOne(const Model& model, const std::string& dir, const std::string& a, const std::string& b,
            bool one_to_one, double threshold) {
  auto start = std::chrono::steady_clock::now();
  InputSpec spec;
  spec.left_path = dir + "/" + a;
  spec.right_path = b.empty() ? "" : dir + "/" + b;
  spec.id_column = "rec_id";
  auto in = reunite::linkage::ReadInputs(model, spec);
  const double read =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!in.ok()) {
    std::fprintf(stderr, "febrl_bench: %s\n", in.status().message().c_str());
    return false;
  }
  LinkOptions options;
  options.train = true;
  options.one_to_one = one_to_one;
  options.threshold = threshold;
  options.threads = 2;
  options.progress = reunite::ProgressMode::kNever;
  LinkJob job(model, in->left, in->dedupe ? nullptr : &in->right, options);
  auto st = job.Run();
  if (!st.ok()) {
    std::fprintf(stderr, "febrl_bench: %s\n", st.message().c_str());
    return false;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Figures f = Evaluate(job, in->left, in->dedupe ? in->left : in->right, in->dedupe);
  std::printf(
      "%-28s precision %.4f  recall %.4f  F1 %.4f  %7.3f s  candidates %zu  "
      "predicted %zu  true %zu  EM iterations %d  prior %.3g\n",
      (a + (b.empty() ? "" : " x " + b)).c_str(), f.precision, f.recall, f.f1, secs, f.candidates,
      f.predicted, f.truth, job.training_report().iterations, job.model().prior);
  const auto& t = job.timings();
  std::printf("%-28s stages: prepare %.3f  block %.3f  train %.3f  score %.3f  cluster %.3f s\n",
              "", t.prepare, t.block, t.train, t.score, t.cluster);
  const double cpu = t.cpu.prepare + t.cpu.block + t.cpu.train + t.cpu.score + t.cpu.cluster;
  std::printf(
      "%-28s CPU (both threads): %.3f s (prepare %.3f  block %.3f  train %.3f  score %.3f), "
      "reading %.3f s wall\n",
      "", cpu, t.cpu.prepare, t.cpu.block, t.cpu.train, t.cpu.score, read);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // DATA_DIR, else ../shared/data/febrl next to the clone (or next to the
  // worktrees' parent, /work/wt/NAME -> /work/shared).
  std::string dir = argc > 1 ? argv[1] : std::string(REUNITE_SOURCE_DIR) + "/../shared/data/febrl";
  if (argc <= 1 && !std::filesystem::exists(dir + "/dataset4a.csv")) {
    dir = std::string(REUNITE_SOURCE_DIR) + "/../../shared/data/febrl";
  }
  if (!std::filesystem::exists(dir + "/dataset4a.csv")) {
    std::printf("febrl_bench: SKIPPED: FEBRL data not found in %s\n", dir.c_str());
    return 0;
  }
  auto model = reunite::linkage::LoadModel(std::string(REUNITE_SOURCE_DIR) + "/models/febrl.json");
  if (!model.ok()) {
    std::fprintf(stderr, "febrl_bench: %s\n", model.status().message().c_str());
    return 1;
  }
  std::printf("febrl_bench: models/febrl.json, EM training without labels, 2 threads\n");
  bool ok = RunOne(*model, dir, "dataset4a.csv", "dataset4b.csv", true, 0.5);
  ok &= RunOne(*model, dir, "dataset1.csv", "", false, 0.5);
  ok &= RunOne(*model, dir, "dataset2.csv", "", false, 0.5);
  ok &= RunOne(*model, dir, "dataset3.csv", "", false, 0.5);
  return ok ? 0 : 1;
}
