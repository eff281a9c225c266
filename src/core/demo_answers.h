// Simulated answers for the demo office: each person has a quality, each
// rater a leniency, self-reviews lean high, answers scatter around that;
// a few assignments are left unfinished, one self-review is straight-lined.
// Deterministic for a seed, so the demo's report is the same every run.
#pragma once

#include <cstdint>
#include <string>

#include "core/cycle.h"

namespace exemplar {

// Long-format answer rows (SPEC §4, Chinese header, option labels as answers,
// self-review comments as text) for every assignment of the cycle.
std::string simulate_answers_csv(const Cycle& cycle, std::uint32_t seed);

}  // namespace exemplar
