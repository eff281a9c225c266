#include "core/cycle_progress.h"

#include <algorithm>
#include <map>

#include "core/name_order.h"

namespace exemplar {

CycleProgress cycle_progress(const Database& db, const Cycle& cycle) {
    CycleProgress progress;
    std::map<std::string, DepartmentProgress> departments;
    std::vector<RaterProgress> raters(cycle.members.size());
    for (std::size_t m = 0; m < cycle.members.size(); ++m) {
        const CycleMember& member = cycle.members[m];
        DepartmentProgress& department = departments[member.department];
        department.department = member.department;
        ++department.people;
        raters[m] = RaterProgress{m, member.name, member.code, member.department};
    }
    const auto count = [](AssignmentStatus status, int n, int& submitted, int& draft) {
        if (status == AssignmentStatus::submitted) submitted += n;
        if (status == AssignmentStatus::draft) draft += n;
    };
    // Only who rates whom and how far: the answers are never read.
    Statement query(db, "SELECT rater, ratee, status, count(*) FROM assignments WHERE cycle_id = ? GROUP BY rater, ratee, status");
    query.bind(1, cycle.id);
    while (query.step()) {
        const auto rater = static_cast<std::size_t>(query.integer(0));
        const auto ratee = static_cast<std::size_t>(query.integer(1));
        const auto status = static_cast<AssignmentStatus>(query.integer(2));
        const auto n = static_cast<int>(query.integer(3));
        if (rater >= raters.size() || ratee >= raters.size()) continue;
        DepartmentProgress& department = departments[cycle.members[ratee].department];
        department.assignments += n;
        progress.assignments += n;
        count(status, n, department.submitted, department.draft);
        count(status, n, progress.submitted, progress.draft);
        RaterProgress& r = raters[rater];
        if (status == AssignmentStatus::open) r.open += n;
        count(status, n, r.submitted, r.draft);
    }
    const NameOrder order;
    for (auto& [path, department] : departments) progress.departments.push_back(department);
    std::stable_sort(progress.departments.begin(), progress.departments.end(),
                     [&](const DepartmentProgress& a, const DepartmentProgress& b) { return order.less(a.department, b.department); });
    for (RaterProgress& r : raters)
        if (r.tasks() > 0) progress.raters.push_back(std::move(r));
    std::sort(progress.raters.begin(), progress.raters.end(), [&](const RaterProgress& a, const RaterProgress& b) {
        if (a.department != b.department) {
            const int c = order.compare(a.department, b.department);
            return c != 0 ? c < 0 : a.department < b.department;
        }
        const int c = order.compare(a.name, b.name);
        return c != 0 ? c < 0 : a.code < b.code;
    });
    return progress;
}

std::vector<RaterProgress> unfinished_raters(const CycleProgress& progress) {
    std::vector<RaterProgress> unfinished;
    for (const RaterProgress& r : progress.raters)
        if (!r.finished()) unfinished.push_back(r);
    return unfinished;
}

}  // namespace exemplar
