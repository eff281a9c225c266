#include "core/cycle_scoring.h"

namespace exemplar {

ScoringInput scoring_input(const Cycle& cycle, const AssignmentSet& assignments) {
    ScoringInput input;
    input.plan = &cycle.plan;
    for (const Relation relation : all_relations) input.forms[index_of(relation)] = cycle.form_for(relation);
    input.members.reserve(cycle.members.size());
    for (const CycleMember& m : cycle.members) input.members.push_back({m.code, m.name, m.department, m.position, m.is_head});
    input.assignments.reserve(assignments.assignments.size());
    for (const StoredAssignment& a : assignments.assignments)
        input.assignments.push_back({a.rater, a.ratee, a.relation, a.status == AssignmentStatus::submitted, a.answers});
    return input;
}

}  // namespace exemplar
