// A form as JSON with the keys of the form file (SPEC §2), so that the JSON
// loads back through the form loader to the same form (JSON is YAML).
#pragma once

#include <string>

#include "core/form.h"

namespace exemplar {

std::string form_to_json(const Form& form);

}  // namespace exemplar
