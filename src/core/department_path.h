// Department paths (SPEC §4): "上级/下级" nests departments. Segments are
// trimmed; an empty, "." or ".." segment is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exemplar {

// The normalised path ("行署办公室/秘书科"), or nullopt with `why` set.
std::optional<std::string> normalise_department_path(std::string_view text, std::string& why);

// "a/b/c" → "a/b"; "a" → "".
std::string parent_department(std::string_view path);

// "a/b/c" → {"a", "a/b", "a/b/c"}
std::vector<std::string> department_and_ancestors(std::string_view path);

}  // namespace exemplar
