// `exemplar responses import NAME FILE…`: long-format answer files, each
// imported whole or not at all, in the order given.
#pragma once

#include <string>
#include <vector>

namespace exemplar::cli {

int responses_import(const std::string& database, const std::string& cycle, const std::vector<std::string>& files);

}  // namespace exemplar::cli
