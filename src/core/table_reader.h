// A table read from an exchange file (SPEC §4): rows of text cells, row 1 the
// header. CSV and xlsx files both come through this interface, each locating
// problems its own way (FILE:ROW:COLUMN or FILE:SHEET!CELL).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace exemplar {

// Rows handed over many at a time, for long files read in a loop: no call per row.
struct RowBlock {
    struct Row {
        std::size_t number;           // 1-based, as row_number()
        std::size_t cells_begin;      // the row's cells are cells[cells_begin, cells_end)
        std::size_t cells_end;
        std::size_t cells_as_before;  // as cells_as_before()
        bool has_problems;            // as row_has_problems()
    };
    std::span<const Row> rows;
    std::span<const std::string_view> cells;  // untrimmed
    // Storage for readers that hand over one row at a time.
    std::vector<Row> own_rows;
    std::vector<std::string_view> own_cells;

    std::span<const std::string_view> cells_of(const Row& row) const { return cells.subspan(row.cells_begin, row.cells_end - row.cells_begin); }
};

class TableReader {
public:
    virtual ~TableReader() = default;

    // The next row's cells, untrimmed; false at the end (or when reading had
    // to stop: see problems()). Views stay valid until the next call.
    virtual bool next_row(std::vector<std::string_view>& cells) = 0;
    // The row last returned, 1-based (the header is row 1).
    virtual std::size_t row_number() const = 0;
    // True when reading the row last returned found problems (listed in problems()).
    virtual bool row_has_problems() const = 0;
    // Problems found while reading (bad encoding, control characters, …), located.
    virtual std::vector<Diagnostic> problems() const = 0;
    // A diagnostic at a row (1-based) and column (1-based).
    virtual Diagnostic at(std::size_t row, std::size_t column, std::string message) const = 0;
    virtual const std::string& name() const = 0;
    // Fraction read so far, 0..1, for progress bars.
    virtual double progress() const = 0;
    // How many leading cells of the row last returned are, byte for byte,
    // those of the row before it; 0 when not known. A reader with a thread
    // of its own works it out there, so that long files listing many rows of
    // one key need not compare the key again on the caller's thread.
    virtual std::size_t cells_as_before() const { return 0; }
    // The next rows, at least one; false at the end. The block's views stay
    // valid until the next call. After it, row_number() and the others tell
    // of the block's last row. By default one row at a time, by next_row().
    virtual bool next_rows(RowBlock& block);
};

// Opens a .csv (or, later, .xlsx) file by its content and name; refuses
// (InputRefused at 1:1) what it cannot read, such as legacy .xls files.
std::unique_ptr<TableReader> open_table(const std::filesystem::path& path);

// A CSV table over text in memory (display_name is used in messages).
std::unique_ptr<TableReader> csv_table(std::string display_name, std::string text);

// Cells are trimmed of spaces, tabs, line ends and ideographic spaces (U+3000).
std::string_view trim_spaces(std::string_view cell);
// Bytes a trimmed cell may start or end with: spaces, and the first and last bytes of U+3000.
inline constexpr std::array<bool, 256> trimmable_edge = [] {
    std::array<bool, 256> edge{};
    for (const unsigned char c : {' ', '\t', '\r', '\n', '\xE3', '\x80'}) edge[c] = true;
    return edge;
}();
inline std::string_view trim_cell(std::string_view cell) {
    // Most cells have nothing to trim: told by their first and last bytes, inline (millions of answer cells).
    if (cell.empty() || (!trimmable_edge[static_cast<unsigned char>(cell.front())] && !trimmable_edge[static_cast<unsigned char>(cell.back())]))
        return cell;
    return trim_spaces(cell);
}

}  // namespace exemplar
