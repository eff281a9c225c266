#include "core/person_id.h"

#include "core/translate.h"

namespace exemplar {

std::optional<std::string> person_id_problem(std::string_view id) {
    if (id.empty()) return tr({"工号为空", "the id is empty"});
    for (const char c : id) {
        if (c == '/' || c == '\\')
            return tr({"工号“{0}”中不能有“/”或“\\”", "the id '{0}' may not contain '/' or '\\'"}, id);
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return tr({"工号中不能有控制字符", "the id may not contain control characters"});
    }
    return std::nullopt;
}

}  // namespace exemplar
