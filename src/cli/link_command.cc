// `reunite link LEFT.csv [RIGHT.csv] --model M.json --id COL ... --out pairs.csv`:
// one file deduplicates, two files link. See docs/linkage.md.
#include <unistd.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/linkage_input.h"
#include "linkage/link_io.h"
#include "linkage/link_job.h"

namespace reunite::cli {
namespace {

struct LinkFlags {
  LinkageInputFlags input;
  std::string model;
  bool train = false;
  std::string save_model;
  std::string labels;
  double threshold = 0.5;
  bool one_to_one = false;
  bool average_linkage = false;
  std::string out;
  std::string clusters;
  bool progress = false;
  int threads = 2;
  uint64_t seed = 42;
};

Status RunLink(const LinkFlags& f) {
  if (f.input.files.empty() || f.input.files.size() > 2) {
    return InvalidArgument("link: give one file (deduplicate) or two files (link)");
  }
  REUNITE_ASSIGN_OR_RETURN(linkage::Model model, linkage::LoadModel(f.model));
  REUNITE_ASSIGN_OR_RETURN(linkage::Inputs in, linkage::ReadInputs(model, f.input.Spec()));
  for (const std::string& w : in.warnings)
    std::fprintf(stderr, "reunite: warning: %s\n", w.c_str());
  const linkage::RecordTable& right = in.dedupe ? in.left : in.right;
  linkage::LinkOptions options;
  options.train = f.train;
  options.training.seed = f.seed;
  options.threshold = f.threshold;
  options.one_to_one = f.one_to_one;
  if (f.average_linkage) options.clustering = linkage::ClusterMethod::kAverageLinkage;
  options.threads = f.threads;
  options.progress = f.progress ? ProgressMode::kAlways : ProgressMode::kAuto;
  if (!f.labels.empty()) {
    if (!f.train) return InvalidArgument("--labels needs --train");
    REUNITE_ASSIGN_OR_RETURN(options.labels, linkage::ReadLabels(f.labels, in.left, right));
  }
  linkage::LinkJob job(model, in.left, in.dedupe ? nullptr : &in.right, options);
  REUNITE_RETURN_IF_ERROR(job.Run());
  if (!f.save_model.empty()) REUNITE_RETURN_IF_ERROR(linkage::SaveModel(job.model(), f.save_model));
  REUNITE_RETURN_IF_ERROR(linkage::WritePairs(f.out, job, in.left, right));
  if (!f.clusters.empty()) {
    REUNITE_RETURN_IF_ERROR(linkage::WriteClusters(f.clusters, job, in.left, right));
  }
  if (f.progress || isatty(fileno(stderr))) {
    const auto& bs = job.blocking_stats();
    std::fprintf(stderr,
                 "link: %zu + %zu records, %llu candidate pairs (%llu oversized blocks skipped), "
                 "%zu matches, %zu clusters\n",
                 in.left.size(), in.dedupe ? size_t{0} : in.right.size(),
                 static_cast<unsigned long long>(job.candidate_pairs()),
                 static_cast<unsigned long long>(bs.oversized_blocks), job.matches().size(),
                 job.clusters().cluster_ids.size());
  }
  return Status::Ok();
}

}  // namespace

void AddLinkCommand(CLI::App& app, CommandResult& result) {
  auto flags = std::make_shared<LinkFlags>();
  CLI::App* sub = app.add_subcommand(
      "link", "Deduplicate one CSV or link two CSVs with a Fellegi-Sunter model");
  AddLinkageInputOptions(sub, flags->input);
  sub->add_option("--model", flags->model, "Model JSON (models/person.json, models/febrl.json)")
      ->required();
  sub->add_flag("--train", flags->train, "Estimate u, m and the prior from these files (EM)");
  sub->add_option("--labels", flags->labels,
                  "Reviewed pairs CSV left_id,right_id,is_match to refine training");
  sub->add_option("--save-model", flags->save_model, "Write the (trained) model here");
  sub->add_option("--threshold", flags->threshold, "Match probability threshold (default 0.5)");
  sub->add_flag("--one-to-one", flags->one_to_one,
                "Two files: link each record to at most one record of the other file");
  sub->add_flag("--average-linkage", flags->average_linkage,
                "Clusters join only when their records agree on average (against chaining); "
                "default: connected components of the accepted pairs");
  sub->add_option("--out", flags->out, "pairs.csv to write")->required();
  sub->add_option("--clusters", flags->clusters, "clusters.csv to write");
  sub->add_flag("--progress", flags->progress, "Show progress even when not on a terminal");
  sub->add_option("--threads", flags->threads, "Worker threads (default 2)");
  sub->add_option("--seed", flags->seed, "Seed for u sampling (default 42)");
  sub->callback([flags, &result] { result.status = RunLink(*flags); });
}

}  // namespace reunite::cli
