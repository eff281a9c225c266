#include "core/translate.h"

#include <atomic>
#include <cstdlib>

namespace exemplar {

namespace {
// 0: not decided yet; 1: Chinese; 2: English.
std::atomic<int> chosen{0};

Language from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return language_of_locale(value);
    }
    return Language::english;
}
}  // namespace

Language language_of_locale(std::string_view locale_name) {
    return locale_name.substr(0, 2) == "zh" ? Language::chinese : Language::english;
}

Language current_language() {
    int value = chosen.load(std::memory_order_relaxed);
    if (value == 0) {
        value = from_environment() == Language::chinese ? 1 : 2;
        chosen.store(value, std::memory_order_relaxed);
    }
    return value == 1 ? Language::chinese : Language::english;
}

void set_language(Language language) {
    chosen.store(language == Language::chinese ? 1 : 2, std::memory_order_relaxed);
}

}  // namespace exemplar
