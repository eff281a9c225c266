#include "core/cycle_store.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "core/audit_log.h"
#include "core/assignment_bundles.h"
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
    std::array<std::size_t, 3> items{0, 0, 0};
    for (const Relation relation : all_relations)
        if (const Form* form = cycle.form_for(relation)) items[index_of(relation)] = form->items.size();
    insert_bundles(db, cycle.id, planned, items, progress);
    for (const PlannedAssignment& a : planned) ++created.assignments[index_of(a.relation)];
    audit(db, "cycle.create", cycle.name,
          {{"members", static_cast<std::int64_t>(cycle.members.size())}, {"assignments", static_cast<std::int64_t>(planned.size())}});
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
                    "(SELECT count(*) FROM cycle_members m WHERE m.cycle_id = c.id) "
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
        // Counted from the state bytes alone; the answers are not looked at.
        for_each_bundle(db, query.integer(0), [&](const BundleView& bundle) {
            summary.assignments += static_cast<int>(bundle.count);
            for (const std::uint8_t state : bundle.states) summary.submitted += status_of_state(state) == AssignmentStatus::submitted ? 1 : 0;
        }, false);
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
            // Self-review and head evaluation mostly share one form: read once.
            for (std::size_t other = 0; other < 3 && !cycle.forms[r]; ++other)
                if (other != r && cycle.forms[other] && cycle.form_files[other] == cycle.form_files[r] &&
                    cycle.form_yaml[other] == cycle.form_yaml[r])
                    cycle.forms[r] = cycle.forms[other];
            if (!cycle.forms[r]) cycle.forms[r] = snapshot_form(cycle.name, cycle.form_files[r], cycle.form_yaml[r]);
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
    audit(db, "cycle.close", cycle.name, {});
    transaction.commit();
}

void delete_cycle(Database& db, const std::string& name) {
    Transaction transaction(db);
    Statement remove(db, "DELETE FROM cycles WHERE name = ?");
    remove.bind(1, name).run();
    if (db.changes() == 0) throw no_such_cycle(name);
    audit(db, "cycle.delete", name, {});
    transaction.commit();
}

std::optional<std::size_t> AssignmentSet::find(std::size_t rater, std::size_t ratee, Relation relation) const {
    const std::size_t members = run_starts.empty() ? 0 : (run_starts.size() - 1) / 3;
    if (ratee >= members) return std::nullopt;
    const std::size_t run = index_of(relation) * members + ratee;
    const auto begin = assignments.begin() + static_cast<std::ptrdiff_t>(run_starts[run]);
    const auto end = assignments.begin() + static_cast<std::ptrdiff_t>(run_starts[run + 1]);
    const auto found = std::lower_bound(begin, end, rater, [](const StoredAssignment& a, std::size_t r) { return a.rater < r; });
    if (found == end || found->rater != rater) return std::nullopt;
    return static_cast<std::size_t>(found - assignments.begin());
}

