#include "core/table_columns.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar {

namespace {
bool same_english(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
}  // namespace

TableColumns TableColumns::match(const std::vector<std::string_view>& header, std::span<const ColumnSpec> specs,
                                 const TableReader& table, std::vector<Diagnostic>& diagnostics) {
    TableColumns columns;
    columns.indexes_.assign(specs.size(), std::nullopt);
    columns.width_ = header.size();
    for (std::size_t cell = 0; cell < header.size(); ++cell) {
        const std::string_view name = trim_cell(header[cell]);
        for (std::size_t s = 0; s < specs.size(); ++s) {
            if (name != specs[s].chinese && !same_english(name, specs[s].english)) continue;
            if (columns.indexes_[s]) {
                diagnostics.push_back(table.at(1, cell + 1,
                                               tr({"列“{0}”重复（第 {1} 列已是“{2}|{3}”）", "column '{0}' is named twice (column {1} is already {2}|{3})"},
                                                  name, *columns.indexes_[s] + 1, specs[s].chinese, specs[s].english)));
            } else {
                columns.indexes_[s] = cell;
            }
        }
    }
    for (std::size_t s = 0; s < specs.size(); ++s)
        if (specs[s].required && !columns.indexes_[s])
            diagnostics.push_back(table.at(1, 1, tr({"缺少必需的列“{0}”（或“{1}”）", "the required column '{1}' (or '{0}') is missing"},
                                                    specs[s].chinese, specs[s].english)));
    return columns;
}

TableColumns TableColumns::read_header(TableReader& table, std::span<const ColumnSpec> specs) {
    std::vector<std::string_view> header;
    std::vector<Diagnostic> problems;
    if (!table.next_row(header)) {
        problems = table.problems();
        if (problems.empty())
            problems.push_back(table.at(1, 1, tr({"文件是空的（第 1 行应为表头）", "the file is empty (row 1 must be the header)"})));
        throw InputRefused(problems);
    }
    // A header that cannot be read (GBK, UTF-16, control characters…) says so, not that its columns are missing.
    if (table.row_has_problems()) throw InputRefused(table.problems());
    TableColumns columns = match(header, specs, table, problems);
    if (!problems.empty()) throw InputRefused(problems);
    return columns;
}

bool TableColumns::fits(std::span<const std::string_view> row, std::size_t row_number, const TableReader& table,
                        std::vector<Diagnostic>& diagnostics) const {
    if (row.size() <= width_) return true;
    diagnostics.push_back(table.at(row_number, width_ + 1,
                                   tr({"这一行有 {0} 个单元格，多于表头的 {1} 个", "the row has {0} cells, more than the {1} of the header"},
                                      row.size(), width_)));
    return false;
}

std::string_view cell_of(const TableColumns& columns, std::size_t spec, const std::vector<std::string_view>& row) {
    const auto index = columns.index(spec);
    if (!index || *index >= row.size()) return {};
    return trim_cell(row[*index]);
}

bool is_blank_row(std::span<const std::string_view> row) {
    return std::all_of(row.begin(), row.end(), [](std::string_view cell) { return trim_cell(cell).empty(); });
}

}  // namespace exemplar
