// same_text: equal exactly when the texts are, at every length around the
// word sizes it compares by (and past the 16 bytes it hands to memcmp).
#include <gtest/gtest.h>

#include <string>

#include "core/string_lookup.h"

namespace exemplar {
namespace {

TEST(SameText, EqualExactlyWhenTheBytesAre) {
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string a;
        for (std::size_t i = 0; i < n; ++i) a += static_cast<char>('a' + i % 26);
        const std::string copy = a;
        EXPECT_TRUE(same_text(a, copy)) << n;
        EXPECT_FALSE(same_text(a, a + "x")) << n;
        for (std::size_t i = 0; i < n; ++i) {
            std::string b = a;
            b[i] = static_cast<char>(b[i] ^ 0x80);  // a byte that differs in its top bit only
            EXPECT_FALSE(same_text(a, b)) << n << " " << i;
        }
    }
    EXPECT_TRUE(same_text("", ""));
    EXPECT_TRUE(same_text("优秀", std::string("优秀")));
    EXPECT_FALSE(same_text("优秀", "称职"));
}

}  // namespace
}  // namespace exemplar
