#include "core/answer_merge.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/clock.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/scoring.h"
#include "core/string_lookup.h"
#include "core/translate.h"

namespace exemplar {

namespace {

using Field = AnswerPlace::Field;

std::uint64_t assignment_key(std::size_t rater, std::size_t ratee, Relation relation) {
    return (static_cast<std::uint64_t>(rater) << 34) | (static_cast<std::uint64_t>(ratee) << 2) |
           static_cast<std::uint64_t>(index_of(relation));
}

std::string relation_word(Relation relation) {
    return current_language() == Language::chinese ? std::string(relation_chinese(relation)) : std::string(relation_code(relation));
}

// What one relation's form accepts: item and comment ids.
struct FormIndex {
    const Form* form = nullptr;
    StringMap<std::size_t> items;
    StringMap<std::size_t> comments;
};

// An option label first, then an option value (SPEC §4).
std::optional<std::size_t> find_option(const Scale& scale, std::string_view answer) {
    for (std::size_t i = 0; i < scale.options.size(); ++i)
        if (scale.options[i].label == answer) return i;
    double value = 0;
    const char* end = answer.data() + answer.size();
    const auto parsed = std::from_chars(answer.data(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end) return std::nullopt;
    for (std::size_t i = 0; i < scale.options.size(); ++i)
        if (scale.options[i].value == value) return i;
    return std::nullopt;
}

std::string options_text(const Scale& scale) {
    std::string labels;
    std::string values;
    for (const ScaleOption& option : scale.options) {
        labels += (labels.empty() ? "" : tr({"、", ", "})) + option.label;
        values += (values.empty() ? "" : tr({"、", ", "})) + fmt::format("{}", option.value);
    }
    return tr({"{0}，或分值 {1}", "{0}, or the values {1}"}, labels, values);
}

// The answers a file gives one assignment, on top of what was stored.
struct Pending {
    std::size_t assignment = 0;
    AnswerRow answers;
    std::vector<std::uint64_t> first_mark;  // where each item was first answered in this file (0: not yet)
    std::map<std::string, std::pair<std::string, std::uint64_t>> comments;  // id → text, where
};

}  // namespace

struct AnswerMerge::Impl {
    const Cycle& cycle;
    StringMap<std::size_t> member_of_code;
    std::unordered_set<std::string, StringHash, std::equal_to<>> roster_codes;
    std::array<FormIndex, 3> forms;
    AssignmentSet stored;
    std::unordered_map<std::uint64_t, std::size_t> assignment_of;
    std::vector<std::int32_t> pending_of;
    std::vector<Pending> pending;
    std::vector<Diagnostic> problems;
    std::size_t answers = 0;

    explicit Impl(const Cycle& c) : cycle(c) {}

    std::optional<std::size_t> person(std::string_view code, Field field, const AnswerPlace& place) {
        if (code.empty()) {
            problems.push_back(place.at(field, tr({"工号为空", "the id is empty"})));
            return std::nullopt;
        }
        const auto found = member_of_code.find(code);
        if (found != member_of_code.end()) return found->second;
        if (roster_codes.find(code) != roster_codes.end())
            problems.push_back(place.at(field, tr({"“{0}”不在测评周期“{1}”中（已离职，或在周期创建后才加入花名册）",
                                                   "'{0}' is not in the cycle '{1}' (not active, or added to the roster after the cycle was created)"},
                                                  code, cycle.name)));
        else
            problems.push_back(place.at(field, tr({"花名册中没有工号为“{0}”的人员", "no one in the roster has the id '{0}'"}, code)));
        return std::nullopt;
    }

