// The scoring engine (SPEC §5): a pure function from a cycle's snapshot and
// answers to every result — no I/O, no database, no clock.
//
//   ScoringInput input{plan, forms, members, assignments};
//   CycleResults results = compute_results(input);
//
// Undefined values are std::nullopt (shown as empty cells, never 0). Values
// are unrounded.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/answers.h"
#include "core/form.h"
#include "core/plan.h"
#include "core/relation.h"

namespace exemplar {

struct ScoringMember {
    std::string person_id;   // 工号
    std::string name;
    std::string department;  // full path, e.g. "行署办公室/秘书科"; "department" = this exact path
    std::string position;
    bool is_head = false;
};

struct ScoringAssignment {
    std::size_t rater = 0;  // index into ScoringInput::members
    std::size_t ratee = 0;  // index into ScoringInput::members
    Relation relation = Relation::self;
    bool submitted = false;
    AnswerView answers;     // one code per item of forms[relation], in Form::items order
};

struct ScoringInput {
    const Plan* plan = nullptr;
    std::array<const Form*, 3> forms{nullptr, nullptr, nullptr};  // per Relation; nullptr: relation not in the plan
    std::vector<ScoringMember> members;                           // the unit: everyone in the cycle
    std::vector<ScoringAssignment> assignments;
};

// Vote tally of one peer-form item whose scale has `favorable` (SPEC §5).
struct ItemTally {
    std::size_t item = 0;                 // index into the peer form's items
    std::vector<int> counts;              // per option of the item's scale, display order, zeros included
    int answers = 0;                      // answered submitted peer assignments
    std::optional<double> favorable_rate; // favorable answers / answers; undefined with no answers
};

struct PersonResult {
    std::size_t member = 0;  // index into ScoringInput::members
    // Per dimension column (CycleResults::dimensions):
    std::vector<std::optional<double>> scores;                  // P(p,d)
    std::array<std::vector<std::optional<double>>, 3> groups;   // G(p,g,d) per Relation
    std::vector<std::optional<double>> others;                  // Others(p,d): head and peer only
    std::vector<std::optional<double>> gaps;                    // G(p,self,d) − Others(p,d)
    std::optional<double> total;                                // T(p)
    std::array<std::optional<double>, 3> group_totals;          // T_g(p) per Relation
    std::optional<int> rank_unit;
    std::optional<int> rank_department;
    std::optional<std::string> grade;
    int peer_count = 0;              // submitted peer assignments of p
    bool peer_group_defined = false; // peer_count >= min_peers (and the plan has a peer form)
    std::vector<std::string> flags;  // SPEC §5 order
    std::vector<ItemTally> tallies;  // only when the peer group is defined
};

struct DimensionColumn {
    std::string id;
    std::string name;
    double weight = 0;  // the plan's dimension weight (0 when missing)
};

struct DepartmentResult {
    std::string department;  // full path
    int people = 0;
    int assignments = 0;           // assignments whose ratee is in it
    int submitted_assignments = 0;
    std::optional<double> completion;                  // submitted / assignments (undefined with none)
    std::vector<std::optional<double>> mean_scores;    // mean P per dimension column over people where defined
    std::optional<double> mean_total;                  // mean T over people where defined
    std::vector<int> grade_counts;                     // per plan grade, in plan order
};

struct CycleResults {
    std::vector<DimensionColumn> dimensions;  // self, head, peer form in that order; first appearance wins
    std::vector<PersonResult> people;         // one per member, members order
    std::vector<DepartmentResult> departments;// one per department with members, sorted by path (byte order)
};

// True for a self or head assignment with at least 5 answered items all
// given the same option value (SPEC §5); never changes scores.
bool is_straight_line(const Form& form, Relation relation, AnswerView answers);

// True when the answers make the assignment submitted: all required items
// answered and at least one answer (`has_comment`: a comment was answered).
bool is_complete(const Form& form, AnswerView answers, bool has_comment);

// Throws exemplar::Error when the input is inconsistent: no plan, a member
// index out of range, an assignment of a relation without a form, or answers
// that are not one valid code per item of the form.
CycleResults compute_results(const ScoringInput& input);

}  // namespace exemplar
