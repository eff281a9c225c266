#include "core/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/translate.h"
#include "core/utf8.h"

namespace exemplar {

namespace {

// What a byte outside quotes is: most are plain, a few end the field, the
// control characters are looked at closely.
enum : std::uint8_t { plain_byte, field_end, control_byte };
constexpr std::array<std::uint8_t, 256> byte_kinds = [] {
    std::array<std::uint8_t, 256> kinds{};
    for (int c = 0; c < 0x20; ++c) kinds[static_cast<std::size_t>(c)] = control_byte;
    kinds[0x7F] = control_byte;
    kinds[static_cast<unsigned char>(',')] = field_end;
    kinds[static_cast<unsigned char>('\n')] = field_end;
    kinds[static_cast<unsigned char>('\r')] = field_end;
    return kinds;
}();

#if defined(__SSE2__)
// Each byte of `bytes` that is a control character below 0x20 (line ends among them), as 0xFF.
__m128i controls_in(__m128i bytes) { return _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1F)), bytes); }
#endif

// The first byte from `from` on that is not plain (`size` when there is none):
// sixteen bytes at a time where SSE2 is there, as cells are mostly short and plain.
std::size_t skip_plain(const char* data, std::size_t from, std::size_t size) {
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i del = _mm_set1_epi8(0x7F);
    while (from + 16 <= size) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + from));
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, del)), controls_in(bytes));
        if (const int mask = _mm_movemask_epi8(special); mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        from += 16;
    }
#endif
    while (from < size && byte_kinds[static_cast<unsigned char>(data[from])] == plain_byte) ++from;
    return from;
}

}  // namespace

// Most records are a line of short, plain fields: split in one go, by the
// positions of the commas and of the line end among the next 32 bytes.
// False (nothing read) when the record is anything else.
bool CsvReader::plain_record(std::vector<std::string_view>& fields) {
#if defined(__SSE2__)
    const std::size_t size = text_.size();
    if (pos_ + 32 > size || invalid_before(pos_ + 32)) return false;
    const char* const start = text_.data() + pos_;
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i del = _mm_set1_epi8(0x7F);
    std::uint32_t controls = 0, commas = 0, others = 0;  // one bit a byte
    for (int i = 0; i < 2; ++i) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(start + 16 * i));
        const auto bits = [&](__m128i found) { return static_cast<std::uint32_t>(_mm_movemask_epi8(found)) << (16 * i); };
        controls |= bits(controls_in(bytes));
        commas |= bits(_mm_cmpeq_epi8(bytes, comma));
        others |= bits(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, del)));
    }
    if (controls == 0) return false;
    // The first control character must end the line; quotes and DEL take the careful way.
    const int end = __builtin_ctz(controls);
    if (start[end] != '\n' && start[end] != '\r') return false;
    const std::uint32_t before_end = (std::uint32_t{1} << end) - 1;  // end < 32
    if ((others & before_end) != 0) return false;
    int field_start = 0;
    for (std::uint32_t at = commas & before_end; at != 0; at &= at - 1) {
        const int next = __builtin_ctz(at);
        fields.emplace_back(start + field_start, static_cast<std::size_t>(next - field_start));
        field_start = next + 1;
    }
    fields.emplace_back(start + field_start, static_cast<std::size_t>(end - field_start));
    pos_ += static_cast<std::size_t>(end);
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < size && text_[pos_] == '\n') ++pos_;
    return true;
#else
    (void)fields;
    return false;
#endif
}

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

bool CsvReader::invalid_before(std::size_t end) {
    if (!invalid_utf8_ && checked_to_ < end) {
        // A megabyte at a time, not the whole text up front: the first records come at once.
        std::size_t to = std::min(text_.size(), std::max(end, checked_to_ + (std::size_t{1} << 20)));
        // Not in the middle of a character: its first byte and the rest are checked together.
        const auto inside_character = [&](std::size_t at) { return at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80; };
        while (to > end && inside_character(to)) --to;
        while (inside_character(to)) ++to;
        if (const auto bad = first_invalid_utf8(text_.substr(checked_to_, to - checked_to_))) invalid_utf8_ = checked_to_ + *bad;
        checked_to_ = to;
    }
    return invalid_utf8_ && *invalid_utf8_ < end;
}

void CsvReader::problem(std::size_t field, std::string message) {
    problems_.push_back(CsvProblem{record_, field, std::move(message)});
}

