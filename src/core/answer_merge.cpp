#include "core/answer_merge.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/audit_log.h"
#include "core/clock.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/scoring.h"
#include "core/string_lookup.h"
#include "core/translate.h"

namespace exemplar {

namespace {

using Field = AnswerPlace::Field;

std::string relation_word(Relation relation) {
    return current_language() == Language::chinese ? std::string(relation_chinese(relation)) : std::string(relation_code(relation));
}

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

// The options of one scale by what a file may write for them (find_option's
// answers, found faster): one-byte answers such as "5" by a table, then the
// options' labels and the shortest texts of their values, then find_option.
class OptionLookup {
public:
    explicit OptionLookup(const Scale& scale) : scale_(&scale) {
        for (std::size_t byte = 0; byte < one_byte_.size(); ++byte) {
            const char c = static_cast<char>(byte);
            if (const auto option = find_option(scale, std::string_view(&c, 1))) one_byte_[byte] = answer_code(*option);
        }
        for (std::size_t i = 0; i < scale.options.size(); ++i) texts_.emplace_back(scale.options[i].label, i);
        for (std::size_t i = 0; i < scale.options.size(); ++i) texts_.emplace_back(fmt::format("{}", scale.options[i].value), i);
    }

    std::optional<std::size_t> find(std::string_view answer) const {
        if (answer.size() == 1) {
            const AnswerCode code = one_byte_[static_cast<unsigned char>(answer.front())];
            if (code == unanswered) return std::nullopt;
            return option_index(code);
        }
        for (const auto& [text, index] : texts_)
            if (same_text(text, answer)) return index;
        return find_option(*scale_, answer);
    }

private:
    const Scale* scale_;
    std::array<AnswerCode, 256> one_byte_{};  // unanswered: no option
    std::vector<std::pair<std::string, std::size_t>> texts_;
};

// What one relation's form accepts: item and comment ids, and answers.
struct FormIndex {
    const Form* form = nullptr;
    StringMap<std::size_t> items;
    StringMap<std::size_t> comments;
    std::vector<OptionLookup> options;  // per scale of the form
    // The order the file lists items in, learnt as it goes (at first the
    // form's): the item that came after each item, and the item answered last.
    std::vector<std::size_t> next_item;
    std::size_t last_item = 0;
};

std::string options_text(const Scale& scale) {
    std::string labels;
    std::string values;
    for (const ScaleOption& option : scale.options) {
        labels += (labels.empty() ? "" : tr({"、", ", "})) + option.label;
        values += (values.empty() ? "" : tr({"、", ", "})) + fmt::format("{}", option.value);
    }
    return tr({"{0}，或分值 {1}", "{0}, or the values {1}"}, labels, values);
}

}  // namespace

struct AnswerMerge::Impl {
    const Cycle& cycle;
    StringMap<std::size_t> member_of_code;
    std::unordered_set<std::string, StringHash, std::equal_to<>> roster_codes;
    std::array<FormIndex, 3> forms;
    // The stored assignments; the file's answers are merged straight into them.
    AssignmentSet stored;
    // Where each answer byte was first given in this file (0: not yet), parallel to stored.answer_bytes.
    std::vector<std::uint64_t> first_mark;
    std::vector<std::uint8_t> touched;          // per assignment: 1 when the file answers it
    std::vector<std::uint8_t> answers_changed;  // per assignment: 1 when an answer differs from the stored one
    std::vector<std::size_t> touched_order;     // assignments in the order the file first answers them
    // Comments the file gives: assignment → id → (text, where).
    std::unordered_map<std::size_t, std::map<std::string, std::pair<std::string, std::uint64_t>>> comments;
    std::vector<Diagnostic> problems;
    std::size_t answers = 0;
    struct {
        std::string rater, ratee, relation;  // as written in the file
        Relation relation_value = Relation::self;
        std::optional<std::size_t> assignment;
        std::optional<std::size_t> rater_index;  // of `rater`, a member of the cycle
    } last;  // the assignment of the answer before

    explicit Impl(const Cycle& c) : cycle(c) {}

