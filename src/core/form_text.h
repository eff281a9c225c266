// A questionnaire as people will see it, as text: grouped by exemplar and
// facet, each item with its options, the scales with their points, and the
// comment questions. Used by `exemplar form show` and the desktop app.
#pragma once

#include <string>

#include "core/form.h"

namespace exemplar {

std::string form_as_text(const Form& form, Use use);

}  // namespace exemplar
