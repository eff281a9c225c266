// Importing answers in long format (SPEC §4): one answer a row, matched to
// the cycle's assignments. All or nothing per file; a later import replaces
// earlier answers to the same items; a blank answer never clears one.
#pragma once

#include <cstddef>

#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"
#include "core/table_reader.h"

namespace exemplar {

struct ResponsesImported {
    std::size_t rows = 0;            // answer rows read (blank answers included)
    std::size_t touched = 0;         // assignments the file answers
    std::size_t changed = 0;         // of those, assignments whose stored answers changed
    std::size_t submitted = 0;       // of those touched, submitted now
    std::size_t incomplete = 0;      // of those touched, still not submitted
};

// Throws InputRefused (every problem located) or Refused (closed cycle),
// leaving the database as it was.
ResponsesImported import_responses(Database& db, const Cycle& cycle, TableReader& table,
                                   ProgressObserver* progress = nullptr);

}  // namespace exemplar
