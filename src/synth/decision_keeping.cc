#include "synth/decision_keeping.h"

namespace reunite::synth {
namespace {
constexpr Date kSeparatedMarkerFrom{2018, 4, 1};
}  // namespace

double ChildrenUnrecordedRate(const Decision& d) {
  if (d.affected_children.empty()) return 0.0;
  if (d.type == "prosecution") {
    if (d.directive == kElPasoInitiative) return 0.65;
    if (d.directive == kZeroTolerance) return 0.30;
    if (d.directive == kNoAgeDeclinations) return 0.12;
    return 0.10;
  }
  if (d.type == "separation") return d.date < kSeparatedMarkerFrom ? 0.45 : 0.08;
  return 0.0;  // removal orders list the children still in care
}

void KeepDecisionRecords(Family& family, Rng& rng) {
  for (Decision& d : family.decisions) {
    const double u = rng.Uniform();
    d.children_recorded = !(u < ChildrenUnrecordedRate(d));
  }
}

}  // namespace reunite::synth
