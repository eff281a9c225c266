// How assignments are kept in the database: one row per rater and relation
// (a "bundle"), holding that rater's ratees, one state byte each and all
// their answers side by side. A 10,000-person cycle has 510,000 assignments
// but only about 30,000 bundles, so creating a cycle and importing answers
// write tens of thousands of rows instead of half a million.
//
// Within a bundle the ratees are ascending member indexes; assignment k's
// answers are bytes [k × items, (k + 1) × items) of `answers`, one byte per
// item of the relation's form (see answers.h).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/answers.h"
#include "core/assignment_plan.h"
#include "core/cycle.h"
#include "core/database.h"
#include "core/progress.h"

namespace exemplar {

// A state byte: the status in the low bits, 4 when submitted in the app (locked).
inline constexpr std::uint8_t locked_state = 4;
inline std::uint8_t state_byte(AssignmentStatus status, bool locked) {
    return static_cast<std::uint8_t>(static_cast<unsigned>(status) | (locked ? locked_state : 0u));
}
inline AssignmentStatus status_of_state(std::uint8_t state) { return static_cast<AssignmentStatus>(state & 3u); }
inline bool locked_of_state(std::uint8_t state) { return (state & locked_state) != 0; }

struct AssignmentBundle {
    std::size_t rater = 0;
    Relation relation = Relation::self;
    std::vector<std::uint32_t> ratees;  // ascending member indexes
    std::vector<std::uint8_t> states;   // per ratee
    AnswerRow answers;                  // ratees.size() × items
    std::size_t items = 0;              // answer bytes per assignment

    // The position of a ratee, or nullopt when the rater has no assignment for them.
    std::optional<std::size_t> position_of(std::size_t ratee) const;
    std::span<std::uint8_t> answers_at(std::size_t position) {
        return {answers.data() + position * items, items};
    }
};

// A bundle as read, viewing the statement's bytes (valid during the visit only).
struct BundleView {
    std::size_t rater = 0;
    Relation relation = Relation::self;
    std::size_t count = 0;                    // assignments
    std::span<const std::uint8_t> ratee_bytes;  // 4 bytes little-endian each
    std::span<const std::uint8_t> states;
    std::span<const std::uint8_t> answers;
    std::size_t ratee(std::size_t k) const;
    // Answer bytes per assignment (0 for a bundle without answers).
    std::size_t items() const { return count == 0 ? 0 : answers.size() / count; }
};

// Writes the planned assignments (open, unanswered) as bundles. `items` is the
// item count of each relation's form.
void insert_bundles(Database& db, std::int64_t cycle_id, const std::vector<PlannedAssignment>& planned,
                    const std::array<std::size_t, 3>& items, ProgressObserver* progress = nullptr);

// One rater's bundle of a relation; nullopt when there is none.
std::optional<AssignmentBundle> read_bundle(const Database& db, std::int64_t cycle_id, std::size_t rater, Relation relation);

// Replaces stored bundles of the same rater and relation (they must exist),
// with one prepared statement for many bundles.
class BundleWriter {
public:
    BundleWriter(Database& db, std::int64_t cycle_id);
    void write(const AssignmentBundle& bundle, const std::string& updated_at);

private:
    Database& db_;
    std::int64_t cycle_id_;
    Statement update_;
    std::vector<std::uint8_t> ratee_bytes_;
};
void write_bundle(Database& db, std::int64_t cycle_id, const AssignmentBundle& bundle, const std::string& updated_at);

// Every bundle of a cycle, in no particular order (without reading the
// answers when `with_answers` is false: the view's answers are then empty).
// Rejects malformed rows (a damaged database) with an Error rather than
// reading past them.
void for_each_bundle(const Database& db, std::int64_t cycle_id, const std::function<void(const BundleView&)>& visit,
                     bool with_answers = true);


// Schema migration 4: moves assignments kept one row each (schema 3) into bundles.
void move_assignments_into_bundles(Database& db);

}  // namespace exemplar
