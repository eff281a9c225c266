// Writing .xlsx with libxlsxwriter: the RAII owner of a workbook, the formats
// every Exemplar workbook shares (Chinese fonts, borders, 0.00), and a sheet
// helper that writes every string as a string (never a formula), cuts text
// to Excel's 32,767-character limit, leaves undefined values empty, and
// sizes columns and wrapped rows from what was written (libxlsxwriter 1.1.4
// has no autofit and computes no row heights).
//
//   xlsx::Workbook book(file.temporary_path());
//   xlsx::Sheet sheet(book, "汇总");
//   sheet.text(0, 0, "工号", xlsx::Style::header);
//   sheet.number(1, 4, score, xlsx::Style::score);  // nullopt: an empty cell
//   sheet.fit_columns();
//   book.close();  // writes the file; throws Refused on failure
//
// A workbook destroyed without close() is discarded: nothing is written.
//
// A sheet of many rows is made with SheetCells::table: its cells are kept
// by Exemplar (xlsx_cell_table.h) in a fraction of libxlsxwriter's memory,
// and once the sheet is complete (its Sheet gone) its rows are written —
// the very XML libxlsxwriter writes, numbers exact — on worker threads
// while the next sheets are written, and deflated at close(). Such a sheet takes cells only
// through Sheet (no worksheet_write_* on get()), and a chart must not draw
// from it (libxlsxwriter would find no values to cache); everything else —
// widths, panes, filters, conditional formats, print setup — goes to
// libxlsxwriter as usual. close() then splices the tables into what
// libxlsxwriter wrote and writes the zip itself (xlsx_finish.h).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "core/csv_writer.h"
#include "core/parallel_deflate.h"
#include "core/xlsx_cell_table.h"
#include "core/xlsx_exact_numbers.h"
#include "core/xlsx_finish.h"

namespace exemplar::xlsx {

enum class Style {
    title,        // 黑体 18, centred: the title row of a sheet
    subtitle,     // 宋体 10, centred, wrapped: the line under a title
    section,      // 黑体 12, left: a heading inside a sheet
    header,       // 宋体 11 bold, centred, wrapped, bordered, grey: table headers
    text,         // 宋体 11, left, bordered
    text_center,  // 宋体 11, centred, bordered
    text_wrap,    // 宋体 11, left, top, wrapped, bordered
    label,        // 宋体 11 bold, left, bordered: the key column of a key–value table
    score,        // 0.00, bordered
    integer,      // 0, centred, bordered
    percent,      // 0.0%, bordered
    score_center, // 0.00, centred, bordered: a score standing alone
    note,         // 宋体 10, left, wrapped, no border: legends and remarks
    plain,        // no format at all (HR导入)
    plain_score,  // 0.00 and nothing else (HR导入)
};
inline constexpr std::size_t style_count = static_cast<std::size_t>(Style::plain_score) + 1;

inline constexpr const char* body_font = "宋体";
inline constexpr const char* title_font = "黑体";

// Excel's limits.
inline constexpr std::size_t max_cell_characters = 32767;  // UTF-16 code units
inline constexpr std::size_t max_sheet_name_characters = 31;

// Text cut to at most `max_cell_characters` UTF-16 code units, at a character boundary.
std::string cell_text(std::string_view text);
// A valid sheet name: []:*?/\ replaced, leading/trailing ' removed, at most 31 characters, never empty.
std::string sheet_name(std::string_view name);

// Throws exemplar::Error naming `what` with lxw_strerror() when `error` is one.
void check(lxw_error error, std::string_view what);

// Where a sheet's cells are kept until the workbook is written (see above).
enum class SheetCells { libxlsxwriter, table };

class Workbook {
public:
    explicit Workbook(const std::filesystem::path& file);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() const { return workbook_; }
    lxw_format* format(Style style) const { return formats_[static_cast<std::size_t>(style)]; }
    // A new format with the body font (for conditional formats and one-off styles).
    lxw_format* add_format();
    lxw_chart* add_chart(std::uint8_t type);
    void set_properties(const std::string& title, const std::string& subject);

    // Writes the file. Throws Refused with libxlsxwriter's reason on failure.
    void close();

    // For Sheet. A new sheet's number; its part ("xl/worksheets/sheet2.xml");
    // its cells (SheetCells::table) or, for a libxlsxwriter sheet, where its
    // cells' formats are (to number styles in libxlsxwriter's order);
    // sheet_done() when no more cells come.
    std::size_t add_sheet(lxw_worksheet* sheet, SheetCells cells);
    const std::string& part_of(std::size_t sheet) const { return sheets_[sheet]->part; }
    CellTable& cells_of(std::size_t sheet) { return sheets_[sheet]->cells; }
    void sheet_done(std::size_t sheet);
    SharedStrings& shared_strings() { return strings_; }
    // The numbers libxlsxwriter would not write exactly (see xlsx_exact_numbers.h).
    void note_exact(const std::string& part, std::string cell, double value);
    void forget_exact(const std::string& part, lxw_row_t row, lxw_col_t col);

private:
    struct SheetRecord {
        lxw_worksheet* sheet;
        std::string part;
        bool table;
        CellTable cells;
        bool done = false;
        std::vector<int> styles;  // table: the s="…" of cells.formats_in_order()
        TableSheet queued;        // table: its pieces, queued for deflating
    };
    // Gives style numbers to the formats of every sheet up to the last table
    // sheet that is complete, all before it complete too, in libxlsxwriter's
    // own order (sheet by sheet, cell by cell: styles.xml comes out as if it
    // had held every cell), and queues those tables for deflating.
    void number_styles();

