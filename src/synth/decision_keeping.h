// Record keeping of decisions: whether the record of each prosecution or
// separation decision named, at decision time, the children it affected.
// The 2018 referral forms had no field for a child and the separation memos
// often left the children out; the Inspector General had to rebuild the list
// from other records. Rates by decision type and period are documented in
// docs/synthetic-data.md ("Decision log").
//
// Applied after SimulateFamily with an Rng of its own (generator.cc forks it
// from the family's generator after the exports' fork), so adding it changed
// no other export. Thread-safe: touches only `family`.
#ifndef REUNITE_SYNTH_DECISION_KEEPING_H_
#define REUNITE_SYNTH_DECISION_KEEPING_H_

#include "common/random.h"
#include "synth/scenario.h"

namespace reunite::synth {

// Probability that the record of `d` lists no children although it affected some.
double ChildrenUnrecordedRate(const Decision& d);

// Sets Decision::children_recorded for every decision of `family` (one draw each).
void KeepDecisionRecords(Family& family, Rng& rng);

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_DECISION_KEEPING_H_
