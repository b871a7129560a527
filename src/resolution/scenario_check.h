// Resolution measured against a synthetic scenario's ground truth (`reunite
// synth` writes DIR/truth): what the must-show test and bench/resolve_bench
// report.
//   persons        pairs of records in one resolved person vs pairs of
//                  records of one true person (truth/records.csv)
//   relationships  resolved parent -> child links, each person read as the
//                  true person most of its records belong to, vs
//                  truth/relationships.csv
//   reachable      separated children (truth/persons.csv separated_from)
//                  whose resolved person has a relationship to a resolved
//                  person holding a record of the adult they were separated
//                  from
// Reads the store's read model (resolution.h). Errors: kNotFound / kParseError
// naming the truth file; kInvalidArgument when a stored record has no truth.
#ifndef REUNITE_RESOLUTION_SCENARIO_CHECK_H_
#define REUNITE_RESOLUTION_SCENARIO_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "storage/connection.h"

namespace reunite::resolution {

struct PrecisionRecall {
  uint64_t truth = 0, found = 0, correct = 0;
  double precision() const { return found == 0 ? 0.0 : static_cast<double>(correct) / found; }
  double recall() const { return truth == 0 ? 0.0 : static_cast<double>(correct) / truth; }
};

struct ScenarioCheck {
  PrecisionRecall person_pairs;
  PrecisionRecall relationships;
  uint64_t separated_children = 0, reachable = 0;
  std::vector<std::string> unreachable;  // truth person ids of the first few not reachable
};

Result<ScenarioCheck> CheckAgainstTruth(storage::Connection& db, const std::string& scenario_dir);

}  // namespace reunite::resolution

#endif  // REUNITE_RESOLUTION_SCENARIO_CHECK_H_
