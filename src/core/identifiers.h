// The spelling rules for ids in forms and plans (SPEC §2, §3).
#pragma once

#include <string_view>

namespace exemplar {

// Form and plan ids: [a-z0-9-]+
bool is_file_id(std::string_view id);

// Dimension, facet, item, comment and scale ids: [A-Za-z0-9_-]+ (case-sensitive)
bool is_element_id(std::string_view id);

}  // namespace exemplar
