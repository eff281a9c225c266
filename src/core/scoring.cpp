#include "core/scoring.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"

namespace exemplar {

namespace {

// The slack of every comparison of scores (SPEC §5: ranks, grades, gaps, quota).
constexpr double tolerance = 1e-9;
constexpr double gap_threshold = 15;
constexpr std::size_t self_index = index_of(Relation::self);
constexpr std::size_t head_index = index_of(Relation::head);
constexpr std::size_t peer_index = index_of(Relation::peer);
// Below this many members a second thread costs more than it saves.
constexpr std::size_t parallel_from = 2000;

bool is_answered(const Form& form, AnswerView answers, std::size_t item) {
    if (item >= answers.size() || answers[item] == unanswered) return false;
    return option_index(answers[item]) < form.scale_of(form.items[item]).options.size();
}

// compute_results() trusts its input after this: indexes in range, a form
// for every relation used, one valid code per item.
void check_input(const ScoringInput& input) {
    if (input.plan == nullptr) throw Error("scoring: the input has no plan");
    const std::size_t members = input.members.size();
    // Per relation, per item: how many options its scale has (millions of answers are checked against it).
    std::array<std::vector<std::size_t>, 3> options;
    for (const Relation relation : all_relations)
        if (const Form* form = input.forms[index_of(relation)])
            for (const Item& item : form->items) options[index_of(relation)].push_back(form->scale_of(item).options.size());
    for (std::size_t a = 0; a < input.assignments.size(); ++a) {
        const ScoringAssignment& assignment = input.assignments[a];
        if (assignment.rater >= members || assignment.ratee >= members)
            throw Error(fmt::format("scoring: assignment {} names a member out of range", a));
        const Form* form = input.forms[index_of(assignment.relation)];
        if (form == nullptr)
            throw Error(fmt::format("scoring: assignment {} is a {} rating, but the plan has no {} form", a,
                                    relation_code(assignment.relation), relation_code(assignment.relation)));
        if (assignment.answers.size() != form->items.size())
            throw Error(fmt::format("scoring: assignment {} has {} answers for the {} items of form {}", a,
                                    assignment.answers.size(), form->items.size(), form->id));
        const std::vector<std::size_t>& limits = options[index_of(assignment.relation)];
        for (std::size_t i = 0; i < limits.size(); ++i)
            if (assignment.answers[i] != unanswered && option_index(assignment.answers[i]) >= limits[i])
                throw Error(fmt::format("scoring: assignment {} answers item {} with option {}, which its scale lacks", a,
                                        form->items[i].id, assignment.answers[i]));
    }
}

// Every dimension of the plan's forms: self, head, peer form, first appearance wins.
std::vector<DimensionColumn> dimension_columns(const ScoringInput& input) {
    std::vector<DimensionColumn> columns;
    for (const Relation relation : all_relations) {
        const Form* form = input.forms[index_of(relation)];
        if (form == nullptr) continue;
        for (const Dimension& dimension : form->dimensions) {
            const bool known = std::any_of(columns.begin(), columns.end(),
                                           [&](const DimensionColumn& column) { return column.id == dimension.id; });
            if (!known) columns.push_back({dimension.id, dimension.name, input.plan->weight_of_dimension(dimension.id)});
        }
    }
    return columns;
}

// One relation's form, prepared: per dimension column the form's items with
// their weights and where their n values lie, in flat arrays (millions of
// answers go through rater_score).
struct FormTable {
    struct Term {
        std::size_t item = 0;
        double weight = 0;
        std::size_t n_at = 0;  // index of the item's first option in n
    };
    std::vector<double> n;                        // per item, per option: n
    std::vector<std::vector<Term>> column_terms;  // per column: the dimension's items in form order
    std::vector<bool> in_form;                    // per column: the form has the dimension

    FormTable() = default;
    FormTable(const Form& f, const std::vector<DimensionColumn>& columns) {
        std::vector<std::size_t> n_at(f.items.size());
        for (std::size_t i = 0; i < f.items.size(); ++i) {
            n_at[i] = n.size();
            for (const ScaleOption& option : f.scale_of(f.items[i]).options) n.push_back(f.answer_score(f.items[i], option));
        }
        for (const DimensionColumn& column : columns) {
            const auto dimension = std::find_if(f.dimensions.begin(), f.dimensions.end(),
                                                [&](const Dimension& d) { return d.id == column.id; });
            std::vector<Term> terms;
            if (dimension != f.dimensions.end())
                for (const std::size_t item : dimension->items) terms.push_back({item, f.items[item].weight, n_at[item]});
            in_form.push_back(dimension != f.dimensions.end());
            column_terms.push_back(std::move(terms));
        }
    }

