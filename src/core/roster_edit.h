// Editing the roster one person at a time (the desktop app's HR page): the
// same checks as a roster import — a valid, unique 工号, a name, a department
// path, at most one active head per department — each change in its own
// transaction. Departments are created by path as needed.
//   Person p{.code = "A10", .name = "钱八", .department = "行署办公室/综合科"};
//   p = add_person(db, p);          // p.id set
//   p.position = "科员"; update_person(db, p);
//   deactivate_person(db, p.id);
#pragma once

#include <cstdint>

#include "core/database.h"
#include "core/roster.h"

namespace exemplar {

// Adds the person (their id is ignored) and returns them as stored.
// Refused, saying every reason, when a check fails.
Person add_person(Database& db, Person person);

// Rewrites the person with `person.id` (the 工号 may change, staying unique)
// and returns them as stored. Refused when a check fails or there is no such person.
Person update_person(Database& db, Person person);

// Marks the person as no longer active (离职); they stay in the roster and in
// the cycles they belong to. Refused when there is no such person.
void deactivate_person(Database& db, std::int64_t id);

}  // namespace exemplar
