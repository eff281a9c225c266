#include <gtest/gtest.h>

#include "core/translate.h"
#include "core/utf8.h"

namespace exemplar {
namespace {

TEST(Utf8, AcceptsValidTextAndFindsTheFirstBadByte) {
    EXPECT_FALSE(first_invalid_utf8("五种表率 exemplar").has_value());
    EXPECT_EQ(first_invalid_utf8("ab\xC4\xE3"), 2u);
    EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
    EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate
    EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
    EXPECT_EQ(first_invalid_utf8("\xE4\xBD"), 0u);          // cut short
}

TEST(Utf8, CountsCharactersAndTerminalColumns) {
    EXPECT_EQ(utf8_length("五种表率ab"), 6u);
    EXPECT_EQ(display_width("五种表率ab"), 10u);
    EXPECT_EQ(display_width("（一）"), 6u);
    EXPECT_EQ(display_width("e\xCC\x81"), 1u);  // e + combining acute
    // Three-byte characters: Chinese, other wide ones, narrow ones, zero-width ones, and broken sequences byte by byte.
    EXPECT_EQ(display_width("中ㄅ가Ａ"), 8u);
    EXPECT_EQ(display_width("—€"), 2u);
    EXPECT_EQ(display_width("a\xE2\x80\x8B" "b"), 2u);        // U+200B
    EXPECT_EQ(display_width("\xED\xA0\x80"), 3u);           // a surrogate is not a character
    EXPECT_EQ(display_width("\xE0\x80\x80"), 3u);           // an overlong form neither
    EXPECT_EQ(display_width("\xE4\xB8"), 2u);                // cut short
    EXPECT_EQ(display_width("\xE4\xB8" "A"), 3u);           // a continuation missing
    EXPECT_EQ(display_width("\xF0\x9F\x98\x80x"), 3u);     // U+1F600, wide, then x
}

TEST(Utf8, NamesTheEncodingProblem) {
    set_language(Language::english);
    const auto gbk = find_encoding_problem("name: \xC4\xE3\xBA\xC3");
    ASSERT_TRUE(gbk.has_value());
    EXPECT_EQ(gbk->offset, 6u);
    EXPECT_EQ(gbk->message, "not UTF-8 text (byte 0xC4; perhaps GBK/GB18030): save it as UTF-8");
    const auto utf16 = find_encoding_problem(std::string("\xFF\xFE" "a\0", 4));
    ASSERT_TRUE(utf16.has_value());
    EXPECT_EQ(utf16->message, "the file is UTF-16; save it as UTF-8");
    set_language(Language::chinese);
    EXPECT_EQ(find_encoding_problem("\x80")->message, "不是有效的 UTF-8 文本（字节 0x80）");
    set_language(Language::english);
}

TEST(Translate, ChineseUnderZhLocalesOnly) {
    EXPECT_EQ(language_of_locale("zh_CN.UTF-8"), Language::chinese);
    EXPECT_EQ(language_of_locale("zh_TW"), Language::chinese);
    EXPECT_EQ(language_of_locale("en_US.UTF-8"), Language::english);
    EXPECT_EQ(language_of_locale("C.UTF-8"), Language::english);
    EXPECT_EQ(language_of_locale(""), Language::english);
}

}  // namespace
}  // namespace exemplar
