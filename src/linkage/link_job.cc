#include "linkage/link_job.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace reunite::linkage {
namespace {

double ProcessCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Wall and CPU seconds since construction.
class StageClock {
 public:
  StageClock() : wall_(std::chrono::steady_clock::now()), cpu_(ProcessCpuSeconds()) {}
  void Stop(double* wall, double* cpu) const {
    *wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    *cpu = ProcessCpuSeconds() - cpu_;
  }

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

}  // namespace

LinkJob::LinkJob(const Model& model, const RecordTable& left, const RecordTable* right,
                 LinkOptions options)
    : model_(model), left_(left), right_(right), options_(std::move(options)) {}

std::vector<std::string> LinkJob::NodeKeys() const {
  std::vector<std::string> keys;
  keys.reserve(left_.size() + (right_ ? right_->size() : 0));
  if (right_ == nullptr) {
    keys = left_.ids;
    return keys;
  }
  for (const std::string& id : left_.ids) keys.push_back("1:" + id);
  for (const std::string& id : right_->ids) keys.push_back("2:" + id);
  return keys;
}

Status LinkJob::Run() {
  Progress progress("link", options_.progress);
  const int threads = std::max(1, options_.threads);
  StageClock clock;
  progress.Stage("standardise", left_.size() + (right_ ? right_->size() : 0));
  space_ = std::make_unique<FeatureSpace>(model_);
  left_prepared_ = space_->Prepare(left_, threads);
  progress.Advance(left_.size());
  if (right_ != nullptr) {
    right_prepared_ = space_->Prepare(*right_, threads);
    progress.Advance(right_->size());
  }
  const PreparedTable& right = right_prepared();
  if (right_ == nullptr) {
    space_->CountTermFrequencies({&left_prepared_});
  } else {
    space_->CountTermFrequencies({&left_prepared_, &right_prepared_});
  }
  clock.Stop(&timings_.prepare, &timings_.cpu.prepare);

  clock = StageClock();
  progress.Stage("block", 0, "rules");
  blocker_.emplace(right_ == nullptr ? Blocker::ForDedupe(left_prepared_, model_)
                                     : Blocker::ForLink(left_prepared_, right_prepared_, model_));
  clock.Stop(&timings_.block, &timings_.cpu.block);

  // The training pass keeps every candidate's level vector; scoring then
  // only adds up weights (the same weights Scorer::Score adds).
  RecordedPatterns recorded;
  if (options_.train) {
    clock = StageClock();
    progress.Stage("train", blocker_->stats().candidate_pairs_upper, "pairs");
    TrainingOptions topts = options_.training;
    topts.threads = threads;
    model_ = Train(*space_, left_prepared_, right, right_ == nullptr, *blocker_, options_.labels,
                   topts, &training_report_, &recorded);
    progress.Advance(training_report_.candidate_pairs);
    clock.Stop(&timings_.train, &timings_.cpu.train);
  }
  scorer_ = std::make_unique<Scorer>(*space_, model_);
  if (options_.train && right_ == nullptr && left_prepared_.groups.size() == left_.size() &&
      left_.group_names.size() > 1) {
    clock = StageClock();
    EstimateGroupPriors(recorded, threads);
    double wall = 0, cpu = 0;
    clock.Stop(&wall, &cpu);
    timings_.train += wall;
    timings_.cpu.train += cpu;
  }

  clock = StageClock();
  progress.Stage("score", blocker_->stats().candidate_pairs_upper, "pairs");
  const double p = std::clamp(options_.threshold, 1e-12, 1.0 - 1e-12);
  const double threshold_weight = std::log2(p / (1.0 - p));
  std::vector<std::vector<ScoredPair>> found(static_cast<size_t>(threads));
  std::vector<uint64_t> scored(static_cast<size_t>(threads), 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      auto& mine = found[static_cast<size_t>(t)];
      uint64_t count = 0;
      LevelCache cache(model_);
      const bool replay = recorded.shards == threads;
      const uint32_t* pattern =
          replay ? recorded.pattern_of_pair[static_cast<size_t>(t)].data() : nullptr;
      blocker_->ForEachPair(t, threads, [&](uint32_t i, uint32_t j) {
        const double w = replay ? scorer_->WeightOf(recorded.patterns[*pattern++].data(),
                                                    left_prepared_, i, right, j)
                                : scorer_->Score(left_prepared_, i, right, j, nullptr, &cache);
        if (w >= threshold_weight) mine.push_back({i, j, w});
        if ((++count & 0xFFFF) == 0) progress.Advance(0x10000);
      });
      scored[static_cast<size_t>(t)] = count;
    });
  }
  for (auto& th : pool) th.join();
  candidate_pairs_ = 0;
  for (uint64_t c : scored) candidate_pairs_ += c;
  recorded = RecordedPatterns();
  matches_.clear();
  for (auto& f : found) matches_.insert(matches_.end(), f.begin(), f.end());
  clock.Stop(&timings_.score, &timings_.cpu.score);

  clock = StageClock();
  progress.Stage("cluster", matches_.size(), "pairs");
  if (options_.one_to_one && right_ != nullptr) matches_ = OneToOne(std::move(matches_));
  std::sort(matches_.begin(), matches_.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return a.left != b.left ? a.left < b.left : a.right < b.right;
  });
  const uint32_t offset = right_ == nullptr ? 0 : static_cast<uint32_t>(left_.size());
  if (options_.clustering == ClusterMethod::kAverageLinkage) {
    AverageLinkageOptions al;
    al.threshold_weight = threshold_weight;
    LevelCache cache(model_);
    auto node = [&](uint32_t n) -> std::pair<const PreparedTable*, uint32_t> {
      if (n < offset || right_ == nullptr) return {&left_prepared_, n};
      return {&right_prepared_, n - offset};
    };
    clusters_ = AverageLinkage(
        NodeKeys(), matches_, offset,
        [&](uint32_t a, uint32_t b) {
          auto [ta, ia] = node(a);
          auto [tb, ib] = node(b);
          return scorer_->Score(*ta, ia, *tb, ib, nullptr, &cache);
        },
        al);
  } else {
    clusters_ = ConnectedComponents(NodeKeys(), matches_, offset);
  }
  clock.Stop(&timings_.cluster, &timings_.cpu.cluster);
  progress.Done();
  return Status::Ok();
}

