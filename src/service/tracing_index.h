// The linkage index the tracing intake matches against: every stored source
// record with a name, prepared once with a linkage model (models/person.json)
// and rebuilt when records have been added since (the store's largest
// record_id changed). Built from CSV text with LinkageIndex::FromStrings;
// the canonical columns are given_name, family_name, dob, sex, country
// (nationality) and a_number, the id is reunite's record_id, with "SURNAMES, GIVEN" full names
// split at the comma.
//
// Thread-safety: Current() may be called from several threads; a rebuild
// happens under a lock, and callers keep the index they were given.
#ifndef REUNITE_SERVICE_TRACING_INDEX_H_
#define REUNITE_SERVICE_TRACING_INDEX_H_

#include <memory>
#include <mutex>
#include <string>

#include "reunite/linkage.h"
#include "storage/connection.h"

namespace reunite::service {

class TracingIndex {
 public:
  // `model_json` is the linkage model's text; empty disables matching
  // (Current() then returns kFailedPrecondition).
  explicit TracingIndex(std::string model_json) : model_json_(std::move(model_json)) {}
  // Reads the model from a file (kNotFound naming it when missing).
  static Result<std::unique_ptr<TracingIndex>> FromModelFile(const std::string& path);

  // The index over the store's current records (rebuilt when records were added).
  Result<std::shared_ptr<const linkage::LinkageIndex>> Current(storage::Connection& db);

 private:
  std::string model_json_;
  std::mutex mu_;
  int64_t built_at_record_ = -1;
  std::shared_ptr<const linkage::LinkageIndex> index_;
};

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_TRACING_INDEX_H_
