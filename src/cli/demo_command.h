// `exemplar demo --out DIR`: the main job on the bundled demo office — a
// fresh database, the roster, the default plan, a cycle with simulated
// answers, then the report, report cards, questionnaires and the HR sheet.
#pragma once

#include <string>

namespace exemplar::cli {

int demo(const std::string& folder);

}  // namespace exemplar::cli
