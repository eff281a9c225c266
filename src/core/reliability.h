// Reliability of the forms of a cycle (SPEC §5): Cronbach's alpha per form
// and dimension, and per-item statistics, pooling every relation that uses
// the same form. Part of the scoring engine (scoring.h); pure, no I/O.
//
//   std::vector<FormReliability> forms = compute_reliability(input);
#pragma once

#include <vector>

#include "core/scoring.h"

namespace exemplar {

// One entry per distinct form of input.forms (the same object, or an equal
// form), in self, head, peer order of first appearance. Only submitted
// assignments count. Expects input already checked by compute_results().
std::vector<FormReliability> compute_reliability(const ScoringInput& input);

}  // namespace exemplar
