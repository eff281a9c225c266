// The answers one file gives a cycle, checked against the cycle and merged
// over what is stored: the common core of importing long-format files and
// offline questionnaires (SPEC §4, §7). Nothing is written until commit(),
// and nothing at all when any answer was refused.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/cycle.h"
#include "core/database.h"
#include "core/diagnostic.h"
#include "core/progress.h"

namespace exemplar {

// Where each field of one answer came from, for messages.
class AnswerPlace {
public:
    enum class Field { rater, ratee, relation, item, answer };
    virtual ~AnswerPlace() = default;
    virtual Diagnostic at(Field field, std::string message) const = 0;
    // A compact, non-zero mark of this place, kept for every answer so that a
    // later conflicting answer can say where the first one was.
    virtual std::uint64_t mark() const = 0;
    // "row 7" or "自评!D7": the answer cell of a place marked earlier in the same file.
    virtual std::string describe(std::uint64_t mark) const = 0;
};

struct ResponsesImported {
    std::size_t answers = 0;     // answers given (blank ones not counted)
    std::size_t touched = 0;     // assignments the file answers
    std::size_t changed = 0;     // of those, assignments whose stored answers changed
    std::size_t submitted = 0;   // of those touched, submitted now
    std::size_t incomplete = 0;  // of those touched, still not submitted
};

class AnswerMerge {
public:
    // Loads the cycle's assignments and lookup tables once. Refuses a closed cycle.
    AnswerMerge(const Database& db, const Cycle& cycle);
    ~AnswerMerge();
    AnswerMerge(const AnswerMerge&) = delete;
    AnswerMerge& operator=(const AnswerMerge&) = delete;

    // One answer: ids and words as found in the file (trimmed). A blank
    // answer is counted but never clears an earlier one. Problems are kept.
    // `same_ids`: the caller knows rater, ratee and relation are those of the
    // add() just before (they are then not compared again).
    void add(std::string_view rater, std::string_view ratee, std::string_view relation, std::string_view item,
             std::string_view answer, const AnswerPlace& place, bool same_ids = false);
    void add_problem(Diagnostic diagnostic);

    const std::vector<Diagnostic>& problems() const;
    bool refused() const { return !problems().empty(); }
    // Lots of problems: the caller may stop checking further answers.
    bool enough_problems() const { return problems().size() > 1000; }

    // The assignment an answer belongs to, once the ids and relation are known (for questionnaires).
    std::size_t pending_assignments() const;

    // Writes the merged answers in one transaction. Call only when nothing was refused.
    ResponsesImported commit(Database& db, ProgressObserver* progress = nullptr);

    // Item ids of a pending assignment that are required and still unanswered
    // (rater, ratee and relation as member indexes).
    std::vector<std::string> missing_required(std::size_t rater, std::size_t ratee, Relation relation) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exemplar
