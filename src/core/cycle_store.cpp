#include "core/cycle_store.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/assignment_plan.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/form_loader.h"
#include "core/plan_loader.h"
#include "core/roster.h"
#include "core/secret_hash.h"
#include "core/source_text.h"
#include "core/translate.h"

namespace exemplar {

namespace {

std::string read_text(const std::filesystem::path& path) {
    return SourceText::read_file(path, 1024 * 1024).text();
}

Refused no_such_cycle(const std::string& name) {
    return Refused(tr({"没有名为“{0}”的测评周期", "there is no cycle named '{0}'"}, name));
}

// A snapshot's form text must load as it did when it was taken.
Form snapshot_form(const std::string& cycle, const std::string& file, const std::string& yaml) {
    FormLoad loaded = parse_form(file, yaml);
    if (!loaded.form)
        throw Error(tr({"测评周期“{0}”保存的表单 {1} 无法读取", "the form {1} saved with cycle '{0}' cannot be read"}, cycle, file));
    return std::move(*loaded.form);
}

}  // namespace

std::optional<std::size_t> Cycle::member_by_code(std::string_view code) const {
    for (std::size_t i = 0; i < members.size(); ++i)
        if (members[i].code == code) return i;
    return std::nullopt;
}

std::optional<std::string> deadline_problem(const std::string& text) {
    int year = 0, month = 0, day = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 || month < 1 ||
        month > 12 || day < 1 || day > 31 || year < 2000)
        return tr({"截止日期“{0}”应写成 年-月-日，如 2026-12-31", "the deadline '{0}' must be written YYYY-MM-DD, e.g. 2026-12-31"}, text);
    return std::nullopt;
}

