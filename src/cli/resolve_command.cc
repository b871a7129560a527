// `reunite resolve`: stored source records -> persons, family units,
// relationships and the review queue. See docs/resolution.md.
#include <unistd.h>

#include <cstdio>

#include "cli/command.h"
#include "common/progress.h"
#include "resolution/resolution.h"
#include "storage/migrations.h"

namespace reunite::cli {
namespace {

struct ResolveFlags {
  std::string db = "reunite.db";
  resolution::ResolveOptions options;
  bool progress = false;
};

Status RunResolve(ResolveFlags f) {
  if (!(f.options.threshold > 0 && f.options.threshold < 1)) {
    return InvalidArgument("--threshold: must be between 0 and 1 (exclusive)");
  }
  if (!(f.options.review_threshold > 0 && f.options.review_threshold <= f.options.threshold)) {
    return InvalidArgument("--review-threshold: must be above 0 and at most --threshold");
  }
  REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenAndMigrate(f.db));
  const char* user = std::getenv("USER");
  if (user != nullptr) f.options.actor = std::string("reunite resolve (") + user + ")";
  if (f.progress) f.options.progress = ProgressMode::kAlways;
  REUNITE_ASSIGN_OR_RETURN(auto s, resolution::Resolve(*db, f.options));
  std::printf(
      "resolve: %s records -> %s persons (%s new, %s grown, %s merges, %s splits), "
      "%s family units, %s parent-child relationships (%s changed), %s pairs to review; "
      "%s events appended (%.2fs)\n",
      WithThousands(s.records).c_str(), WithThousands(s.persons).c_str(),
      WithThousands(s.persons_new).c_str(), WithThousands(s.persons_changed).c_str(),
      WithThousands(s.merges).c_str(), WithThousands(s.splits).c_str(),
      WithThousands(s.family_units).c_str(), WithThousands(s.relationships).c_str(),
      WithThousands(s.relationships_changed).c_str(), WithThousands(s.review_pairs).c_str(),
      WithThousands(s.events_appended).c_str(), s.seconds);
  return Status::Ok();
}

}  // namespace

void AddResolveCommand(CLI::App& app, CommandResult& result) {
  CLI::App* sub = app.add_subcommand(
      "resolve",
      "Resolve the stored source records into persons, family units and parent-child\n"
      "relationships: EM-trained linkage, average-linkage clusters with stable person\n"
      "ids, review decisions as must/cannot-link. Appends only what changed as events\n"
      "(person_resolved, person_merged, person_split, family_unit_resolved,\n"
      "relationship_resolved, relationship_retracted, review_queued); re-running on\n"
      "the same data appends nothing. See docs/resolution.md.");
  auto f = std::make_shared<ResolveFlags>();
  sub->add_option("--db", f->db, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  sub->add_option("--model", f->options.model_path, "Person linkage model (JSON)")
      ->capture_default_str();
  sub->add_option("--threshold", f->options.threshold,
                  "Match probability at or above which two records are one person")
      ->capture_default_str();
  sub->add_option("--review-threshold", f->options.review_threshold,
                  "Pairs from this probability up to --threshold go to the review queue")
      ->capture_default_str();
  sub->add_option("--threads", f->options.threads, "Worker threads")->capture_default_str();
  sub->add_flag("--progress", f->progress, "Show progress even when not on a terminal");
  sub->callback([f, &result] { result.status = RunResolve(*f); });
}

}  // namespace reunite::cli
