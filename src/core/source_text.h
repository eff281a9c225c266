// The text of an input file with its name, turning byte offsets into the
// 1-based LINE:COLUMN (COLUMN in characters) that messages show.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace exemplar {

class SourceText {
public:
    SourceText(std::string display_name, std::string text);

    // Reads a whole file; refuses (InputRefused, located at 1:1) one that
    // cannot be read or is larger than max_bytes.
    static SourceText read_file(const std::filesystem::path& path, std::size_t max_bytes);

    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }

    struct Position {
        int line;
        int column;
    };
    // Offsets past the end clamp to the end. A CR before LF is part of the line end.
    Position position(std::size_t byte_offset) const;
    Diagnostic at(std::size_t byte_offset, std::string message) const;
    Diagnostic at(int line, int column, std::string message) const;

    std::string_view line_text(int line) const;  // without its line end

private:
    std::string name_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

}  // namespace exemplar