CycleCreated create_cycle(Database& db, const std::string& name, const std::filesystem::path& plan_file,
                          const CycleOptions& options, ProgressObserver* progress) {
    if (name.empty()) throw UsageError(tr({"测评周期名称不能为空", "the cycle name must not be empty"}));
    if (options.deadline)
        if (const auto why = deadline_problem(*options.deadline)) throw UsageError(*why);
    {
        Statement exists(db, "SELECT 1 FROM cycles WHERE name = ?");
        exists.bind(1, name);
        if (exists.step()) throw Refused(tr({"测评周期“{0}”已存在", "a cycle named '{0}' already exists"}, name));
    }
    PlanLoad plan = load_plan_file(plan_file);
    if (!plan.plan) throw InputRefused(plan.diagnostics);

    CycleCreated created;
    Cycle& cycle = created.cycle;
    cycle.name = name;
    cycle.plan_file = plan_file.string();
    cycle.plan_yaml = read_text(plan_file);
    cycle.plan = *plan.plan;
    for (const Relation relation : all_relations) {
        const std::size_t r = index_of(relation);
        if (!plan.forms[r]) continue;
        cycle.forms[r] = plan.forms[r];
        cycle.form_files[r] = plan.form_files[r].string();
        cycle.form_yaml[r] = read_text(plan.form_files[r]);
    }
    for (const Person& person : load_people(db))
        if (person.active)
            cycle.members.push_back({person.id, person.code, person.name, person.department, person.position, person.is_head});
    if (cycle.members.empty())
        throw Refused(tr({"花名册中没有在职人员，请先导入花名册", "the roster has no active people: import a roster first"}));
    cycle.created_at = local_time_text();
    cycle.deadline = options.deadline;
    cycle.unit_name = options.unit_name;
    if (cycle.unit_name.empty()) {
        std::set<std::string> tops;
        for (const CycleMember& m : cycle.members) tops.insert(m.department.substr(0, m.department.find('/')));
        if (tops.size() == 1) cycle.unit_name = *tops.begin();
    }

    const std::vector<PlannedAssignment> planned = plan_assignments(cycle.members, cycle.plan);

    Transaction transaction(db);
    Statement insert_cycle(db,
                           "INSERT INTO cycles(name, plan_file, plan_yaml, created_at, secret, unit_name, deadline) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert_cycle.bind(1, cycle.name).bind(2, cycle.plan_file).bind(3, cycle.plan_yaml).bind(4, cycle.created_at);
    insert_cycle.bind_blob(5, random_bytes(32)).bind(6, cycle.unit_name).bind(7, cycle.deadline);
    insert_cycle.run();
    cycle.id = db.last_insert_id();

    Statement insert_form(db, "INSERT INTO cycle_forms(cycle_id, relation, form_id, version, form_file, form_yaml) VALUES (?, ?, ?, ?, ?, ?)");
    for (const Relation relation : all_relations) {
        const Form* form = cycle.form_for(relation);
        if (form == nullptr) continue;
        const std::size_t r = index_of(relation);
        insert_form.bind(1, cycle.id).bind(2, static_cast<int>(r)).bind(3, form->id).bind(4, static_cast<std::int64_t>(form->version));
        insert_form.bind(5, cycle.form_files[r]).bind(6, cycle.form_yaml[r]);
        insert_form.run();
    }
    Statement insert_member(db,
                            "INSERT INTO cycle_members(cycle_id, member, person_id, code, name, department, position, is_head) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < cycle.members.size(); ++i) {
        const CycleMember& m = cycle.members[i];
        insert_member.bind(1, cycle.id).bind(2, static_cast<std::int64_t>(i)).bind(3, m.person_id).bind(4, m.code).bind(5, m.name);
        insert_member.bind(6, m.department).bind(7, m.position).bind(8, m.is_head ? 1 : 0);
        insert_member.run();
    }
    Statement insert_assignment(db, "INSERT INTO assignments(cycle_id, rater, ratee, relation, answers) VALUES (?, ?, ?, ?, ?)");
    std::array<AnswerRow, 3> empty_answers;
    for (const Relation relation : all_relations)
        if (const Form* form = cycle.form_for(relation)) empty_answers[index_of(relation)].assign(form->items.size(), unanswered);
    std::size_t done = 0;
    for (const PlannedAssignment& a : planned) {
        if (++done % 8192 == 0) report_progress(progress, "assignments", static_cast<double>(done), static_cast<double>(planned.size()));
        insert_assignment.bind(1, cycle.id).bind(2, static_cast<std::int64_t>(a.rater)).bind(3, static_cast<std::int64_t>(a.ratee));
        insert_assignment.bind(4, static_cast<int>(index_of(a.relation))).bind_blob(5, empty_answers[index_of(a.relation)]);
        insert_assignment.run();
        ++created.assignments[index_of(a.relation)];
    }
    transaction.commit();

    if (cycle.form_for(Relation::head)) {
        std::vector<bool> has_head(cycle.members.size(), false);
        for (const PlannedAssignment& a : planned)
            if (a.relation == Relation::head) has_head[a.ratee] = true;
        created.without_supervisor = static_cast<int>(std::count(has_head.begin(), has_head.end(), false));
    }
    if (cycle.form_for(Relation::peer) && cycle.plan.peer_scope == PeerScope::department) {
        std::map<std::string, int> sizes;
        for (const CycleMember& m : cycle.members) ++sizes[m.department];
        for (const auto& [department, size] : sizes)
            if (size - 1 < cycle.plan.min_peers) created.small_departments.push_back(department);
    }
    return created;
}

std::vector<CycleSummary> list_cycles(const Database& db) {
    Statement query(db,
                    "SELECT c.id, c.name, c.plan_yaml, c.created_at, c.closed_at, "
                    "(SELECT count(*) FROM cycle_members m WHERE m.cycle_id = c.id), "
                    "(SELECT count(*) FROM assignments a WHERE a.cycle_id = c.id), "
                    "(SELECT count(*) FROM assignments a WHERE a.cycle_id = c.id AND a.status = 2) "
                    "FROM cycles c ORDER BY c.created_at, c.id");
    std::vector<CycleSummary> cycles;
    while (query.step()) {
        CycleSummary summary;
        summary.name = query.text(1);
        const PlanLoad plan = parse_plan("plan", query.text(2));
        summary.plan_id = plan.plan ? plan.plan->id : std::string("?");
        summary.created_at = query.text(3);
        if (!query.is_null(4)) summary.closed_at = query.text(4);
        summary.members = static_cast<int>(query.integer(5));
        summary.assignments = static_cast<int>(query.integer(6));
        summary.submitted = static_cast<int>(query.integer(7));
        cycles.push_back(std::move(summary));
    }
    return cycles;
}

Cycle load_cycle(const Database& db, const std::string& name) {
    Cycle cycle;
    {
        Statement query(db,
                        "SELECT id, name, plan_file, plan_yaml, created_at, closed_at, unit_name, deadline FROM cycles "
                        "WHERE name = ?");
        query.bind(1, name);
        if (!query.step()) throw no_such_cycle(name);
        cycle.id = query.integer(0);
        cycle.name = query.text(1);
        cycle.plan_file = query.text(2);
        cycle.plan_yaml = query.text(3);
        cycle.created_at = query.text(4);
        if (!query.is_null(5)) cycle.closed_at = query.text(5);
        cycle.unit_name = query.text(6);
        if (!query.is_null(7)) cycle.deadline = query.text(7);
    }
    PlanLoad plan = parse_plan(cycle.plan_file, cycle.plan_yaml);
    if (!plan.plan)
        throw Error(tr({"测评周期“{0}”保存的方案无法读取", "the plan saved with cycle '{0}' cannot be read"}, cycle.name));
    cycle.plan = *plan.plan;
    {
        Statement query(db, "SELECT relation, form_file, form_yaml FROM cycle_forms WHERE cycle_id = ?");
        query.bind(1, cycle.id);
        while (query.step()) {
            const auto r = static_cast<std::size_t>(query.integer(0));
            if (r > 2) continue;
            cycle.form_files[r] = query.text(1);
            cycle.form_yaml[r] = query.text(2);
            cycle.forms[r] = snapshot_form(cycle.name, cycle.form_files[r], cycle.form_yaml[r]);
        }
    }
    {
        Statement query(db,
                        "SELECT member, person_id, code, name, department, position, is_head FROM cycle_members "
                        "WHERE cycle_id = ? ORDER BY member");
        query.bind(1, cycle.id);
        while (query.step())
            cycle.members.push_back({query.integer(1), query.text(2), query.text(3), query.text(4), query.text(5), query.integer(6) != 0});
    }
    return cycle;
}

std::vector<std::uint8_t> load_cycle_secret(const Database& db, const Cycle& cycle) {
    Statement query(db, "SELECT secret FROM cycles WHERE id = ?");
    query.bind(1, cycle.id);
    if (!query.step()) throw no_such_cycle(cycle.name);
    const auto bytes = query.blob(0);
    return {bytes.begin(), bytes.end()};
}

std::optional<std::size_t> optional_member(const Cycle& cycle, const std::string& code) {
    if (code.empty()) return std::nullopt;
    if (const auto member = cycle.member_by_code(code)) return member;
    throw Refused(tr({"测评周期“{0}”中没有工号为“{1}”的人员", "no one with the id '{1}' is in the cycle '{0}'"}, cycle.name, code));
}

void require_open(const Cycle& cycle) {
    if (cycle.closed())
        throw Refused(tr({"测评周期“{0}”已于 {1} 关闭，不能再修改", "the cycle '{0}' was closed on {1} and can no longer change"}, cycle.name,
                         *cycle.closed_at));
}

void close_cycle(Database& db, const std::string& name) {
    const Cycle cycle = load_cycle(db, name);
    require_open(cycle);
    Transaction transaction(db);
    Statement update(db, "UPDATE cycles SET closed_at = ? WHERE id = ? AND closed_at IS NULL");
    update.bind(1, local_time_text()).bind(2, cycle.id).run();
    transaction.commit();
}

void delete_cycle(Database& db, const std::string& name) {
    Transaction transaction(db);
    Statement remove(db, "DELETE FROM cycles WHERE name = ?");
    remove.bind(1, name).run();
    if (db.changes() == 0) throw no_such_cycle(name);
    transaction.commit();
}

AssignmentSet load_assignments(const Database& db, const Cycle& cycle) {
    AssignmentSet set;
    {
        Statement count(db, "SELECT count(*), coalesce(sum(length(answers)), 0) FROM assignments WHERE cycle_id = ?");
        count.bind(1, cycle.id);
        if (count.step()) {
            set.assignments.reserve(static_cast<std::size_t>(count.integer(0)));
            set.answer_bytes.reserve(static_cast<std::size_t>(count.integer(1)));
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // offset, length per assignment
    Statement query(db,
                    "SELECT a.id, a.rater, a.ratee, a.relation, a.status, a.answers, "
                    "EXISTS (SELECT 1 FROM comment_answers c WHERE c.assignment_id = a.id) "
                    "FROM assignments a WHERE a.cycle_id = ? ORDER BY a.id");
    query.bind(1, cycle.id);
    while (query.step()) {
        StoredAssignment a;
        a.id = query.integer(0);
        a.rater = static_cast<std::size_t>(query.integer(1));
        a.ratee = static_cast<std::size_t>(query.integer(2));
        a.relation = static_cast<Relation>(query.integer(3));
        a.status = static_cast<AssignmentStatus>(query.integer(4));
        a.has_comment = query.integer(6) != 0;
        const auto bytes = query.blob(5);
        ranges.emplace_back(set.answer_bytes.size(), bytes.size());
        set.answer_bytes.insert(set.answer_bytes.end(), bytes.begin(), bytes.end());
        set.assignments.push_back(a);
    }
    // Views are made last: the byte storage no longer moves.
    for (std::size_t i = 0; i < set.assignments.size(); ++i)
        set.assignments[i].answers = AnswerView(set.answer_bytes.data() + ranges[i].first, ranges[i].second);
    return set;
}

}  // namespace exemplar