void CsvReader::check_cell(std::size_t field, std::size_t begin, std::size_t end, std::string_view value, bool may_hold_controls) {
    if (invalid_before(end) && *invalid_utf8_ >= begin) {
        const auto encoding = find_encoding_problem(text_.substr(begin, end - begin));
        problem(field, encoding ? encoding->message : tr({"不是有效的 UTF-8 文本", "not valid UTF-8 text"}));
        // Checked again from the cell's end, as reading gets there.
        invalid_utf8_.reset();
        checked_to_ = end;
        return;
    }
    if (may_hold_controls)
        for (const char c : value) {
        if (is_forbidden_control(static_cast<unsigned char>(c))) {
                problem(field, tr({"单元格中有不允许的控制字符 U+{0:04X}", "the cell holds a control character U+{0:04X}"},
                                  static_cast<unsigned char>(c)));
                break;
            }
        }
    if (value.size() > max_cell_characters && utf8_length(value) > max_cell_characters)
        problem(field, tr({"单元格超过 {0} 个字符", "the cell is longer than {0} characters"}, max_cell_characters));
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
    fields.clear();
    return append_next(fields);
}

bool CsvReader::append_next(std::vector<std::string_view>& fields) {
    if (stopped_ || pos_ >= text_.size()) return false;
    ++record_;
    buffer_.clear();
    escaped_fields_.clear();
    if (plain_record(fields)) return true;
    const char* const data = text_.data();
    const std::size_t size = text_.size();
    std::size_t field = 0;
    for (;;) {
        ++field;
        const std::size_t begin = pos_;
        if (pos_ < size && data[pos_] == '"') {
            // Quoted field: runs to the closing quote; "" is a quote.
            ++pos_;
            const std::size_t buffer_start = buffer_.size();
            std::size_t chunk = pos_;
            bool closed = false;
            bool escaped = false;
            while (pos_ < size) {
                const void* quote = std::memchr(data + pos_, '"', size - pos_);
                if (quote == nullptr) {
                    pos_ = size;
                    break;
                }
                pos_ = static_cast<std::size_t>(static_cast<const char*>(quote) - data);
                if (pos_ + 1 < size && data[pos_ + 1] == '"') {
                    buffer_.append(data + chunk, pos_ + 1 - chunk);
                    pos_ += 2;
                    chunk = pos_;
                    escaped = true;
                    continue;
                }
                closed = true;
                break;
            }
            if (!closed) {
                problem(field, tr({"引号没有闭合", "a quoted field is not closed"}));
                stopped_ = true;
                return false;
            }
            if (escaped) {
                buffer_.append(data + chunk, pos_ - chunk);
                // The buffer may still grow: its view is made once the record is read.
                escaped_fields_.push_back({fields.size(), buffer_start, buffer_.size() - buffer_start});
                fields.emplace_back();
            } else {
                fields.push_back(text_.substr(begin + 1, pos_ - begin - 1));
            }
            ++pos_;  // the closing quote
            const std::string_view value =
                escaped ? std::string_view(buffer_).substr(buffer_start) : text_.substr(begin + 1, pos_ - begin - 2);
            check_cell(field, begin, pos_, value, true);
            if (pos_ < size && data[pos_] != ',' && data[pos_] != '\n' && data[pos_] != '\r') {
                problem(field, tr({"右引号后面还有文字（引号内的引号要写成两个）", "text after a closing quote (write a quote inside quotes as \"\")"}));
                stopped_ = true;
                return false;
            }
        } else {
            std::size_t end = pos_;
            bool controls = false;  // a byte below 0x20 or 0x7F: looked at closely by check_cell
            for (;;) {
                end = skip_plain(data, end, size);
                if (end >= size || byte_kinds[static_cast<unsigned char>(data[end])] == field_end) break;
                controls = true;
                ++end;
            }
            pos_ = end;
            fields.push_back(text_.substr(begin, end - begin));
            // Most cells are short, valid and plain: nothing to look at closely.
            if (controls || end - begin > max_cell_characters || invalid_before(end))
                check_cell(field, begin, end, fields.back(), controls);
        }
        if (pos_ >= size) break;
        if (data[pos_] == ',') {
            ++pos_;
            continue;
        }
        // line end: \n, \r\n or \r
        if (data[pos_] == '\r') ++pos_;
        if (pos_ < size && data[pos_] == '\n') ++pos_;
        break;
    }
    for (const EscapedField& escaped : escaped_fields_)
        fields[escaped.field] = std::string_view(buffer_).substr(escaped.offset, escaped.length);
    return true;
}

}  // namespace exemplar
