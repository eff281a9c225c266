#include "core/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/translate.h"

namespace exemplar {

std::string Diagnostic::to_string() const {
    if (!cell.empty()) return fmt::format("{}:{}: {}", file, cell, message);
    if (line == 0) return fmt::format("{}: {}", file, message);  // about the whole file (e.g. a damaged archive)
    return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

std::vector<std::string> format_diagnostics(const std::vector<Diagnostic>& diagnostics,
                                            std::size_t limit) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < diagnostics.size() && i < limit; ++i)
        lines.push_back(diagnostics[i].to_string());
    if (diagnostics.size() > limit)
        lines.push_back(tr({"（仅显示前 {0} 条，共 {1} 条问题）", "(first {0} shown of {1} problems)"},
                           limit, diagnostics.size()));
    return lines;
}

}  // namespace exemplar
