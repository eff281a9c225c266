// Report templates (SPEC §6), one rule per test: a small valid template,
// changed in one place, must give exactly the located diagnostics
// FILE:LINE:COLUMN: message.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/report_template.h"
#include "core/translate.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

using Lines = std::vector<std::string>;

// Line and column numbers are part of every expectation below; keep them in sync.
std::string valid_template() {
    return "template: short\n"                          // 1
           "title: \"{unit}{cycle}测评汇总\"\n"          // 2
           "summary:\n"                                  // 3
           "  - {column: person_id, header: 工号}\n"     // 4
           "  - {column: dimensions}\n"                  // 5
           "  - total\n"                                 // 6
           "hr_import:\n"                                // 7
           "  - {column: person_id, header: EMPNO}\n"    // 8
           "  - loyalty\n"                               // 9
           "  - {column: total}\n";                      // 10
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

Lines problems(const std::string& text) {
    set_language(Language::english);
    const ReportTemplateLoad load = parse_report_template("t.yaml", text);
    Lines lines;
    for (const Diagnostic& d : load.diagnostics) lines.push_back(d.to_string());
    EXPECT_EQ(load.report_template.has_value(), lines.empty());
    return lines;
}

TEST(ReportTemplate, ValidTemplate) {
    ASSERT_EQ(problems(valid_template()), Lines{});
    const ReportTemplate t = *parse_report_template("t.yaml", valid_template()).report_template;
    EXPECT_EQ(t.id, "short");
    EXPECT_EQ(report_title(t, "行署办公室", "2026年度"), "行署办公室2026年度测评汇总");
    ASSERT_EQ(t.summary.size(), 3u);
    EXPECT_EQ(t.summary[0].column, "person_id");
    EXPECT_EQ(t.summary[0].header, "工号");
    EXPECT_EQ(t.summary[2].column, "total");
    EXPECT_EQ(t.summary[2].header, "");
    EXPECT_EQ(t.summary[2].at.line, 6);
    EXPECT_EQ(t.summary[2].at.column, 5);
    ASSERT_EQ(t.hr_import.size(), 3u);
    EXPECT_EQ(t.hr_import[1].column, "loyalty");
}

TEST(ReportTemplate, BundledDefaultIsTheBuiltInOne) {
    set_language(Language::chinese);
    const ReportTemplateLoad load = load_report_template(default_report_template());
    ASSERT_TRUE(load.report_template) << load.diagnostics.front().to_string();
    EXPECT_EQ(*load.report_template, builtin_report_template());
    EXPECT_EQ(report_title(*load.report_template, "行署办公室", "2026年度"), "行署办公室2026年度“五种表率”测评汇总表");
    const auto summary = expand_columns(load.report_template->summary, {{"loyalty", "绝对忠诚", 1}}, ColumnHeaders::summary);
    ASSERT_EQ(summary.size(), 14u);
    EXPECT_EQ(summary[0].header, "工号");
    EXPECT_EQ(summary[4].header, "绝对忠诚");
    EXPECT_EQ(summary[5].header, "总分");
    EXPECT_EQ(summary[13].header, "标记");
}

// The built-in title and 汇总 headers are in the language the report is
// written in; the HR导入 codes and a template's own headers are not.
TEST(ReportTemplate, BuiltInTitleAndHeadersFollowTheLanguage) {
    const ReportTemplate builtin = builtin_report_template();
    const std::vector<DimensionColumn> dimensions{{"loyalty", "绝对忠诚", 1}};
    set_language(Language::english);
    EXPECT_EQ(report_title(builtin, "行署办公室", "2026年度"), "行署办公室 2026年度: summary of the five-exemplars evaluation");
    EXPECT_EQ(report_title(builtin, "", "2026年度"), "2026年度: summary of the five-exemplars evaluation");
    EXPECT_EQ(summary_header_of("person_id"), "Staff ID");
    EXPECT_EQ(summary_header_of("loyalty"), "");
    const auto summary = expand_columns(builtin.summary, dimensions, ColumnHeaders::summary);
    ASSERT_EQ(summary.size(), 14u);
    EXPECT_EQ(summary[0].header, "Staff ID");
    EXPECT_EQ(summary[4].header, "绝对忠诚");  // the dimension's name, from its form
    EXPECT_EQ(summary[5].header, "Total");
    EXPECT_EQ(summary[13].header, "Flags");
    const auto hr = expand_columns(builtin.hr_import, dimensions, ColumnHeaders::hr_import);
    ASSERT_EQ(hr.size(), 14u);
    EXPECT_EQ(hr[0].header, "person_id");
    EXPECT_EQ(hr[4].header, "loyalty");
    EXPECT_EQ(hr[13].header, "flags");
    const ReportTemplate named = *parse_report_template("t.yaml", valid_template()).report_template;
    EXPECT_EQ(report_title(named, "行署办公室", "2026年度"), "行署办公室2026年度测评汇总");
    EXPECT_EQ(expand_columns(named.summary, dimensions, ColumnHeaders::summary)[0].header, "工号");

    set_language(Language::chinese);
    EXPECT_EQ(report_title(builtin, "", "2026年度"), "2026年度“五种表率”测评汇总表");
    EXPECT_EQ(summary_header_of("person_id"), "工号");
    EXPECT_EQ(expand_columns(builtin.hr_import, dimensions, ColumnHeaders::hr_import)[0].header, "person_id");
}

TEST(ReportTemplate, MissingListsAreTheDefaults) {
    const ReportTemplateLoad load = parse_report_template("t.yaml", "template: t\ntitle: 标题\n");
    ASSERT_TRUE(load.report_template);
    EXPECT_EQ(load.report_template->summary, builtin_report_template().summary);
    EXPECT_EQ(load.report_template->hr_import, builtin_report_template().hr_import);
}

TEST(ReportTemplate, ExpandedColumns) {
    set_language(Language::chinese);  // the built-in 汇总 headers below
    const std::vector<DimensionColumn> dimensions{{"loyalty", "绝对忠诚", 1}, {"learning", "勤学善思", 1}};
    const ReportTemplate t = *parse_report_template("t.yaml", valid_template()).report_template;
    const auto summary = expand_columns(t.summary, dimensions, ColumnHeaders::summary);
    ASSERT_EQ(summary.size(), 4u);
    EXPECT_EQ(summary[1].header, "绝对忠诚");
    EXPECT_EQ(summary[1].source, 4u);
    EXPECT_EQ(summary[2].header, "勤学善思");
    EXPECT_EQ(summary[3].header, "总分");
    EXPECT_EQ(summary[3].source, 6u);  // person_id, name, department, position, 2 dimensions, total
    const auto hr = expand_columns(t.hr_import, dimensions, ColumnHeaders::hr_import);
    ASSERT_EQ(hr.size(), 3u);
    EXPECT_EQ(hr[0].header, "EMPNO");
    EXPECT_EQ(hr[1].header, "loyalty");
    EXPECT_EQ(hr[2].header, "total");
    // `dimensions` takes the dimensions the other entries do not name.
    const ReportTemplate both = *parse_report_template("t.yaml", "template: t\ntitle: x\nsummary: [learning, dimensions]\n").report_template;
    const auto expanded = expand_columns(both.summary, dimensions, ColumnHeaders::summary);
    ASSERT_EQ(expanded.size(), 2u);
    EXPECT_EQ(expanded[0].code, "learning");
    EXPECT_EQ(expanded[1].code, "loyalty");
    EXPECT_TRUE(check_report_template(t, dimensions).empty());
}

TEST(ReportTemplate, UnknownKey) {
    EXPECT_EQ(problems(replaced(valid_template(), "summary:", "sumary:")),
              (Lines{"t.yaml:3:1: unknown key 'sumary'"}));
}

TEST(ReportTemplate, UnknownKeyInAColumn) {
    EXPECT_EQ(problems(replaced(valid_template(), "{column: total}", "{column: total, heading: 总分}")),
              (Lines{"t.yaml:10:21: unknown key 'heading'"}));
}

TEST(ReportTemplate, MissingTitleIsTheBuiltInOne) {
    const std::string text = replaced(valid_template(), "title: \"{unit}{cycle}测评汇总\"\n", "");
    EXPECT_EQ(problems(text), Lines{});
    const ReportTemplate t = *parse_report_template("t.yaml", text).report_template;
    EXPECT_EQ(t.title, "");
    set_language(Language::chinese);
    EXPECT_EQ(report_title(t, "行署办公室", "2026年度"), "行署办公室2026年度“五种表率”测评汇总表");
}

TEST(ReportTemplate, MissingColumnKey) {
    EXPECT_EQ(problems(replaced(valid_template(), "{column: total}", "{header: 总分}")),
              (Lines{"t.yaml:10:5: missing key 'column'"}));
}

TEST(ReportTemplate, TemplateId) {
    EXPECT_EQ(problems(replaced(valid_template(), "template: short", "template: Short Form")),
              (Lines{"t.yaml:1:11: template id 'Short Form' may hold only a–z, 0–9 and '-'"}));
}

TEST(ReportTemplate, TitleMustBeText) {
    EXPECT_EQ(problems(replaced(valid_template(), "title: \"{unit}{cycle}测评汇总\"", "title: [a, b]")),
              (Lines{"t.yaml:2:8: text is expected here"}));
}

TEST(ReportTemplate, TitleMissingValue) {
    EXPECT_EQ(problems(replaced(valid_template(), "title: \"{unit}{cycle}测评汇总\"", "title:")),
              (Lines{"t.yaml:2:1: text is missing"}));
}

TEST(ReportTemplate, EmptyTitle) {
    EXPECT_EQ(problems(replaced(valid_template(), "title: \"{unit}{cycle}测评汇总\"", "title: \"\"")),
              (Lines{"t.yaml:2:8: the title cannot be empty"}));
}

TEST(ReportTemplate, UnknownPlaceholder) {
    EXPECT_EQ(problems(replaced(valid_template(), "{cycle}测评", "{year}测评")),
              (Lines{"t.yaml:2:8: unknown placeholder '{year}' in the title: only {unit} and {cycle} are replaced"}));
}

TEST(ReportTemplate, ListExpected) {
    EXPECT_EQ(problems(replaced(valid_template(), "hr_import:\n", "hr_import: total\nx:\n")),
              (Lines{"t.yaml:7:12: a list is expected here", "t.yaml:8:1: unknown key 'x'"}));
}

TEST(ReportTemplate, EmptyList) {
    EXPECT_EQ(problems("template: t\ntitle: x\nsummary: []\n"), (Lines{"t.yaml:3:1: 'summary' needs at least one column"}));
}

TEST(ReportTemplate, ColumnMustBeACodeOrAMapping) {
    EXPECT_EQ(problems(replaced(valid_template(), "  - total\n", "  - [total]\n")),
              (Lines{"t.yaml:6:5: a column is expected here: {column: CODE, header: TEXT}"}));
}

TEST(ReportTemplate, UnknownColumnCode) {
    EXPECT_EQ(problems(replaced(valid_template(), "  - total\n", "  - 总分\n")),
              (Lines{"t.yaml:6:5: unknown column '总分': use person_id, name, department, position, total, rank_unit, "
                     "rank_department, grade, self_total, head_total, peer_total, peer_count, flags, a dimension id or dimensions"}));
}

TEST(ReportTemplate, DuplicateColumn) {
    EXPECT_EQ(problems(replaced(valid_template(), "  - total\n", "  - total\n  - {column: total, header: 总得分}\n")),
              (Lines{"t.yaml:7:14: column 'total' is listed twice (first on line 6)"}));
}

TEST(ReportTemplate, DuplicateDimensionsEntry) {
    EXPECT_EQ(problems(replaced(valid_template(), "  - total\n", "  - dimensions\n")),
              (Lines{"t.yaml:6:5: column 'dimensions' is listed twice (first on line 5)"}));
}

TEST(ReportTemplate, DimensionsTakeNoHeader) {
    EXPECT_EQ(problems(replaced(valid_template(), "{column: dimensions}", "{column: dimensions, header: 维度}")),
              (Lines{"t.yaml:5:34: 'dimensions' takes no header: each dimension column is headed by its name"}));
}

TEST(ReportTemplate, EmptyHeader) {
    EXPECT_EQ(problems(replaced(valid_template(), "header: EMPNO", "header: \"\"")),
              (Lines{"t.yaml:8:33: a header cannot be empty"}));
}

TEST(ReportTemplate, HrImportCodeWrittenTwice) {
    EXPECT_EQ(problems(replaced(valid_template(), "{column: total}", "{column: total, header: EMPNO}")),
              (Lines{"t.yaml:10:29: HR导入 column name 'EMPNO' is used twice (first on line 8)"}));
}

TEST(ReportTemplate, HrImportCodeCollidingWithADimensionOfTheCycle) {
    const ReportTemplate t =
        *parse_report_template("t.yaml", replaced(valid_template(), "{column: total}", "{column: total, header: learning}"))
             .report_template;
    set_language(Language::english);
    // No `dimensions` in hr_import: no collision.
    EXPECT_TRUE(check_report_template(t, {{"loyalty", "绝对忠诚", 1}, {"learning", "勤学善思", 1}}).empty());
    const ReportTemplate with_all =
        *parse_report_template("t.yaml", replaced(valid_template(), "  - loyalty\n  - {column: total}\n",
                                                  "  - dimensions\n  - {column: total, header: learning}\n"))
             .report_template;
    const auto problems_found = check_report_template(with_all, {{"loyalty", "绝对忠诚", 1}, {"learning", "勤学善思", 1}});
    ASSERT_EQ(problems_found.size(), 1u);
    EXPECT_EQ(problems_found[0].to_string(), "t.yaml:10:14: HR导入 column name 'learning' is used twice (first on line 9)");
}

TEST(ReportTemplate, UnknownDimensionOfTheCycle) {
    const ReportTemplate t = *parse_report_template("t.yaml", valid_template()).report_template;
    set_language(Language::english);
    const auto found = check_report_template(t, {{"learning", "勤学善思", 1}});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].to_string(), "t.yaml:9:5: unknown column 'loyalty': neither a column code nor a dimension of this cycle (learning)");
}

TEST(ReportTemplate, SizeAndDepthLimitsOfForms) {
    EXPECT_EQ(problems(std::string(1024 * 1024 + 1, '#')).size(), 1u);
    std::string deep = "template: t\ntitle: x\nsummary: ";
    for (int i = 0; i < 70; ++i) deep += "[";
    EXPECT_EQ(problems(deep + "\n").size(), 1u);
}

TEST(ReportTemplate, MissingFile) {
    set_language(Language::english);
    const ReportTemplateLoad load = load_report_template("/nonexistent/t.yaml");
    EXPECT_FALSE(load.report_template);
    ASSERT_EQ(load.diagnostics.size(), 1u);
    EXPECT_TRUE(load.diagnostics[0].to_string().starts_with("/nonexistent/t.yaml:")) << load.diagnostics[0].to_string();
}

}  // namespace
}  // namespace exemplar
