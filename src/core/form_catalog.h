// Finding a form by its id (SPEC §3): among the .yaml files of the plan's own
// folder first, then among the bundled forms.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace exemplar {

struct FormSearch {
    std::vector<std::filesystem::path> files;  // every file in the first folder that has it
    bool found() const { return !files.empty(); }
};

// Searches the folders in order and stops at the first that holds the id.
// A file counts when it parses and its top-level `form:` equals the id;
// files that do not parse are skipped here (validation reports them).
FormSearch find_form(const std::string& form_id, const std::vector<std::filesystem::path>& folders);

}  // namespace exemplar
