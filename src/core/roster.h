// The office's people and departments as stored in the database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/database.h"

namespace exemplar {

struct Person {
    std::int64_t id = 0;     // database row
    std::string code;        // 工号
    std::string name;
    std::string department;  // full path
    std::string position;
    bool is_head = false;
    bool active = true;

    bool operator==(const Person&) const = default;
};

// Everyone in the roster, ordered by 工号 (byte order).
std::vector<Person> load_people(const Database& db);

// Every department path, parents included, sorted.
std::vector<std::string> load_departments(const Database& db);

}  // namespace exemplar
