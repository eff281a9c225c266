#include "core/answer_sheet.h"

#include <algorithm>

#include "core/audit_log.h"
#include "core/assignment_bundles.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/name_order.h"
#include "core/scoring.h"
#include "core/translate.h"

namespace exemplar {

std::vector<Task> tasks_of(const Database& db, const Cycle& cycle, std::size_t rater) {
    std::vector<Task> tasks;
    for (const Relation relation : all_relations) {
        const auto bundle = read_bundle(db, cycle.id, rater, relation);
        if (!bundle) continue;
        for (std::size_t k = 0; k < bundle->ratees.size(); ++k) {
            Task task;
            task.rater = rater;
            task.ratee = bundle->ratees[k];
            task.relation = relation;
            task.status = status_of_state(bundle->states[k]);
            task.locked = locked_of_state(bundle->states[k]);
            const auto answers = std::span<const AnswerCode>(bundle->answers).subspan(k * bundle->items, bundle->items);
            task.answered = static_cast<std::size_t>(std::count_if(answers.begin(), answers.end(), [](AnswerCode c) { return c != unanswered; }));
            if (const Form* form = cycle.form_for(task.relation)) task.items = form->items.size();
            if (task.ratee < cycle.members.size()) tasks.push_back(task);
        }
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
    const auto bundle = sheet.form_ != nullptr ? read_bundle(db, cycle.id, rater, relation) : std::nullopt;
    const auto position = bundle ? bundle->position_of(ratee) : std::nullopt;
    if (!position || bundle->items != sheet.form_->items.size()) throw Refused(tr({"没有这项评价任务", "there is no such assignment"}));
    sheet.status_ = status_of_state(bundle->states[*position]);
    sheet.locked_ = locked_of_state(bundle->states[*position]);
    const auto answers = std::span<const AnswerCode>(bundle->answers).subspan(*position * bundle->items, bundle->items);
    sheet.answers_.assign(answers.begin(), answers.end());
    Statement comments(db, "SELECT comment_id, text FROM assignment_comments WHERE cycle_id = ? AND rater = ? AND ratee = ? AND relation = ?");
    sheet.bind_key(comments);
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

void AnswerSheet::bind_key(Statement& statement) const {
    statement.bind(1, cycle_->id).bind(2, static_cast<std::int64_t>(rater_)).bind(3, static_cast<std::int64_t>(ratee_));
    statement.bind(4, static_cast<int>(index_of(relation_)));
}

void AnswerSheet::save(Database& db, bool lock) {
    const bool any = answered() > 0 || !comments_.empty();
    status_ = is_complete(*form_, answers_, !comments_.empty()) ? AssignmentStatus::submitted
              : any                                             ? AssignmentStatus::draft
                                                                : AssignmentStatus::open;
    // Read again inside the transaction: another program may have changed the rater's other tasks.
    auto bundle = read_bundle(db, cycle_->id, rater_, relation_);
    const auto position = bundle ? bundle->position_of(ratee_) : std::nullopt;
    if (!position || bundle->items != answers_.size()) throw Refused(tr({"没有这项评价任务", "there is no such assignment"}));
    std::copy(answers_.begin(), answers_.end(), bundle->answers_at(*position).begin());
    bundle->states[*position] = state_byte(status_, locked_ || lock);
    write_bundle(db, cycle_->id, *bundle, local_time_text());
    // Which task and what was answered stay out of the log: only that a task was saved.
    audit(db, lock ? "answers.submit" : "answers.save", cycle_->name, {{"assignments", 1}});
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
        Statement remove(db, "DELETE FROM assignment_comments WHERE cycle_id = ? AND rater = ? AND ratee = ? AND relation = ? AND comment_id = ?");
        bind_key(remove);
        remove.bind(5, key).run();
    } else {
        comments_[key] = std::string(text);
        Statement upsert(db,
                         "INSERT INTO assignment_comments(cycle_id, rater, ratee, relation, comment_id, text) VALUES (?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT(cycle_id, rater, ratee, relation, comment_id) DO UPDATE SET text = excluded.text");
        bind_key(upsert);
        upsert.bind(5, key).bind(6, text).run();
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
    save(db, true);
    transaction.commit();
    locked_ = true;
}

}  // namespace exemplar