AssignmentSet load_assignments(const Database& db, const Cycle& cycle) {
    AssignmentSet set;
    const std::size_t members = cycle.members.size();
    const auto damaged = [] { return Error(tr({"数据库中的评价任务已损坏", "the assignments in the database are damaged"})); };
    // One scan of the bundles, copied as they come (a few MB even at 10,000
    // people), then a counting sort into relation, ratee, rater order.
    struct Copied {
        std::size_t rater, count, items, at;  // at: the bundle's first byte in `bytes`: ratees, states, answers
        Relation relation;
    };
    std::vector<Copied> bundles;
    std::vector<std::uint8_t> bytes;
    std::vector<std::size_t> slot(3 * members + 1, 0);
    const auto slot_of = [&](Relation relation, std::size_t ratee) { return index_of(relation) * members + ratee; };
    std::size_t answer_total = 0;
    for_each_bundle(db, cycle.id, [&](const BundleView& bundle) {
        if (bundle.rater >= members) throw damaged();
        for (std::size_t k = 0; k < bundle.count; ++k) {
            const std::size_t ratee = bundle.ratee(k);
            if (ratee >= members) throw damaged();
            ++slot[slot_of(bundle.relation, ratee) + 1];
        }
        bundles.push_back({bundle.rater, bundle.count, bundle.items(), bytes.size(), bundle.relation});
        bytes.insert(bytes.end(), bundle.ratee_bytes.begin(), bundle.ratee_bytes.end());
        bytes.insert(bytes.end(), bundle.states.begin(), bundle.states.end());
        bytes.insert(bytes.end(), bundle.answers.begin(), bundle.answers.end());
        answer_total += bundle.answers.size();
    });
    for (std::size_t i = 1; i < slot.size(); ++i) slot[i] += slot[i - 1];
    set.run_starts = slot;
    set.assignments.resize(slot.back());
    set.answer_bytes.resize(answer_total);
    std::size_t bytes_used = 0;
    for (const Copied& bundle : bundles) {
        BundleView view;
        view.rater = bundle.rater;
        view.relation = bundle.relation;
        view.count = bundle.count;
        view.ratee_bytes = std::span<const std::uint8_t>(bytes.data() + bundle.at, 4 * bundle.count);
        const std::uint8_t* const states = bytes.data() + bundle.at + 4 * bundle.count;
        const std::uint8_t* const answers = states + bundle.count;
        for (std::size_t k = 0; k < bundle.count; ++k) {
            const std::size_t at = slot[slot_of(bundle.relation, view.ratee(k))]++;
            StoredAssignment& a = set.assignments[at];
            a.rater = bundle.rater;
            a.ratee = view.ratee(k);
            a.relation = bundle.relation;
            a.status = status_of_state(states[k]);
            a.locked = locked_of_state(states[k]);
            std::copy_n(answers + k * bundle.items, bundle.items, set.answer_bytes.begin() + static_cast<std::ptrdiff_t>(bytes_used));
            a.answers = AnswerView(set.answer_bytes.data() + bytes_used, bundle.items);
            bytes_used += bundle.items;
        }
    }
    // Bundles are read in rowid order, not by rater: sort the raters within each (relation, ratee) where needed.
    const auto by_rater = [](const StoredAssignment& x, const StoredAssignment& y) { return x.rater < y.rater; };
    for (std::size_t run = 0; run + 1 < set.run_starts.size(); ++run) {
        const auto first = set.assignments.begin() + static_cast<std::ptrdiff_t>(set.run_starts[run]);
        const auto last = set.assignments.begin() + static_cast<std::ptrdiff_t>(set.run_starts[run + 1]);
        if (!std::is_sorted(first, last, by_rater)) std::sort(first, last, by_rater);
    }
    Statement comments(db, "SELECT DISTINCT rater, ratee, relation FROM assignment_comments WHERE cycle_id = ?");
    comments.bind(1, cycle.id);
    while (comments.step()) {
        const auto relation = comments.integer(2);
        if (relation < 0 || relation > 2) continue;
        if (const auto at = set.find(static_cast<std::size_t>(comments.integer(0)), static_cast<std::size_t>(comments.integer(1)),
                                     static_cast<Relation>(relation)))
            set.assignments[*at].has_comment = true;
    }
    return set;
}

void store_assignments(Database& db, const Cycle& cycle, const AssignmentSet& set, const std::vector<std::size_t>& changed,
                       const std::string& updated_at) {
    if (changed.empty()) return;
    const std::size_t members = cycle.members.size();
    // Which bundles to rewrite: (relation, rater).
    std::vector<std::int32_t> bundle_of(3 * members, -1);
    std::vector<AssignmentBundle> bundles;
    for (const std::size_t i : changed) {
        const StoredAssignment& a = set.assignments[i];
        std::int32_t& b = bundle_of[index_of(a.relation) * members + a.rater];
        if (b >= 0) continue;
        b = static_cast<std::int32_t>(bundles.size());
        AssignmentBundle bundle;
        bundle.rater = a.rater;
        bundle.relation = a.relation;
        bundle.items = a.answers.size();
        bundles.push_back(std::move(bundle));
    }
    // The set is ordered by ratee within a relation, so each bundle gets its ratees ascending.
    for (const StoredAssignment& a : set.assignments) {
        const std::int32_t b = bundle_of[index_of(a.relation) * members + a.rater];
        if (b < 0) continue;
        AssignmentBundle& bundle = bundles[static_cast<std::size_t>(b)];
        bundle.ratees.push_back(static_cast<std::uint32_t>(a.ratee));
        bundle.states.push_back(state_byte(a.status, a.locked));
        bundle.answers.insert(bundle.answers.end(), a.answers.begin(), a.answers.end());
    }
    BundleWriter writer(db, cycle.id);
    for (const AssignmentBundle& bundle : bundles) writer.write(bundle, updated_at);
}

}  // namespace exemplar
