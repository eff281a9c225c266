// `exemplar assignments NAME [--csv] [--rater ID] [--status S]`: who rates
// whom, with status and flags; never any answer.
#pragma once

#include <string>

namespace exemplar::cli {

int assignments_list(const std::string& database, const std::string& cycle, bool csv, const std::string& rater,
                     const std::string& status);

}  // namespace exemplar::cli
