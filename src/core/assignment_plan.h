// Who rates whom in a cycle (SPEC §3), from the members and the plan alone.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/cycle.h"
#include "core/plan.h"

namespace exemplar {

struct PlannedAssignment {
    std::size_t rater = 0;  // member index
    std::size_t ratee = 0;  // member index
    Relation relation = Relation::self;
};

// The supervisor of each member: the head of its department; for that head,
// or when the department has no head, the head of the nearest ancestor
// department that has one. nullopt: no supervisor.
std::vector<std::optional<std::size_t>> find_supervisors(const std::vector<CycleMember>& members);

// self for everyone, head from the supervisor, peer from every other member
// of the department (or the unit); only relations the plan has a form for.
// Ordered by relation, then ratee, then rater.
std::vector<PlannedAssignment> plan_assignments(const std::vector<CycleMember>& members, const Plan& plan);

}  // namespace exemplar
