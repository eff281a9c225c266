// The cells of a large worksheet, kept by Exemplar instead of libxlsxwriter:
// 16 bytes a cell rather than libxlsxwriter's ~100, and written as the very
// <sheetData>, <dimension> and <mergeCells> XML libxlsxwriter 1.1.4 writes
// for the same calls — byte for byte, spans and row heights included —
// except that numbers are exact (xlsx_exact_numbers.h). The XML of a range
// of rows is a pure function of the table, so ranges can be written in
// parallel.
//
// Strings are shared strings, registered in libxlsxwriter's table at the
// moment worksheet_write_string would have, so sharedStrings.xml stays the
// same too. Style numbers (s="…") come from the caller, who has libxlsxwriter
// number the formats in the order its own writing would meet them
// (formats_in_order(), sheet after sheet), so styles.xml stays the same.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xlsxwriter.h>

namespace exemplar::xlsx {

// A workbook's shared strings: libxlsxwriter's table, with a hash in front
// (lxw_get_sst_index allocates, copies and frees on every call, even for a
// string it has), and before that the strings last seen at an address
// (the same item ids and dimension names come again and again).
class SharedStrings {
public:
    explicit SharedStrings(lxw_sst* sst) : sst_(sst) {}
    // The string's index, as lxw_get_sst_index returns it (and counted as it
    // counts: sharedStrings.xml's count="…"); nullopt when it fails.
    std::optional<std::uint32_t> index(std::string_view text);

private:
    struct Hash {
        using is_transparent = void;  // found by string_view: no copy
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    using Known = std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>>;
    struct Recent {
        const char* data = nullptr;  // where the caller's text was
        const Known::value_type* known = nullptr;
    };
    lxw_sst* sst_;
    Known known_;
    std::array<Recent, 512> recent_{};
};

class CellTable {
public:
    // What worksheet_write_number, _string, _blank, _merge_range and
    // _set_row(row, height, NULL) do, checks and dimensions included.
    lxw_error number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format);
    lxw_error string(lxw_row_t row, lxw_col_t col, std::string_view text, SharedStrings& strings, lxw_format* format);
    lxw_error blank(lxw_row_t row, lxw_col_t col, lxw_format* format);  // no format: no cell
    lxw_error merge(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, std::string_view text,
                    SharedStrings& strings, lxw_format* format);
    // `library_colmin`: libxlsxwriter's own dim_colmin for the sheet (an
    // autofilter counts), which decides the column set_row records.
    lxw_error set_row(lxw_row_t row, double height, lxw_col_t library_colmin);

    // Sorts each row's cells by column, the last write to a cell winning,
    // and orders the formats. Call once all cells are in, before the calls below.
    void finish();
    // The formats in the order libxlsxwriter would first meet them writing the sheet.
    const std::vector<lxw_format*>& formats_in_order() const { return order_; }

    bool empty() const { return rows_.empty(); }
    std::size_t row_count() const { return rows_.size(); }  // rows 0 … row_count() − 1
    std::size_t cells_in(std::size_t first_row, std::size_t end_row) const;
    std::size_t merge_count() const { return merges_.size(); }

    // The ref of <dimension>, given libxlsxwriter's own record for the sheet
    // (dim_rowmin … dim_colmax of lxw_worksheet: an autofilter counts).
    std::string dimension(lxw_row_t rowmin, lxw_row_t rowmax, lxw_col_t colmin, lxw_col_t colmax) const;

    // Appends the <row> elements of rows [first_row, end_row); `style[k]` is
    // the s="…" of formats_in_order()[k]. Thread-safe (const).
    void write_rows(std::string& out, std::size_t first_row, std::size_t end_row, const std::vector<int>& style) const;
    // Appends <mergeCell> elements [first, end) (the caller writes <mergeCells count="…">).
    void write_merges(std::string& out, std::size_t first, std::size_t end) const;

private:
    enum class Kind : std::uint8_t { number, string, blank };
    struct Cell {
        union {
            double number;
            std::uint32_t shared_string;
        };
        lxw_col_t col;
        std::uint16_t format;  // index into formats_
        Kind kind;
    };
    struct Row {
        std::vector<Cell> cells;
        double height = LXW_DEF_ROW_HEIGHT;
        bool exists = false;
        bool hidden = false;
    };
    struct Range {
        lxw_row_t first_row, last_row;
        lxw_col_t first_col, last_col;
    };

    lxw_error check(lxw_row_t row, lxw_col_t col, bool record_row = true, bool record_col = true);
    Row& row_at(lxw_row_t row);
    std::uint16_t format_index(lxw_format* format);
    lxw_error insert(lxw_row_t row, lxw_col_t col, Cell cell);
    // The span="a:b" text of the 16-row block holding `row`.
    void append_spans(std::string& out, std::size_t row) const;

    std::vector<Row> rows_;
    std::vector<Range> merges_;
    std::size_t widest_ = 0;            // cells in a row, at most: room for a new row
    std::vector<lxw_format*> formats_;  // as first written (NULL too: no style)
    std::vector<lxw_format*> order_;    // as first met in the sheet's XML
    std::vector<std::uint16_t> rank_;   // formats_ index → order_ index
    lxw_row_t rowmin_ = LXW_ROW_MAX, rowmax_ = 0;
    lxw_col_t colmin_ = LXW_COL_MAX, colmax_ = 0;
    lxw_format* last_format_ = nullptr;  // format_index() memo, when formats_ is not empty
    std::uint16_t last_index_ = 0;
};

}  // namespace exemplar::xlsx
