// The linkage engine's public API for services (the HTTP server, tracing
// requests): load a model, build an index over a registry of records, match
// one new record against it in milliseconds, and explain every candidate.
//
//   auto index = LinkageIndex::Open("models/person.json", "registry.csv", options);
//   auto hits = (*index)->Match({{"given_name", "Chepe"}, {"dob", "2011-04-03"}}, 5);
//   for (const MatchCandidate& c : *hits) ... c.record_id, c.match_probability, c.explanation
//
// Scoring and explanation are the same code path as `reunite link` and
// `reunite explain` (Scorer::Score in src/linkage/scoring.h); the maths and
// the model format are in docs/linkage.md.
//
// From records in memory (a service that reads the store; no CSV text):
//
//   RecordTable registry = PersonRecordTable(records);   // linkage/person_records.h
//   auto index = LinkageIndex::FromTable(*LoadModel("models/person.json"),
//                                        std::move(registry), options);
//   auto hits = (*index)->Match(PersonQuery(request_fields), 5);
//
// Ownership: a LinkageIndex owns its model, records and prepared features.
// Thread-safety: an index is immutable once built except for Match()'s
// query preparation; Match(), size() and last_candidates() may be called from
// any number of threads at once: Match() calls are serialised by an internal
// mutex (a query interns its new values into the index's string pools; each
// new distinct value stays, a few bytes each), so one index answers one query
// at a time — build one index per core for parallel matching. Building
// (Open / FromStrings / FromTable) uses `options.threads` workers and touches
// no shared state.
// Errors: Open returns kNotFound / kParseError / kInvalidArgument naming the
// file, line, field or JSON path; Match returns kInvalidArgument for a
// column the model does not read.
#ifndef REUNITE_LINKAGE_H_
#define REUNITE_LINKAGE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "reunite/status.h"

namespace reunite::linkage {

// One comparison's part of a pair's match weight (a line of the waterfall).
struct Contribution {
  std::string comparison;   // the model's comparison name
  int level = 0;            // index into the comparison's levels (0 = null)
  std::string level_label;  // e.g. "nickname of the same name"
  std::string query_value;  // raw values compared
  std::string record_value;
  double m = 0, u = 0;       // of the level (0 for the null level)
  double weight = 0;         // log2(m / u), 0 for the null level
  double tf_adjustment = 0;  // term-frequency adjustment on exact agreement
};

struct MatchCandidate {
  std::string record_id;
  size_t record_index = 0;  // row of the registry (0-based, header excluded)
  double match_weight = 0;  // log2 Bayes factor including the prior
  double match_probability = 0;
  double prior_weight = 0;
  std::vector<Contribution> explanation;  // one per comparison, in model order
};

struct Model;        // linkage/model.h
struct RecordTable;  // linkage/records.h

struct IndexOptions {
  std::string id_column;                          // required for CSV (Open, FromStrings)
  std::map<std::string, std::string> column_map;  // canonical -> CSV column
  std::string date_order = "auto";                // iso | mdy | dmy | auto (registry)
  int threads = 2;                                // for building
  // Candidates below this probability are not returned by Match().
  double min_probability = 0.0;
};

class LinkageIndex {
 public:
  // Reads the model and the registry CSV and builds the blocking index.
  static Result<std::unique_ptr<LinkageIndex>> Open(const std::string& model_path,
                                                    const std::string& registry_csv,
                                                    const IndexOptions& options);
  // From model JSON text and registry CSV text already in memory.
  static Result<std::unique_ptr<LinkageIndex>> FromStrings(const std::string& model_json,
                                                           const std::string& registry_csv,
                                                           const IndexOptions& options);
  // From a parsed model and a table already in memory (PersonRecordTable or
  // ReadRecords); the index takes the table. id_column, column_map and
  // date_order are not used (the table carries its ids and date order).
  // Errors: kInvalidArgument when the table lacks a column the model reads
  // (the message names it) or has duplicate record ids.
  static Result<std::unique_ptr<LinkageIndex>> FromTable(const Model& model, RecordTable registry,
                                                         const IndexOptions& options);
  ~LinkageIndex();
  LinkageIndex(const LinkageIndex&) = delete;
  LinkageIndex& operator=(const LinkageIndex&) = delete;

  // Ranks registry records against `record` (canonical column -> raw value;
  // dates ISO or unambiguous; a whole name may come as "full_name"), best
  // first, at most `top_k`, each explained.
  Result<std::vector<MatchCandidate>> Match(const std::map<std::string, std::string>& record,
                                            size_t top_k) const;

  size_t size() const;
  // Candidate pairs considered by the last Match() (for benchmarks).
  size_t last_candidates() const;

  struct Impl;  // defined in src/linkage/match_index.cc

 private:
  explicit LinkageIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_H_
