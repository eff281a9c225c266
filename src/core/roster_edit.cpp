#include "core/roster_edit.h"

#include <string>
#include <vector>

#include "core/audit_log.h"
#include "core/department_path.h"
#include "core/error.h"
#include "core/person_id.h"
#include "core/table_reader.h"
#include "core/translate.h"

namespace exemplar {
namespace {

// The person trimmed and normalised, or Refused with every reason.
Person checked(const Database& db, Person person) {
    person.code = std::string(trim_cell(person.code));
    person.name = std::string(trim_cell(person.name));
    person.position = std::string(trim_cell(person.position));
    std::vector<std::string> problems;
    const std::vector<Person> people = load_people(db);
    if (const auto why = person_id_problem(person.code)) {
        problems.push_back(*why);
    } else {
        for (const Person& other : people)
            if (other.code == person.code && other.id != person.id)
                problems.push_back(tr({"工号“{0}”已由 {1} 使用", "the id '{0}' is already used by {1}"}, person.code, other.name));
    }
    if (person.name.empty()) problems.push_back(tr({"姓名为空", "the name is empty"}));
    if (trim_cell(person.department).empty()) {
        problems.push_back(tr({"部门为空", "the department is empty"}));
    } else {
        std::string why;
        if (auto path = normalise_department_path(person.department, why))
            person.department = std::move(*path);
        else
            problems.push_back(why);
    }
    if (person.is_head && person.active)
        for (const Person& other : people)
            if (other.id != person.id && other.is_head && other.active && other.department == person.department)
                problems.push_back(tr({"部门“{0}”已有在职负责人 {1}（{2}），一个部门只能有一名负责人",
                                       "department '{0}' already has an active head, {1} ({2}): a department has at most one"},
                                      person.department, other.name, other.code));
    if (!problems.empty()) {
        std::string message;
        for (const std::string& problem : problems) message += (message.empty() ? "" : tr({"；", "; "})) + problem;
        throw Refused(message);
    }
    return person;
}

// The id of the department at `path`, creating it and its ancestors as needed.
std::int64_t department_id(Database& db, const std::string& path) {
    std::int64_t parent = 0;
    for (const std::string& level : department_and_ancestors(path)) {
        Statement find(db, "SELECT id FROM departments WHERE path = ?");
        find.bind(1, level);
        if (find.step()) {
            parent = find.integer(0);
            continue;
        }
        Statement insert(db, "INSERT INTO departments(path, parent_id) VALUES (?, ?)");
        insert.bind(1, level);
        if (parent != 0)
            insert.bind(2, parent);
        else
            insert.bind_null(2);
        insert.run();
        parent = db.last_insert_id();
    }
    return parent;
}

[[noreturn]] void no_such_person(std::int64_t id) {
    throw Refused(tr({"名册中没有编号为 {0} 的人员", "there is no person {0} in the roster"}, id));
}

}  // namespace

Person add_person(Database& db, Person person) {
    person.id = 0;
    Transaction transaction(db);
    person = checked(db, person);
    Statement insert(db, "INSERT INTO people(code, name, department_id, position, is_head, active) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, person.code).bind(2, person.name).bind(3, department_id(db, person.department)).bind(4, person.position);
    insert.bind(5, person.is_head ? 1 : 0).bind(6, person.active ? 1 : 0);
    insert.run();
    person.id = db.last_insert_id();
    audit(db, "roster.add", "", {{"people", 1}});
    transaction.commit();
    return person;
}

Person update_person(Database& db, Person person) {
    Transaction transaction(db);
    {
        Statement exists(db, "SELECT 1 FROM people WHERE id = ?");
        exists.bind(1, person.id);
        if (!exists.step()) no_such_person(person.id);
    }
    person = checked(db, person);
    Statement update(db, "UPDATE people SET code = ?, name = ?, department_id = ?, position = ?, is_head = ?, active = ? WHERE id = ?");
    update.bind(1, person.code).bind(2, person.name).bind(3, department_id(db, person.department)).bind(4, person.position);
    update.bind(5, person.is_head ? 1 : 0).bind(6, person.active ? 1 : 0).bind(7, person.id);
    update.run();
    audit(db, "roster.update", "", {{"people", 1}});
    transaction.commit();
    return person;
}

void deactivate_person(Database& db, std::int64_t id) {
    Transaction transaction(db);
    Statement update(db, "UPDATE people SET active = 0 WHERE id = ?");
    update.bind(1, id);
    update.run();
    if (db.changes() == 0) no_such_person(id);
    audit(db, "roster.deactivate", "", {{"people", 1}});
    transaction.commit();
}

}  // namespace exemplar
