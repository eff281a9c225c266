// A cycle (考核周期) as stored: its own snapshot of the plan, the forms and
// each member's department, position and head status at creation, so later
// edits to the roster or the form files never change it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/form.h"
#include "core/plan.h"
#include "core/relation.h"

namespace exemplar {

struct CycleMember {
    std::int64_t person_id = 0;  // people row
    std::string code;            // 工号
    std::string name;
    std::string department;      // path at creation
    std::string position;
    bool is_head = false;
};

struct Cycle {
    std::int64_t id = 0;
    std::string name;
    std::string plan_file;
    std::string plan_yaml;
    Plan plan;
    std::array<std::optional<Form>, 3> forms;  // per Relation
    std::array<std::string, 3> form_files;
    std::array<std::string, 3> form_yaml;
    std::string created_at;
    std::optional<std::string> closed_at;
    std::string unit_name;                 // 单位 for titles; may be empty
    std::optional<std::string> deadline;   // YYYY-MM-DD
    std::vector<CycleMember> members;  // index = member number

    bool closed() const { return closed_at.has_value(); }
    const Form* form_for(Relation relation) const {
        const auto& form = forms[index_of(relation)];
        return form ? &*form : nullptr;
    }
    // Member index by 工号, or nullopt.
    std::optional<std::size_t> member_by_code(std::string_view code) const;
};

enum class AssignmentStatus { open = 0, draft = 1, submitted = 2 };

}  // namespace exemplar
