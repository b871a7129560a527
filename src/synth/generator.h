// `reunite synth`: generates the whole synthetic scenario into a directory:
//   DIR/exports/   each agency's export (e3, ICE, ORR, prosecution CSVs; NGO JSON Lines)
//   DIR/truth/     ground truth CSVs (persons, records, relationships, ...)
//   DIR/orders/    court_order.json
//
// Output is a pure function of (families, seed, scenario dates): identical
// bytes whatever the thread count. Families are simulated in parallel in
// batches (each with its own Rng forked from the seed by family index) and
// written by one thread in family order, which also assigns each source's
// sequential record IDs.
//
// Errors: kInvalidArgument for bad options; kIoError naming the path when a
// directory or file cannot be created or written.
#ifndef REUNITE_SYNTH_GENERATOR_H_
#define REUNITE_SYNTH_GENERATOR_H_

#include <array>
#include <cstdint>
#include <string>

#include "reunite/status.h"
#include "synth/exports.h"
#include "synth/scenario.h"

namespace reunite::synth {

struct SynthOptions {
  uint64_t families = 0;  // 1..kMaxFamilies
  uint64_t seed = 1;
  ScenarioOptions scenario;
  std::string out_dir;
  int threads = 0;  // 0: the hardware's concurrency (does not change the output)
  ErrorModel errors = ErrorModel::Default();
  bool show_progress = false;  // progress on stderr when it is a terminal
};

struct SynthSummary {
  uint64_t families = 0;
  uint64_t persons = 0;
  uint64_t children = 0;
  uint64_t separated_children = 0;
  std::array<uint64_t, kSourceCount> records{};
  double seconds = 0;
};

Status ValidateOptions(const SynthOptions& options);
Result<SynthSummary> GenerateScenario(const SynthOptions& options);

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_GENERATOR_H_
