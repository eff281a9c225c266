// `exemplar results NAME [--csv]`: the HR导入 table (SPEC §6).
#pragma once

#include <string>

namespace exemplar::cli {

int results(const std::string& database, const std::string& cycle, bool csv);

}  // namespace exemplar::cli
