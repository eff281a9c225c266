// A located problem in an input file: FILE:LINE:COLUMN (text files, 1-based,
// COLUMN in characters) or FILE:SHEET!CELL (workbooks), then the message.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace exemplar {

struct Diagnostic {
    std::string file;
    int line = 1;  // 0: the message is about the whole file
    int column = 1;
    std::string cell;  // "Sheet!B7" for workbooks; when set, replaces LINE:COLUMN
    std::string message;

    std::string to_string() const;
    bool operator==(const Diagnostic&) const = default;
};

// Orders the diagnostics of one file by line, then column (stable).
void sort_by_position(std::vector<Diagnostic>& diagnostics);

// The messages for a terminal: the first `limit`, then how many there were in all.
std::vector<std::string> format_diagnostics(const std::vector<Diagnostic>& diagnostics,
                                            std::size_t limit = 100);

}  // namespace exemplar
