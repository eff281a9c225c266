// yaml-cpp's syntax error messages in the user's language.
#pragma once

#include <string>

namespace exemplar {

// The message for a yaml-cpp parser error text (its ErrorMsg constants);
// unknown texts are returned as they are.
std::string describe_yaml_error(const std::string& yaml_cpp_message);

}  // namespace exemplar
