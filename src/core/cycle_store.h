// Cycles in the database: create (snapshot + assignments), list, load,
// close (freeze) and delete.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/answers.h"
#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"

namespace exemplar {

struct CycleCreated {
    Cycle cycle;
    std::array<int, 3> assignments{0, 0, 0};  // per Relation
    int without_supervisor = 0;                // members with no head assignment (when the plan has a head form)
    std::vector<std::string> small_departments;  // fewer members than min_peers + 1 (peer group can never be defined)
};

// Loads and checks the plan and its forms (refusing with located messages),
// snapshots them with the active members, and makes the assignments.
struct CycleOptions {
    std::string unit_name;                // default: the one top-level department, if there is one
    std::optional<std::string> deadline;  // YYYY-MM-DD
};
CycleCreated create_cycle(Database& db, const std::string& name, const std::filesystem::path& plan_file,
                          const CycleOptions& options = {}, ProgressObserver* progress = nullptr);

// nullopt when `text` is a date written YYYY-MM-DD, else why not.
std::optional<std::string> deadline_problem(const std::string& text);

struct CycleSummary {
    std::string name;
    std::string plan_id;
    std::string created_at;
    std::optional<std::string> closed_at;
    int members = 0;
    int assignments = 0;
    int submitted = 0;
};
std::vector<CycleSummary> list_cycles(const Database& db);

// Refused (naming the cycle) when there is none of that name.
Cycle load_cycle(const Database& db, const std::string& name);

// Freezes the cycle: later imports into it are refused. Refused when already closed.
void close_cycle(Database& db, const std::string& name);
void delete_cycle(Database& db, const std::string& name);

// The key of the cycle's questionnaire seals (it never leaves the database).
std::vector<std::uint8_t> load_cycle_secret(const Database& db, const Cycle& cycle);

// The member with this 工号, or nullopt for an empty id; Refused (naming the
// cycle) when no one in the cycle has it. For --rater style filters.
std::optional<std::size_t> optional_member(const Cycle& cycle, const std::string& code);

// Refused with a message naming the cycle when it is closed.
void require_open(const Cycle& cycle);

struct StoredAssignment {
    std::size_t rater = 0;
    std::size_t ratee = 0;
    Relation relation = Relation::self;
    AssignmentStatus status = AssignmentStatus::open;
    bool locked = false;  // submitted in the desktop app
    AnswerView answers;   // into AssignmentSet::answer_bytes
    bool has_comment = false;
};

// Every assignment of a cycle with its answers, held compactly, ordered by
// relation, then ratee, then rater (the order sums are taken in, so scores
// never change by a bit from one load to the next).
struct AssignmentSet {
    std::vector<StoredAssignment> assignments;
    std::vector<AnswerCode> answer_bytes;  // storage the views point into
    // Where the assignments of each (relation, ratee) begin: index relation × members + ratee.
    std::vector<std::size_t> run_starts;

    // The index of an assignment, or nullopt when the cycle has no such assignment.
    std::optional<std::size_t> find(std::size_t rater, std::size_t ratee, Relation relation) const;
};
AssignmentSet load_assignments(const Database& db, const Cycle& cycle);

// Writes back the assignments at `changed` (their status, locked flag and
// answers as held in `set`, which must be the whole cycle's), rewriting the
// bundles they belong to. Call inside a transaction.
void store_assignments(Database& db, const Cycle& cycle, const AssignmentSet& set, const std::vector<std::size_t>& changed,
                       const std::string& updated_at);

}  // namespace exemplar
