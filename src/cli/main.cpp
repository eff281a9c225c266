// The `exemplar` command line: parses the words with CLI11 (kept in this one
// file, since it is slow to compile) and hands each command to its own file.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/form_commands.h"
#include "cli/plan_commands.h"
#include "cli/terminal.h"
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

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {
        return app.exit(success);
    } catch (const CLI::ParseError& error) {
        std::cerr << tr({"用法错误：", "usage error: "}) << error.what() << '\n'
                  << tr({"用 --help 查看用法。", "Run with --help for usage."}) << '\n';
        return exit_usage;
    }

    return run_guarded([&]() -> int {
        if (form_validate_command->parsed()) return form_validate(form_files);
        if (form_show_command->parsed()) {
            std::optional<exemplar::Use> wording;
            if (show_wording == "self") wording = exemplar::Use::self;
            if (show_wording == "other") wording = exemplar::Use::others;
            return form_show(show_file, show_json, wording);
        }
        if (plan_validate_command->parsed()) return plan_validate(plan_files);
        std::cerr << app.help();
        return exit_usage;
    });
}
