// A small office in a fresh database for CLI tests: nine people in nested
// departments (one without a head, one person inactive), and the bundled
// annual plan.
//   行署办公室          A01 王主任 (head), A09 孙七
//   行署办公室/秘书科   A02 李科长 (head), A03 张一, A04 赵二, A05 陈三, A08 郑六 (inactive)
//   行署办公室/综合科   A06 周四, A07 吴五 (no head: they climb to A01)
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/cycle.h"
#include "core/database.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace exemplar::testing {

extern const char* const office_roster;

class Office {
public:
    Office();
    TempDir dir;
    std::string db;

    ProcessResult exemplar(std::vector<std::string> arguments, const std::string& language = "en") const;
    // Runs and expects exit 0.
    std::string ok(std::vector<std::string> arguments) const;
    // Writes a file into the office folder; returns its path.
    std::string file(const std::string& name, const std::string& text) const;
    // The database file's bytes (all connections are closed between commands).
    std::string database_bytes() const;
    // Imports the roster and creates the cycle "2026年度" under the bundled annual plan.
    void start_cycle() const;
};

// Through the core, into an empty database: the schema and the office roster…
void import_office_roster(Database& db);
// …and the cycle "2026年度" under the bundled annual plan.
void start_office_cycle(Database& db);

// Sets the status of `rater`'s first `limit` tasks (all when -1), in
// relation then ratee order, straight in the stored bundles.
void set_rater_status(Database& db, const Cycle& cycle, std::size_t rater, AssignmentStatus status, int limit = -1);

// The ids of the items of a bundled form, in form order.
std::vector<std::string> item_ids(const std::string& form_file);

}  // namespace exemplar::testing
