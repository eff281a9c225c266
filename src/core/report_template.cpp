#include "core/report_template.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/data_paths.h"
#include "core/identifiers.h"
#include "core/translate.h"
#include "core/yaml_document.h"
#include "core/yaml_reader.h"

namespace exemplar {

namespace {

constexpr std::string_view all_dimensions = "dimensions";

// The built-in title, through tr() (hence the doubled braces): {unit} and {cycle} are replaced.
constexpr Text default_title = {"{{unit}}{{cycle}}“五种表率”测评汇总表",
                                "{{unit}} {{cycle}}: summary of the five-exemplars evaluation"};

struct FixedColumn {
    std::string_view code;
    Text summary_header;  // the built-in 汇总 header, through tr()
};

// The HR导入 table's columns besides the dimensions (results_table.cpp), with their 汇总 headers.
constexpr FixedColumn leading_columns[] = {{"person_id", {"工号", "Staff ID"}},
                                           {"name", {"姓名", "Name"}},
                                           {"department", {"部门", "Department"}},
                                           {"position", {"职务", "Position"}}};
constexpr FixedColumn trailing_columns[] = {{"total", {"总分", "Total"}},
                                            {"rank_unit", {"单位排名", "Unit rank"}},
                                            {"rank_department", {"部门排名", "Department rank"}},
                                            {"grade", {"等次", "Grade"}},
                                            {"self_total", {"自评得分", "Self-review score"}},
                                            {"head_total", {"上级评价得分", "Head's evaluation score"}},
                                            {"peer_total", {"民主测评得分", "Peer ballot score"}},
                                            {"peer_count", {"测评票数", "Peer ballots"}},
                                            {"flags", {"标记", "Flags"}}};

const FixedColumn* fixed_column(std::string_view code) {
    for (const FixedColumn& c : leading_columns)
        if (c.code == code) return &c;
    for (const FixedColumn& c : trailing_columns)
        if (c.code == code) return &c;
    return nullptr;
}

bool is_fixed(std::string_view code) { return fixed_column(code) != nullptr; }

std::string codes_text() {
    std::string text;
    for (const std::string_view code : fixed_column_codes()) text += std::string(code) + ", ";
    return text;
}

class TemplateReader {
public:
    TemplateReader(const YamlDocument& document, std::vector<Diagnostic>& diagnostics)
        : yaml_(document, diagnostics), diagnostics_(diagnostics) {}

    std::optional<ReportTemplate> read() {
        const YAML::Node& root = yaml_.document().root();
        const auto entries = yaml_.entries(root, {"template", "title", "summary", "hr_import"});
        if (!root.IsMap()) return std::nullopt;
        const ReportTemplate defaults = builtin_report_template();
        result_.summary = defaults.summary;
        result_.hr_import = defaults.hr_import;
        if (const auto* e = yaml_.find(entries, "template", root, true)) {
            if (const auto id = yaml_.text(*e)) {
                if (!is_file_id(*id))
                    yaml_.error(e->value, tr({"模板编号“{0}”只能包含小写字母 a–z、数字和“-”",
                                              "template id '{0}' may hold only a–z, 0–9 and '-'"}, *id));
                result_.id = *id;
            }
        }
        if (const auto* e = yaml_.find(entries, "title", root, false)) read_title(*e);  // none: the built-in title
        if (const auto* e = yaml_.find(entries, "summary", root, false)) result_.summary = read_columns(*e, false);
        if (const auto* e = yaml_.find(entries, "hr_import", root, false)) result_.hr_import = read_columns(*e, true);
        if (!diagnostics_.empty()) return std::nullopt;
        return result_;
    }

private:
    void read_title(const YamlReader::Entry& entry) {
        const auto title = yaml_.text(entry);
        if (!title) return;
        if (title->empty()) {
            yaml_.error(entry.value, tr({"标题不能为空", "the title cannot be empty"}));
            return;
        }
        // {unit} and {cycle} only: a misspelt placeholder would print as is.
        for (std::size_t open = title->find('{'); open != std::string::npos; open = title->find('{', open + 1)) {
            const std::size_t close = title->find('}', open);
            if (close == std::string::npos) break;
            const std::string name = title->substr(open, close - open + 1);
            if (name != "{unit}" && name != "{cycle}" && name.find('{', 1) == std::string::npos)
                yaml_.error(entry.value, tr({"标题中有未知的占位符“{0}”：只能使用 {{unit}} 和 {{cycle}}",
                                             "unknown placeholder '{0}' in the title: only {{unit}} and {{cycle}} are replaced"},
                                            name));
        }
        result_.title = *title;
    }

