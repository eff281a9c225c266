// `exemplar form validate FILE…` and `exemplar form show FILE [--json]`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/form.h"

namespace exemplar::cli {

int form_validate(const std::vector<std::string>& files);

// `wording`: whose wording to print; default: self-review when the form has it.
int form_show(const std::string& file, bool json, std::optional<Use> wording);

}  // namespace exemplar::cli