    ExactNumbers exact_;
    std::vector<std::unique_ptr<SheetRecord>> sheets_;
    std::size_t numbered_ = 0;  // sheets_[0, numbered_) have their style numbers
    bool closed_ = false;
    DeflatePool pool_;  // after sheets_: stopped before the cells its pieces read go
    SharedStrings strings_{nullptr};
    lxw_workbook* workbook_ = nullptr;
    std::filesystem::path file_;
    std::array<lxw_format*, style_count> formats_{};
    lxw_doc_properties properties_{};
    std::string title_, subject_;
};

// Chart fonts: 黑体 for titles, 宋体 elsewhere.
lxw_chart_font chart_font(double size, bool bold = false, bool title = false);

class Sheet {
public:
    Sheet(Workbook& book, std::string_view name, SheetCells cells = SheetCells::libxlsxwriter);
    ~Sheet();  // no more cells: a table sheet's rows may be deflated
    Sheet(const Sheet&) = delete;
    Sheet& operator=(const Sheet&) = delete;

    lxw_worksheet* get() const { return sheet_; }
    Workbook& book() const { return book_; }

    // Every string is written as a string, cut to Excel's limit.
    void text(lxw_row_t row, lxw_col_t col, std::string_view value, Style style);
    // nullopt: an empty cell (with the style's borders), never 0.
    void number(lxw_row_t row, lxw_col_t col, std::optional<double> value, Style style);
    void integer(lxw_row_t row, lxw_col_t col, std::optional<long long> value, Style style);
    // A table cell: text as `text_style`, double as `number_style`, integer as `integer_style`.
    void cell(lxw_row_t row, lxw_col_t col, const TableCell& value, Style text_style, Style number_style,
              Style integer_style);
    void blank(lxw_row_t row, lxw_col_t col, Style style);
    void merge(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
               std::string_view value, Style style);
    // A merged range holding a table cell (a number stays a number).
    void merge_cell(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
                    const TableCell& value, Style text_style, Style number_style, Style integer_style);

    // Fixes a column's width (fit_columns leaves it alone); applied at once.
    void set_width(lxw_col_t col, double width);
    // A row's height, at least this (a later, larger one wins); applied at once.
    void set_height(lxw_row_t row, double height);
    // Content width, in display columns, a column should at least have.
    void widen(lxw_col_t col, double display_width);

    // Sets every column's width from the content written (capped), then the
    // height of every row holding wrapped text from its lines.
    void fit_columns(double min_width = 6, double max_width = 40);

    // Rows printed on one page whenever they fit (a person's block of rows).
    void keep_together(lxw_row_t first_row, lxw_row_t last_row);
    // Rows printed at the top of every page.
    void repeat_rows(lxw_row_t first_row, lxw_row_t last_row);

    // Page setup: A4, margins, centred, "第 &P 页 共 &N 页" in the footer.
    // `fit_width`: one page wide ("fit to"), and with rows kept together,
    // page breaks between the blocks (computed from the widths and heights
    // set: call after fit_columns()).
    void print_setup(bool landscape, bool fit_width);

    // As set so far (fit_columns sets them all): the pixels Excel gives
    // columns first..last, and a row's height in points (15 when unset).
    double column_pixels(lxw_col_t first, lxw_col_t last) const;
    double row_height(lxw_row_t row) const;

private:
    struct Wrapped {
        lxw_row_t row;
        lxw_col_t first_col;
        lxw_col_t last_col;
        std::string text;
        Style style;
    };
    static bool measured(Style style) {
        return style != Style::title && style != Style::subtitle && style != Style::section && style != Style::note;
    }
    void measure(lxw_col_t col, std::string_view shown, Style style);
    void widen_by_number(lxw_col_t col, std::size_t characters, Style style);
    void note_wrapped(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col, std::string_view value, Style style);
    // Throws naming the cell when `error` is one (the name made only then).
    void check_cell(lxw_error error, lxw_row_t row, lxw_col_t col) const;

    Workbook& book_;
    lxw_worksheet* sheet_ = nullptr;
    std::size_t index_ = 0;        // in the workbook
    CellTable* table_ = nullptr;   // SheetCells::table: the cells
    CellTable* formats_ = nullptr; // SheetCells::libxlsxwriter: where the cells' formats are
    std::string name_;
    std::string part_;
    std::vector<double> content_;  // widest content per column, display columns
    std::vector<std::optional<double>> fixed_;
    std::vector<double> widths_;          // as set
    std::vector<Wrapped> wrapped_;
    static constexpr double unset_height = -1;
    bool has_height(lxw_row_t row) const { return row < heights_.size() && heights_[row] != unset_height; }
    std::vector<double> heights_;  // as set, by row (unset_height: not set)
    std::vector<std::pair<lxw_row_t, lxw_row_t>> blocks_;
    std::optional<std::pair<lxw_row_t, lxw_row_t>> repeated_;
};

// "A1"-style reference of a cell, 0-based row and column; "A" for column 0.
std::string cell_name(lxw_row_t row, lxw_col_t col);
std::string column_name(lxw_col_t col);

}  // namespace exemplar::xlsx
