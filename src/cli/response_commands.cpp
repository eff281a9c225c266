#include "cli/response_commands.h"

#include <iostream>

#include "cli/database_option.h"
#include "cli/progress_bar.h"
#include "cli/terminal.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/responses_import.h"
#include "core/translate.h"

namespace exemplar::cli {

int responses_import(const std::string& database, const std::string& cycle_name, const std::vector<std::string>& files) {
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, cycle_name);
    for (const std::string& file : files) {
        auto table = open_table(file);
        ProgressBar bar;
        ResponsesImported imported;
        try {
            imported = import_responses(db, cycle, *table, &bar);
        } catch (const InputRefused& refused) {
            bar.finish();
            print_diagnostics(refused.diagnostics());
            std::cerr << tr({"{0}：未导入（整个文件被拒绝，数据库未改变）", "{0}: not imported (the whole file was refused; the database is unchanged)"}, file)
                      << '\n';
            return exit_refused;
        }
        bar.finish();
        std::cout << tr({"{0}：{1} 行答案，涉及任务 {2} 项（其中 {3} 项有变化），已提交 {4} 项，仍未完成 {5} 项",
                         "{0}: {1} answer rows, {2} assignments touched ({3} changed), {4} submitted, {5} still incomplete"},
                        file, imported.rows, imported.touched, imported.changed, imported.submitted, imported.incomplete)
                  << '\n';
    }
    return exit_ok;
}

}  // namespace exemplar::cli
