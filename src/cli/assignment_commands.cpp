#include "cli/assignment_commands.h"

#include <algorithm>
#include <iostream>
#include <numeric>

#include "cli/cycle_commands.h"
#include "cli/database_option.h"
#include "cli/text_table.h"
#include "core/csv_writer.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/name_order.h"
#include "core/scoring.h"
#include "core/translate.h"

namespace exemplar::cli {

namespace {

std::string_view status_code(AssignmentStatus status) {
    switch (status) {
        case AssignmentStatus::open: return "open";
        case AssignmentStatus::draft: return "draft";
        case AssignmentStatus::submitted: return "submitted";
    }
    return "open";
}

std::string status_word(AssignmentStatus status) {
    switch (status) {
        case AssignmentStatus::open: return tr({"未开始", "open"});
        case AssignmentStatus::draft: return tr({"草稿", "draft"});
        case AssignmentStatus::submitted: return tr({"已提交", "submitted"});
    }
    return {};
}

std::optional<AssignmentStatus> parse_status(const std::string& word) {
    for (const AssignmentStatus s : {AssignmentStatus::open, AssignmentStatus::draft, AssignmentStatus::submitted}) {
        if (word == status_code(s)) return s;
        const Language saved = current_language();
        set_language(Language::chinese);
        const bool chinese = word == status_word(s);
        set_language(saved);
        if (chinese) return s;
    }
    return std::nullopt;
}

}  // namespace

int assignments_list(const std::string& database, const std::string& cycle_name, bool csv, const std::string& rater,
                     const std::string& status) {
    std::optional<AssignmentStatus> wanted_status;
    if (!status.empty()) {
        wanted_status = parse_status(status);
        if (!wanted_status)
            throw UsageError(tr({"--status 只能是 open、draft 或 submitted（未开始、草稿、已提交），而不是“{0}”",
                                 "--status must be open, draft or submitted, not '{0}'"},
                                status));
    }
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, cycle_name);
    const std::optional<std::size_t> wanted_rater = optional_member(cycle, rater);
    const AssignmentSet set = load_assignments(db, cycle);

    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < set.assignments.size(); ++i) {
        const StoredAssignment& a = set.assignments[i];
        if (wanted_rater && a.rater != *wanted_rater) continue;
        if (wanted_status && a.status != *wanted_status) continue;
        rows.push_back(i);
    }
    // By rater, relation, ratee; names 按姓氏笔画.
    const NameOrder order;
    std::vector<std::string> keys(cycle.members.size());
    for (std::size_t m = 0; m < cycle.members.size(); ++m) keys[m] = order.sort_key(cycle.members[m].name);
    const auto person_less = [&](std::size_t a, std::size_t b) {
        return keys[a] != keys[b] ? keys[a] < keys[b] : cycle.members[a].code < cycle.members[b].code;
    };
    std::sort(rows.begin(), rows.end(), [&](std::size_t x, std::size_t y) {
        const StoredAssignment& a = set.assignments[x];
        const StoredAssignment& b = set.assignments[y];
        if (a.rater != b.rater) return person_less(a.rater, b.rater);
        if (a.relation != b.relation) return a.relation < b.relation;
        return person_less(a.ratee, b.ratee);
    });

    const auto flags_of = [&](const StoredAssignment& a) {
        const Form* form = cycle.form_for(a.relation);
        return form != nullptr && is_straight_line(*form, a.relation, a.answers) ? std::string("STRAIGHT_LINE") : std::string();
    };
    if (csv) {
        CsvWriter writer(false);
        writer.header({"rater_id", "rater_name", "ratee_id", "ratee_name", "relation", "form", "status", "flags"});
        for (const std::size_t i : rows) {
            const StoredAssignment& a = set.assignments[i];
            const CycleMember& r = cycle.members[a.rater];
            const CycleMember& e = cycle.members[a.ratee];
            const std::string flags = flags_of(a);
            writer.row({r.code, r.name, e.code, e.name, std::string(relation_code(a.relation)), cycle.form_for(a.relation)->id,
                        std::string(status_code(a.status)), flags.empty() ? TableCell() : TableCell(flags)});
        }
        std::cout << writer.str();
        return 0;
    }
    TextTable table({tr({"评价人工号", "rater_id"}), tr({"评价人", "rater"}), tr({"被评价人工号", "ratee_id"}), tr({"被评价人", "ratee"}),
                     tr({"关系", "relation"}), tr({"表单", "form"}), tr({"状态", "status"}), tr({"标记", "flags"})});
    for (const std::size_t i : rows) {
        const StoredAssignment& a = set.assignments[i];
        const CycleMember& r = cycle.members[a.rater];
        const CycleMember& e = cycle.members[a.ratee];
        table.add({r.code, r.name, e.code, e.name, relation_word(a.relation), cycle.form_for(a.relation)->id, status_word(a.status), flags_of(a)});
    }
    table.print(std::cout);
    std::cout << tr({"共 {0} 项任务", "{0} assignments"}, rows.size()) << '\n';
    return 0;
}

}  // namespace exemplar::cli
