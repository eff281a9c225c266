// `exemplar roster import FILE` and `exemplar roster list [--csv]`.
#pragma once

#include <string>

namespace exemplar::cli {

int roster_import(const std::string& database, const std::string& file);
int roster_list(const std::string& database, bool csv);

}  // namespace exemplar::cli
