// Reads and validates a plan file (SPEC §3) together with the forms it names:
// every rule the plan and its forms can break is reported, located.
//   PlanLoad loaded = load_plan_file("templates/plans/annual.yaml");
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/form.h"
#include "core/plan.h"

namespace exemplar {

struct PlanLoad {
    std::optional<Plan> plan;
    std::array<std::optional<Form>, 3> forms;          // per Relation, when the plan names one
    std::array<std::filesystem::path, 3> form_files;   // where each was found
    std::vector<Diagnostic> diagnostics;
};

// The plan alone: keys, types and ranges; forms are not looked up.
PlanLoad parse_plan(std::string display_name, std::string text);

// The plan and its forms, looked up in the plan's folder and then in
// `bundled_forms` (default: the bundled forms folder).
PlanLoad load_plan_file(const std::filesystem::path& path,
                        std::optional<std::filesystem::path> bundled_forms = std::nullopt);

}  // namespace exemplar
