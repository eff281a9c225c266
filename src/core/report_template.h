// A report template (templates/reports/*.yaml, SPEC §6): the title of the
// report, and which columns 汇总 and HR导入 show, in which order, under
// which headers. Validated like forms: every problem located.
//
//   template: default
//   title: "{unit}{cycle}“五种表率”测评汇总表"
//   summary:                 # 汇总: column code → header
//     - {column: person_id, header: 工号}
//     - {column: dimensions}  # every dimension column, headed by its name
//   hr_import:               # HR导入: column code → the code written in row 1
//     - {column: person_id, header: person_id}
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace exemplar {

struct TemplateColumn {
    std::string column;  // a code of the HR导入 table (person_id, name, …, flags), a dimension id, or "dimensions"
    std::string header;  // empty: the default header
};

struct ReportTemplate {
    std::string id;
    std::string title;  // {unit} and {cycle} are replaced
    std::vector<TemplateColumn> summary;
    std::vector<TemplateColumn> hr_import;
};

struct ReportTemplateLoad {
    std::optional<ReportTemplate> report_template;
    std::vector<Diagnostic> diagnostics;
};

ReportTemplateLoad parse_report_template(std::string display_name, std::string text);
ReportTemplateLoad load_report_template(const std::filesystem::path& path);

// templates/reports/default.yaml among the bundled templates.
std::filesystem::path default_report_template();

}  // namespace exemplar
