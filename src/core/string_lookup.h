// Hash maps keyed by std::string that can be searched with a string_view
// without building a string (hot paths of the importers).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace exemplar {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Equality of short texts (ids, option values) without a call to memcmp,
// which costs more than comparing a few bytes: the first and last words of
// up to 16 bytes are compared (overlapping when shorter).
[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    const auto same_words = [&]<class Word>(Word) {
        Word x, y, u, v;
        std::memcpy(&x, p, sizeof(Word));
        std::memcpy(&y, q, sizeof(Word));
        std::memcpy(&u, p + n - sizeof(Word), sizeof(Word));
        std::memcpy(&v, q + n - sizeof(Word), sizeof(Word));
        return x == y && u == v;
    };
    if (n > 16) return std::memcmp(p, q, n) == 0;
    if (n >= 8) return same_words(std::uint64_t{});
    if (n >= 4) return same_words(std::uint32_t{});
    if (n >= 2) return same_words(std::uint16_t{});
    return n == 0 || *p == *q;
}

}  // namespace exemplar
