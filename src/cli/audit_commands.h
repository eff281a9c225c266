// `exemplar audit [--cycle NAME] [--csv]`: the database's audit log (what
// changed, when, by whom, in counts; never answers).
#pragma once

#include <string>

namespace exemplar::cli {

int audit_list(const std::string& database, const std::string& cycle, bool csv);

}  // namespace exemplar::cli
