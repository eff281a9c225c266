// One assignment opened for answering in the desktop app. Every answer is
// saved the moment it is given, so closing the window loses nothing; the
// status follows SPEC §4 (submitted once every required item is answered).
// Pressing "submit" checks the required items and then locks the task, so it
// is shown read-only from then on.
//
//   AnswerSheet sheet = AnswerSheet::open(db, cycle, rater, ratee, Relation::self);
//   sheet.set_answer(db, 0, answer_code(1));   // saved at once
//   if (auto missing = sheet.missing_required(); !missing.empty()) highlight(missing);
//   else sheet.submit(db);
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/answers.h"
#include "core/cycle.h"
#include "core/database.h"

namespace exemplar {

// A rater's task, for the list of tasks.
struct Task {
    std::size_t rater = 0;
    std::size_t ratee = 0;
    Relation relation = Relation::self;
    AssignmentStatus status = AssignmentStatus::open;
    bool locked = false;      // submitted in the app: read-only
    std::size_t answered = 0; // answered items
    std::size_t items = 0;    // items of the form
};

// The rater's tasks: self first, then head evaluations, then the ballot, ratees 按姓氏笔画.
std::vector<Task> tasks_of(const Database& db, const Cycle& cycle, std::size_t rater);

class AnswerSheet {
public:
    // Refused when there is no such assignment in the cycle.
    static AnswerSheet open(const Database& db, const Cycle& cycle, std::size_t rater, std::size_t ratee, Relation relation);

    const Form& form() const { return *form_; }
    std::size_t rater() const { return rater_; }
    std::size_t ratee() const { return ratee_; }
    Relation relation() const { return relation_; }
    Use use() const { return relation_ == Relation::self ? Use::self : Use::others; }

    AnswerCode answer(std::size_t item) const { return answers_.at(item); }
    const AnswerRow& answers() const { return answers_; }
    std::string comment(std::string_view id) const;
    AssignmentStatus status() const { return status_; }
    bool locked() const { return locked_; }
    // Read-only: locked, or the cycle is closed.
    bool read_only() const { return locked_ || closed_; }
    std::size_t answered() const;

    // Saves one answer (unanswered clears it) or one comment at once.
    // Refused when read-only.
    void set_answer(Database& db, std::size_t item, AnswerCode code);
    void set_comment(Database& db, std::string_view id, std::string_view text);

    // Required items still unanswered, in form order (indexes into form().items).
    std::vector<std::size_t> missing_required() const;

    // Refused (naming how many are missing) when a required item is unanswered;
    // otherwise locks the task.
    void submit(Database& db);

private:
    void save(Database& db, bool lock = false);
    void bind_key(Statement& statement) const;  // parameters 1–4: cycle, rater, ratee, relation

    const Cycle* cycle_ = nullptr;
    const Form* form_ = nullptr;
    std::size_t rater_ = 0;
    std::size_t ratee_ = 0;
    Relation relation_ = Relation::self;
    AnswerRow answers_;
    std::map<std::string, std::string> comments_;
    AssignmentStatus status_ = AssignmentStatus::open;
    bool locked_ = false;
    bool closed_ = false;
};

}  // namespace exemplar