void LinkJob::EstimateGroupPriors(const RecordedPatterns& recorded, int threads) {
  const size_t groups = left_.group_names.size();
  std::vector<double> records(groups, 0.0);
  for (uint8_t g : left_prepared_.groups) records[g] += 1;
  // Every candidate pair's evidence (its weight without the prior) and group pair.
  std::vector<std::vector<float>> evidence(static_cast<size_t>(threads));
  std::vector<std::vector<uint16_t>> cell(static_cast<size_t>(threads));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      LevelCache cache(model_);
      const bool replay = recorded.shards == threads;
      const uint32_t* pattern =
          replay ? recorded.pattern_of_pair[static_cast<size_t>(t)].data() : nullptr;
      auto& ev = evidence[static_cast<size_t>(t)];
      auto& cl = cell[static_cast<size_t>(t)];
      blocker_->ForEachPair(t, threads, [&](uint32_t i, uint32_t j) {
        const double w =
            replay ? scorer_->WeightOf(recorded.patterns[*pattern++].data(), left_prepared_, i,
                                       left_prepared_, j)
                   : scorer_->Score(left_prepared_, i, left_prepared_, j, nullptr, &cache);
        ev.push_back(static_cast<float>(w - scorer_->prior_weight()));
        const uint8_t a = left_prepared_.groups[i], b = left_prepared_.groups[j];
        cl.push_back(static_cast<uint16_t>(std::min(a, b) * groups + std::max(a, b)));
      });
    });
  }
  for (auto& th : pool) th.join();
  // EM over the prior alone (m and u fixed): a group pair's prior is its
  // expected matches over its record pairs, shrunk by one expected match at
  // the overall prior (so a small source pair cannot run away).
  const double overall = model_.prior;
  std::vector<double> prior(groups * groups, overall), pairs(groups * groups, 0.0);
  for (size_t g = 0; g < groups; ++g) {
    for (size_t h = g; h < groups; ++h) {
      pairs[g * groups + h] = g == h ? records[g] * (records[g] - 1) / 2 : records[g] * records[h];
    }
  }
  for (int iteration = 0; iteration < 20; ++iteration) {
    std::vector<double> weight(prior.size()), expected(prior.size(), 0.0);
    for (size_t k = 0; k < prior.size(); ++k) weight[k] = std::log2(prior[k] / (1 - prior[k]));
    for (size_t t = 0; t < evidence.size(); ++t) {
      for (size_t p = 0; p < evidence[t].size(); ++p) {
        expected[cell[t][p]] += ProbabilityFromWeight(weight[cell[t][p]] + evidence[t][p]);
      }
    }
    for (size_t k = 0; k < prior.size(); ++k) {
      prior[k] = std::clamp((expected[k] + 1) / (pairs[k] + 1 / overall), 1e-12, 0.5);
    }
  }
  std::vector<double> full(groups * groups);
  for (size_t g = 0; g < groups; ++g) {
    for (size_t h = 0; h < groups; ++h)
      full[g * groups + h] = prior[std::min(g, h) * groups + std::max(g, h)];
  }
  group_priors_ = full;
  scorer_->SetGroupPriors(full, groups);
}

PairScore LinkJob::Explain(uint32_t left, uint32_t right) const {
  PairScore score;
  scorer_->Score(left_prepared_, left, right_prepared(), right, &score);
  return score;
}

}  // namespace reunite::linkage
