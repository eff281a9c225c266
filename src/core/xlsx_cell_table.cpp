#include "core/xlsx_cell_table.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "core/xlsx_exact_numbers.h"

namespace exemplar::xlsx {

namespace {

constexpr std::size_t max_string_characters = 32767;  // libxlsxwriter's LXW_STR_MAX (worksheet.c)

// lxw_utf8_strlen: code points.
std::size_t utf8_characters(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

void append_number(std::string& out, std::size_t value) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

// lxw_sprintf_dbl: "%.16G" (row heights are not numbers a reader reads back).
void append_g16(std::string& out, double value) {
    char text[40];
    char* end = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 16).ptr;
    for (char* c = text; c != end; ++c)
        if (*c == 'e') *c = 'E';
    out.append(text, end);
}

// "AB" for column 27 (0-based), at `at`; returns the end.
char* put_column(char* at, lxw_col_t col) {
    char letters[4];
    char* const end = letters + sizeof letters;
    char* begin = end;
    for (unsigned n = static_cast<unsigned>(col) + 1; n > 0; n = (n - 1) / 26) *--begin = static_cast<char>('A' + (n - 1) % 26);
    std::memcpy(at, begin, static_cast<std::size_t>(end - begin));
    return at + (end - begin);
}

void append_cell(std::string& out, lxw_row_t row, lxw_col_t col) {
    char letters[4];
    out.append(letters, put_column(letters, col));
    append_number(out, static_cast<std::size_t>(row) + 1);
}

// lxw_rowcol_to_range.
void append_range(std::string& out, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col) {
    append_cell(out, first_row, first_col);
    if (first_row == last_row && first_col == last_col) return;
    out += ':';
    append_cell(out, last_row, last_col);
}

}  // namespace

std::optional<std::uint32_t> SharedStrings::index(std::string_view text) {
    Recent& recent = recent_[(reinterpret_cast<std::uintptr_t>(text.data()) >> 3) % recent_.size()];
    if (recent.known != nullptr && recent.data == text.data() && recent.known->first == text) {
        ++sst_->string_count;  // what lxw_get_sst_index does for a string it has
        return recent.known->second;
    }
    auto it = known_.find(text);
    if (it != known_.end()) {
        ++sst_->string_count;
    } else {
        std::string copy(text);  // NUL-terminated
        const sst_element* element = lxw_get_sst_index(sst_, copy.c_str(), LXW_FALSE);
        if (element == nullptr) return std::nullopt;
        it = known_.emplace(std::move(copy), element->index).first;
    }
    recent = {text.data(), &*it};  // a node's address stays
    return it->second;
}

lxw_error CellTable::check(lxw_row_t row, lxw_col_t col, bool record_row, bool record_col) {
    if (row >= LXW_ROW_MAX || col >= LXW_COL_MAX) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    if (record_row) {
        rowmin_ = std::min(rowmin_, row);
        rowmax_ = std::max(rowmax_, row);
    }
    if (record_col) {
        colmin_ = std::min(colmin_, col);
        colmax_ = std::max(colmax_, col);
    }
    return LXW_NO_ERROR;
}

CellTable::Row& CellTable::row_at(lxw_row_t row) {
    if (rows_.size() <= row) rows_.resize(static_cast<std::size_t>(row) + 1);
    Row& r = rows_[row];
    r.exists = true;
    return r;
}

std::uint16_t CellTable::format_index(lxw_format* format) {
    if (format == last_format_ && !formats_.empty()) return last_index_;
    auto it = std::find(formats_.begin(), formats_.end(), format);
    if (it == formats_.end()) {
        if (formats_.size() > 0xFFFF) throw std::length_error("more than 65,536 formats in a sheet");
        formats_.push_back(format);
        it = formats_.end() - 1;
    }
    last_format_ = format;
    last_index_ = static_cast<std::uint16_t>(it - formats_.begin());
    return last_index_;
}

lxw_error CellTable::insert(lxw_row_t row, lxw_col_t col, Cell cell) {
    cell.col = col;
    auto& cells = row_at(row).cells;
    // Rows of a table are alike: a new one gets room for as many cells as the widest so far.
    if (cells.empty()) cells.reserve(std::clamp<std::size_t>(widest_, 4, 32));
    cells.push_back(cell);
    widest_ = std::max(widest_, cells.size());
    return LXW_NO_ERROR;
}

lxw_error CellTable::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    if (const lxw_error error = check(row, col)) return error;
    Cell cell{};
    cell.number = value;
    cell.format = format_index(format);
    cell.kind = Kind::number;
    return insert(row, col, cell);
}

