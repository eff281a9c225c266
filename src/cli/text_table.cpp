#include "cli/text_table.h"

#include <algorithm>
#include <ostream>

#include "core/utf8.h"

namespace exemplar::cli {

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_aligned)
    : header_(std::move(header)), right_(std::move(right_aligned)) {
    right_.resize(header_.size(), false);
}

void TextTable::add(std::vector<std::string> row) {
    row.resize(header_.size());
    rows_.push_back(std::move(row));
}

void TextTable::print(std::ostream& out) const {
    std::vector<std::size_t> widths(header_.size(), 0);
    for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = display_width(header_[c]);
    for (const auto& row : rows_)
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::size_t pad = widths[c] - display_width(cells[c]);
            if (c > 0) text += "  ";
            if (right_[c]) text.append(pad, ' ');
            text += cells[c];
            if (!right_[c] && c + 1 < cells.size()) text.append(pad, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    };
    line(header_);
    std::vector<std::string> rule;
    for (const std::size_t w : widths) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& row : rows_) line(row);
}

}  // namespace exemplar::cli
