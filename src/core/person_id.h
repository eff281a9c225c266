// What a person id (工号) may be: text without '/', '\' or control characters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace exemplar {

// nullopt when the id is acceptable, else why not (in the user's language).
std::optional<std::string> person_id_problem(std::string_view id);

}  // namespace exemplar
