// Resolve(): records -> linkage -> persons (stable ids) -> families -> review
// queue, appending only what changed (see resolution.h).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>
#include <unordered_map>

#include "common/clock.h"
#include "common/hash.h"
#include "linkage/link_job.h"
#include "linkage/model.h"
#include "resolution/family_evidence.h"
#include "resolution/projection.h"
#include "resolution/stored_records.h"

namespace reunite::resolution {
namespace {

using linkage::ScoredPair;

// Weights that force a reviewed decision through average linkage.
constexpr double kAcceptedWeight = 1e4;
constexpr double kRejectedWeight = -1e6;

uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return static_cast<uint64_t>(a) << 32 | b;
}

std::string MintId(const std::string& smallest_ref, int attempt) {
  char buf[24];
  const std::string key =
      attempt == 0 ? smallest_ref : smallest_ref + "#" + std::to_string(attempt);
  std::snprintf(buf, sizeof buf, "P%016llx", static_cast<unsigned long long>(Hash64(key)));
  return buf;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

bool SameRelationship(const Relationship& a, const Relationship& b) {
  return a.kind == b.kind && a.evidence == b.evidence && a.status == b.status &&
         a.source == b.source && a.evidence_items == b.evidence_items;
}

bool SameUnit(const FamilyUnit& a, const FamilyUnit& b) {
  if (a.status != b.status || a.apprehended_on != b.apprehended_on ||
      a.members.size() != b.members.size()) {
    return false;
  }
  for (size_t i = 0; i < a.members.size(); ++i) {
    if (a.members[i].person_id != b.members[i].person_id ||
        a.members[i].role != b.members[i].role) {
      return false;
    }
  }
  return true;
}

bool SameQueue(const std::vector<QueuedPair>& a, const std::vector<QueuedPair>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const QueuedPair &x = a[i], &y = b[i];
    if (x.left_ref != y.left_ref || x.right_ref != y.right_ref || x.left_person != y.left_person ||
        x.right_person != y.right_person || x.why != y.why ||
        std::abs(x.priority - y.priority) > 1e-9 ||
        std::abs(x.match_probability - y.match_probability) > 1e-9) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<ResolveSummary> Resolve(storage::Connection& db, const ResolveOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ResolveSummary summary;
  Progress progress("resolve", options.progress);
  progress.Stage("read", 0, "records");
  REUNITE_ASSIGN_OR_RETURN(std::vector<StoredRecord> records, LoadStoredRecords(db));
  progress.Advance(records.size());
  if (records.empty()) {
    return FailedPrecondition(db.Describe() +
                              ": no source records to resolve; run `reunite import` first");
  }
  summary.records = static_cast<int64_t>(records.size());
  REUNITE_ASSIGN_OR_RETURN(const int64_t seen_seq, ProjectedSeq(db));
  REUNITE_ASSIGN_OR_RETURN(ProjectionSnapshot before, LoadSnapshot(db));
  progress.Done();

  // 1. Link: EM training, scores down to the review threshold.
  const std::vector<linkage::SourceRecord> linkage_records = LinkageRecords(records);
  const linkage::RecordTable table = linkage::PersonRecordTable(linkage_records);
  REUNITE_ASSIGN_OR_RETURN(linkage::Model model, linkage::LoadModel(options.model_path));
  linkage::LinkOptions lo;
  lo.train = true;
  lo.threads = options.threads;
  lo.threshold = std::min(options.review_threshold, options.threshold);
  lo.clustering = linkage::ClusterMethod::kConnectedComponents;
  lo.progress = options.progress;
  linkage::LinkJob job(model, table, nullptr, lo);
  REUNITE_RETURN_IF_ERROR(job.Run());
  summary.candidate_pairs = static_cast<int64_t>(job.candidate_pairs());

  std::unordered_map<std::string, uint32_t> index_of;
  for (uint32_t i = 0; i < records.size(); ++i) index_of.emplace(records[i].ref, i);
  std::unordered_map<uint64_t, bool> decided;  // pair -> accepted
  for (const auto& [pair, decision] : before.decisions) {
    auto a = index_of.find(pair.first), b = index_of.find(pair.second);
    if (a == index_of.end() || b == index_of.end()) continue;
    decided[PairKey(a->second, b->second)] = decision == "accepted";
  }
  const double p = std::clamp(options.threshold, 1e-12, 1.0 - 1e-12);
  const double threshold_weight = std::log2(p / (1.0 - p));
  std::vector<ScoredPair> accepted, uncertain;
  for (const ScoredPair& m : job.matches()) {
    ScoredPair s{std::min(m.left, m.right), std::max(m.left, m.right), m.weight};
    auto d = decided.find(PairKey(s.left, s.right));
    if (d != decided.end()) continue;  // added below with its forced weight
    (s.weight >= threshold_weight ? accepted : uncertain).push_back(s);
  }
  for (const auto& [key, yes] : decided) {
    if (yes)
      accepted.push_back(
          {static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key), kAcceptedWeight});
  }
  std::sort(accepted.begin(), accepted.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return a.left != b.left ? a.left < b.left : a.right < b.right;
  });
  summary.matched_pairs = static_cast<int64_t>(accepted.size());
  progress.Stage("cluster", accepted.size(), "pairs");
  linkage::AverageLinkageOptions al;
  al.threshold_weight = threshold_weight;
  const linkage::Clusters clusters = linkage::AverageLinkage(
      job.NodeKeys(), accepted, 0,
      [&](uint32_t a, uint32_t b) {
        auto d = decided.find(PairKey(a, b));
        if (d != decided.end()) return d->second ? kAcceptedWeight : kRejectedWeight;
        return job.Explain(a, b).match_weight;
      },
      al);
  progress.Done();

  // 2. Persons with stable ids.
  progress.Stage("persons", clusters.cluster_ids.size(), "clusters");
  const size_t nc = clusters.cluster_ids.size();
  std::vector<std::vector<uint32_t>> members(nc);
  for (uint32_t i = 0; i < records.size(); ++i) members[clusters.cluster_of[i]].push_back(i);
  for (auto& m : members) {
    std::sort(m.begin(), m.end(),
              [&](uint32_t a, uint32_t b) { return records[a].ref < records[b].ref; });
  }
  // Old persons overlapping each cluster.
  std::vector<std::map<std::string, int>> overlap(nc);
  std::map<std::string, std::vector<uint32_t>> clusters_of_old;
  for (uint32_t c = 0; c < nc; ++c) {
    for (uint32_t i : members[c]) {
      auto it = before.person_of_record.find(records[i].ref);
      if (it == before.person_of_record.end()) continue;
      if (++overlap[c][it->second] == 1) clusters_of_old[it->second].push_back(c);
    }
  }
  UnionFind uf(nc);
  for (const auto& [old, cs] : clusters_of_old) {
    for (uint32_t c : cs) uf.Join(cs[0], c);
  }
  std::map<uint32_t, std::vector<uint32_t>> components;
  for (uint32_t c = 0; c < nc; ++c) components[uf.Find(c)].push_back(c);

  std::set<std::string> used_ids;
  for (const auto& [id, refs] : before.records_of_person) used_ids.insert(id);
  std::vector<std::string> id_of_cluster(nc);
  std::vector<storage::EventDraft> drafts;
  const std::string now = UtcNowIso();
  auto refs_of = [&](uint32_t c) {
    std::vector<std::string> refs;
    for (uint32_t i : members[c]) refs.push_back(records[i].ref);
    return refs;
  };
  auto attributes_of = [&](uint32_t c, const std::string& id) {
    std::vector<const StoredRecord*> rs;
    for (uint32_t i : members[c]) rs.push_back(&records[i]);
    return PersonAttributes(id, rs);
  };
  auto mint = [&](uint32_t c) {
    for (int attempt = 0;; ++attempt) {
      std::string id = MintId(records[members[c][0]].ref, attempt);
      if (used_ids.insert(id).second) return id;
    }
  };
  std::vector<std::string> new_ids;  // minted this run, for the summary
  for (const auto& [root, cs] : components) {
    std::set<std::string> old;
    for (uint32_t c : cs) {
      for (const auto& [id, n] : overlap[c]) old.insert(id);
    }
    // Greedy: the largest overlaps keep their ids; on a tie the older id.
    std::vector<std::tuple<int, int64_t, std::string, uint32_t>> candidates;
    for (uint32_t c : cs) {
      for (const auto& [id, n] : overlap[c]) {
        candidates.emplace_back(-n, before.created_seq[id], id, c);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    std::set<std::string> kept;
    for (const auto& [neg, created, id, c] : candidates) {
      if (!id_of_cluster[c].empty() || kept.count(id)) continue;
      id_of_cluster[c] = id;
      kept.insert(id);
    }
    for (uint32_t c : cs) {
      if (id_of_cluster[c].empty()) {
        id_of_cluster[c] = mint(c);
        new_ids.push_back(id_of_cluster[c]);
      }
    }
    std::vector<std::string> retired;
    for (const std::string& id : old) {
      if (!kept.count(id)) retired.push_back(id);
    }
    if (cs.size() == 1 && old.size() == 1 && retired.empty()) {
      const auto& was = before.records_of_person[id_of_cluster[cs[0]]];
      if (was == refs_of(cs[0])) continue;  // unchanged: no event
    }
    std::vector<PersonState> states;
    for (uint32_t c : cs) states.push_back({attributes_of(c, id_of_cluster[c]), refs_of(c)});
    const char* type = kPersonResolved;
    if (old.size() > 1 && cs.size() == 1) {
      type = kPersonMerged;
      ++summary.merges;
    } else if (cs.size() > 1) {
      type = kPersonSplit;
      ++summary.splits;
    } else if (!old.empty()) {
      ++summary.persons_changed;
    }
    drafts.push_back(PersonEvent(type, states, retired, options.actor, now));
  }
  summary.persons_new = static_cast<int64_t>(new_ids.size());
  summary.persons = static_cast<int64_t>(nc);
  progress.Done();

  // 3. Family units and relationships.
  progress.Stage("families", 0, "units");
  std::vector<std::string> person_of(records.size());
  std::map<std::string, Person> persons;
  for (uint32_t c = 0; c < nc; ++c) {
    for (uint32_t i : members[c]) person_of[i] = id_of_cluster[c];
    persons.emplace(id_of_cluster[c], attributes_of(c, id_of_cluster[c]));
  }
  const FamilyEvidence families = DeriveFamilies(records, person_of, persons);
  summary.family_units = static_cast<int64_t>(families.units.size());
  summary.relationships = static_cast<int64_t>(families.relationships.size());
  for (const FamilyUnit& u : families.units) {
    auto it = before.family_units.find(u.family_unit);
    if (it == before.family_units.end() || !SameUnit(it->second, u)) {
      drafts.push_back(FamilyUnitEvent(u, options.actor, now));
    }
  }
  std::set<std::pair<std::string, std::string>> derived;
  for (const Relationship& r : families.relationships) derived.insert({r.parent_id, r.child_id});
  for (const auto& [key, rel] : before.relationships) {
    if (derived.count(key)) continue;
    drafts.push_back(RelationshipRetractedEvent(
        key.first, key.second, "no longer supported by the evidence of this resolution",
        options.actor, now));
    ++summary.relationships_changed;
  }
  for (const Relationship& r : families.relationships) {
    auto it = before.relationships.find({r.parent_id, r.child_id});
    if (it != before.relationships.end() && SameRelationship(it->second, r)) continue;
    drafts.push_back(RelationshipEvent(r, options.actor, now));
    ++summary.relationships_changed;
  }
  progress.Advance(families.units.size());
  progress.Done();

  // 4. The review queue: uncertain pairs across persons, one per person pair.
  std::set<std::string> has_parent;
  for (const Relationship& r : families.relationships) has_parent.insert(r.child_id);
  std::map<std::pair<std::string, std::string>, QueuedPair> best;
  for (const ScoredPair& s : uncertain) {
    if (s.weight < std::log2(options.review_threshold / (1 - options.review_threshold))) continue;
    const std::string &pa = person_of[s.left], &pb = person_of[s.right];
    if (pa == pb) continue;
    QueuedPair q;
    q.left_ref = records[s.left].ref;
    q.right_ref = records[s.right].ref;
    q.left_person = pa;
    q.right_person = pb;
    if (q.left_ref > q.right_ref) {
      std::swap(q.left_ref, q.right_ref);
      std::swap(q.left_person, q.right_person);
    }
    q.match_weight = s.weight;
    q.match_probability = linkage::ProbabilityFromWeight(s.weight);
    const Person &a = persons.at(pa), &b = persons.at(pb);
    const bool a_orphan = a.age_group == "child" && !has_parent.count(pa);
    const bool b_orphan = b.age_group == "child" && !has_parent.count(pb);
    const double closeness = 1.0 - 2.0 * std::abs(q.match_probability - 0.5);
    if ((a_orphan && has_parent.count(pb)) || (b_orphan && has_parent.count(pa))) {
      q.priority = 100 + closeness;
      q.why = "accepting gives a child without a parent link a parent";
    } else if (a_orphan || b_orphan) {
      q.priority = 50 + closeness;
      q.why = "a child without a parent link";
    } else if (a.age_group == "child" || b.age_group == "child") {
      q.priority = 10 + closeness;
      q.why = "records of a child";
    } else {
      q.priority = closeness;
      q.why = "records of an adult";
    }
    auto key = std::minmax(pa, pb);
    auto [it, added] = best.try_emplace({key.first, key.second}, q);
    if (!added && q.match_probability > it->second.match_probability) it->second = q;
  }
  std::vector<QueuedPair> queue;
  for (auto& [key, q] : best) queue.push_back(std::move(q));
  std::sort(queue.begin(), queue.end(), [](const QueuedPair& a, const QueuedPair& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return std::tie(a.left_ref, a.right_ref) < std::tie(b.left_ref, b.right_ref);
  });
  if (queue.size() > options.review_limit) queue.resize(options.review_limit);
  summary.review_pairs = static_cast<int64_t>(queue.size());
  if (!SameQueue(queue, before.queue))
    drafts.push_back(ReviewQueuedEvent(queue, options.actor, now));

  // 5. Append what changed and project it, in one transaction.
  summary.events_appended = static_cast<int64_t>(drafts.size());
  if (!drafts.empty()) {
    progress.Stage("write", drafts.size(), "events");
    Status s = storage::InWriteTransaction(db, [&]() -> Status {
      REUNITE_ASSIGN_OR_RETURN(int64_t seq_now, ProjectedSeq(db));
      if (seq_now != seen_seq) {
        return FailedPrecondition(
            "another resolution or review was recorded while this one ran; run it again");
      }
      storage::EventLog log(db);
      REUNITE_ASSIGN_OR_RETURN(auto events, log.AppendInTransaction(drafts));
      for (const storage::Event& e : events) {
        REUNITE_RETURN_IF_ERROR(ApplyEvent(db, e));
        progress.Advance();
      }
      return Status::Ok();
    });
    REUNITE_RETURN_IF_ERROR(s);
    progress.Done();
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace reunite::resolution
