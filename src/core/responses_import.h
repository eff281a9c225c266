// Importing answers in long format (SPEC §4): one answer a row, matched to
// the cycle's assignments. All or nothing per file; a later import replaces
// earlier answers to the same items; a blank answer never clears one.
#pragma once

#include "core/answer_merge.h"
#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"
#include "core/table_reader.h"

namespace exemplar {

// Throws InputRefused (every problem located, the first 100 shown by callers),
// leaving the database as it was.
ResponsesImported import_responses(Database& db, const Cycle& cycle, TableReader& table,
                                   ProgressObserver* progress = nullptr);

}  // namespace exemplar
