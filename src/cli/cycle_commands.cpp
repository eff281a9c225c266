#include "cli/cycle_commands.h"

#include <iostream>
#include <map>

#include "cli/database_option.h"
#include "cli/progress_bar.h"
#include "cli/terminal.h"
#include "cli/text_table.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/json_writer.h"
#include "core/name_order.h"
#include "core/translate.h"

namespace exemplar::cli {

std::string relation_word(Relation relation) {
    return current_language() == Language::chinese ? std::string(relation_chinese(relation)) : std::string(relation_code(relation));
}

namespace {
std::string percent(int part, int whole) {
    return whole == 0 ? std::string("—") : fmt::format("{:.1f}%", 100.0 * part / whole);
}
}  // namespace

int cycle_create(const std::string& database, const std::string& name, const std::string& plan_file, const std::string& unit,
                 const std::string& deadline) {
    CycleOptions options;
    options.unit_name = unit;
    if (!deadline.empty()) options.deadline = deadline;
    Database db = open_existing(database);
    ProgressBar bar;
    const CycleCreated created = create_cycle(db, name, plan_file, options, &bar);
    bar.finish();
    const Cycle& cycle = created.cycle;
    std::cout << tr({"已创建测评周期“{0}”：方案 {1}，参评 {2} 人", "created the cycle '{0}': plan {1}, {2} members"}, cycle.name, cycle.plan.id,
                    cycle.members.size())
              << '\n';
    for (const Relation relation : all_relations) {
        const Form* form = cycle.form_for(relation);
        if (form == nullptr) continue;
        std::cout << "  " << tr({"{0}：表单 {1} 第 {2} 版，{3} 项任务", "{0}: form {1} version {2}, {3} assignments"}, relation_word(relation),
                                form->id, form->version, created.assignments[index_of(relation)])
                  << '\n';
    }
    if (created.without_supervisor > 0)
        std::cout << "  " << tr({"{0} 人没有上级评价人（本部门及上级部门都没有负责人）", "{0} members have no supervisor (no head in their department or above)"},
                                created.without_supervisor)
                  << '\n';
    if (!created.small_departments.empty()) {
        std::string list;
        for (const auto& d : created.small_departments) list += (list.empty() ? "" : tr({"、", ", "})) + d;
        std::cout << "  " << tr({"以下部门人数不足，同事测评不足 {0} 份，不计同事分：{1}", "departments too small for {0} peer ratings (no peer score): {1}"},
                                cycle.plan.min_peers, list)
                  << '\n';
    }
    return 0;
}

int cycle_list(const std::string& database) {
    Database db = open_existing(database);
    const auto cycles = list_cycles(db);
    if (cycles.empty()) {
        std::cout << tr({"还没有测评周期", "no cycles yet"}) << '\n';
        return 0;
    }
    TextTable table({tr({"周期", "cycle"}), tr({"方案", "plan"}), tr({"创建时间", "created"}), tr({"状态", "state"}), tr({"人数", "members"}),
                     tr({"任务", "assignments"}), tr({"已提交", "submitted"})},
                    {false, false, false, false, true, true, true});
    for (const CycleSummary& c : cycles)
        table.add({c.name, c.plan_id, c.created_at, c.closed_at ? tr({"已关闭", "closed"}) : tr({"进行中", "open"}), std::to_string(c.members),
                   std::to_string(c.assignments), percent(c.submitted, c.assignments)});
    table.print(std::cout);
    return 0;
}

int cycle_show(const std::string& database, const std::string& name) {
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, name);
    const AssignmentSet assignments = load_assignments(db, cycle);
    const Plan& plan = cycle.plan;
    std::cout << tr({"测评周期：{0}", "cycle: {0}"}, cycle.name) << '\n';
    std::cout << tr({"状态：{0}", "state: {0}"},
                    cycle.closed() ? tr({"已于 {0} 关闭", "closed on {0}"}, *cycle.closed_at) : tr({"进行中（创建于 {0}）", "open (created {0})"}, cycle.created_at))
              << '\n';
    if (!cycle.unit_name.empty()) std::cout << tr({"单位：{0}", "unit: {0}"}, cycle.unit_name) << '\n';
    if (cycle.deadline) std::cout << tr({"截止日期：{0}", "deadline: {0}"}, *cycle.deadline) << '\n';
    std::cout << tr({"方案：{0}（{1}）", "plan: {0} ({1})"}, plan.id, cycle.plan_file) << '\n';
    for (const Relation relation : all_relations) {
        const Form* form = cycle.form_for(relation);
        if (form == nullptr) continue;
        std::cout << "  " << tr({"{0}：{1} 第 {2} 版，权重 {3}", "{0}: {1} version {2}, weight {3}"}, relation_word(relation), form->id, form->version,
                                shortest_number_text(plan.weight_of(relation)))
                  << '\n';
    }
    std::string dimensions;
    for (const auto& [id, weight] : plan.dimension_weights)
        dimensions += (dimensions.empty() ? "" : ", ") + id + " " + shortest_number_text(weight);
    std::cout << "  " << tr({"维度权重：{0}", "dimension weights: {0}"}, dimensions) << '\n';
    std::string grades;
    for (const Grade& g : plan.grades) grades += (grades.empty() ? "" : tr({"、", ", "})) + g.name + " ≥ " + shortest_number_text(g.min);
    std::cout << "  " << tr({"等次：{0}；优秀比例上限 {1}%；同事测评至少 {2} 份；同事范围：{3}{4}", "grades: {0}; top grade quota {1}%; at least {2} peer ratings; peers: {3}{4}"},
                            grades, shortest_number_text(plan.top_grade_quota * 100), plan.min_peers,
                            plan.peer_scope == PeerScope::unit ? tr({"全单位", "unit"}) : tr({"本部门", "department"}),
                            plan.trim_extremes ? tr({"；去掉最高最低分", "; extremes trimmed"}) : "")
              << '\n';

