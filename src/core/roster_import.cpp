#include "core/roster_import.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "core/audit_log.h"
#include "core/department_path.h"
#include "core/error.h"
#include "core/person_id.h"
#include "core/roster.h"
#include "core/table_columns.h"
#include "core/translate.h"
#include "core/yes_no.h"

namespace exemplar {

namespace {

enum Column : std::size_t { id_column, name_column, department_column, position_column, head_column, active_column };
constexpr ColumnSpec roster_columns[] = {
    {"工号", "id", true},          {"姓名", "name", true}, {"部门", "department", true},
    {"职务", "position", false}, {"负责人", "head", false}, {"状态", "active", false},
};

// One person as the file gives them; optional fields were not in the file.
struct RosterRow {
    std::size_t row = 0;
    std::string code;
    std::string name;
    std::string department;
    std::optional<std::string> position;
    std::optional<bool> is_head;
    std::optional<bool> active;
};

std::string describe(const Person& person) { return person.name + "（" + person.code + "）"; }

// A file read and checked: its rows, each with the person before (null: new)
// and after the import, and every problem found (sorted by position).
struct Checked {
    std::vector<RosterRow> rows;
    std::vector<Person> existing;
    std::vector<const Person*> before;  // into existing, per row
    std::vector<Person> after;          // per row
    std::vector<Diagnostic> problems;
};

}  // namespace

// Reads and checks the whole file against the roster in `db`, writing nothing.
Checked check_roster(const Database& db, TableReader& table, ProgressObserver* progress) {
    Checked checked;
    std::vector<Diagnostic>& problems = checked.problems;
    TableColumns columns;
    try {
        columns = TableColumns::read_header(table, roster_columns);
    } catch (const InputRefused& refused) {
        problems = refused.diagnostics();
        return checked;
    }
    std::vector<std::string_view> cells;
    const bool has_position = columns.index(position_column).has_value();
    const bool has_head = columns.index(head_column).has_value();
    const bool has_active = columns.index(active_column).has_value();
    const auto column_number = [&](Column c) { return columns.index(c).value_or(0) + 1; };

    std::vector<RosterRow>& rows = checked.rows;
    std::unordered_map<std::string, std::size_t> row_of_code;
    while (table.next_row(cells)) {
        const std::size_t row = table.row_number();
        if (row % 4096 == 0) report_progress(progress, "roster", table.progress(), 1.0);
        if (is_blank_row(cells) || table.row_has_problems()) continue;
        if (!columns.fits(cells, table, problems)) continue;
        RosterRow entry;
        entry.row = row;
        const auto cell = [&](Column c) { return cell_of(columns, c, cells); };
        entry.code = std::string(cell(id_column));
        if (const auto why = person_id_problem(entry.code)) {
            problems.push_back(table.at(row, column_number(id_column), *why));
        } else if (const auto [it, inserted] = row_of_code.emplace(entry.code, row); !inserted) {
            problems.push_back(table.at(row, column_number(id_column),
                                        tr({"工号“{0}”重复（第 {1} 行已有）", "the id '{0}' is repeated (already on row {1})"}, entry.code, it->second)));
        }
        entry.name = std::string(cell(name_column));
        if (entry.name.empty()) problems.push_back(table.at(row, column_number(name_column), tr({"姓名为空", "the name is empty"})));
        const std::string_view department = cell(department_column);
        if (department.empty()) {
            problems.push_back(table.at(row, column_number(department_column), tr({"部门为空", "the department is empty"})));
        } else {
            std::string why;
            if (auto path = normalise_department_path(department, why))
                entry.department = std::move(*path);
            else
                problems.push_back(table.at(row, column_number(department_column), why));
        }
        if (has_position) entry.position = std::string(cell(position_column));
        if (has_head) {
            const YesNo head = parse_yes_no(cell(head_column));
            if (!head.known)
                problems.push_back(table.at(row, column_number(head_column),
                                            tr({"“{0}”不是是/否（可用 是/否、yes/no、true/false、1/0）",
                                                "'{0}' is not yes or no (use 是/否, yes/no, true/false or 1/0)"},
                                               cell(head_column))));
            entry.is_head = head.value.value_or(false);
        }
        if (has_active) {
            const YesNo active = parse_active(cell(active_column));
            if (!active.known)
                problems.push_back(table.at(row, column_number(active_column),
                                            tr({"“{0}”不是在职/离职（可用 在职/离职、是/否、yes/no、true/false、1/0）",
                                                "'{0}' is not active or not (use 在职/离职, 是/否, yes/no, true/false or 1/0)"},
                                               cell(active_column))));
            entry.active = active.value.value_or(true);
        }
        rows.push_back(std::move(entry));
    }
    const auto reading = table.problems();
    problems.insert(problems.end(), reading.begin(), reading.end());

    // The roster after the import, to check the one-active-head rule on it.
    checked.existing = load_people(db);
    const std::vector<Person>& existing = checked.existing;
    std::unordered_map<std::string, const Person*> existing_by_code;
    for (const Person& person : existing) existing_by_code.emplace(person.code, &person);
    struct Final {
        Person person;
        const RosterRow* row;  // nullptr: not in the file
    };
    std::map<std::string, std::vector<Final>> heads_by_department;
    std::set<std::string> codes_in_file;
    for (const RosterRow& row : rows) {
        codes_in_file.insert(row.code);
        const auto found = existing_by_code.find(row.code);
        const Person* before = found == existing_by_code.end() ? nullptr : found->second;
        Person after;
        after.code = row.code;
        after.name = row.name;
        after.department = row.department;
        after.position = row.position.value_or(before ? before->position : std::string());
        after.is_head = row.is_head.value_or(before ? before->is_head : false);
        after.active = row.active.value_or(before ? before->active : true);
        after.id = before ? before->id : 0;
        checked.before.push_back(before);
        checked.after.push_back(after);
        if (after.is_head && after.active && !after.department.empty())
            heads_by_department[after.department].push_back({after, &row});
    }
    for (const Person& person : existing)
        if (!codes_in_file.count(person.code) && person.is_head && person.active)
            heads_by_department[person.department].push_back({person, nullptr});
    for (const auto& [department, heads] : heads_by_department) {
        if (heads.size() < 2) continue;
        const Final* first = nullptr;
        for (const Final& head : heads)
            if (head.row == nullptr) first = &head;  // a head already in the roster comes first
        for (const Final& head : heads) {
            if (head.row == nullptr) continue;
            if (first == nullptr) {
                first = &head;
                continue;
            }
            problems.push_back(table.at(head.row->row, column_number(head_column),
                                        tr({"部门“{0}”已有在职负责人 {1}，一个部门只能有一名负责人",
                                            "department '{0}' already has an active head, {1}: a department has at most one"},
                                           department, describe(first->person))));
        }
    }
    sort_by_position(problems);
    return checked;
}

RosterPreview preview_roster(const Database& db, TableReader& table, ProgressObserver* progress) {
    Checked checked = check_roster(db, table, progress);
    RosterPreview preview;
    preview.problems = std::move(checked.problems);
    for (std::size_t i = 0; i < checked.rows.size(); ++i) {
        const Person* before = checked.before[i];
        const Person& after = checked.after[i];
        const RosterAction action = before == nullptr ? RosterAction::add : *before == after ? RosterAction::unchanged : RosterAction::update;
        preview.rows.push_back({checked.rows[i].row, action, after});
    }
    return preview;
}

RosterChanges import_roster(Database& db, TableReader& table, ProgressObserver* progress) {
    Checked checked = check_roster(db, table, progress);
    if (!checked.problems.empty()) throw InputRefused(checked.problems);
    const std::vector<RosterRow>& rows = checked.rows;

    RosterChanges changes;
    Transaction transaction(db);
    std::unordered_map<std::string, std::int64_t> department_ids;
    {
        Statement query(db, "SELECT path, id FROM departments");
        while (query.step()) department_ids.emplace(query.text(0), query.integer(1));
    }
    Statement insert_department(db, "INSERT INTO departments(path, parent_id) VALUES (?, ?)");
    const auto department_id = [&](const std::string& path) {
        std::int64_t parent = 0;
        for (const std::string& level : department_and_ancestors(path)) {
            auto found = department_ids.find(level);
            if (found == department_ids.end()) {
                insert_department.bind(1, level);
                if (parent != 0)
                    insert_department.bind(2, parent);
                else
                    insert_department.bind_null(2);
                insert_department.run();
                found = department_ids.emplace(level, db.last_insert_id()).first;
                ++changes.departments_added;
            }
            parent = found->second;
        }
        return parent;
    };
    Statement insert_person(db,
                            "INSERT INTO people(code, name, department_id, position, is_head, active) VALUES (?, ?, ?, ?, ?, ?)");
    Statement update_person(db,
                            "UPDATE people SET name = ?, department_id = ?, position = ?, is_head = ?, active = ? WHERE id = ?");
    for (std::size_t done = 0; done < rows.size(); ++done) {
        if ((done + 1) % 4096 == 0) report_progress(progress, "roster", static_cast<double>(done + 1), static_cast<double>(rows.size()));
        const RosterRow& row = rows[done];
        const Person* before = checked.before[done];
        const std::string& position = checked.after[done].position;
        const bool is_head = checked.after[done].is_head;
        const bool active = checked.after[done].active;
        const std::int64_t department = department_id(row.department);
        if (before == nullptr) {
            insert_person.bind(1, row.code).bind(2, row.name).bind(3, department).bind(4, position).bind(5, is_head ? 1 : 0).bind(6, active ? 1 : 0);
            insert_person.run();
            ++changes.added;
        } else if (before->name != row.name || before->department != row.department || before->position != position ||
                   before->is_head != is_head || before->active != active) {
            update_person.bind(1, row.name).bind(2, department).bind(3, position).bind(4, is_head ? 1 : 0).bind(5, active ? 1 : 0).bind(6, before->id);
            update_person.run();
            ++changes.updated;
        } else {
            ++changes.unchanged;
        }
    }
    if (changes.added + changes.updated + changes.departments_added > 0)
        audit(db, "roster.import", "",
          {{"added", static_cast<std::int64_t>(changes.added)}, {"updated", static_cast<std::int64_t>(changes.updated)},
           {"unchanged", static_cast<std::int64_t>(changes.unchanged)}, {"departments_added", static_cast<std::int64_t>(changes.departments_added)}});
    transaction.commit();
    return changes;
}

}  // namespace exemplar
