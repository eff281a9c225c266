#include "cli/response_commands.h"

#include <iostream>

#include "cli/database_option.h"
#include "cli/progress_bar.h"
#include "cli/terminal.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/answer_file_import.h"
#include "core/translate.h"

namespace exemplar::cli {

namespace {

void print_counts(const std::string& file, const ResponsesImported& imported) {
    std::cout << tr({"{0}：{1} 个答案，涉及任务 {2} 项（其中 {3} 项有变化），已提交 {4} 项，仍未完成 {5} 项",
                     "{0}: {1} answers, {2} assignments touched ({3} changed), {4} submitted, {5} still incomplete"},
                    file, imported.answers, imported.touched, imported.changed, imported.submitted, imported.incomplete)
              << '\n';
}

// One file: a returned questionnaire, or a long-format table (CSV or xlsx).
void import_file(Database& db, const Cycle& cycle, const std::string& file) {
    ProgressBar bar;
    const AnswerFileImported imported = import_answer_file(db, cycle, file, &bar);
    bar.finish();
    if (imported.questionnaire) std::cout << tr({"{0}：{1} 的测评表", "{0}: questionnaire of {1}"}, file, imported.rater) << '\n';
    print_counts(file, imported.counts);
    for (const IncompleteAssignment& incomplete : imported.incomplete) {
        std::string cells;
        for (std::size_t i = 0; i < incomplete.cells.size() && i < 8; ++i) cells += (cells.empty() ? "" : ", ") + incomplete.cells[i];
        if (incomplete.cells.size() > 8) cells += tr({" 等（共 {0} 格）", " … ({0} in all)"}, incomplete.cells.size());
        std::cout << "  " << tr({"未完成：{0}（{1}），未答的必答格：{2}", "incomplete: {0} ({1}), empty required cells: {2}"}, incomplete.sheet,
                                incomplete.ratee, cells)
                  << '\n';
    }
}

}  // namespace

int responses_import(const std::string& database, const std::string& cycle_name, const std::vector<std::string>& files) {
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, cycle_name);
    for (const std::string& file : files) {
        try {
            import_file(db, cycle, file);
        } catch (const InputRefused& refused) {
            print_diagnostics(refused.diagnostics());
            std::cerr << tr({"{0}：未导入（整个文件被拒绝，数据库未改变）", "{0}: not imported (the whole file was refused; the database is unchanged)"}, file)
                      << '\n';
            return exit_refused;
        }
    }
    return exit_ok;
}

}  // namespace exemplar::cli
