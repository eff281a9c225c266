// Messages in the user's language: Chinese under zh_* locales, English
// otherwise. Each message is written in both languages where it is used:
//   tr({"未知的键“{0}”", "unknown key '{0}'"}, key)
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace exemplar {

enum class Language { chinese, english };

// Chinese for locale names starting with "zh" (zh_CN.UTF-8, zh_TW, zh), else English.
Language language_of_locale(std::string_view locale_name);

// The language of this process: set_language() if called, otherwise from
// LC_ALL, LC_MESSAGES, then LANG (the first one set and non-empty).
Language current_language();
void set_language(Language language);

struct Text {
    std::string_view zh;
    std::string_view en;
};

template <class... Args>
std::string tr(const Text& text, const Args&... args) {
    const std::string_view pattern = current_language() == Language::chinese ? text.zh : text.en;
    try {
        return fmt::vformat(fmt::string_view(pattern.data(), pattern.size()), fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
        return std::string(pattern);  // a malformed pattern must never stop a message from being shown
    }
}

}  // namespace exemplar
