// Personal access codes (个人登录码): with them staff and heads sign in at the
// shared office computer. HR issues them per cycle and prints them as slips;
// the database keeps only salted hashes, so a code is shown exactly once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"

namespace exemplar {

struct IssuedCode {
    std::size_t member = 0;
    std::string code;  // "K7MQ-3WXP"
};

// New codes for every member of the cycle (or one member), replacing any
// issued before. Refused for a closed cycle.
std::vector<IssuedCode> issue_access_codes(Database& db, const Cycle& cycle, std::optional<std::size_t> member = std::nullopt,
                                           ProgressObserver* progress = nullptr);

// True when the code is the member's current one (case and dashes ignored).
bool check_access_code(const Database& db, const Cycle& cycle, std::size_t member, std::string_view code);

// How many members have a code.
std::size_t access_code_count(const Database& db, const Cycle& cycle);

// A printable workbook of slips to cut apart: name, department, code and how to sign in.
void write_access_slips(const std::filesystem::path& file, const Cycle& cycle, const std::vector<IssuedCode>& codes);

}  // namespace exemplar
