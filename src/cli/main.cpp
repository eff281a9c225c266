// The `exemplar` command line: parses the words with CLI11 (kept in this one
// file, since it is slow to compile) and hands each command to its own file.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/access_commands.h"
#include "cli/assignment_commands.h"
#include "cli/audit_commands.h"
#include "cli/cycle_commands.h"
#include "cli/demo_command.h"
#include "cli/form_commands.h"
#include "cli/plan_commands.h"
#include "cli/report_commands.h"
#include "cli/response_commands.h"
#include "cli/results_commands.h"
#include "cli/roster_commands.h"
#include "cli/terminal.h"
#include "core/audit_log.h"
#include "core/translate.h"

namespace {

using exemplar::tr;
using namespace exemplar::cli;

void translate_help_labels(CLI::App& app) {
    if (exemplar::current_language() != exemplar::Language::chinese) return;
    const auto formatter = app.get_formatter();
    formatter->label("Usage", "用法");
    formatter->label("OPTIONS", "选项");
    formatter->label("Options", "选项");
    formatter->label("SUBCOMMAND", "命令");
    formatter->label("SUBCOMMANDS", "命令");
    formatter->label("Subcommands", "命令");
    formatter->label("POSITIONALS", "参数");
    formatter->label("Positionals", "参数");
    formatter->label("REQUIRED", "必填");
    formatter->label("TEXT", "文本");
    formatter->label("TEXT ...", "文本 …");
    formatter->label("FILE", "文件");
    formatter->label("Needs", "需要");
    formatter->label("Excludes", "不能同时使用");
    app.set_help_flag("-h,--help", tr({"显示帮助并退出", "print this help and exit"}));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{tr({"“五种表率”测评：表单、方案、测评周期与报表", "Exemplar: evaluation of the five exemplars"}), "exemplar"};
    translate_help_labels(app);
    app.set_version_flag("--version", std::string("exemplar ") + EXEMPLAR_VERSION,
                         tr({"显示版本并退出", "print the version and exit"}));
    app.require_subcommand(1);
    // --db may stand before or after the command words.
    app.fallthrough();
    std::string database;
    app.add_option("--db", database, tr({"数据库文件（默认在用户数据文件夹）", "database file (default: in the per-user data folder)"}))
        ->type_name("PATH");

    // form
    auto* form = app.add_subcommand("form", tr({"检查或显示测评表单", "check or print questionnaire forms"}));
    form->require_subcommand(1);
    std::vector<std::string> form_files;
    auto* form_validate_command =
        form->add_subcommand("validate", tr({"检查表单文件，逐条报告问题（文件:行:列）", "check form files, reporting every problem as FILE:LINE:COLUMN"}));
    form_validate_command->add_option("FILE", form_files, tr({"表单文件（.yaml）", "form files (.yaml)"}))->required();
    std::string show_file;
    bool show_json = false;
    std::string show_wording;
    auto* form_show_command =
        form->add_subcommand("show", tr({"按维度和方面显示问卷及量表", "print the questionnaire by exemplar and facet, with its scales"}));
    form_show_command->add_option("FILE", show_file, tr({"表单文件（.yaml）", "form file (.yaml)"}))->required();
    form_show_command->add_flag("--json", show_json, tr({"以 JSON 输出（可被表单加载器读回）", "print JSON (loads back as a form)"}));
    form_show_command->add_option("--wording", show_wording, tr({"显示哪种措辞：self（自评）或 other（他评）", "which wording to print: self or other"}))
        ->check(CLI::IsMember({"self", "other"}));

    // plan
    auto* plan = app.add_subcommand("plan", tr({"检查考核方案", "check evaluation plans"}));
    plan->require_subcommand(1);
    std::vector<std::string> plan_files;
    auto* plan_validate_command =
        plan->add_subcommand("validate", tr({"检查方案文件及其使用的表单", "check plan files and the forms they use"}));
    plan_validate_command->add_option("FILE", plan_files, tr({"方案文件（.yaml）", "plan files (.yaml)"}))->required();

    // roster
    auto* roster = app.add_subcommand("roster", tr({"花名册：导入和查看人员与部门", "the roster: import and list people and departments"}));
    roster->require_subcommand(1);
    std::string roster_file;
    auto* roster_import_command = roster->add_subcommand(
        "import", tr({"从 CSV 导入花名册：按工号新增或更新人员，按路径建立部门", "import a roster CSV: add and update people by id, departments by path"}));
    roster_import_command->add_option("FILE", roster_file, tr({"花名册文件（.csv）", "roster file (.csv)"}))->required();
    bool roster_csv = false;
    auto* roster_list_command = roster->add_subcommand("list", tr({"列出花名册", "list the roster"}));
    roster_list_command->add_flag("--csv", roster_csv, tr({"以 CSV 输出", "print CSV"}));

    // cycle
    auto* cycle = app.add_subcommand("cycle", tr({"测评周期：创建、查看、关闭、删除", "evaluation cycles: create, list, show, close, delete"}));
    cycle->require_subcommand(1);
    std::string cycle_name;
    std::string plan_file;
    auto* cycle_create_command = cycle->add_subcommand(
        "create", tr({"按考核方案创建测评周期并生成评价任务", "create a cycle under a plan and make its assignments"}));
    cycle_create_command->add_option("NAME", cycle_name, tr({"周期名称，如 2026年度", "cycle name, e.g. 2026年度"}))->required();
    cycle_create_command->add_option("--plan", plan_file, tr({"考核方案文件（.yaml）", "plan file (.yaml)"}))->required();
    std::string cycle_unit;
    std::string cycle_deadline;
    cycle_create_command->add_option("--unit", cycle_unit, tr({"单位名称（用于报表标题），默认为最上级部门", "unit name for report titles (default: the top department)"}));
    cycle_create_command->add_option("--deadline", cycle_deadline, tr({"截止日期，如 2026-12-31（写在问卷说明中）", "deadline, e.g. 2026-12-31 (shown in questionnaires)"}));
    auto* cycle_list_command = cycle->add_subcommand("list", tr({"列出测评周期", "list the cycles"}));
    auto* cycle_show_command = cycle->add_subcommand("show", tr({"显示周期的方案、人数和各部门进度", "show a cycle's plan, counts and progress per department"}));
    cycle_show_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    auto* cycle_close_command = cycle->add_subcommand("close", tr({"关闭周期：此后答案和结果不再改变", "close a cycle: its answers and results are frozen"}));
    cycle_close_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    bool delete_yes = false;
    auto* cycle_delete_command = cycle->add_subcommand("delete", tr({"删除周期及其全部任务和答案", "delete a cycle with all its assignments and answers"}));
    cycle_delete_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    cycle_delete_command->add_flag("--yes", delete_yes, tr({"确认删除", "confirm the deletion"}));

    // assignments
    bool assignments_csv = false;
    std::string assignments_rater;
    std::string assignments_status;
    auto* assignments_command = app.add_subcommand(
        "assignments", tr({"列出评价任务：评价人、被评价人、关系、表单、状态、标记", "list assignments: rater, ratee, relation, form, status, flags"}));
    assignments_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    assignments_command->add_flag("--csv", assignments_csv, tr({"以 CSV 输出", "print CSV"}));
    assignments_command->add_option("--rater", assignments_rater, tr({"只列出这位评价人（工号）的任务", "only this rater's assignments (id)"}));
    assignments_command->add_option("--status", assignments_status, tr({"只列出此状态：open、draft、submitted", "only this status: open, draft, submitted"}));

    // responses
    auto* responses = app.add_subcommand("responses", tr({"导入答案", "import answers"}));
    responses->require_subcommand(1);
    std::vector<std::string> response_files;
    auto* responses_import_command = responses->add_subcommand(
        "import", tr({"导入长格式答案文件（每行一个答案），逐个文件整体导入", "import long-format answer files (one answer a row), each whole or not at all"}));
    responses_import_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    responses_import_command->add_option("FILE", response_files,
                                         tr({"答案文件（.csv、.xlsx 或交回的测评表）", "answer files (.csv, .xlsx or returned questionnaires)"}))
        ->required();

    // results
    bool results_csv = false;
    auto* results_command = app.add_subcommand("results", tr({"输出人事导入表（HR导入）", "print the HR import table"}));
    results_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    results_command->add_flag("--csv", results_csv, tr({"以 CSV 输出", "print CSV"}));

    // report
    exemplar::cli::ReportRequest report_request;
    auto* report_command = app.add_subcommand(
        "report", tr({"生成 Excel 报表、人事导入表（CSV）和个人报告卡", "write the Excel report, the HR import CSV and report cards"}));
    report_command->add_option("NAME", report_request.cycle, tr({"周期名称", "cycle name"}))->required();
    report_command->add_option("--out", report_request.out, tr({"报表文件（.xlsx）", "report workbook (.xlsx)"}));
    report_command->add_option("--template", report_request.template_file,
                               tr({"报表模板（.yaml），默认为内置模板", "report template (.yaml); default: the bundled one"}));
    report_command->add_option("--hr-csv", report_request.hr_csv, tr({"人事导入表（CSV，UTF-8 带 BOM）", "HR import sheet as CSV (UTF-8 with BOM)"}));
    report_command->add_option("--cards", report_request.cards, tr({"个人报告卡的文件夹（每人一个 .xlsx）", "folder for report cards (one .xlsx a person)"}));

    // questionnaires
    std::string questionnaire_folder;
    std::string questionnaire_rater;
    auto* questionnaires_command = app.add_subcommand(
        "questionnaires", tr({"生成离线测评表：每位评价人一个 Excel 文件", "write offline questionnaires: one Excel file per rater"}));
    questionnaires_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    questionnaires_command->add_option("--out", questionnaire_folder, tr({"输出文件夹", "output folder"}))->required();
    questionnaires_command->add_option("--rater", questionnaire_rater, tr({"只生成这位评价人（工号）的测评表", "only this rater's questionnaire (id)"}));

    // codes
    std::string codes_out;
    std::string codes_rater;
    auto* codes_command = app.add_subcommand(
        "codes", tr({"生成个人登录码（用于桌面程序），写成可打印的登录条", "issue personal access codes for the desktop app, as slips to print"}));
    codes_command->add_option("NAME", cycle_name, tr({"周期名称", "cycle name"}))->required();
    codes_command->add_option("--out", codes_out, tr({"登录条文件（.xlsx）", "slips file (.xlsx)"}))->required();
    codes_command->add_option("--rater", codes_rater, tr({"只为这位人员（工号）重新生成", "only this person's code (id), issued anew"}));

    // audit
    std::string audit_cycle;
    bool audit_csv = false;
    auto* audit_command = app.add_subcommand(
        "audit", tr({"显示审计日志：每次修改的时间、用户、命令和数量（不含任何答案）",
                     "print the audit log: every change with its time, user, command and counts (never any answers)"}));
    audit_command->add_option("--cycle", audit_cycle, tr({"只显示这个周期的记录", "only this cycle's entries"}));
    audit_command->add_flag("--csv", audit_csv, tr({"以 CSV 输出", "print CSV"}));

    // demo
    std::string demo_folder;
    auto* demo_command = app.add_subcommand(
        "demo", tr({"用内置的演示单位跑完整个流程，生成报表等文件", "run the main job on the bundled demo office, writing the report and more"}));
    demo_command->add_option("--out", demo_folder, tr({"输出文件夹", "output folder"}))->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {
        return app.exit(success);
    } catch (const CLI::ParseError& error) {
        std::cerr << tr({"用法错误：", "usage error: "}) << error.what() << '\n'
                  << tr({"用 --help 查看用法。", "Run with --help for usage."}) << '\n';
        return exit_usage;
    }

    // The audit log names the command words, never the arguments (they may be file names of people).
    std::string words = "exemplar";
    for (const CLI::App* level = &app; !level->get_subcommands().empty();) {
        level = level->get_subcommands().front();
        words += " " + level->get_name();
    }
    exemplar::set_audit_program(words);

    return run_guarded([&]() -> int {
        if (form_validate_command->parsed()) return form_validate(form_files);
        if (form_show_command->parsed()) {
            std::optional<exemplar::Use> wording;
            if (show_wording == "self") wording = exemplar::Use::self;
            if (show_wording == "other") wording = exemplar::Use::others;
            return form_show(show_file, show_json, wording);
        }
        if (plan_validate_command->parsed()) return plan_validate(plan_files);
        if (roster_import_command->parsed()) return roster_import(database, roster_file);
        if (roster_list_command->parsed()) return roster_list(database, roster_csv);
        if (cycle_create_command->parsed()) return cycle_create(database, cycle_name, plan_file, cycle_unit, cycle_deadline);
        if (cycle_list_command->parsed()) return cycle_list(database);
        if (cycle_show_command->parsed()) return cycle_show(database, cycle_name);
        if (cycle_close_command->parsed()) return cycle_close(database, cycle_name);
        if (cycle_delete_command->parsed()) return cycle_delete(database, cycle_name, delete_yes);
        if (assignments_command->parsed())
            return assignments_list(database, cycle_name, assignments_csv, assignments_rater, assignments_status);
        if (responses_import_command->parsed()) return responses_import(database, cycle_name, response_files);
        if (results_command->parsed()) return results(database, cycle_name, results_csv);
        if (report_command->parsed()) return report(database, report_request);
        if (questionnaires_command->parsed()) return questionnaires(database, cycle_name, questionnaire_folder, questionnaire_rater);
        if (demo_command->parsed()) return demo(demo_folder);
        if (codes_command->parsed()) return access_codes(database, cycle_name, codes_out, codes_rater);
        if (audit_command->parsed()) return audit_list(database, audit_cycle, audit_csv);
        std::cerr << app.help();
        return exit_usage;
    });
}
