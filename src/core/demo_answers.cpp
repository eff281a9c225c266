#include "core/demo_answers.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "core/assignment_plan.h"
#include "core/csv_writer.h"

namespace exemplar {

namespace {

// What people write in the two comment questions of the self-review.
constexpr const char* gaps[] = {
    "理论学习不够系统，学用结合还有差距。",
    "有时满足于完成交办任务，主动谋划不够。",
    "办文办会中细节把关还不够严，偶有疏漏。",
    "面对急难险重任务，迎难而上的劲头还需加强。",
    "调查研究不够深入，掌握一手情况不够全面。",
};
constexpr const char* measures[] = {
    "制定个人学习计划，每周至少精读一篇重要论述。",
    "对照“急事快办、大事细办”的要求，建立工作台账，逐项销号。",
    "严格落实文稿三审制度，做到不当“差不多”先生。",
    "主动承担重点任务，做到随叫随到、不讲条件。",
    "坚持自省自警，管住小节，守住底线。",
};

// The option of a scale nearest to a wanted position between its lowest (0) and highest (1) value.
std::size_t option_near(const Scale& scale, double position) {
    const auto [lo_it, hi_it] = std::minmax_element(scale.options.begin(), scale.options.end(),
                                                    [](const ScaleOption& a, const ScaleOption& b) { return a.value < b.value; });
    const double wanted = lo_it->value + std::clamp(position, 0.0, 1.0) * (hi_it->value - lo_it->value);
    std::size_t best = 0;
    for (std::size_t i = 1; i < scale.options.size(); ++i)
        if (std::fabs(scale.options[i].value - wanted) < std::fabs(scale.options[best].value - wanted)) best = i;
    return best;
}

}  // namespace

std::string simulate_answers_csv(const Cycle& cycle, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const std::size_t n = cycle.members.size();
    std::vector<double> quality(n), leniency(n);
    for (std::size_t i = 0; i < n; ++i) {
        quality[i] = 0.55 * normal(random);
        leniency[i] = 0.25 * normal(random);
    }
    const std::size_t straight_liner = n > 3 ? 3 : 0;

    CsvWriter csv(false);
    csv.header({"评价人工号", "被评价人工号", "关系", "题号", "答案"});
    const auto row = [&](std::size_t rater, std::size_t ratee, Relation relation, const std::string& item, const std::string& answer) {
        csv.row({cycle.members[rater].code, cycle.members[ratee].code, std::string(relation_chinese(relation)), item, answer});
    };
    for (const PlannedAssignment& a : plan_assignments(cycle.members, cycle.plan)) {
        const Form* form = cycle.form_for(a.relation);
        if (form == nullptr) continue;
        const double chance = uniform(random);
        // Some ballots never come back; a few self-reviews miss one required item.
        if (a.relation == Relation::peer && chance < 0.07) continue;
        const bool skip_one = a.relation == Relation::self && chance < 0.06;
        const double lean = a.relation == Relation::self ? 0.45 : 0.0;
        const double base = quality[a.ratee] + leniency[a.rater] + lean;
        for (std::size_t i = 0; i < form->items.size(); ++i) {
            if (skip_one && i == form->items.size() / 2) continue;
            const Item& item = form->items[i];
            const Scale& scale = form->scale_of(item);
            double z = base + 0.45 * normal(random);
            if (a.relation == Relation::self && a.ratee == straight_liner) z = 5;  // one straight-lined self-review
            // Good conduct pushes agreement up and the frequency of warned-against conduct down.
            double position = a.relation == Relation::peer ? 0.72 + 0.22 * z : 0.78 + 0.2 * z;
            if (item.reverse) position = a.relation == Relation::self && a.ratee == straight_liner ? 1.0 : 1.0 - position;
            row(a.rater, a.ratee, a.relation, item.id, scale.options[option_near(scale, position)].label);
        }
        if (a.relation == Relation::self) {
            for (const Comment& comment : form->comments) {
                const auto pick = random() % 5;
                const bool is_gap = comment.self_wording.find("差距") != std::string::npos;
                row(a.rater, a.ratee, a.relation, comment.id, is_gap ? gaps[pick] : measures[pick]);
            }
        }
    }
    return csv.str();
}

}  // namespace exemplar
