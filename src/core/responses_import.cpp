#include "core/responses_import.h"

#include <charconv>
#include <map>
#include <unordered_set>

#include "core/clock.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/scoring.h"
#include "core/string_lookup.h"
#include "core/table_columns.h"
#include "core/translate.h"

namespace exemplar {

namespace {

enum Column : std::size_t { rater_column, ratee_column, relation_column, item_column, answer_column };
constexpr ColumnSpec response_columns[] = {
    {"评价人工号", "rater_id", true}, {"被评价人工号", "ratee_id", true}, {"关系", "relation", true},
    {"题号", "item", true},           {"答案", "answer", true},
};

std::uint64_t assignment_key(std::size_t rater, std::size_t ratee, Relation relation) {
    return (static_cast<std::uint64_t>(rater) << 34) | (static_cast<std::uint64_t>(ratee) << 2) |
           static_cast<std::uint64_t>(index_of(relation));
}

std::string relation_word(Relation relation) {
    return current_language() == Language::chinese ? std::string(relation_chinese(relation)) : std::string(relation_code(relation));
}

// What one relation's form accepts: item and comment ids, and each item's options.
struct FormIndex {
    const Form* form = nullptr;
    StringMap<std::size_t> items;
    StringMap<std::size_t> comments;
};

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
    std::vector<std::uint32_t> row_of_item;  // 0: not answered by this file
    std::map<std::string, std::pair<std::string, std::size_t>> comments;  // id → text, row
};

}  // namespace