    // D(a,d): the weighted mean of n over the answered items of the dimension.
    std::optional<double> rater_score(AnswerView answers, std::size_t column) const {
        if (!in_form[column]) return std::nullopt;
        double sum = 0;
        double weights = 0;
        bool any = false;
        for (const Term& term : column_terms[column]) {
            const AnswerCode code = answers[term.item];
            if (code == unanswered) continue;
            sum += term.weight * n[term.n_at + option_index(code)];
            weights += term.weight;
            any = true;
        }
        if (!any) return std::nullopt;
        return sum / weights;
    }
};

// Where the vote tallies of the peer form are counted: one block of counts
// per item whose scale has favorable labels.
struct TallyLayout {
    std::vector<std::size_t> items;               // indexes into the peer form's items
    std::vector<std::size_t> offsets;             // per listed item: its first count
    std::vector<std::vector<bool>> favorable;     // per listed item, per option
    std::size_t size = 0;

    TallyLayout() = default;
    explicit TallyLayout(const Form* form) {
        if (form == nullptr) return;
        for (std::size_t i = 0; i < form->items.size(); ++i) {
            const Scale& scale = form->scale_of(form->items[i]);
            if (scale.favorable.empty()) continue;
            items.push_back(i);
            offsets.push_back(size);
            std::vector<bool> flags;
            for (const ScaleOption& option : scale.options) flags.push_back(scale.is_favorable(option.label));
            favorable.push_back(std::move(flags));
            size += scale.options.size();
        }
    }
};

// Σ w·x / Σ w over the terms with w > 0 and x defined.
class WeightedMean {
public:
    void add(double weight, const std::optional<double>& value) {
        if (!(weight > 0) || !value) return;
        numerator_ += weight * *value;
        denominator_ += weight;
        any_ = true;
    }
    std::optional<double> value() const {
        if (!any_) return std::nullopt;
        return numerator_ / denominator_;
    }

private:
    double numerator_ = 0;
    double denominator_ = 0;
    bool any_ = false;
};

// G(p,g,d): the plain mean, trimmed of one highest and one lowest when
// asked and there are more than 5 values.
std::optional<double> group_score(const std::vector<double>& values, bool trim_extremes) {
    if (values.empty()) return std::nullopt;
    std::size_t lowest = values.size();
    std::size_t highest = values.size();
    if (trim_extremes && values.size() > 5) {
        lowest = 0;
        highest = 0;
        for (std::size_t i = 1; i < values.size(); ++i) {
            if (values[i] < values[lowest]) lowest = i;
            if (values[i] > values[highest]) highest = i;
        }
        if (lowest == highest) highest = lowest == 0 ? 1 : 0;  // all equal: drop any two
    }
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i == lowest || i == highest) continue;
        sum += values[i];
        ++count;
    }
    return sum / static_cast<double>(count);
}

// 1 + the number of sorted values that exceed `value` by more than the tolerance.
int rank_among(const std::vector<double>& ascending, double value) {
    const auto first_above = std::partition_point(ascending.begin(), ascending.end(),
                                                  [value](double other) { return !(other - value > tolerance); });
    return 1 + static_cast<int>(ascending.end() - first_above);
}

// What the flags need besides the scores.
struct PersonState {
    std::size_t department = 0;
    int assignments = 0;  // whose ratee is the person
    int submitted = 0;
    bool has_head_assignment = false;
    bool quota_tie = false;
    std::optional<std::size_t> grade;  // index into plan.grades
};

// Assignment indexes grouped by ratee, in assignment order (counting sort).
struct ByRatee {
    std::vector<std::size_t> offsets;  // members + 1
    std::vector<std::size_t> assignments;

