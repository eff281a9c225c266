// `exemplar plan validate FILE…`: a plan and the forms it names.
#pragma once

#include <string>
#include <vector>

namespace exemplar::cli {

int plan_validate(const std::vector<std::string>& files);

}  // namespace exemplar::cli
