// One returned file of answers, whatever it is: an offline questionnaire
// (recognised by its hidden sheet) or a long-format table (CSV or xlsx).
// Shared by `exemplar responses import` and the desktop app.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/answer_merge.h"
#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"
#include "core/questionnaire_import.h"

namespace exemplar {

struct AnswerFileImported {
    bool questionnaire = false;
    std::string rater;  // "姓名（工号）" for a questionnaire
    ResponsesImported counts;
    std::vector<IncompleteAssignment> incomplete;  // questionnaires: what is still empty
};

// Throws InputRefused (every problem located) or Refused; the database is
// then as it was.
AnswerFileImported import_answer_file(Database& db, const Cycle& cycle, const std::filesystem::path& file,
                                      ProgressObserver* progress = nullptr);

}  // namespace exemplar
