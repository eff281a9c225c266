// The office of tests/support/office.h (nine people in nested departments)
// in a database in memory, with the cycle "2026年度" under the bundled annual
// plan, for the fuzz targets that import into a cycle or report on one.
//
// The cycle's seal key is fixed (fuzz_seal_key), not random as in a real
// database, so the questionnaires in corpus/questionnaire_import/ — written
// once by the product for this office (write_seed_questionnaires.cpp) — stay
// valid for every fuzzer process and every replay.
#pragma once

#include "core/cycle.h"
#include "core/database.h"

namespace exemplar::fuzz {

struct FuzzOffice {
    Database db;
    Cycle cycle;
};

// Made on first use, then the same for the life of the process. With
// `answers`, simulated answers for every assignment (a few left unfinished)
// are imported, so the cycle has results to report.
FuzzOffice& fuzz_office(bool answers);

// A target's initializer: the office without answers made before the first
// input, so that input is not timed with the office's making.
inline void make_fuzz_office() { fuzz_office(false); }

}  // namespace exemplar::fuzz
