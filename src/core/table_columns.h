// The header row of an exchange file: columns named in Chinese or English,
// in any order, mixed; unknown columns ignored; English case-insensitive; a
// column named twice (e.g. both `id` and `工号`) is an error (SPEC §4).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/table_reader.h"

namespace exemplar {

struct ColumnSpec {
    std::string_view chinese;
    std::string_view english;
    bool required = false;
};

class TableColumns {
public:
    // Matches the header; problems (a required column missing, a column named
    // twice) are appended, located at the header row.
    static TableColumns match(const std::vector<std::string_view>& header, std::span<const ColumnSpec> specs,
                              const TableReader& table, std::vector<Diagnostic>& diagnostics);

    // Reads row 1 of the table and matches it; refuses (InputRefused, with
    // every problem) an empty file or a header that does not fit.
    static TableColumns read_header(TableReader& table, std::span<const ColumnSpec> specs);

    // False (with a located problem appended) when the row has more cells than the header.
    bool fits(const std::vector<std::string_view>& row, const TableReader& table, std::vector<Diagnostic>& diagnostics) const {
        return fits(row, table.row_number(), table, diagnostics);
    }
    bool fits(std::span<const std::string_view> row, std::size_t row_number, const TableReader& table, std::vector<Diagnostic>& diagnostics) const;

    // The 0-based cell index of spec i, if the header has it.
    std::optional<std::size_t> index(std::size_t spec) const { return indexes_[spec]; }
    // Number of header cells (a row with more non-empty cells is refused).
    std::size_t width() const { return width_; }

private:
    std::vector<std::optional<std::size_t>> indexes_;
    std::size_t width_ = 0;
};

// The cell of spec i in a row, trimmed; empty when the column is absent or the row is short.
std::string_view cell_of(const TableColumns& columns, std::size_t spec, const std::vector<std::string_view>& row);

// True when every cell is empty after trimming.
bool is_blank_row(std::span<const std::string_view> row);

}  // namespace exemplar