    Pending& pending_for(std::size_t assignment, const Form& form) {
        if (pending_of[assignment] < 0) {
            pending_of[assignment] = static_cast<std::int32_t>(pending.size());
            Pending p;
            p.assignment = assignment;
            const AnswerView current = stored.assignments[assignment].answers;
            p.answers.assign(current.begin(), current.end());
            p.answers.resize(form.items.size(), unanswered);
            p.first_mark.assign(form.items.size(), 0);
            pending.push_back(std::move(p));
        }
        return pending[static_cast<std::size_t>(pending_of[assignment])];
    }
};

AnswerMerge::AnswerMerge(const Database& db, const Cycle& cycle) : impl_(std::make_unique<Impl>(cycle)) {
    Impl& m = *impl_;
    for (std::size_t i = 0; i < cycle.members.size(); ++i) m.member_of_code.emplace(cycle.members[i].code, i);
    {
        Statement query(db, "SELECT code FROM people");
        while (query.step()) m.roster_codes.insert(query.text(0));
    }
    for (const Relation relation : all_relations) {
        FormIndex& index = m.forms[index_of(relation)];
        index.form = cycle.form_for(relation);
        if (index.form == nullptr) continue;
        for (std::size_t i = 0; i < index.form->items.size(); ++i) index.items.emplace(index.form->items[i].id, i);
        for (std::size_t i = 0; i < index.form->comments.size(); ++i) index.comments.emplace(index.form->comments[i].id, i);
    }
    m.stored = load_assignments(db, cycle);
    m.assignment_of.reserve(m.stored.assignments.size());
    for (std::size_t i = 0; i < m.stored.assignments.size(); ++i) {
        const StoredAssignment& a = m.stored.assignments[i];
        m.assignment_of.emplace(assignment_key(a.rater, a.ratee, a.relation), i);
    }
    m.pending_of.assign(m.stored.assignments.size(), -1);
}

AnswerMerge::~AnswerMerge() = default;

const std::vector<Diagnostic>& AnswerMerge::problems() const { return impl_->problems; }
void AnswerMerge::add_problem(Diagnostic diagnostic) { impl_->problems.push_back(std::move(diagnostic)); }
std::size_t AnswerMerge::pending_assignments() const { return impl_->pending.size(); }

void AnswerMerge::add(std::string_view rater_code, std::string_view ratee_code, std::string_view relation_text, std::string_view item_text,
                      std::string_view answer, const AnswerPlace& place) {
    Impl& m = *impl_;
    const auto rater = m.person(rater_code, Field::rater, place);
    const auto ratee = m.person(ratee_code, Field::ratee, place);
    const auto relation = parse_relation(relation_text);
    if (!relation) {
        m.problems.push_back(place.at(Field::relation, tr({"“{0}”不是评价关系（自评/上级/同事 或 self/head/peer）",
                                                           "'{0}' is not a relation (自评/上级/同事 or self/head/peer)"},
                                                          relation_text)));
        return;
    }
    if (!rater || !ratee) return;
    const auto found = m.assignment_of.find(assignment_key(*rater, *ratee, *relation));
    if (found == m.assignment_of.end()) {
        const CycleMember& r = m.cycle.members[*rater];
        const CycleMember& e = m.cycle.members[*ratee];
        m.problems.push_back(place.at(Field::relation, tr({"在测评周期“{0}”中，{1}（{2}）没有以“{3}”关系评价 {4}（{5}）的任务",
                                                           "in the cycle '{0}', {1} ({2}) has no {3} assignment for {4} ({5})"},
                                                          m.cycle.name, r.name, r.code, relation_word(*relation), e.name, e.code)));
        return;
    }
    const std::size_t assignment = found->second;
    const FormIndex& form = m.forms[index_of(*relation)];
    const auto item = form.items.find(item_text);
    const auto comment = item == form.items.end() ? form.comments.find(item_text) : form.comments.end();
    if (item == form.items.end() && comment == form.comments.end()) {
        m.problems.push_back(place.at(Field::item, tr({"表单“{0}”（用于{1}）中没有题号“{2}”", "the form '{0}' (used for {1}) has no item '{2}'"},
                                                      form.form->id, relation_word(*relation), item_text)));
        return;
    }
    if (answer.empty()) return;  // unanswered: never clears an earlier answer
    ++m.answers;
    if (item != form.items.end()) {
        const Item& question = form.form->items[item->second];
        const Scale& scale = form.form->scale_of(question);
        const auto option = find_option(scale, answer);
        if (!option) {
            m.problems.push_back(place.at(Field::answer, tr({"“{0}”不是题目 {1} 的选项（可填：{2}）", "'{0}' is not an option of item {1} (use {2})"},
                                                            answer, question.id, options_text(scale))));
            return;
        }
        Pending& p = m.pending_for(assignment, *form.form);
        const std::size_t i = item->second;
        const AnswerCode code = answer_code(*option);
        std::uint64_t& first = p.first_mark[i];
        if (first != 0 && p.answers[i] != code) {
            m.problems.push_back(place.at(Field::answer, tr({"同一任务的题目 {1} 已在本文件{0}作答“{2}”，这里又答“{3}”",
                                                             "item {1} of this assignment was already answered '{2}' on {0} of this file; here '{3}'"},
                                                            place.describe(first), question.id,
                                                            scale.options[option_index(p.answers[i])].label, answer)));
            return;
        }
        if (first == 0) first = place.mark();
        p.answers[i] = code;
        return;
    }
    Pending& p = m.pending_for(assignment, *form.form);
    const std::string& id = form.form->comments[comment->second].id;
    const auto earlier = p.comments.find(id);
    if (earlier != p.comments.end() && earlier->second.first != answer) {
        m.problems.push_back(place.at(Field::answer, tr({"同一任务的意见 {1} 已在本文件{0}作答，这里的内容不同",
                                                         "comment {1} of this assignment was already answered differently on {0} of this file"},
                                                        place.describe(earlier->second.second), id)));
        return;
    }
    p.comments.emplace(id, std::make_pair(std::string(answer), place.mark()));
}

std::vector<std::string> AnswerMerge::missing_required(std::size_t rater, std::size_t ratee, Relation relation) const {
    const Impl& m = *impl_;
    std::vector<std::string> missing;
    const auto found = m.assignment_of.find(assignment_key(rater, ratee, relation));
    if (found == m.assignment_of.end()) return missing;
    const Form* form = m.forms[index_of(relation)].form;
    AnswerView answers = m.stored.assignments[found->second].answers;
    if (m.pending_of[found->second] >= 0) answers = m.pending[static_cast<std::size_t>(m.pending_of[found->second])].answers;
    for (std::size_t i = 0; i < form->items.size(); ++i)
        if (form->items[i].required && (i >= answers.size() || answers[i] == unanswered)) missing.push_back(form->items[i].id);
    return missing;
}

ResponsesImported AnswerMerge::commit(Database& db, ProgressObserver* progress) {
    Impl& m = *impl_;
    if (m.cycle.closed())
        throw Refused(tr({"测评周期“{0}”已于 {1} 关闭，不能再导入", "the cycle '{0}' was closed on {1}: nothing can be imported into it"}, m.cycle.name,
                         *m.cycle.closed_at));
    if (!m.problems.empty()) throw InputRefused(m.problems);
    // Comments already stored, for the touched assignments.
    std::unordered_map<std::int64_t, std::map<std::string, std::string>> stored_comments;
    {
        Statement query(db,
                        "SELECT c.assignment_id, c.comment_id, c.text FROM comment_answers c "
                        "JOIN assignments a ON a.id = c.assignment_id WHERE a.cycle_id = ?");
        query.bind(1, m.cycle.id);
        while (query.step()) stored_comments[query.integer(0)][query.text(1)] = query.text(2);
    }
    ResponsesImported result;
    result.answers = m.answers;
    Transaction transaction(db);
    Statement update(db, "UPDATE assignments SET answers = ?, status = ?, updated_at = ? WHERE id = ?");
    Statement upsert_comment(db,
                             "INSERT INTO comment_answers(assignment_id, comment_id, text) VALUES (?, ?, ?) "
                             "ON CONFLICT(assignment_id, comment_id) DO UPDATE SET text = excluded.text");
    const std::string now = local_time_text();
    std::size_t written = 0;
    for (const Pending& p : m.pending) {
        if (++written % 8192 == 0) report_progress(progress, "saving", static_cast<double>(written), static_cast<double>(m.pending.size()));
        const StoredAssignment& a = m.stored.assignments[p.assignment];
        const Form& form = *m.forms[index_of(a.relation)].form;
        auto& comments = stored_comments[a.id];
        bool comments_changed = false;
        for (const auto& [id, text_place] : p.comments) {
            auto& text = comments[id];
            if (text == text_place.first) continue;
            text = text_place.first;
            upsert_comment.bind(1, a.id).bind(2, id).bind(3, text).run();
            comments_changed = true;
        }
        const bool has_comment = !comments.empty();
        const bool any_answer = std::any_of(p.answers.begin(), p.answers.end(), [](AnswerCode c) { return c != unanswered; });
        const AssignmentStatus status = is_complete(form, p.answers, has_comment) ? AssignmentStatus::submitted
                                        : (any_answer || has_comment)             ? AssignmentStatus::draft
                                                                                  : AssignmentStatus::open;
        const bool answers_changed = !std::equal(p.answers.begin(), p.answers.end(), a.answers.begin(), a.answers.end());
        if (answers_changed || status != a.status || comments_changed) {
            update.bind_blob(1, p.answers).bind(2, static_cast<int>(status)).bind(3, now).bind(4, a.id).run();
            ++result.changed;
        }
        ++result.touched;
        if (status == AssignmentStatus::submitted)
            ++result.submitted;
        else
            ++result.incomplete;
    }
    transaction.commit();
    return result;
}

}  // namespace exemplar
