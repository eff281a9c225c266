#include "core/roster.h"

namespace exemplar {

std::vector<Person> load_people(const Database& db) {
    Statement query(db,
                    "SELECT p.id, p.code, p.name, d.path, p.position, p.is_head, p.active "
                    "FROM people p JOIN departments d ON d.id = p.department_id ORDER BY p.code");
    std::vector<Person> people;
    while (query.step())
        people.push_back(Person{query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                                query.integer(5) != 0, query.integer(6) != 0});
    return people;
}

std::vector<std::string> load_departments(const Database& db) {
    Statement query(db, "SELECT path FROM departments ORDER BY path");
    std::vector<std::string> paths;
    while (query.step()) paths.push_back(query.text(0));
    return paths;
}

}  // namespace exemplar
