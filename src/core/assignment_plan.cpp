#include "core/assignment_plan.h"

#include <map>
#include <string>
#include <unordered_map>

#include "core/department_path.h"

namespace exemplar {

std::vector<std::optional<std::size_t>> find_supervisors(const std::vector<CycleMember>& members) {
    std::unordered_map<std::string, std::size_t> head_of;
    for (std::size_t i = 0; i < members.size(); ++i)
        if (members[i].is_head) head_of.emplace(members[i].department, i);
    std::vector<std::optional<std::size_t>> supervisors(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
        std::string department = members[i].department;
        while (!department.empty()) {
            const auto found = head_of.find(department);
            if (found != head_of.end() && found->second != i) {
                supervisors[i] = found->second;
                break;
            }
            department = parent_department(department);
        }
    }
    return supervisors;
}

std::vector<PlannedAssignment> plan_assignments(const std::vector<CycleMember>& members, const Plan& plan) {
    std::vector<PlannedAssignment> result;
    if (plan.form_for(Relation::self))
        for (std::size_t i = 0; i < members.size(); ++i) result.push_back({i, i, Relation::self});
    if (plan.form_for(Relation::head)) {
        const auto supervisors = find_supervisors(members);
        for (std::size_t i = 0; i < members.size(); ++i)
            if (supervisors[i]) result.push_back({*supervisors[i], i, Relation::head});
    }
    if (plan.form_for(Relation::peer)) {
        if (plan.peer_scope == PeerScope::unit) {
            for (std::size_t ratee = 0; ratee < members.size(); ++ratee)
                for (std::size_t rater = 0; rater < members.size(); ++rater)
                    if (rater != ratee) result.push_back({rater, ratee, Relation::peer});
        } else {
            std::map<std::string, std::vector<std::size_t>> by_department;
            for (std::size_t i = 0; i < members.size(); ++i) by_department[members[i].department].push_back(i);
            for (std::size_t ratee = 0; ratee < members.size(); ++ratee)
                for (const std::size_t rater : by_department[members[ratee].department])
                    if (rater != ratee) result.push_back({rater, ratee, Relation::peer});
        }
    }
    return result;
}

}  // namespace exemplar