lxw_error CellTable::string(lxw_row_t row, lxw_col_t col, std::string_view text, SharedStrings& strings, lxw_format* format) {
    if (text.empty()) return blank(row, col, format);  // as libxlsxwriter: an empty string is a blank
    if (const lxw_error error = check(row, col)) return error;
    if (utf8_characters(text) > max_string_characters) return LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
    const std::optional<std::uint32_t> index = strings.index(text);
    if (!index) return LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND;
    Cell cell{};
    cell.shared_string = *index;
    cell.format = format_index(format);
    cell.kind = Kind::string;
    return insert(row, col, cell);
}

lxw_error CellTable::blank(lxw_row_t row, lxw_col_t col, lxw_format* format) {
    if (format == nullptr) return LXW_NO_ERROR;  // Excel ignores an unformatted blank
    if (const lxw_error error = check(row, col)) return error;
    Cell cell{};
    cell.number = 0;
    cell.format = format_index(format);
    cell.kind = Kind::blank;
    return insert(row, col, cell);
}

lxw_error CellTable::merge(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
                           std::string_view text, SharedStrings& strings, lxw_format* format) {
    if (first_row == last_row && first_col == last_col) return LXW_ERROR_PARAMETER_VALIDATION;
    if (first_row > last_row) std::swap(first_row, last_row);
    if (first_col > last_col) std::swap(first_col, last_col);
    if (const lxw_error error = check(last_row, last_col)) return error;
    merges_.push_back({first_row, last_row, first_col, last_col});
    // libxlsxwriter ignores what writing the cells returns.
    string(first_row, first_col, text, strings, format);
    for (lxw_row_t r = first_row; r <= last_row; ++r)
        for (lxw_col_t c = first_col; c <= last_col; ++c)
            if (r != first_row || c != first_col) blank(r, c, format);
    return LXW_NO_ERROR;
}

lxw_error CellTable::set_row(lxw_row_t row, double height, lxw_col_t library_colmin) {
    const lxw_col_t known = std::min(colmin_, library_colmin);
    if (const lxw_error error = check(row, known != LXW_COL_MAX ? known : 0)) return error;
    Row& r = row_at(row);
    r.hidden = height == 0;
    r.height = height == 0 ? LXW_DEF_ROW_HEIGHT : height;
    return LXW_NO_ERROR;
}

void CellTable::finish() {
    for (Row& row : rows_) {
        auto& cells = row.cells;
        if (std::is_sorted(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.col <= b.col; })) continue;
        const auto by_col = [](const Cell& a, const Cell& b) { return a.col < b.col; };
        if (cells.size() > 64) std::stable_sort(cells.begin(), cells.end(), by_col);
        // Short rows, mostly in order but for merged cells written last: a stable insertion sort, no allocation.
        for (std::size_t i = 1; i < cells.size(); ++i) {
            const Cell cell = cells[i];
            std::size_t j = i;
            for (; j > 0 && cells[j - 1].col > cell.col; --j) cells[j] = cells[j - 1];
            cells[j] = cell;
        }
        // Keep the last write to each column.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i + 1 < cells.size() && cells[i + 1].col == cells[i].col) continue;
            cells[kept++] = cells[i];
        }
        cells.resize(kept);
    }
    order_.clear();
    rank_.assign(formats_.size(), 0);
    std::vector<bool> seen(formats_.size(), false);
    for (const Row& row : rows_) {
        for (const Cell& cell : row.cells) {
            if (seen[cell.format]) continue;
            seen[cell.format] = true;
            rank_[cell.format] = static_cast<std::uint16_t>(order_.size());
            order_.push_back(formats_[cell.format]);
        }
        if (order_.size() == formats_.size()) break;
    }
}

std::size_t CellTable::cells_in(std::size_t first_row, std::size_t end_row) const {
    std::size_t count = 0;
    for (std::size_t r = first_row; r < end_row && r < rows_.size(); ++r) count += rows_[r].cells.size();
    return count;
}

