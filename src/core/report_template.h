// A report template (templates/reports/*.yaml, SPEC §6): the title of the
// report, and which columns 汇总 and HR导入 show, in which order, under
// which headers. Validated like forms: every problem located.
//
//   template: default
//   title: "{unit}{cycle}“五种表率”测评汇总表"   # optional
//   summary:                 # 汇总: column code → header
//     - {column: person_id, header: 工号}
//     - {column: dimensions}  # every dimension column, headed by its name
//   hr_import:               # HR导入: column code → the code written in row 1
//     - {column: person_id, header: person_id}
//
// A column is a code of the HR导入 table (person_id, name, department,
// position, total, rank_unit, rank_department, grade, self_total,
// head_total, peer_total, peer_count, flags), a dimension id (`loyalty`), or
// `dimensions` (every dimension column the other entries do not name, in
// column order). An entry may also be just the code (`- total`). Without a
// header, 汇总 shows the built-in name in the user's language (工号 under a
// zh_* locale, "Staff ID" otherwise; the dimension's name) and HR导入 the
// code itself. Without a title, the built-in title in the user's language.
// A list left out is the built-in default's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/scoring.h"

namespace exemplar {

struct TemplateColumn {
    std::string column;  // a code of the HR导入 table (person_id, name, …, flags), a dimension id, or "dimensions"
    std::string header;  // empty: the default header
    Diagnostic at;       // where the entry is in the template file (message empty); for later checks

    bool operator==(const TemplateColumn& other) const { return column == other.column && header == other.header; }
};

struct ReportTemplate {
    std::string id;
    std::string title;  // {unit} and {cycle} are replaced; empty: the built-in title in the user's language
    std::vector<TemplateColumn> summary;
    std::vector<TemplateColumn> hr_import;

    bool operator==(const ReportTemplate&) const = default;
};

struct ReportTemplateLoad {
    std::optional<ReportTemplate> report_template;
    std::vector<Diagnostic> diagnostics;
};

ReportTemplateLoad parse_report_template(std::string display_name, std::string text);
ReportTemplateLoad load_report_template(const std::filesystem::path& path);

// templates/reports/default.yaml among the bundled templates.
std::filesystem::path default_report_template();

// The built-in default, equal to templates/reports/default.yaml: what a
// template's missing list falls back to. Its title and 汇总 headers are left
// empty, so they are the built-in ones of the language the report is
// written in.
ReportTemplate builtin_report_template();

// The column codes of the HR导入 table besides the dimension ids, in table order.
const std::vector<std::string_view>& fixed_column_codes();

// The built-in 汇总 header of a fixed code in the user's language ("工号" or
// "Staff ID" for person_id); empty for any other text.
std::string summary_header_of(std::string_view code);

// The title (the built-in one when the template's is empty) with {unit} and {cycle} replaced.
std::string report_title(const ReportTemplate& report_template, std::string_view unit, std::string_view cycle);

// A template's column list with `dimensions` expanded for a cycle, each with
// its header (the template's, else the default for 汇总 or HR导入) and its
// index among hr_import_table()'s columns. Entries naming a dimension the
// cycle lacks are left out (check_report_template reports them).
struct ReportColumn {
    std::string code;      // fixed code or dimension id
    std::string header;
    std::size_t source = 0;  // index into ResultsTable::columns (results_table.h)
    bool dimension = false;
    std::size_t dimension_index = 0;  // into CycleResults::dimensions, when `dimension`
    const TemplateColumn* entry = nullptr;
};
enum class ColumnHeaders { summary, hr_import };
std::vector<ReportColumn> expand_columns(const std::vector<TemplateColumn>& columns,
                                         const std::vector<DimensionColumn>& dimensions, ColumnHeaders headers);

// What can only be checked against a cycle: a column naming a dimension the
// cycle's forms lack, an HR导入 code written twice once `dimensions` is
// expanded. Located in the template file; empty when the template fits.
std::vector<Diagnostic> check_report_template(const ReportTemplate& report_template,
                                              const std::vector<DimensionColumn>& dimensions);

}  // namespace exemplar
