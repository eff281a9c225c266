#include "cli/report_commands.h"

#include <iostream>

#include "cli/database_option.h"
#include "cli/progress_bar.h"
#include "core/cycle_report.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/questionnaire_writer.h"
#include "core/report_template.h"
#include "core/translate.h"

namespace exemplar::cli {

int report(const std::string& database, const ReportRequest& request) {
    if (request.out.empty() && request.hr_csv.empty() && request.cards.empty())
        throw UsageError(tr({"请用 --out、--hr-csv 或 --cards 指定要生成的文件", "name what to write: --out, --hr-csv or --cards"}));
    const std::filesystem::path template_file =
        request.template_file.empty() ? default_report_template() : std::filesystem::path(request.template_file);
    ReportTemplateLoad loaded = load_report_template(template_file);
    if (!loaded.report_template) throw InputRefused(loaded.diagnostics);
    Database db = open_existing(database);
    const auto cycle_report = load_cycle_report(db, request.cycle);
    ProgressBar bar;
    if (!request.out.empty()) {
        write_report(request.out, cycle_report->data, *loaded.report_template, &bar);
        bar.finish();
        std::cout << tr({"报表：{0}", "report: {0}"}, request.out) << '\n';
    }
    if (!request.hr_csv.empty()) {
        write_hr_csv(request.hr_csv, cycle_report->data, *loaded.report_template);
        std::cout << tr({"人事导入表（CSV）：{0}", "HR import sheet (CSV): {0}"}, request.hr_csv) << '\n';
    }
    if (!request.cards.empty()) {
        std::error_code error;
        std::filesystem::create_directories(request.cards, error);
        const std::size_t cards = write_report_cards(request.cards, cycle_report->data, cycle_report->self_comments, &bar);
        bar.finish();
        std::cout << tr({"个人报告卡：{0} 份，在 {1}", "report cards: {0} in {1}"}, cards, request.cards) << '\n';
    }
    return 0;
}

int questionnaires(const std::string& database, const std::string& cycle_name, const std::string& folder, const std::string& rater) {
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, cycle_name);
    const std::optional<std::size_t> only = optional_member(cycle, rater);
    ProgressBar bar;
    const auto written = write_questionnaires(db, cycle, folder, only, &bar);
    bar.finish();
    std::cout << tr({"测评表：{0} 份，在 {1}", "questionnaires: {0} in {1}"}, written.size(), folder) << '\n';
    return 0;
}

}  // namespace exemplar::cli