std::string CellTable::dimension(lxw_row_t rowmin, lxw_row_t rowmax, lxw_col_t colmin, lxw_col_t colmax) const {
    rowmin = std::min(rowmin, rowmin_);
    colmin = std::min(colmin, colmin_);
    rowmax = std::max(rowmax, rowmax_);
    colmax = std::max(colmax, colmax_);
    std::string ref;
    if (rowmin == LXW_ROW_MAX && colmin == LXW_COL_MAX)
        append_range(ref, 0, 0, 0, 0);
    else if (rowmin == LXW_ROW_MAX)
        append_range(ref, 0, colmin, 0, colmax);
    else
        append_range(ref, rowmin, colmin, rowmax, colmax);
    return ref;
}

void CellTable::append_spans(std::string& out, std::size_t row) const {
    const std::size_t first = row / 16 * 16;
    const std::size_t end = std::min(first + 16, rows_.size());
    lxw_col_t low = LXW_COL_MAX, high = 0;
    for (std::size_t r = first; r < end; ++r) {
        const auto& cells = rows_[r].cells;
        if (cells.empty()) continue;
        low = std::min(low, cells.front().col);
        high = std::max(high, cells.back().col);
    }
    append_number(out, static_cast<std::size_t>(low) + 1);
    out += ':';
    append_number(out, static_cast<std::size_t>(high) + 1);
}

void CellTable::write_rows(std::string& out, std::size_t first_row, std::size_t end_row, const std::vector<int>& style) const {
    end_row = std::min(end_row, rows_.size());
    // About what the rows take (a cell ~30 bytes, a row's tag ~60): room made once rather than as it grows.
    if (first_row < end_row) out.reserve(out.size() + 32 * cells_in(first_row, end_row) + 64 * (end_row - first_row));
    // ` s="N"` of each format in order; none for style 0.
    std::vector<std::string> style_attributes;
    for (const int number : style)
        style_attributes.push_back(number != 0 ? " s=\"" + std::to_string(number) + "\"" : std::string());
    std::string spans;
    std::size_t spans_block = SIZE_MAX;
    for (std::size_t r = first_row; r < end_row; ++r) {
        const Row& row = rows_[r];
        if (!row.exists) continue;
        // libxlsxwriter's _write_row: r, spans, ht, hidden, customHeight.
        out += "<row r=\"";
        append_number(out, r + 1);
        out += '"';
        if (!row.cells.empty()) {
            if (r / 16 != spans_block) {
                spans.clear();
                append_spans(spans, r);
                spans_block = r / 16;
            }
            out += " spans=\"";
            out += spans;
            out += '"';
        }
        const bool custom_height = row.height != LXW_DEF_ROW_HEIGHT;
        if (custom_height) {
            out += " ht=\"";
            append_g16(out, row.height);
            out += '"';
        }
        if (row.hidden) out += " hidden=\"1\"";
        if (custom_height) out += " customHeight=\"1\"";
        if (row.cells.empty()) {
            out += "/>";
            continue;
        }
        out += '>';
        // The cells, straight into the buffer: at most 96 bytes a cell.
        char row_digits[24];  // "7\"": the row number ending a cell's reference
        char* row_end = std::to_chars(row_digits, row_digits + sizeof row_digits - 1, r + 1).ptr;
        *row_end++ = '"';
        const std::string_view row_text(row_digits, static_cast<std::size_t>(row_end - row_digits));
        const std::size_t start = out.size();
        out.resize(start + row.cells.size() * 96 + 8);
        char* at = out.data() + start;
        const auto put = [&at](std::string_view text) {
            std::memcpy(at, text.data(), text.size());
            at += text.size();
        };
        for (const Cell& cell : row.cells) {
            put("<c r=\"");
            at = put_column(at, cell.col);
            put(row_text);
            put(style_attributes[rank_[cell.format]]);
            switch (cell.kind) {
                case Kind::number:
                    put("><v>");
                    at = number_text(at, cell.number);
                    put("</v></c>");
                    break;
                case Kind::string:
                    put(" t=\"s\"><v>");
                    at = std::to_chars(at, at + 16, cell.shared_string).ptr;
                    put("</v></c>");
                    break;
                case Kind::blank: put("/>"); break;
            }
        }
        put("</row>");
        out.resize(static_cast<std::size_t>(at - out.data()));
    }
}

void CellTable::write_merges(std::string& out, std::size_t first, std::size_t end) const {
    for (std::size_t m = first; m < end && m < merges_.size(); ++m) {
        const Range& range = merges_[m];
        out += "<mergeCell ref=\"";
        append_range(out, range.first_row, range.first_col, range.last_row, range.last_col);
        out += "\"/>";
    }
}

}  // namespace exemplar::xlsx
