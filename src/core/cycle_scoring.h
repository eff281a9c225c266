// A stored cycle and its answers turned into the scoring engine's input.
#pragma once

#include "core/cycle.h"
#include "core/cycle_store.h"
#include "core/scoring.h"

namespace exemplar {

// The input views `cycle` and `assignments`, which must outlive it.
ScoringInput scoring_input(const Cycle& cycle, const AssignmentSet& assignments);

}  // namespace exemplar