    std::vector<TemplateColumn> read_columns(const YamlReader::Entry& entry, bool hr_import) {
        std::vector<TemplateColumn> columns;
        if (!yaml_.expect_list(entry.value, &entry.key_node)) return columns;
        if (entry.value.size() == 0) {
            yaml_.error(entry.key_node, tr({"“{0}”至少要有一列", "'{0}' needs at least one column"}, entry.key));
            return columns;
        }
        std::map<std::string, int> codes;    // code → line of its first entry
        std::map<std::string, int> headers;  // HR导入 row 1 → line
        for (const YAML::Node& node : entry.value) {
            TemplateColumn column;
            YAML::Node code_node = node;
            YAML::Node header_node;
            bool has_header = false;
            if (node.IsMap()) {
                const auto fields = yaml_.entries(node, {"column", "header"});
                const auto* code = yaml_.find(fields, "column", node, true);
                const auto* header = yaml_.find(fields, "header", node, false);
                if (code == nullptr) continue;
                code_node = code->value;
                const auto code_text = yaml_.text(*code);
                if (!code_text) continue;
                column.column = *code_text;
                if (header != nullptr) {
                    const auto header_text = yaml_.text(*header);
                    if (!header_text) continue;
                    header_node = header->value;
                    has_header = true;
                    if (header_text->empty()) {
                        yaml_.error(header->value, tr({"表头不能为空", "a header cannot be empty"}));
                        continue;
                    }
                    column.header = *header_text;
                }
            } else if (node.IsScalar()) {
                const auto code_text = yaml_.text(node);
                if (!code_text) continue;
                column.column = *code_text;
            } else {
                yaml_.error(node, tr({"此处应为一列：{{column: 列代码, header: 表头}}", "a column is expected here: {{column: CODE, header: TEXT}}"}));
                continue;
            }
            column.at = yaml_.document().source().at(yaml_.offset_of(code_node), "");
            const int line = column.at.line;

            if (column.column == all_dimensions) {
                if (has_header) {
                    yaml_.error(header_node, hr_import ? tr({"dimensions 不能指定表头：每个维度列的表头是维度编号",
                                                             "'dimensions' takes no header: each dimension column is headed by its id"})
                                                       : tr({"dimensions 不能指定表头：每个维度列的表头是维度名称",
                                                             "'dimensions' takes no header: each dimension column is headed by its name"}));
                    continue;
                }
            } else if (!is_fixed(column.column) && !is_element_id(column.column)) {
                yaml_.error(code_node, tr({"未知的列“{0}”：应为 {1}维度编号或 dimensions",
                                           "unknown column '{0}': use {1}a dimension id or dimensions"},
                                          column.column, codes_text()));
                continue;
            }
            if (const auto first = codes.find(column.column); first != codes.end()) {
                yaml_.error(code_node, tr({"列“{0}”重复（第一次在第 {1} 行）", "column '{0}' is listed twice (first on line {1})"},
                                          column.column, first->second));
                continue;
            }
            codes.emplace(column.column, line);
            if (hr_import && column.column != all_dimensions) {
                const std::string code = column.header.empty() ? column.column : column.header;
                if (const auto first = headers.find(code); first != headers.end()) {
                    yaml_.error(has_header ? header_node : code_node,
                                tr({"HR导入的列名“{0}”重复（第一次在第 {1} 行）", "HR导入 column name '{0}' is used twice (first on line {1})"},
                                   code, first->second));
                    continue;
                }
                headers.emplace(code, line);
            }
            columns.push_back(std::move(column));
        }
        return columns;
    }

    YamlReader yaml_;
    std::vector<Diagnostic>& diagnostics_;
    ReportTemplate result_;
};

ReportTemplateLoad finish(std::optional<YamlDocument> document, ReportTemplateLoad load) {
    if (document) load.report_template = TemplateReader(*document, load.diagnostics).read();
    sort_by_position(load.diagnostics);
    if (!load.diagnostics.empty()) load.report_template.reset();
    return load;
}

}  // namespace

const std::vector<std::string_view>& fixed_column_codes() {
    static const std::vector<std::string_view> codes = [] {
        std::vector<std::string_view> all;
        for (const FixedColumn& c : leading_columns) all.push_back(c.code);
        for (const FixedColumn& c : trailing_columns) all.push_back(c.code);
        return all;
    }();
    return codes;
}

std::string summary_header_of(std::string_view code) {
    const FixedColumn* column = fixed_column(code);
    return column != nullptr ? tr(column->summary_header) : std::string();
}

ReportTemplate builtin_report_template() {
    // Title and headers empty: the built-in ones, in the language the report is written in.
    ReportTemplate result;
    result.id = "default";
    Diagnostic at;
    at.file = "default.yaml";
    at.line = 0;
    const auto add = [&](std::string_view code) {
        result.summary.push_back({std::string(code), {}, at});
        result.hr_import.push_back({std::string(code), {}, at});
    };
    for (const FixedColumn& c : leading_columns) add(c.code);
    add(all_dimensions);
    for (const FixedColumn& c : trailing_columns) add(c.code);
    return result;
}

ReportTemplateLoad parse_report_template(std::string display_name, std::string text) {
    ReportTemplateLoad load;
    auto document = YamlDocument::parse(std::move(display_name), std::move(text), load.diagnostics);
    return finish(std::move(document), std::move(load));
}

ReportTemplateLoad load_report_template(const std::filesystem::path& path) {
    ReportTemplateLoad load;
    auto document = YamlDocument::read_file(path, load.diagnostics);
    return finish(std::move(document), std::move(load));
}

std::filesystem::path default_report_template() { return bundled_templates_dir() / "reports" / "default.yaml"; }

std::string report_title(const ReportTemplate& report_template, std::string_view unit, std::string_view cycle) {
    const bool builtin = report_template.title.empty();
    // Filled here, not by tr(): unit and cycle names may hold braces.
    const std::string pattern = builtin ? tr(default_title) : report_template.title;
    std::string title;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern.compare(i, 6, "{unit}") == 0) {
            title += unit;
            i += 6;
        } else if (pattern.compare(i, 7, "{cycle}") == 0) {
            title += cycle;
            i += 7;
        } else {
            title += pattern[i++];
        }
    }
    // The English built-in title without a unit: no leading space.
    if (unit.empty() && pattern.starts_with("{unit} ")) title.erase(0, 1);
    return title;
}