    void add_answer(std::size_t assignment, Relation relation, std::string_view item_text, std::string_view answer, const AnswerPlace& place);

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

    void touch(std::size_t assignment) {
        if (touched[assignment] != 0) return;
        touched[assignment] = 1;
        touched_order.push_back(assignment);
    }

    // Offset of an assignment's first answer byte in stored.answer_bytes.
    std::size_t offset_of(std::size_t assignment) const {
        return static_cast<std::size_t>(stored.assignments[assignment].answers.data() - stored.answer_bytes.data());
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
        for (const Scale& scale : index.form->scales) index.options.emplace_back(scale);
        // After the last item comes the first item of the next assignment.
        for (std::size_t i = 0; i < index.form->items.size(); ++i) index.next_item.push_back(i + 1 < index.form->items.size() ? i + 1 : 0);
        index.last_item = index.form->items.empty() ? 0 : index.form->items.size() - 1;
    }
    m.stored = load_assignments(db, cycle);
    // Each stored row holds exactly its form's items (a longer or shorter one is a damaged database).
    for (const StoredAssignment& a : m.stored.assignments) {
        const Form* form = m.forms[index_of(a.relation)].form;
        if (form == nullptr || a.answers.size() != form->items.size())
            throw Error(tr({"数据库中测评周期“{0}”的评价任务已损坏", "the assignments of the cycle '{0}' in the database are damaged"}, cycle.name));
    }
    m.first_mark.assign(m.stored.answer_bytes.size(), 0);
    m.touched.assign(m.stored.assignments.size(), 0);
    m.answers_changed.assign(m.stored.assignments.size(), 0);
}

AnswerMerge::~AnswerMerge() = default;

const std::vector<Diagnostic>& AnswerMerge::problems() const { return impl_->problems; }
void AnswerMerge::add_problem(Diagnostic diagnostic) { impl_->problems.push_back(std::move(diagnostic)); }
std::size_t AnswerMerge::pending_assignments() const { return impl_->touched_order.size(); }

void AnswerMerge::add(std::string_view rater_code, std::string_view ratee_code, std::string_view relation_text, std::string_view item_text,
                      std::string_view answer, const AnswerPlace& place, bool same_ids) {
    Impl& m = *impl_;
    // Files list an assignment's answers one after another: the ids of the row before are looked up once.
    if (m.last.assignment &&
        (same_ids || (same_text(rater_code, m.last.rater) && same_text(ratee_code, m.last.ratee) && same_text(relation_text, m.last.relation)))) {
        m.add_answer(*m.last.assignment, m.last.relation_value, item_text, answer, place);
        return;
    }
    m.last.assignment.reset();
    // A rater's assignments mostly follow one another: the rater of the row before is looked up once.
    const auto rater = !m.last.rater.empty() && same_text(rater_code, m.last.rater) ? m.last.rater_index : m.person(rater_code, Field::rater, place);
    const auto ratee = m.person(ratee_code, Field::ratee, place);
    const auto relation = parse_relation(relation_text);
    if (!relation) {
        m.problems.push_back(place.at(Field::relation, tr({"“{0}”不是评价关系（自评/上级/同事 或 self/head/peer）",
                                                           "'{0}' is not a relation (自评/上级/同事 or self/head/peer)"},
                                                          relation_text)));
        return;
    }
    if (!rater || !ratee) return;
    const auto found = m.stored.find(*rater, *ratee, *relation);
    if (!found) {
        const CycleMember& r = m.cycle.members[*rater];
        const CycleMember& e = m.cycle.members[*ratee];
        m.problems.push_back(place.at(Field::relation, tr({"在测评周期“{0}”中，{1}（{2}）没有以“{3}”关系评价 {4}（{5}）的任务",
                                                           "in the cycle '{0}', {1} ({2}) has no {3} assignment for {4} ({5})"},
                                                          m.cycle.name, r.name, r.code, relation_word(*relation), e.name, e.code)));
        return;
    }
    m.last.rater.assign(rater_code);
    m.last.rater_index = rater;
    m.last.ratee.assign(ratee_code);
    m.last.relation.assign(relation_text);
    m.last.relation_value = *relation;
    m.last.assignment = *found;
    m.add_answer(*found, *relation, item_text, answer, place);
}

void AnswerMerge::Impl::add_answer(std::size_t assignment, Relation relation, std::string_view item_text, std::string_view answer,
                                   const AnswerPlace& place) {
    Impl& m = *this;
    FormIndex& form = m.forms[index_of(relation)];
    // Files list items in some order of their own, mostly the same for every
    // assignment: try the item that followed the last one the time before.
    std::optional<std::size_t> item;
    if (!form.form->items.empty()) {
        const std::size_t guess = form.next_item[form.last_item];
        if (same_text(form.form->items[guess].id, item_text)) {
            item = guess;
        } else if (const auto found = form.items.find(item_text); found != form.items.end()) {
            item = found->second;
            form.next_item[form.last_item] = *item;
        }
    }
    if (item) form.last_item = *item;
    const auto comment = item ? form.comments.end() : form.comments.find(item_text);
    if (!item && comment == form.comments.end()) {
        m.problems.push_back(place.at(Field::item, tr({"表单“{0}”（用于{1}）中没有题号“{2}”", "the form '{0}' (used for {1}) has no item '{2}'"},
                                                      form.form->id, relation_word(relation), item_text)));
        return;
    }
    if (answer.empty()) return;  // unanswered: never clears an earlier answer
    ++m.answers;
    if (item) {
        const Item& question = form.form->items[*item];
        const Scale& scale = form.form->scale_of(question);
        const auto option = form.options[question.scale].find(answer);
        if (!option) {
            m.problems.push_back(place.at(Field::answer, tr({"“{0}”不是题目 {1} 的选项（可填：{2}）", "'{0}' is not an option of item {1} (use {2})"},
                                                            answer, question.id, options_text(scale))));
            return;
        }
        m.touch(assignment);
        const std::size_t at = m.offset_of(assignment) + *item;
        AnswerCode& given_code = m.stored.answer_bytes[at];
        const AnswerCode code = answer_code(*option);
        std::uint64_t& first = m.first_mark[at];
        if (first != 0 && given_code != code) {
            m.problems.push_back(place.at(Field::answer, tr({"同一任务的题目 {1} 已在本文件{0}作答“{2}”，这里又答“{3}”",
                                                             "item {1} of this assignment was already answered '{2}' on {0} of this file; here '{3}'"},
                                                            place.describe(first), question.id,
                                                            scale.options[option_index(given_code)].label, answer)));
            return;
        }
        if (first == 0) first = place.mark();
        if (given_code != code) m.answers_changed[assignment] = 1;
        given_code = code;
        return;
    }
    m.touch(assignment);
    auto& given = m.comments[assignment];
    const std::string& id = form.form->comments[comment->second].id;
    const auto earlier = given.find(id);
    if (earlier != given.end() && earlier->second.first != answer) {
        m.problems.push_back(place.at(Field::answer, tr({"同一任务的意见 {1} 已在本文件{0}作答，这里的内容不同",
                                                         "comment {1} of this assignment was already answered differently on {0} of this file"},
                                                        place.describe(earlier->second.second), id)));
        return;
    }
    given.emplace(id, std::make_pair(std::string(answer), place.mark()));
}

std::vector<std::string> AnswerMerge::missing_required(std::size_t rater, std::size_t ratee, Relation relation) const {
    const Impl& m = *impl_;
    std::vector<std::string> missing;
    const auto found = m.stored.find(rater, ratee, relation);
    if (!found) return missing;
    const Form* form = m.forms[index_of(relation)].form;
    const AnswerView answers = m.stored.assignments[*found].answers;
    for (std::size_t i = 0; i < form->items.size(); ++i)
        if (form->items[i].required && (i >= answers.size() || answers[i] == unanswered)) missing.push_back(form->items[i].id);
    return missing;
}

ResponsesImported AnswerMerge::commit(Database& db, ProgressObserver* progress) {
    Impl& m = *impl_;
    // Closed as loaded, or closed since by another program.
    std::optional<std::string> closed_at = m.cycle.closed_at;
    {
        Statement query(db, "SELECT closed_at FROM cycles WHERE id = ?");
        query.bind(1, m.cycle.id);
        if (query.step() && !query.is_null(0)) closed_at = query.text(0);
    }
    if (closed_at)
        throw Refused(tr({"测评周期“{0}”已于 {1} 关闭，不能再导入", "the cycle '{0}' was closed on {1}: nothing can be imported into it"}, m.cycle.name,
                         *closed_at));
    if (!m.problems.empty()) throw InputRefused(m.problems);
    // Comments already stored, for the assignments this file gives comments to.
    std::unordered_map<std::size_t, std::map<std::string, std::string>> stored_comments;
    if (!m.comments.empty()) {
        Statement query(db, "SELECT rater, ratee, relation, comment_id, text FROM assignment_comments WHERE cycle_id = ?");
        query.bind(1, m.cycle.id);
        while (query.step()) {
            const auto relation = query.integer(2);
            if (relation < 0 || relation > 2) continue;
            const auto at = m.stored.find(static_cast<std::size_t>(query.integer(0)), static_cast<std::size_t>(query.integer(1)),
                                          static_cast<Relation>(relation));
            if (at && m.comments.count(*at) != 0) stored_comments[*at][query.text(3)] = query.text(4);
        }
    }
    ResponsesImported result;
    result.answers = m.answers;
    Transaction transaction(db);
    Statement upsert_comment(db,
                             "INSERT INTO assignment_comments(cycle_id, rater, ratee, relation, comment_id, text) VALUES (?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT(cycle_id, rater, ratee, relation, comment_id) DO UPDATE SET text = excluded.text");
    const std::string now = local_time_text();
    std::vector<std::size_t> changed;
    std::size_t comments_written = 0;
    std::size_t done = 0;
    for (const std::size_t i : m.touched_order) {
        if (++done % 65536 == 0) report_progress(progress, "saving", static_cast<double>(done), static_cast<double>(m.touched_order.size()));
        StoredAssignment& a = m.stored.assignments[i];
        const Form& form = *m.forms[index_of(a.relation)].form;
        bool comments_changed = false;
        if (const auto given = m.comments.find(i); given != m.comments.end()) {
            auto& comments = stored_comments[i];
            for (const auto& [id, text_place] : given->second) {
                auto& text = comments[id];
                if (text == text_place.first) continue;
                text = text_place.first;
                upsert_comment.bind(1, m.cycle.id).bind(2, static_cast<std::int64_t>(a.rater)).bind(3, static_cast<std::int64_t>(a.ratee));
                upsert_comment.bind(4, static_cast<int>(index_of(a.relation))).bind(5, id).bind(6, text).run();
                comments_changed = true;
                ++comments_written;
            }
            a.has_comment = a.has_comment || !comments.empty();
        }
        const bool any_answer = std::any_of(a.answers.begin(), a.answers.end(), [](AnswerCode c) { return c != unanswered; });
        const AssignmentStatus status = is_complete(form, a.answers, a.has_comment) ? AssignmentStatus::submitted
                                        : (any_answer || a.has_comment)             ? AssignmentStatus::draft
                                                                                    : AssignmentStatus::open;
        if (m.answers_changed[i] != 0 || status != a.status || comments_changed) {
            a.status = status;
            changed.push_back(i);
        }
        ++result.touched;
        if (status == AssignmentStatus::submitted)
            ++result.submitted;
        else
            ++result.incomplete;
    }
    result.changed = changed.size();
    store_assignments(db, m.cycle, m.stored, changed, now);
    // Importing the same file twice changes nothing the second time (SPEC §4), the log included.
    if (result.changed > 0 || comments_written > 0)
        audit(db, "answers.import", m.cycle.name,
          {{"answers", static_cast<std::int64_t>(result.answers)}, {"assignments", static_cast<std::int64_t>(result.touched)},
           {"changed", static_cast<std::int64_t>(result.changed)}, {"submitted", static_cast<std::int64_t>(result.submitted)}});
    transaction.commit();
    return result;
}

}  // namespace exemplar
