// Simulates what happened to a family unit after apprehension: directives in
// force on the day, referral and prosecution decisions, separations with
// coded reasons, custody of children (shelters, sponsors, aging out) and of
// adults (criminal custody, detention, release, removal), the court order's
// clocks and reunifications over time. Fills Family's events, decisions and
// per-agency stays. Thread-safe: draws only from `rng`.
#ifndef REUNITE_SYNTH_CUSTODY_SIMULATION_H_
#define REUNITE_SYNTH_CUSTODY_SIMULATION_H_

#include "synth/scenario.h"

namespace reunite::synth {

void SimulateCustody(Rng& rng, const ScenarioOptions& options, Family& family);

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_CUSTODY_SIMULATION_H_