    explicit ByRatee(const ScoringInput& input) : offsets(input.members.size() + 1, 0), assignments(input.assignments.size()) {
        for (const ScoringAssignment& assignment : input.assignments) ++offsets[assignment.ratee + 1];
        for (std::size_t p = 0; p < input.members.size(); ++p) offsets[p + 1] += offsets[p];
        std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
        for (std::size_t a = 0; a < input.assignments.size(); ++a) assignments[next[input.assignments[a].ratee]++] = a;
    }
};

class PersonScorer {
public:
    PersonScorer(const ScoringInput& input, const std::vector<DimensionColumn>& columns, const ByRatee& by_ratee)
        : input_(input), plan_(*input.plan), columns_(columns), by_ratee_(by_ratee), tally_(input.forms[peer_index]) {
        for (const Relation relation : all_relations) {
            const std::size_t r = index_of(relation);
            if (input.forms[r] != nullptr) tables_[r] = FormTable(*input.forms[r], columns);
            values_[r].resize(columns.size());
        }
        counts_.resize(tally_.size);
    }

    PersonResult score(std::size_t person, PersonState& state) {
        PersonResult result;
        result.member = person;
        for (auto& per_relation : values_)
            for (auto& per_column : per_relation) per_column.clear();
        std::fill(counts_.begin(), counts_.end(), 0);

        for (std::size_t k = by_ratee_.offsets[person]; k < by_ratee_.offsets[person + 1]; ++k) {
            const ScoringAssignment& assignment = input_.assignments[by_ratee_.assignments[k]];
            const std::size_t r = index_of(assignment.relation);
            ++state.assignments;
            if (assignment.relation == Relation::head) state.has_head_assignment = true;
            if (!assignment.submitted) continue;
            ++state.submitted;
            for (std::size_t c = 0; c < columns_.size(); ++c)
                if (const auto d = tables_[r].rater_score(assignment.answers, c)) values_[r][c].push_back(*d);
            if (assignment.relation == Relation::peer) {
                ++result.peer_count;
                count_votes(assignment.answers);
            }
        }
        result.peer_group_defined = input_.forms[peer_index] != nullptr && result.peer_count >= plan_.min_peers;

        const std::size_t n = columns_.size();
        for (const Relation relation : all_relations) {
            const std::size_t r = index_of(relation);
            auto& groups = result.groups[r];
            groups.assign(n, std::nullopt);
            if (relation == Relation::peer && !result.peer_group_defined) continue;
            for (std::size_t c = 0; c < n; ++c) groups[c] = group_score(values_[r][c], plan_.trim_extremes);
        }

        result.scores.resize(n);
        result.others.resize(n);
        result.gaps.resize(n);
        for (std::size_t c = 0; c < n; ++c) {
            WeightedMean score;
            WeightedMean others;
            for (const Relation relation : all_relations) {
                const std::size_t r = index_of(relation);
                score.add(plan_.weight_of(relation), result.groups[r][c]);
                if (relation != Relation::self) others.add(plan_.weight_of(relation), result.groups[r][c]);
            }
            result.scores[c] = score.value();
            result.others[c] = others.value();
            if (result.groups[self_index][c] && result.others[c]) result.gaps[c] = *result.groups[self_index][c] - *result.others[c];
        }

        result.total = total_of(result.scores);
        for (std::size_t r = 0; r < result.groups.size(); ++r) result.group_totals[r] = total_of(result.groups[r]);

        if (result.peer_group_defined) write_tallies(result);
        return result;
    }

private:
    // T: Σ V_d·x_d / Σ V_d over the columns with V_d > 0 and x_d defined.
    std::optional<double> total_of(const std::vector<std::optional<double>>& per_column) const {
        WeightedMean total;
        for (std::size_t c = 0; c < columns_.size(); ++c) total.add(columns_[c].weight, per_column[c]);
        return total.value();
    }

    void count_votes(AnswerView answers) {
        for (std::size_t k = 0; k < tally_.items.size(); ++k) {
            const AnswerCode code = answers[tally_.items[k]];
            if (code != unanswered) ++counts_[tally_.offsets[k] + option_index(code)];
        }
    }

