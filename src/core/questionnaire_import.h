// Importing a returned offline questionnaire (SPEC §7): its seal checked
// against the cycle's key, every answer cell read and checked, then merged
// like any answer file. Complete assignments become submitted, incomplete
// ones stay drafts and are reported with their missing cells. Any invalid
// answer, a wrong or closed cycle, changed metadata, moved answer cells, text
// typed outside the answer cells, or a rater no longer in the cycle refuse
// the whole file with FILE:SHEET!CELL messages.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/answer_merge.h"
#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"
#include "core/xlsx_reader.h"

namespace exemplar {

// True when the workbook has the hidden sheet of a questionnaire.
bool is_questionnaire(const XlsxWorkbook& workbook);

struct IncompleteAssignment {
    std::string sheet;
    std::string ratee;               // "姓名（工号）"
    std::vector<std::string> cells;  // the required answer cells still empty, e.g. "C12"
};

struct QuestionnaireImported {
    ResponsesImported counts;
    std::string rater;  // "姓名（工号）"
    std::vector<IncompleteAssignment> incomplete;
};

// Throws InputRefused (every problem located) or Refused, leaving the database as it was.
QuestionnaireImported import_questionnaire(Database& db, const Cycle& cycle, const XlsxWorkbook& workbook,
                                           ProgressObserver* progress = nullptr);

}  // namespace exemplar