std::vector<ReportColumn> expand_columns(const std::vector<TemplateColumn>& columns,
                                         const std::vector<DimensionColumn>& dimensions, ColumnHeaders headers) {
    const std::size_t leading = std::size(leading_columns);
    const auto dimension_index = [&](std::string_view id) -> std::optional<std::size_t> {
        for (std::size_t d = 0; d < dimensions.size(); ++d)
            if (dimensions[d].id == id) return d;
        return std::nullopt;
    };
    const auto dimension_column = [&](std::size_t d, const TemplateColumn& entry) {
        ReportColumn column;
        column.code = dimensions[d].id;
        column.header = !entry.header.empty() ? entry.header
                        : headers == ColumnHeaders::summary ? dimensions[d].name
                                                            : dimensions[d].id;
        column.source = leading + d;
        column.dimension = true;
        column.dimension_index = d;
        column.entry = &entry;
        return column;
    };
    std::vector<bool> named(dimensions.size(), false);
    for (const TemplateColumn& entry : columns)
        if (!is_fixed(entry.column))
            if (const auto d = dimension_index(entry.column)) named[*d] = true;

    std::vector<ReportColumn> result;
    for (const TemplateColumn& entry : columns) {
        if (is_fixed(entry.column)) {
            ReportColumn column;
            column.code = entry.column;
            column.header = !entry.header.empty() ? entry.header
                            : headers == ColumnHeaders::summary ? summary_header_of(entry.column)
                                                                : entry.column;
            for (std::size_t i = 0; i < std::size(leading_columns); ++i)
                if (leading_columns[i].code == entry.column) column.source = i;
            for (std::size_t i = 0; i < std::size(trailing_columns); ++i)
                if (trailing_columns[i].code == entry.column) column.source = leading + dimensions.size() + i;
            column.entry = &entry;
            result.push_back(std::move(column));
        } else if (entry.column == all_dimensions) {
            for (std::size_t d = 0; d < dimensions.size(); ++d)
                if (!named[d]) result.push_back(dimension_column(d, entry));
        } else if (const auto d = dimension_index(entry.column)) {
            result.push_back(dimension_column(*d, entry));
        }
    }
    return result;
}

std::vector<Diagnostic> check_report_template(const ReportTemplate& report_template,
                                              const std::vector<DimensionColumn>& dimensions) {
    std::vector<Diagnostic> problems;
    const auto problem = [&](const TemplateColumn& entry, std::string message) {
        Diagnostic d = entry.at;
        d.message = std::move(message);
        problems.push_back(std::move(d));
    };
    std::string known;
    for (const DimensionColumn& d : dimensions) known += (known.empty() ? "" : ", ") + d.id;
    for (const auto* list : {&report_template.summary, &report_template.hr_import})
        for (const TemplateColumn& entry : *list) {
            if (is_fixed(entry.column) || entry.column == all_dimensions) continue;
            const bool found = std::any_of(dimensions.begin(), dimensions.end(),
                                           [&](const DimensionColumn& d) { return d.id == entry.column; });
            if (!found)
                problem(entry, tr({"未知的列“{0}”：既不是列代码，也不是本周期的维度（{1}）",
                                   "unknown column '{0}': neither a column code nor a dimension of this cycle ({1})"},
                                  entry.column, known));
        }
    std::map<std::string, int> written;  // HR导入 row 1
    for (const ReportColumn& column : expand_columns(report_template.hr_import, dimensions, ColumnHeaders::hr_import)) {
        const auto [first, inserted] = written.emplace(column.header, column.entry->at.line);
        if (!inserted)
            problem(*column.entry, tr({"HR导入的列名“{0}”重复（第一次在第 {1} 行）", "HR导入 column name '{0}' is used twice (first on line {1})"},
                                      column.header, first->second));
    }
    sort_by_position(problems);
    return problems;
}

}  // namespace exemplar
