// UTF-8 facts the parsers and the terminal output need.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace exemplar {

// Byte offset of the first byte that breaks strict UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF included), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// Columns a terminal gives the text: East Asian wide and fullwidth
// characters take two, combining marks none.
std::size_t display_width(std::string_view text);

// Why text that should be UTF-8 is not, with where: nullopt when it is fine.
struct EncodingProblem {
    std::size_t offset = 0;  // byte where the problem starts
    std::string message;     // in the user's language
};
std::optional<EncodingProblem> find_encoding_problem(std::string_view text);

// A control character text may not hold: below U+0020 but tab, CR and LF, and DEL.
inline bool is_forbidden_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F; }

// UTF-16 with or without a byte order mark: a BOM, or NUL bytes in every
// other place of the first bytes (Latin and digits in UTF-16, LE or BE).
bool looks_like_utf16(std::string_view text);

}  // namespace exemplar