    void write_tallies(PersonResult& result) const {
        for (std::size_t k = 0; k < tally_.items.size(); ++k) {
            ItemTally tally;
            tally.item = tally_.items[k];
            const std::size_t options = tally_.favorable[k].size();
            tally.counts.assign(counts_.begin() + static_cast<std::ptrdiff_t>(tally_.offsets[k]),
                                counts_.begin() + static_cast<std::ptrdiff_t>(tally_.offsets[k] + options));
            int favorable = 0;
            for (std::size_t o = 0; o < options; ++o) {
                tally.answers += tally.counts[o];
                if (tally_.favorable[k][o]) favorable += tally.counts[o];
            }
            if (tally.answers > 0) tally.favorable_rate = static_cast<double>(favorable) / tally.answers;
            result.tallies.push_back(std::move(tally));
        }
    }

    const ScoringInput& input_;
    const Plan& plan_;
    const std::vector<DimensionColumn>& columns_;
    const ByRatee& by_ratee_;
    TallyLayout tally_;
    std::array<FormTable, 3> tables_;
    std::array<std::vector<std::vector<double>>, 3> values_;  // per relation, per column: the defined D(a,d), reused
    std::vector<int> counts_;                                  // the current person's tallies, reused
};

// Unit and department ranks, then grades with the top-grade quota.
void rank_and_grade(const Plan& plan, std::size_t departments, CycleResults& results, std::vector<PersonState>& states) {
    std::vector<double> unit;
    std::vector<std::vector<double>> by_department(departments);
    for (std::size_t p = 0; p < results.people.size(); ++p) {
        if (!results.people[p].total) continue;
        unit.push_back(*results.people[p].total);
        by_department[states[p].department].push_back(*results.people[p].total);
    }
    std::sort(unit.begin(), unit.end());
    for (auto& totals : by_department) std::sort(totals.begin(), totals.end());

    const std::size_t with_total = unit.size();
    std::vector<int> rank_size(with_total + 2, 0);
    for (std::size_t p = 0; p < results.people.size(); ++p) {
        PersonResult& person = results.people[p];
        if (!person.total) continue;
        person.rank_unit = rank_among(unit, *person.total);
        person.rank_department = rank_among(by_department[states[p].department], *person.total);
        ++rank_size[static_cast<std::size_t>(*person.rank_unit)];
    }

    const auto quota = static_cast<long long>(std::floor(plan.top_grade_quota * static_cast<double>(with_total) + tolerance));
    for (std::size_t p = 0; p < results.people.size(); ++p) {
        PersonResult& person = results.people[p];
        if (!person.total) continue;
        std::optional<std::size_t> grade;
        for (std::size_t g = 0; g < plan.grades.size() && !grade; ++g)
            if (plan.grades[g].min <= *person.total + tolerance) grade = g;
        if (grade && *grade == 0) {
            const long long rank = *person.rank_unit;
            if (rank <= quota) {
                if (rank + rank_size[static_cast<std::size_t>(rank)] - 1 > quota) states[p].quota_tie = true;
            } else if (plan.grades.size() > 1) {
                grade = 1;
            } else {
                grade.reset();
            }
        }
        states[p].grade = grade;
        if (grade) person.grade = plan.grades[*grade].name;
    }
}

void write_flags(const ScoringInput& input, const std::vector<DimensionColumn>& columns, const PersonState& state,
                 PersonResult& person) {
    if (input.forms[peer_index] != nullptr && !person.peer_group_defined) person.flags.emplace_back("INSUFFICIENT_PEERS");
    if (input.forms[head_index] != nullptr && !state.has_head_assignment) person.flags.emplace_back("NO_HEAD");
    if (state.submitted < state.assignments) person.flags.emplace_back("INCOMPLETE");
    if (state.quota_tie) person.flags.emplace_back("QUOTA_TIE");
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (!person.gaps[c]) continue;
        if (*person.gaps[c] >= gap_threshold - tolerance)
            person.flags.push_back("BLIND_SPOT:" + columns[c].id);
        else if (*person.gaps[c] <= -gap_threshold + tolerance)
            person.flags.push_back("HIDDEN_STRENGTH:" + columns[c].id);
    }
}