ResponsesImported import_responses(Database& db, const Cycle& cycle, TableReader& table, ProgressObserver* progress) {
    if (cycle.closed())
        throw InputRefused(table.at(1, 1, tr({"测评周期“{0}”已于 {1} 关闭，不能再导入", "the cycle '{0}' was closed on {1}: nothing can be imported into it"},
                                             cycle.name, *cycle.closed_at)));
    const TableColumns columns = TableColumns::read_header(table, response_columns);
    std::vector<Diagnostic> problems;
    std::vector<std::string_view> cells;
    const auto column_number = [&](Column c) { return *columns.index(c) + 1; };

    // Lookup tables, built once.
    StringMap<std::size_t> member_of_code;
    for (std::size_t i = 0; i < cycle.members.size(); ++i) member_of_code.emplace(cycle.members[i].code, i);
    std::unordered_set<std::string, StringHash, std::equal_to<>> roster_codes;
    {
        Statement query(db, "SELECT code FROM people");
        while (query.step()) roster_codes.insert(query.text(0));
    }
    std::array<FormIndex, 3> forms;
    for (const Relation relation : all_relations) {
        FormIndex& index = forms[index_of(relation)];
        index.form = cycle.form_for(relation);
        if (index.form == nullptr) continue;
        for (std::size_t i = 0; i < index.form->items.size(); ++i) index.items.emplace(index.form->items[i].id, i);
        for (std::size_t i = 0; i < index.form->comments.size(); ++i) index.comments.emplace(index.form->comments[i].id, i);
    }
    const AssignmentSet stored = load_assignments(db, cycle);
    std::unordered_map<std::uint64_t, std::size_t> assignment_of;
    assignment_of.reserve(stored.assignments.size());
    for (std::size_t i = 0; i < stored.assignments.size(); ++i) {
        const StoredAssignment& a = stored.assignments[i];
        assignment_of.emplace(assignment_key(a.rater, a.ratee, a.relation), i);
    }
    std::vector<std::int32_t> pending_of(stored.assignments.size(), -1);
    std::vector<Pending> pending;

    const auto person = [&](std::string_view code, Column column, std::size_t row) -> std::optional<std::size_t> {
        if (code.empty()) {
            problems.push_back(table.at(row, column_number(column), tr({"工号为空", "the id is empty"})));
            return std::nullopt;
        }
        const auto found = member_of_code.find(code);
        if (found != member_of_code.end()) return found->second;
        if (roster_codes.find(code) != roster_codes.end())
            problems.push_back(table.at(row, column_number(column),
                                        tr({"“{0}”不在测评周期“{1}”中（已离职，或在周期创建后才加入花名册）",
                                            "'{0}' is not in the cycle '{1}' (not active, or added to the roster after the cycle was created)"},
                                           code, cycle.name)));
        else
            problems.push_back(table.at(row, column_number(column), tr({"花名册中没有工号为“{0}”的人员", "no one in the roster has the id '{0}'"}, code)));
        return std::nullopt;
    };

    ResponsesImported result;
    std::size_t rows_seen = 0;
    while (table.next_row(cells)) {
        const std::size_t row = table.row_number();
        if (++rows_seen % 65536 == 0) report_progress(progress, "responses", table.progress(), 1.0);
        if (is_blank_row(cells) || table.row_has_problems()) continue;
        if (problems.size() > 1000) continue;  // enough to show; keep reading only for encoding problems
        if (!columns.fits(cells, table, problems)) continue;
        ++result.rows;
        const auto rater = person(cell_of(columns, rater_column, cells), rater_column, row);
        const auto ratee = person(cell_of(columns, ratee_column, cells), ratee_column, row);
        const std::string_view relation_text = cell_of(columns, relation_column, cells);
        const auto relation = parse_relation(relation_text);
        if (!relation) {
            problems.push_back(table.at(row, column_number(relation_column),
                                        tr({"“{0}”不是评价关系（自评/上级/同事 或 self/head/peer）",
                                            "'{0}' is not a relation (自评/上级/同事 or self/head/peer)"},
                                           relation_text)));
            continue;
        }
        if (!rater || !ratee) continue;
        const auto found = assignment_of.find(assignment_key(*rater, *ratee, *relation));
        if (found == assignment_of.end()) {
            const CycleMember& r = cycle.members[*rater];
            const CycleMember& e = cycle.members[*ratee];
            problems.push_back(table.at(row, column_number(relation_column),
                                        tr({"在测评周期“{0}”中，{1}（{2}）没有以“{3}”关系评价 {4}（{5}）的任务",
                                            "in the cycle '{0}', {1} ({2}) has no {3} assignment for {4} ({5})"},
                                           cycle.name, r.name, r.code, relation_word(*relation), e.name, e.code)));
            continue;
        }
        const std::size_t assignment = found->second;
        const FormIndex& form = forms[index_of(*relation)];
        const std::string_view item_text = cell_of(columns, item_column, cells);
        const std::string_view answer = cell_of(columns, answer_column, cells);
        const auto item = form.items.find(item_text);
        const auto comment = item == form.items.end() ? form.comments.find(item_text) : form.comments.end();
        if (item == form.items.end() && comment == form.comments.end()) {
            problems.push_back(table.at(row, column_number(item_column),
                                        tr({"表单“{0}”（用于{1}）中没有题号“{2}”", "the form '{0}' (used for {1}) has no item '{2}'"},
                                           form.form->id, relation_word(*relation), item_text)));
            continue;
        }
        if (answer.empty()) continue;  // unanswered: never clears an earlier answer
        std::optional<std::size_t> option;
        if (item != form.items.end()) {
            const Item& question = form.form->items[item->second];
            option = find_option(form.form->scale_of(question), answer);
            if (!option) {
                problems.push_back(table.at(row, column_number(answer_column),
                                            tr({"“{0}”不是题目 {1} 的选项（可填：{2}）", "'{0}' is not an option of item {1} (use {2})"}, answer,
                                               question.id, options_text(form.form->scale_of(question)))));
                continue;
            }
        }
        if (pending_of[assignment] < 0) {
            pending_of[assignment] = static_cast<std::int32_t>(pending.size());
            Pending p;
            p.assignment = assignment;
            const AnswerView current = stored.assignments[assignment].answers;
            p.answers.assign(current.begin(), current.end());
            p.answers.resize(form.form->items.size(), unanswered);
            p.row_of_item.assign(form.form->items.size(), 0);
            pending.push_back(std::move(p));
        }
        Pending& p = pending[static_cast<std::size_t>(pending_of[assignment])];
        if (option) {
            const std::size_t i = item->second;
            const AnswerCode code = answer_code(*option);
            if (p.row_of_item[i] != 0 && p.answers[i] != code) {
                const Scale& scale = form.form->scale_of(form.form->items[i]);
                problems.push_back(table.at(row, column_number(answer_column),
                                            tr({"本文件第 {0} 行已对同一任务的题目 {1} 作答“{2}”，这里又答“{3}”",
                                                "item {1} of this assignment was already answered '{2}' on row {0} of this file; here '{3}'"},
                                               p.row_of_item[i], form.form->items[i].id, scale.options[option_index(p.answers[i])].label, answer)));
                continue;
            }
            if (p.row_of_item[i] == 0) p.row_of_item[i] = static_cast<std::uint32_t>(row);
            p.answers[i] = code;
        } else {
            const std::string& id = form.form->comments[comment->second].id;
            const auto earlier = p.comments.find(id);
            if (earlier != p.comments.end() && earlier->second.first != answer) {
                problems.push_back(table.at(row, column_number(answer_column),
                                            tr({"本文件第 {0} 行已对同一任务的意见 {1} 作答，这里的内容不同",
                                                "comment {1} of this assignment was already answered differently on row {0} of this file"},
                                               earlier->second.second, id)));
                continue;
            }
            p.comments.emplace(id, std::make_pair(std::string(answer), row));
        }
    }
    const auto reading = table.problems();
    problems.insert(problems.end(), reading.begin(), reading.end());
    if (!problems.empty()) {
        sort_by_position(problems);
        throw InputRefused(problems);
    }

    // Comments already stored, for the touched assignments.
    std::unordered_map<std::int64_t, std::map<std::string, std::string>> stored_comments;
    {
        Statement query(db,
                        "SELECT c.assignment_id, c.comment_id, c.text FROM comment_answers c "
                        "JOIN assignments a ON a.id = c.assignment_id WHERE a.cycle_id = ?");
        query.bind(1, cycle.id);
        while (query.step()) stored_comments[query.integer(0)][query.text(1)] = query.text(2);
    }

    Transaction transaction(db);
    Statement update(db, "UPDATE assignments SET answers = ?, status = ?, updated_at = ? WHERE id = ?");
    Statement upsert_comment(db,
                             "INSERT INTO comment_answers(assignment_id, comment_id, text) VALUES (?, ?, ?) "
                             "ON CONFLICT(assignment_id, comment_id) DO UPDATE SET text = excluded.text");
    const std::string now = local_time_text();
    std::size_t written = 0;
    for (const Pending& p : pending) {
        if (++written % 8192 == 0) report_progress(progress, "saving", static_cast<double>(written), static_cast<double>(pending.size()));
        const StoredAssignment& a = stored.assignments[p.assignment];
        const Form& form = *forms[index_of(a.relation)].form;
        auto& comments = stored_comments[a.id];
        bool comments_changed = false;
        for (const auto& [id, text_row] : p.comments) {
            auto& text = comments[id];
            if (text == text_row.first) continue;
            text = text_row.first;
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
