#include "core/department_path.h"

#include "core/table_reader.h"
#include "core/translate.h"

namespace exemplar {

std::optional<std::string> normalise_department_path(std::string_view text, std::string& why) {
    std::string path;
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = text.find('/', start);
        const std::string_view segment =
            trim_cell(text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (segment.empty()) {
            why = tr({"部门路径“{0}”中有空的层级", "the department path '{0}' has an empty part"}, text);
            return std::nullopt;
        }
        if (segment == "." || segment == "..") {
            why = tr({"部门路径“{0}”中不能有“.”或“..”", "the department path '{0}' may not contain '.' or '..'"}, text);
            return std::nullopt;
        }
        if (!path.empty()) path += '/';
        path += segment;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return path;
}

std::string parent_department(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::vector<std::string> department_and_ancestors(std::string_view path) {
    std::vector<std::string> result;
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
        result.emplace_back(path.substr(0, slash));
    result.emplace_back(path);
    return result;
}

}  // namespace exemplar