std::vector<DepartmentResult> department_results(const Plan& plan, const std::vector<std::string>& names,
                                                 const CycleResults& results, const std::vector<PersonState>& states) {
    const std::size_t columns = results.dimensions.size();
    std::vector<DepartmentResult> departments(names.size());
    std::vector<std::vector<double>> sums(names.size(), std::vector<double>(columns, 0.0));
    std::vector<std::vector<int>> counts(names.size(), std::vector<int>(columns, 0));
    std::vector<double> total_sums(names.size(), 0.0);
    std::vector<int> total_counts(names.size(), 0);
    for (std::size_t d = 0; d < names.size(); ++d) {
        departments[d].department = names[d];
        departments[d].grade_counts.assign(plan.grades.size(), 0);
    }
    for (std::size_t p = 0; p < results.people.size(); ++p) {
        const PersonResult& person = results.people[p];
        const PersonState& state = states[p];
        const std::size_t d = state.department;
        DepartmentResult& department = departments[d];
        ++department.people;
        department.assignments += state.assignments;
        department.submitted_assignments += state.submitted;
        for (std::size_t c = 0; c < columns; ++c) {
            if (!person.scores[c]) continue;
            sums[d][c] += *person.scores[c];
            ++counts[d][c];
        }
        if (person.total) {
            total_sums[d] += *person.total;
            ++total_counts[d];
        }
        if (state.grade) ++department.grade_counts[*state.grade];
    }
    for (std::size_t d = 0; d < names.size(); ++d) {
        DepartmentResult& department = departments[d];
        if (department.assignments > 0)
            department.completion = static_cast<double>(department.submitted_assignments) / department.assignments;
        department.mean_scores.resize(columns);
        for (std::size_t c = 0; c < columns; ++c)
            if (counts[d][c] > 0) department.mean_scores[c] = sums[d][c] / counts[d][c];
        if (total_counts[d] > 0) department.mean_total = total_sums[d] / total_counts[d];
    }
    return departments;
}

}  // namespace

bool is_straight_line(const Form& form, Relation relation, AnswerView answers) {
    if (relation == Relation::peer) return false;
    int answered = 0;
    double value = 0;
    for (std::size_t i = 0; i < form.items.size(); ++i) {
        if (!is_answered(form, answers, i)) continue;
        const double option_value = form.scale_of(form.items[i]).options[option_index(answers[i])].value;
        if (answered > 0 && option_value != value) return false;
        value = option_value;
        ++answered;
    }
    return answered >= 5;
}

bool is_complete(const Form& form, AnswerView answers, bool has_comment) {
    bool any = has_comment;
    for (std::size_t i = 0; i < form.items.size(); ++i) {
        if (is_answered(form, answers, i))
            any = true;
        else if (form.items[i].required)
            return false;
    }
    return any;
}

CycleResults compute_results(const ScoringInput& input) {
    check_input(input);
    const Plan& plan = *input.plan;
    CycleResults results;
    results.dimensions = dimension_columns(input);

    // Departments: distinct member paths in byte order.
    std::vector<std::string> department_names;
    department_names.reserve(input.members.size());
    for (const ScoringMember& member : input.members) department_names.push_back(member.department);
    std::sort(department_names.begin(), department_names.end());
    department_names.erase(std::unique(department_names.begin(), department_names.end()), department_names.end());

    std::vector<PersonState> states(input.members.size());
    for (std::size_t p = 0; p < input.members.size(); ++p)
        states[p].department = static_cast<std::size_t>(
            std::lower_bound(department_names.begin(), department_names.end(), input.members[p].department) -
            department_names.begin());

    {
        // Each person's result depends on their own ratings only: two halves, two threads.
        const ByRatee by_ratee(input);
        const std::size_t members = input.members.size();
        results.people.resize(members);
        const auto score_range = [&](std::size_t first, std::size_t last) {
            PersonScorer scorer(input, results.dimensions, by_ratee);
            for (std::size_t p = first; p < last; ++p) results.people[p] = scorer.score(p, states[p]);
        };
        const std::size_t half = members >= parallel_from ? members / 2 : members;
        auto second = std::async(half < members ? std::launch::async : std::launch::deferred, score_range, half, members);
        score_range(0, half);
        second.get();
    }

    rank_and_grade(plan, department_names.size(), results, states);
    for (std::size_t p = 0; p < results.people.size(); ++p) write_flags(input, results.dimensions, states[p], results.people[p]);
    results.departments = department_results(plan, department_names, results, states);
    return results;
}

}  // namespace exemplar
