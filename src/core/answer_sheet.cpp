#include "core/answer_sheet.h"

#include <algorithm>

#include "core/clock.h"
#include "core/error.h"
#include "core/name_order.h"
#include "core/scoring.h"
#include "core/translate.h"

namespace exemplar {

std::vector<Task> tasks_of(const Database& db, const Cycle& cycle, std::size_t rater) {
    std::vector<Task> tasks;
    Statement query(db, "SELECT ratee, relation, status, locked, answers FROM assignments WHERE cycle_id = ? AND rater = ?");
    query.bind(1, cycle.id).bind(2, static_cast<std::int64_t>(rater));
    while (query.step()) {
        Task task;
        task.rater = rater;
        task.ratee = static_cast<std::size_t>(query.integer(0));
        task.relation = static_cast<Relation>(query.integer(1));
        task.status = static_cast<AssignmentStatus>(query.integer(2));
        task.locked = query.integer(3) != 0;
        const auto answers = query.blob(4);
        task.answered = static_cast<std::size_t>(std::count_if(answers.begin(), answers.end(), [](AnswerCode c) { return c != unanswered; }));
        if (const Form* form = cycle.form_for(task.relation)) task.items = form->items.size();
        tasks.push_back(task);
    }
    const NameOrder order;
    std::sort(tasks.begin(), tasks.end(), [&](const Task& a, const Task& b) {
        if (a.relation != b.relation) return a.relation < b.relation;
        const int c = order.compare(cycle.members[a.ratee].name, cycle.members[b.ratee].name);
        return c != 0 ? c < 0 : cycle.members[a.ratee].code < cycle.members[b.ratee].code;
    });
    return tasks;
}

AnswerSheet AnswerSheet::open(const Database& db, const Cycle& cycle, std::size_t rater, std::size_t ratee, Relation relation) {
    AnswerSheet sheet;
    sheet.cycle_ = &cycle;
    sheet.form_ = cycle.form_for(relation);
    sheet.rater_ = rater;
    sheet.ratee_ = ratee;
    sheet.relation_ = relation;
    sheet.closed_ = cycle.closed();
    Statement query(db,
                    "SELECT id, status, locked, answers FROM assignments WHERE cycle_id = ? AND rater = ? AND ratee = ? AND relation = ?");
    query.bind(1, cycle.id).bind(2, static_cast<std::int64_t>(rater)).bind(3, static_cast<std::int64_t>(ratee));
    query.bind(4, static_cast<int>(index_of(relation)));
    if (sheet.form_ == nullptr || !query.step())
        throw Refused(tr({"没有这项评价任务", "there is no such assignment"}));
    sheet.id_ = query.integer(0);
    sheet.status_ = static_cast<AssignmentStatus>(query.integer(1));
    sheet.locked_ = query.integer(2) != 0;
    const auto answers = query.blob(3);
    sheet.answers_.assign(answers.begin(), answers.end());
    sheet.answers_.resize(sheet.form_->items.size(), unanswered);
    Statement comments(db, "SELECT comment_id, text FROM comment_answers WHERE assignment_id = ?");
    comments.bind(1, sheet.id_);
    while (comments.step()) sheet.comments_[comments.text(0)] = comments.text(1);
    return sheet;
}

std::string AnswerSheet::comment(std::string_view id) const {
    const auto found = comments_.find(std::string(id));
    return found == comments_.end() ? std::string() : found->second;
}

std::size_t AnswerSheet::answered() const {
    return static_cast<std::size_t>(std::count_if(answers_.begin(), answers_.end(), [](AnswerCode c) { return c != unanswered; }));
}

std::vector<std::size_t> AnswerSheet::missing_required() const {
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < form_->items.size(); ++i)
        if (form_->items[i].required && answers_[i] == unanswered) missing.push_back(i);
    return missing;
}

void AnswerSheet::save(Database& db) {
    const bool any = answered() > 0 || !comments_.empty();
    status_ = is_complete(*form_, answers_, !comments_.empty()) ? AssignmentStatus::submitted
              : any                                             ? AssignmentStatus::draft
                                                                : AssignmentStatus::open;
    Statement update(db, "UPDATE assignments SET answers = ?, status = ?, updated_at = ? WHERE id = ?");
    update.bind_blob(1, answers_).bind(2, static_cast<int>(status_)).bind(3, local_time_text()).bind(4, id_).run();
}

void AnswerSheet::set_answer(Database& db, std::size_t item, AnswerCode code) {
    if (read_only()) throw Refused(tr({"这项评价已提交或测评已结束，不能再修改", "this task was submitted or the cycle is closed: it can no longer change"}));
    if (item >= answers_.size() || (code != unanswered && option_index(code) >= form_->scale_of(form_->items[item]).options.size()))
        throw Error("answer out of range");
    if (answers_[item] == code) return;
    Transaction transaction(db);
    answers_[item] = code;
    save(db);
    transaction.commit();
}

void AnswerSheet::set_comment(Database& db, std::string_view id, std::string_view text) {
    if (read_only()) throw Refused(tr({"这项评价已提交或测评已结束，不能再修改", "this task was submitted or the cycle is closed: it can no longer change"}));
    if (form_->comment(id) == nullptr) throw Error("unknown comment");
    const std::string key(id);
    if (comment(id) == text) return;
    Transaction transaction(db);
    if (text.empty()) {
        comments_.erase(key);
        Statement remove(db, "DELETE FROM comment_answers WHERE assignment_id = ? AND comment_id = ?");
        remove.bind(1, id_).bind(2, key).run();
    } else {
        comments_[key] = std::string(text);
        Statement upsert(db,
                         "INSERT INTO comment_answers(assignment_id, comment_id, text) VALUES (?, ?, ?) "
                         "ON CONFLICT(assignment_id, comment_id) DO UPDATE SET text = excluded.text");
        upsert.bind(1, id_).bind(2, key).bind(3, text).run();
    }
    save(db);
    transaction.commit();
}

void AnswerSheet::submit(Database& db) {
    if (read_only()) throw Refused(tr({"这项评价已提交或测评已结束", "this task was already submitted or the cycle is closed"}));
    const auto missing = missing_required();
    if (!missing.empty())
        throw Refused(tr({"还有 {0} 道必答题没有作答", "{0} required items are still unanswered"}, missing.size()));
    Transaction transaction(db);
    save(db);
    Statement lock(db, "UPDATE assignments SET locked = 1 WHERE id = ?");
    lock.bind(1, id_).run();
    transaction.commit();
    locked_ = true;
}

}  // namespace exemplar
