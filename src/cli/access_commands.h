// `exemplar codes NAME --out FILE.xlsx [--rater ID]`: issues personal access
// codes for the desktop app and writes them as slips to print and cut apart.
#pragma once

#include <string>

namespace exemplar::cli {

int access_codes(const std::string& database, const std::string& cycle, const std::string& out, const std::string& rater);

}  // namespace exemplar::cli
