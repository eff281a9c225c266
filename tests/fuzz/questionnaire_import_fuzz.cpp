// A returned answer file as `exemplar responses import` reads it:
// import_answer_file into the cycle of the nine-person office. An offline
// questionnaire (recognised by its hidden sheet) has its seal checked, every
// answer cell read and merged; anything else is read as a long-format table
// (CSV or xlsx). The seed corpus holds questionnaires the product wrote for
// this very office and cycle (sealed with the fixed key of fuzz_office.h),
// blank and filled by another program, so mutations start from files that
// import. Each input is imported inside a transaction that is rolled back,
// so every input meets the same database.
#include "core/answer_file_import.h"
#include "core/error.h"
#include "fuzz_office.h"
#include "fuzz_target.h"

using namespace exemplar;
using namespace exemplar::fuzz;

EXEMPLAR_FUZZ_TARGET_WITH_INIT(questionnaire_import, make_fuzz_office) {
    const auto path = write_input("answers.xlsx", input);
    FuzzOffice& office = fuzz_office(false);
    Transaction rollback(office.db);  // never committed
    try {
        const AnswerFileImported imported = import_answer_file(office.db, office.cycle, path);
        const ResponsesImported& counts = imported.counts;
        fuzz_check(counts.changed <= counts.touched && counts.submitted + counts.incomplete == counts.touched,
                   "the counts of an import add up");
        fuzz_check(imported.questionnaire == !imported.rater.empty(), "a questionnaire names its rater");
        fuzz_check(counts.incomplete == 0 || !imported.questionnaire || !imported.incomplete.empty(),
                   "an incomplete questionnaire says what is missing");
        return Outcome::accepted;
    } catch (const InputRefused& refused) {
        check_located(refused.diagnostics(), path.string());
        return Outcome::refused;
    }
}
