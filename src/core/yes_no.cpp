#include "core/yes_no.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>

namespace exemplar {

namespace {
YesNo parse(std::string_view word, std::initializer_list<std::string_view> yes, std::initializer_list<std::string_view> no) {
    if (word.empty()) return {};
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const std::string_view w : yes)
        if (lower == w) return {true, true};
    for (const std::string_view w : no)
        if (lower == w) return {true, false};
    return {false, std::nullopt};
}
}  // namespace

YesNo parse_yes_no(std::string_view word) { return parse(word, {"是", "yes", "true", "1"}, {"否", "no", "false", "0"}); }

YesNo parse_active(std::string_view word) {
    return parse(word, {"在职", "是", "yes", "true", "1"}, {"离职", "否", "no", "false", "0"});
}

}  // namespace exemplar
