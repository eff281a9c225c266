// How far a cycle has come, for HR: per department (of the people rated) and
// per rater, counts of tasks by status. Counts only — never an answer.
//   const CycleProgress progress = cycle_progress(db, cycle);
//   for (const RaterProgress& r : progress.raters) if (!r.finished()) remind(r);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/cycle.h"
#include "core/database.h"

namespace exemplar {

struct DepartmentProgress {
    std::string department;  // path at the cycle's creation
    int people = 0;          // members in the department
    int assignments = 0;     // tasks rating them
    int submitted = 0;
    int draft = 0;
};

struct RaterProgress {
    std::size_t member = 0;
    std::string name;
    std::string code;        // 工号
    std::string department;
    int open = 0;            // tasks not started
    int draft = 0;
    int submitted = 0;
    int tasks() const { return open + draft + submitted; }
    bool finished() const { return open + draft == 0; }
};

struct CycleProgress {
    std::vector<DepartmentProgress> departments;  // 按笔画 by path
    std::vector<RaterProgress> raters;            // members with tasks: by department, then name 按姓氏笔画, then 工号
    int assignments = 0;
    int submitted = 0;
    int draft = 0;
};

CycleProgress cycle_progress(const Database& db, const Cycle& cycle);

// The raters who have not finished (open + draft > 0), in the same order.
std::vector<RaterProgress> unfinished_raters(const CycleProgress& progress);

}  // namespace exemplar
