// Where the bundled forms and templates are: $EXEMPLAR_DATA_DIR when set,
// else share/exemplar beside the installed program, else the source tree the
// program was built from.
#pragma once

#include <filesystem>

namespace exemplar {

std::filesystem::path bundled_data_dir();
std::filesystem::path bundled_forms_dir();      // <data>/forms
std::filesystem::path bundled_templates_dir();  // <data>/templates

}  // namespace exemplar
