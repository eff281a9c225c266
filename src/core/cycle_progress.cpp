#include "core/cycle_progress.h"

#include <algorithm>
#include <map>

#include "core/assignment_bundles.h"
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
    const auto count = [](AssignmentStatus status, int& submitted, int& draft) {
        if (status == AssignmentStatus::submitted) ++submitted;
        if (status == AssignmentStatus::draft) ++draft;
    };
    std::vector<DepartmentProgress*> department_of(cycle.members.size());
    for (std::size_t m = 0; m < cycle.members.size(); ++m) department_of[m] = &departments[cycle.members[m].department];
    // Only who rates whom and how far: the answers are never read.
    for_each_bundle(db, cycle.id, [&](const BundleView& bundle) {
        if (bundle.rater >= raters.size()) return;
        RaterProgress& r = raters[bundle.rater];
        for (std::size_t k = 0; k < bundle.count; ++k) {
            const std::size_t ratee = bundle.ratee(k);
            if (ratee >= raters.size()) continue;
            const AssignmentStatus status = status_of_state(bundle.states[k]);
            DepartmentProgress& department = *department_of[ratee];
            ++department.assignments;
            ++progress.assignments;
            count(status, department.submitted, department.draft);
            count(status, progress.submitted, progress.draft);
            if (status == AssignmentStatus::open) ++r.open;
            count(status, r.submitted, r.draft);
        }
    }, false);
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
