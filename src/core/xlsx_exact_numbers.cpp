#include "core/xlsx_exact_numbers.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace exemplar::xlsx {

bool written_exactly(double value) {
    char text[64];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 16).ptr;
    double back = 0;
    std::from_chars(text, end, back);
    return back == value;
}

namespace {

// The texts a thread made last, by the value's bits: a report repeats its
// numbers (a score of 71.875 for many people, each total on three sheets):
// 10,000 people give 395,000 fractions but 27,000 different ones.
class MadeTexts {
public:
    std::string_view find(std::uint64_t bits) const {
        const Entry& entry = entries_[slot(bits)];
        return entry.size != 0 && entry.bits == bits ? std::string_view(entry.text, entry.size) : std::string_view();
    }
    void keep(std::uint64_t bits, std::string_view text) {
        if (text.empty() || text.size() > sizeof(Entry::text)) return;
        Entry& entry = entries_[slot(bits)];
        entry.bits = bits;
        entry.size = static_cast<std::uint8_t>(text.size());
        std::memcpy(entry.text, text.data(), text.size());
    }

private:
    struct Entry {
        std::uint64_t bits = 0;
        std::uint8_t size = 0;  // 0: empty
        char text[31];
    };
    static constexpr int slot_bits = 16;
    static std::size_t slot(std::uint64_t bits) { return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> (64 - slot_bits)); }
    std::vector<Entry> entries_ = std::vector<Entry>(std::size_t{1} << slot_bits);
};

char* text_of_fraction(char* out, double value) {
    constexpr std::size_t room = 32;
    char* end = std::to_chars(out, out + room, value, std::chars_format::general, 16).ptr;
    double back = 0;
    std::from_chars(out, end, back);
    if (back == value) {
        for (char* c = out; c != end; ++c)
            if (*c == 'e') *c = 'E';  // printf's %G
        return end;
    }
    return std::to_chars(out, out + room, value).ptr;  // the shortest that reads back
}

}  // namespace

char* number_text(char* out, double value) {
    // Whole numbers (counts, ranks, most votes) are their digits under "%.16G" too, and are checked the quickest.
    if (value == std::trunc(value) && std::fabs(value) < 1e15 && !(value == 0 && std::signbit(value)))
        return std::to_chars(out, out + 32, static_cast<long long>(value)).ptr;
    thread_local MadeTexts made;
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    if (const std::string_view known = made.find(bits); !known.empty()) {
        std::memcpy(out, known.data(), known.size());
        return out + known.size();
    }
    char* const end = text_of_fraction(out, value);
    made.keep(bits, std::string_view(out, static_cast<std::size_t>(end - out)));
    return end;
}

std::string patch_exact_numbers(std::string_view xml, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(xml.size() + values.size() * 4);
    std::size_t at = 0;
    for (;;) {
        const std::size_t cell = xml.find("<c r=\"", at);
        if (cell == std::string_view::npos) break;
        const std::size_t ref_start = cell + 6;
        const std::size_t ref_end = xml.find('"', ref_start);
        if (ref_end == std::string_view::npos) break;
        const auto it = values.find(std::string(xml.substr(ref_start, ref_end - ref_start)));
        const std::size_t tag_end = xml.find('>', ref_end);
        const std::size_t cell_end = xml.find("</c>", ref_end);
        const std::size_t value_start = xml.find("<v>", ref_end);
        // Only a number cell: no type attribute, a value of its own.
        const bool number_cell = tag_end != std::string_view::npos && xml[tag_end - 1] != '/' &&
                                 xml.substr(ref_end, tag_end - ref_end).find(" t=") == std::string_view::npos;
        if (it == values.end() || !number_cell || cell_end == std::string_view::npos ||
            value_start == std::string_view::npos || value_start > cell_end) {
            out.append(xml, at, ref_end - at);
            at = ref_end;
            continue;
        }
        const std::size_t value_end = xml.find("</v>", value_start);
        out.append(xml, at, value_start + 3 - at);
        out += it->second;
        at = value_end;
    }
    out.append(xml, at, std::string_view::npos);
    return out;
}

}  // namespace exemplar::xlsx
