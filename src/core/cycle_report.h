// Everything the report writers need about one cycle, loaded and scored
// once: the snapshot, the answers, the results and the self-review comments.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/cycle.h"
#include "core/cycle_store.h"
#include "core/database.h"
#include "core/report_workbook.h"
#include "core/scoring.h"

namespace exemplar {

struct CycleReport {
    Cycle cycle;
    AssignmentSet assignments;
    ScoringInput input;  // views cycle and assignments: a CycleReport never moves
    CycleResults results;
    std::vector<std::map<std::string, std::string>> self_comments;  // per member: comment id → text
    ReportData data;

    CycleReport() = default;
    CycleReport(const CycleReport&) = delete;
    CycleReport& operator=(const CycleReport&) = delete;
};

// Refused (naming it) when there is no such cycle.
std::unique_ptr<CycleReport> load_cycle_report(const Database& db, const std::string& cycle_name);

}  // namespace exemplar
