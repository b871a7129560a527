// `reunite review list|accept|reject`: the review queue of resolution.
#include <cstdio>
#include <cstdlib>

#include "cli/command.h"
#include "resolution/review.h"
#include "storage/migrations.h"

namespace reunite::cli {
namespace {

struct ReviewFlags {
  std::string db = "reunite.db";
  size_t limit = 20;
  std::string left, right, note, actor;
};

Status RunList(const ReviewFlags& f) {
  REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenAndMigrate(f.db));
  REUNITE_ASSIGN_OR_RETURN(auto queue, resolution::ListReviewQueue(*db, f.limit));
  std::printf("priority,left_ref,right_ref,left_person,right_person,match_probability,why\n");
  for (const auto& q : queue) {
    std::printf("%.3f,%s,%s,%s,%s,%.4f,%s\n", q.priority, q.left_ref.c_str(), q.right_ref.c_str(),
                q.left_person.c_str(), q.right_person.c_str(), q.match_probability, q.why.c_str());
  }
  return Status::Ok();
}

Status RunDecide(const ReviewFlags& f, bool accept) {
  REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenAndMigrate(f.db));
  resolution::ReviewDecision d;
  d.left_ref = f.left;
  d.right_ref = f.right;
  d.accept = accept;
  d.note = f.note;
  const char* user = std::getenv("USER");
  d.actor = !f.actor.empty() ? f.actor : (user ? user : "");
  REUNITE_ASSIGN_OR_RETURN(auto e, resolution::DecideReview(*db, d));
  std::printf("review: %s %s and %s (event %lld); run `reunite resolve` to apply it\n",
              accept ? "accepted" : "rejected", f.left.c_str(), f.right.c_str(),
              static_cast<long long>(e.seq));
  return Status::Ok();
}

}  // namespace

void AddReviewCommand(CLI::App& app, CommandResult& result) {
  CLI::App* sub = app.add_subcommand(
      "review",
      "The review queue of resolution: record pairs between --review-threshold and\n"
      "--threshold, a child still without a parent link first. A decision is an\n"
      "event (review_accepted / review_rejected) that every later `reunite resolve`\n"
      "obeys (must-link / cannot-link).");
  sub->require_subcommand(1);
  auto f = std::make_shared<ReviewFlags>();
  auto add_db = [&](CLI::App* s) {
    s->add_option("--db", f->db, "Database: a SQLite file or postgresql://… URL")
        ->capture_default_str();
  };
  CLI::App* list = sub->add_subcommand("list", "Print the queue as CSV, highest priority first");
  add_db(list);
  list->add_option("--limit", f->limit, "At most this many pairs (0: all)")->capture_default_str();
  list->callback([f, &result] { result.status = RunList(*f); });
  for (bool accept : {true, false}) {
    CLI::App* d = sub->add_subcommand(
        accept ? "accept" : "reject",
        accept ? "The two records are the same person" : "The two records are different persons");
    add_db(d);
    d->add_option("left", f->left, "A record reference, source/record_key")->required();
    d->add_option("right", f->right, "The other record reference")->required();
    d->add_option("--note", f->note, "The reviewer's reason");
    d->add_option("--actor", f->actor, "The reviewer (default: $USER)");
    d->callback([f, accept, &result] { result.status = RunDecide(*f, accept); });
  }
}

}  // namespace reunite::cli
