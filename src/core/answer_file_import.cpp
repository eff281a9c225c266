#include "core/answer_file_import.h"

#include <fstream>

#include "core/responses_import.h"
#include "core/table_reader.h"
#include "core/xlsx_reader.h"

namespace exemplar {

namespace {
bool starts_like_zip(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}
}  // namespace

AnswerFileImported import_answer_file(Database& db, const Cycle& cycle, const std::filesystem::path& file, ProgressObserver* progress) {
    AnswerFileImported result;
    if (starts_like_zip(file)) {
        const XlsxWorkbook workbook = XlsxWorkbook::open(file);
        if (is_questionnaire(workbook)) {
            QuestionnaireImported imported = import_questionnaire(db, cycle, workbook, progress);
            result.questionnaire = true;
            result.rater = std::move(imported.rater);
            result.counts = imported.counts;
            result.incomplete = std::move(imported.incomplete);
            return result;
        }
    }
    auto table = open_table(file);
    result.counts = import_responses(db, cycle, *table, progress);
    return result;
}

}  // namespace exemplar
