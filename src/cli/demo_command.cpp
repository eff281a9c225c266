#include "cli/demo_command.h"

#include <iostream>

#include "cli/progress_bar.h"
#include "core/atomic_file.h"
#include "core/cycle_report.h"
#include "core/cycle_store.h"
#include "core/data_paths.h"
#include "core/demo_answers.h"
#include "core/error.h"
#include "core/questionnaire_writer.h"
#include "core/report_template.h"
#include "core/responses_import.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/translate.h"

namespace exemplar::cli {

int demo(const std::string& folder_text) {
    const std::filesystem::path folder(folder_text);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw Refused(tr({"无法创建文件夹 {0}：{1}", "cannot create the folder {0}: {1}"}, folder_text, error.message()));
    const std::filesystem::path db_path = folder / "demo.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path.string() + suffix, error);

    const std::filesystem::path data = bundled_data_dir();
    ProgressBar bar;
    Database db = Database::open(db_path, Database::Mode::create);
    migrate(db);
    auto roster = open_table(data / "templates" / "demo" / "roster.csv");
    const RosterChanges people = import_roster(db, *roster, &bar);

    CycleOptions options;
    options.unit_name = "行署办公室";
    options.deadline = "2026-12-31";
    const CycleCreated created = create_cycle(db, "2026年度", data / "templates" / "plans" / "annual.yaml", options, &bar);
    const std::filesystem::path answers_file = folder / "answers.csv";
    write_file_atomically(answers_file, simulate_answers_csv(created.cycle, 20261130));
    auto answers = open_table(answers_file);
    const ResponsesImported imported = import_responses(db, created.cycle, *answers, &bar);

    ReportTemplateLoad report_template = load_report_template(default_report_template());
    if (!report_template.report_template) throw InputRefused(report_template.diagnostics);
    const auto cycle_report = load_cycle_report(db, created.cycle.name);
    const std::filesystem::path report_file = folder / "report.xlsx";
    write_report(report_file, cycle_report->data, *report_template.report_template, &bar);
    const std::filesystem::path hr_file = folder / "hr-import.csv";
    write_hr_csv(hr_file, cycle_report->data, *report_template.report_template);
    const std::filesystem::path cards_folder = folder / "cards";
    std::filesystem::create_directories(cards_folder, error);
    const std::size_t cards = write_report_cards(cards_folder, cycle_report->data, cycle_report->self_comments, &bar);
    const std::filesystem::path questionnaires_folder = folder / "questionnaires";
    const auto questionnaires = write_questionnaires(db, created.cycle, questionnaires_folder, std::nullopt, &bar);
    bar.finish();

    std::cout << tr({"演示单位：{0}，{1} 人；测评周期“{2}”，{3} 项任务，导入答案 {4} 个（{5} 项已提交，{6} 项未完成）",
                     "demo office: {0}, {1} people; cycle '{2}', {3} assignments, {4} answers imported ({5} submitted, {6} unfinished)"},
                    created.cycle.unit_name, people.added, created.cycle.name,
                    created.assignments[0] + created.assignments[1] + created.assignments[2], imported.answers, imported.submitted,
                    imported.incomplete)
              << '\n';
    std::cout << tr({"数据库：          {0}", "database:         {0}"}, db_path.string()) << '\n';
    std::cout << tr({"模拟答案：        {0}", "simulated answers: {0}"}, answers_file.string()) << '\n';
    std::cout << tr({"Excel 报表：      {0}", "Excel report:     {0}"}, report_file.string()) << '\n';
    std::cout << tr({"人事导入表：      {0}", "HR import sheet:  {0}"}, hr_file.string()) << '\n';
    std::cout << tr({"个人报告卡：      {0}（{1} 份）", "report cards:     {0} ({1})"}, cards_folder.string(), cards) << '\n';
    std::cout << tr({"离线测评表：      {0}（{1} 份）", "questionnaires:   {0} ({1})"}, questionnaires_folder.string(), questionnaires.size()) << '\n';
    return 0;
}

}  // namespace exemplar::cli
