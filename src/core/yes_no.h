// The yes/no words of the exchange files (SPEC §4).
#pragma once

#include <optional>
#include <string_view>

namespace exemplar {

// 是/否, yes/no, true/false, 1/0 (English case-insensitive); blank → nullopt
// through `blank`, unknown words → nullopt with `known` false.
struct YesNo {
    bool known = true;
    std::optional<bool> value;
};
YesNo parse_yes_no(std::string_view word);

// 在职/是/yes/true/1 or 离职/否/no/false/0.
YesNo parse_active(std::string_view word);

}  // namespace exemplar
