// Reads and validates a form file (SPEC §2). Every problem found is reported,
// located as FILE:LINE:COLUMN; the form is returned only when there are none.
//   FormLoad loaded = load_form_file("forms/five-exemplars.yaml");
//   if (loaded.form) use(*loaded.form); else print(loaded.diagnostics);
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/form.h"

namespace exemplar {

struct FormLoad {
    std::optional<Form> form;
    std::vector<Diagnostic> diagnostics;
};

FormLoad parse_form(std::string display_name, std::string text);
FormLoad load_form_file(const std::filesystem::path& path);

}  // namespace exemplar
