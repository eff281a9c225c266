// Reading .xlsx workbooks written by Excel, WPS, LibreOffice, openpyxl or
// libxlsxwriter (SPEC §4, STACK.md): a worksheet's cells streamed row by row
// with bounded memory. Hostile files are refused with a message and never a
// crash: not a zip, a truncated or corrupt zip, encrypted workbooks, zip bombs
// (limits on each part's and the total uncompressed size and on the
// compression ratio), XML entity declarations and external entities, parts
// whose paths escape the archive, and legacy .xls files.
//
//   XlsxWorkbook book = XlsxWorkbook::open("花名册.xlsx");
//   auto sheet = book.sheet(0);
//   std::vector<XlsxCell> cells;
//   while (sheet.next_row(cells)) for (const XlsxCell& c : cells) use(c.row, c.column, c.text);
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/table_reader.h"

namespace exemplar {

struct XlsxLimits {
    std::uint64_t max_part_bytes = 512ull << 20;   // uncompressed size of one part
    std::uint64_t max_total_bytes = 2ull << 30;    // of all parts read from one file
    double max_ratio = 1000;                       // uncompressed ÷ compressed size of one part (parts over 1 MiB)
    std::size_t max_shared_strings = 5'000'000;
    std::size_t max_parts = 10'000;                // entries in the archive
    std::uint64_t max_row_bytes = 64ull << 20;     // text of one row's cells (shared strings copied into it)
};

enum class XlsxCellType { text, number, boolean, error };

struct XlsxCell {
    std::uint32_t row = 0;     // 1-based
    std::uint32_t column = 0;  // 1-based
    XlsxCellType type = XlsxCellType::text;
    // The value as text: strings as written (rich-text runs joined, _xHHHH_
    // escapes decoded, phonetic runs dropped); numbers as the shortest text
    // that reads back to the same double ("86.91200000000001", the same
    // double as 86.912, reads "86.912"; 0.30000000000000004 stays), whole
    // numbers below 1e21 as integers ("12345", "1000000", never ".0" or
    // "1e+06"); booleans TRUE/FALSE; errors as written (#N/A). Dates keep
    // their serial number text, with `date` set; t="d" cells (ISO 8601 text)
    // are turned into serial numbers too (left as text, with `date` set, when
    // the text is not an ISO date).
    std::string text;
    double number = 0;     // for numbers (and dates); 1 or 0 for booleans
    bool date = false;     // a number shown with a date or time format
    bool formula = false;  // the value is a formula's cached result
};

// "B7" for row 7, column 2.
std::string cell_reference(std::uint32_t row, std::uint32_t column);

class XlsxWorkbook {
public:
    // Throws InputRefused (a whole-file diagnostic, line 0) when the file
    // cannot be read as an unencrypted .xlsx within the limits.
    static XlsxWorkbook open(const std::filesystem::path& path, const XlsxLimits& limits = {});

    XlsxWorkbook(XlsxWorkbook&&) noexcept;
    XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept;
    ~XlsxWorkbook();

    const std::string& name() const;  // the path as given, for messages
    // Worksheets in workbook order (chart sheets left out), hidden ones included.
    std::size_t sheet_count() const;
    const std::string& sheet_name(std::size_t index) const;
    bool sheet_hidden(std::size_t index) const;
    std::optional<std::size_t> sheet_index(std::string_view name) const;

    // Streams one worksheet's rows in order; rows and cells that are absent
    // or empty are skipped (cells carry their own row and column).
    class SheetReader {
    public:
        SheetReader(SheetReader&&) noexcept;
        ~SheetReader();
        // The next non-empty row's cells, ordered by column; false at the end.
        // Throws InputRefused (located at the sheet's cell, FILE:SHEET!CELL)
        // for a damaged sheet: malformed XML or a DOCTYPE, damaged zip data
        // or a limit passed, rows out of order or repeated, a cell given
        // twice, a reference beyond XFD1048576, a value that is not what its
        // type says; after that it returns false.
        bool next_row(std::vector<XlsxCell>& cells);
        double progress() const;  // 0..1 of the sheet part's (unpacked) bytes

    private:
        friend class XlsxWorkbook;
        struct Impl;
        explicit SheetReader(std::unique_ptr<Impl> impl);
        std::unique_ptr<Impl> impl_;
    };
    // Throws InputRefused (at the sheet's A1) when the sheet's part is
    // missing or cannot be opened.
    SheetReader sheet(std::size_t index) const;

    // FILE:SHEET!CELL: message, with line and column set to the row and
    // column; a sheet name with spaces or punctuation is quoted as Excel
    // does ('My sheet'!B7). Rows and columns are clamped to A1..XFD1048576.
    Diagnostic at(std::size_t sheet, std::uint32_t row, std::uint32_t column, std::string message) const;

private:
    struct Impl;
    explicit XlsxWorkbook(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The first worksheet (in workbook order) as a table for roster and answer
// imports; problems located as FILE:SHEET!CELL. Each non-empty row is dense
// (columns 1 to its last value, "" in the gaps); row_number() is the sheet's
// own row number, and at(1, …) means the header row wherever it is. An xlsx
// number cell holding an id reads as its integer text. Cells with control
// characters or over 32,767 characters are problems(), as in CSV files; a
// damaged sheet stops reading with a located problem. Throws InputRefused
// (whole file) when the workbook cannot be opened.
std::unique_ptr<TableReader> xlsx_table(const std::filesystem::path& path);

}  // namespace exemplar
