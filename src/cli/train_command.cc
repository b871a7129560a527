// `reunite train LEFT.csv [RIGHT.csv] --model M.json --id COL --out trained.json`:
// estimates u (random pairs), m and the prior (EM over pattern counts).
#include <cstdio>

#include "cli/command.h"
#include "cli/linkage_input.h"
#include "linkage/link_io.h"
#include "linkage/link_job.h"

namespace reunite::cli {
namespace {

struct TrainFlags {
  LinkageInputFlags input;
  std::string model, labels, out;
  bool progress = false;
  int threads = 2;
  uint64_t seed = 42;
};

Status RunTrain(const TrainFlags& f) {
  REUNITE_ASSIGN_OR_RETURN(linkage::Model model, linkage::LoadModel(f.model));
  REUNITE_ASSIGN_OR_RETURN(linkage::Inputs in, linkage::ReadInputs(model, f.input.Spec()));
  for (const std::string& w : in.warnings)
    std::fprintf(stderr, "reunite: warning: %s\n", w.c_str());
  linkage::LinkOptions options;
  options.train = true;
  options.training.seed = f.seed;
  options.threads = f.threads;
  options.progress = f.progress ? ProgressMode::kAlways : ProgressMode::kAuto;
  const linkage::RecordTable& right = in.dedupe ? in.left : in.right;
  if (!f.labels.empty()) {
    REUNITE_ASSIGN_OR_RETURN(options.labels, linkage::ReadLabels(f.labels, in.left, right));
  }
  linkage::LinkJob job(model, in.left, in.dedupe ? nullptr : &in.right, options);
  REUNITE_RETURN_IF_ERROR(job.Run());
  REUNITE_RETURN_IF_ERROR(linkage::SaveModel(job.model(), f.out));
  const auto& r = job.training_report();
  std::printf(
      "trained %s: %llu random pairs for u, %llu candidate pairs in %llu patterns, %d EM "
      "iterations (%s), prior %.6g\n",
      f.out.c_str(), static_cast<unsigned long long>(r.u_pairs),
      static_cast<unsigned long long>(r.candidate_pairs),
      static_cast<unsigned long long>(r.distinct_patterns), r.iterations,
      r.converged ? "converged" : "not converged", job.model().prior);
  return Status::Ok();
}

}  // namespace

void AddTrainCommand(CLI::App& app, CommandResult& result) {
  auto flags = std::make_shared<TrainFlags>();
  CLI::App* sub =
      app.add_subcommand("train", "Estimate a model's m, u and prior from data (no labels needed)");
  AddLinkageInputOptions(sub, flags->input);
  sub->add_option("--model", flags->model, "Model JSON to start from")->required();
  sub->add_option("--labels", flags->labels, "Reviewed pairs CSV left_id,right_id,is_match");
  sub->add_option("--out", flags->out, "Trained model JSON to write")->required();
  sub->add_flag("--progress", flags->progress, "Show progress even when not on a terminal");
  sub->add_option("--threads", flags->threads, "Worker threads (default 2)");
  sub->add_option("--seed", flags->seed, "Seed for u sampling (default 42)");
  sub->callback([flags, &result] { result.status = RunTrain(*flags); });
}

}  // namespace reunite::cli
