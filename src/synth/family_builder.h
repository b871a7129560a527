// Builds one family unit as it arrived at the border: who came together
// (composition, ages, sexes), their names under Spanish naming customs, their
// nationality and language, A-numbers, and when and where they were
// apprehended. Custody is simulated afterwards (custody_simulation.h).
// Thread-safe: draws only from `rng`.
#ifndef REUNITE_SYNTH_FAMILY_BUILDER_H_
#define REUNITE_SYNTH_FAMILY_BUILDER_H_

#include "synth/scenario.h"

namespace reunite::synth {

Family BuildFamily(uint64_t index, Rng& rng, const ScenarioOptions& options);

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_FAMILY_BUILDER_H_
