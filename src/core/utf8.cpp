#include "core/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/translate.h"

namespace exemplar {

namespace {

// Decodes one code point at text[i]; returns its length, 0 when invalid.
std::size_t decode(std::string_view text, std::size_t i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    std::size_t length;
    char32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        out = b0 & 0x1Fu;
        min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        out = b0 & 0x0Fu;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        out = b0 & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0u) != 0x80u) return 0;
        out = (out << 6) | (b & 0x3Fu);
    }
    if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
    return length;
}

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200C || c == 0x200D ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Fast path for ASCII runs: eight bytes at a time.
        if (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t c;
        const std::size_t length = decode(text, i, c);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++count;
    return count;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        // Names and words of reports are ASCII and Chinese: those two kinds taken without the general decoder.
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            ++width;
            ++i;
            continue;
        }
        // E0 and ED take only some second bytes (no overlong forms, no surrogates): left to decode().
        if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < text.size()) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            const auto third = static_cast<unsigned char>(text[i + 2]);
            if ((second & 0xC0) == 0x80 && (third & 0xC0) == 0x80) {  // a valid three-byte sequence
                const char32_t c = (char32_t{lead & 0x0Fu} << 12) | (char32_t{second & 0x3Fu} << 6) | char32_t{third & 0x3Fu};
                i += 3;
                if (c >= 0x4E00 && c <= 0x9FFF) {
                    width += 2;
                } else if (!is_zero_width(c)) {
                    width += is_wide(c) ? 2 : 1;
                }
                continue;
            }
        }
        char32_t c;
        std::size_t length = decode(text, i, c);
        if (length == 0) {  // count a stray byte as one column
            ++width;
            ++i;
            continue;
        }
        i += length;
        if (is_zero_width(c)) continue;
        width += is_wide(c) ? 2 : 1;
    }
    return width;
}

bool looks_like_utf16(std::string_view text) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
    const std::size_t n = std::min<std::size_t>(text.size(), 512) & ~std::size_t{1};
    if (n < 4) return false;
    std::size_t even_zeros = 0, odd_zeros = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (text[i] == '\0') ++(i % 2 == 0 ? even_zeros : odd_zeros);
    // Mostly ASCII in UTF-16: half the bytes are NUL, all on one side.
    const std::size_t pairs = n / 2;
    return (even_zeros * 4 >= pairs && odd_zeros * 8 <= even_zeros) || (odd_zeros * 4 >= pairs && even_zeros * 8 <= odd_zeros);
}

std::optional<EncodingProblem> find_encoding_problem(std::string_view text) {
    if (looks_like_utf16(text))
        return EncodingProblem{0, tr({"文件是 UTF-16 编码，请另存为 UTF-8", "the file is UTF-16; save it as UTF-8"})};
    const auto bad = first_invalid_utf8(text);
    if (!bad) return std::nullopt;
    // Bytes of GBK / GB18030 Chinese text are pairs with a lead byte 0x81–0xFE.
    const unsigned char lead = static_cast<unsigned char>(text[*bad]);
    const bool looks_gbk = lead >= 0x81 && lead <= 0xFE && *bad + 1 < text.size() &&
                           static_cast<unsigned char>(text[*bad + 1]) >= 0x40;
    if (looks_gbk)
        return EncodingProblem{*bad, tr({"不是 UTF-8 文本（字节 0x{0:02X}，可能是 GBK/GB18030 编码），请另存为 UTF-8",
                                         "not UTF-8 text (byte 0x{0:02X}; perhaps GBK/GB18030): save it as UTF-8"},
                                        lead)};
    return EncodingProblem{*bad, tr({"不是有效的 UTF-8 文本（字节 0x{0:02X}）", "not valid UTF-8 text (byte 0x{0:02X})"}, lead)};
}

}  // namespace exemplar