    struct Counts {
        int people = 0, total = 0, submitted = 0, draft = 0;
    };
    std::map<std::string, Counts> departments;
    Counts all;
    std::array<Counts, 3> by_relation{};
    for (const CycleMember& m : cycle.members) ++departments[m.department].people;
    for (const StoredAssignment& a : assignments.assignments) {
        Counts& d = departments[cycle.members[a.ratee].department];
        for (Counts* c : {&d, &all, &by_relation[index_of(a.relation)]}) {
            ++c->total;
            if (a.status == AssignmentStatus::submitted) ++c->submitted;
            if (a.status == AssignmentStatus::draft) ++c->draft;
        }
    }
    std::cout << tr({"参评 {0} 人，任务 {1} 项：已提交 {2}（{3}），草稿 {4}，未开始 {5}", "{0} members, {1} assignments: {2} submitted ({3}), {4} draft, {5} open"},
                    cycle.members.size(), all.total, all.submitted, percent(all.submitted, all.total), all.draft,
                    all.total - all.submitted - all.draft)
              << '\n';
    for (const Relation relation : all_relations) {
        const Counts& c = by_relation[index_of(relation)];
        if (c.total == 0) continue;
        std::cout << "  " << tr({"{0}：{1}/{2} 已提交（{3}）", "{0}: {1}/{2} submitted ({3})"}, relation_word(relation), c.submitted, c.total,
                                percent(c.submitted, c.total))
                  << '\n';
    }
    std::cout << '\n' << tr({"各部门进度（按被评价人所在部门）", "progress by department (of the people rated)"}) << '\n';
    TextTable table({tr({"部门", "department"}), tr({"人数", "people"}), tr({"任务", "assignments"}), tr({"已提交", "submitted"}),
                     tr({"草稿", "draft"}), tr({"完成率", "done"})},
                    {false, true, true, true, true, true});
    std::vector<std::string> names;
    for (const auto& [department, counts] : departments) names.push_back(department);
    const NameOrder order;
    std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) { return order.less(a, b); });
    for (const std::string& department : names) {
        const Counts& c = departments[department];
        table.add({department, std::to_string(c.people), std::to_string(c.total), std::to_string(c.submitted), std::to_string(c.draft),
                   percent(c.submitted, c.total)});
    }
    table.print(std::cout);
    return 0;
}

int cycle_close(const std::string& database, const std::string& name) {
    Database db = open_existing(database);
    close_cycle(db, name);
    std::cout << tr({"测评周期“{0}”已关闭：答案和结果不再改变", "the cycle '{0}' is closed: its answers and results no longer change"}, name) << '\n';
    return 0;
}

int cycle_delete(const std::string& database, const std::string& name, bool yes) {
    if (!yes)
        throw UsageError(tr({"删除测评周期会删去其全部任务和答案；确认请加 --yes", "deleting a cycle deletes all its assignments and answers: add --yes to confirm"}));
    Database db = open_existing(database);
    delete_cycle(db, name);
    std::cout << tr({"已删除测评周期“{0}”", "deleted the cycle '{0}'"}, name) << '\n';
    return 0;
}

}  // namespace exemplar::cli
