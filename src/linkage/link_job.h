// One linkage run end to end over records already read: prepare, block,
// (train), score, decide (threshold, optional one-to-one), cluster. Used by
// `reunite link`, `reunite train` and the benchmarks.
//
// A LinkJob owns its FeatureSpace and prepared tables; the RecordTables it is
// given must outlive it. Not thread-safe; it runs its own worker threads.
#ifndef REUNITE_LINKAGE_LINK_JOB_H_
#define REUNITE_LINKAGE_LINK_JOB_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "linkage/blocking.h"
#include "linkage/clustering.h"
#include "linkage/model.h"
#include "linkage/prepare.h"
#include "linkage/records.h"
#include "linkage/scoring.h"
#include "linkage/training.h"

namespace reunite::linkage {

// How accepted pairs become clusters (clustering.h).
enum class ClusterMethod {
  kConnectedComponents,  // every accepted pair joins its records (single linkage)
  kAverageLinkage,       // clusters join when their cross pairs agree on average
};

struct LinkOptions {
  bool train = false;  // estimate u, m and the prior from these records
  TrainingOptions training;
  std::vector<LabelledPair> labels;  // reviewed pairs (used when training)
  double threshold = 0.5;            // match probability at or above which a pair is a match
  bool one_to_one = false;           // linkage only: greedy one-to-one assignment
  ClusterMethod clustering = ClusterMethod::kConnectedComponents;
  int threads = 2;
  ProgressMode progress = ProgressMode::kAuto;
};

// Seconds per stage: wall clock, and CPU time of the whole process (all
// threads; on a shared machine CPU time is the steadier measure).
struct StageSeconds {
  double prepare = 0, block = 0, train = 0, score = 0, cluster = 0;
};
struct LinkTimings : StageSeconds {
  StageSeconds cpu;
};

class LinkJob {
 public:
  // `right` null: deduplicate `left`. Both tables must outlive the job.
  LinkJob(const Model& model, const RecordTable& left, const RecordTable* right,
          LinkOptions options);

  // Runs everything; afterwards the accessors below are valid.
  Status Run();

  const Model& model() const { return model_; }  // the trained model when options.train
  const std::vector<ScoredPair>& matches() const { return matches_; }  // sorted by left, right
  const Clusters& clusters() const { return clusters_; }
  const BlockingStats& blocking_stats() const { return blocker_->stats(); }
  const TrainingReport& training_report() const { return training_report_; }
  const LinkTimings& timings() const { return timings_; }
  uint64_t candidate_pairs() const { return candidate_pairs_; }
  bool dedupe() const { return right_ == nullptr; }
  // The cluster member key of node n (left records, then right records).
  std::vector<std::string> NodeKeys() const;

  // Explains one pair with the job's final model (same code path as scoring).
  PairScore Explain(uint32_t left, uint32_t right) const;
  const FeatureSpace& space() const { return *space_; }
  const PreparedTable& left_prepared() const { return left_prepared_; }
  // After a trained dedupe of a table with record groups (sources): the
  // prior of each pair of groups, [g * groups + h]; empty otherwise.
  const std::vector<double>& group_priors() const { return group_priors_; }
  const PreparedTable& right_prepared() const {
    return dedupe() ? left_prepared_ : right_prepared_;
  }

 private:
  Model model_;
  const RecordTable& left_;
  const RecordTable* right_;
  LinkOptions options_;
  std::unique_ptr<FeatureSpace> space_;
  PreparedTable left_prepared_, right_prepared_;
  std::optional<Blocker> blocker_;
  std::unique_ptr<Scorer> scorer_;
  std::vector<ScoredPair> matches_;
  Clusters clusters_;
  TrainingReport training_report_;
  LinkTimings timings_;
  uint64_t candidate_pairs_ = 0;
  std::vector<double> group_priors_;

  void EstimateGroupPriors(const RecordedPatterns& recorded, int threads);
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_LINK_JOB_H_
