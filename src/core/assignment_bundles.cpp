#include "core/assignment_bundles.h"

#include <algorithm>
#include <tuple>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar {

namespace {

void put_ratee(std::vector<std::uint8_t>& bytes, std::uint32_t ratee) {
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<std::uint8_t>(ratee >> shift));
}

std::uint32_t get_ratee(const std::uint8_t* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) | (static_cast<std::uint32_t>(bytes[1]) << 8) |
           (static_cast<std::uint32_t>(bytes[2]) << 16) | (static_cast<std::uint32_t>(bytes[3]) << 24);
}

Error damaged(std::int64_t cycle_id) {
    return Error(tr({"数据库中测评周期 {0} 的评价任务已损坏", "the assignments of cycle {0} in the database are damaged"}, cycle_id));
}

}  // namespace

std::optional<std::size_t> AssignmentBundle::position_of(std::size_t ratee) const {
    const auto found = std::lower_bound(ratees.begin(), ratees.end(), ratee);
    if (found == ratees.end() || *found != ratee) return std::nullopt;
    return static_cast<std::size_t>(found - ratees.begin());
}

std::size_t BundleView::ratee(std::size_t k) const { return get_ratee(ratee_bytes.data() + k * 4); }

void insert_bundles(Database& db, std::int64_t cycle_id, const std::vector<PlannedAssignment>& planned,
                    const std::array<std::size_t, 3>& items, ProgressObserver* progress) {
    // Group by rater and relation (a counting sort: the plan is large), ratees ascending.
    std::size_t raters = 0;
    for (const PlannedAssignment& a : planned) raters = std::max(raters, a.rater + 1);
    const auto bucket_of = [](const PlannedAssignment& a) { return a.rater * 3 + index_of(a.relation); };
    std::vector<std::size_t> starts(raters * 3 + 1, 0);
    for (const PlannedAssignment& a : planned) ++starts[bucket_of(a) + 1];
    for (std::size_t i = 1; i < starts.size(); ++i) starts[i] += starts[i - 1];
    std::vector<std::uint32_t> ratees(planned.size());
    {
        std::vector<std::size_t> next(starts.begin(), starts.end() - 1);
        for (const PlannedAssignment& a : planned) ratees[next[bucket_of(a)]++] = static_cast<std::uint32_t>(a.ratee);
    }
    Statement insert(db, "INSERT INTO assignment_bundles(cycle_id, rater, relation, ratees, states, answers) VALUES (?, ?, ?, ?, ?, ?)");
    std::vector<std::uint8_t> ratee_data;
    std::vector<std::uint8_t> states;
    std::vector<std::uint8_t> answers;
    for (std::size_t bucket = 0; bucket + 1 < starts.size(); ++bucket) {
        const std::size_t begin = starts[bucket], end = starts[bucket + 1];
        if (begin == end) continue;
        std::sort(ratees.begin() + static_cast<std::ptrdiff_t>(begin), ratees.begin() + static_cast<std::ptrdiff_t>(end));
        ratee_data.clear();
        for (std::size_t k = begin; k < end; ++k) put_ratee(ratee_data, ratees[k]);
        const auto relation = static_cast<Relation>(bucket % 3);
        states.assign(end - begin, state_byte(AssignmentStatus::open, false));
        answers.assign((end - begin) * items[index_of(relation)], unanswered);
        insert.bind(1, cycle_id).bind(2, static_cast<std::int64_t>(bucket / 3)).bind(3, static_cast<int>(index_of(relation)));
        insert.bind_blob_in_place(4, ratee_data).bind_blob_in_place(5, states).bind_blob_in_place(6, answers);
        insert.run();
        if ((begin / 8192) != (end / 8192)) report_progress(progress, "assignments", static_cast<double>(end), static_cast<double>(planned.size()));
    }
}

std::optional<AssignmentBundle> read_bundle(const Database& db, std::int64_t cycle_id, std::size_t rater, Relation relation) {
    Statement query(db, "SELECT ratees, states, answers FROM assignment_bundles WHERE cycle_id = ? AND rater = ? AND relation = ?");
    query.bind(1, cycle_id).bind(2, static_cast<std::int64_t>(rater)).bind(3, static_cast<int>(index_of(relation)));
    if (!query.step()) return std::nullopt;
    AssignmentBundle bundle;
    bundle.rater = rater;
    bundle.relation = relation;
    const auto ratees = query.blob(0);
    const std::size_t count = ratees.size() / 4;
    for (std::size_t k = 0; k < count; ++k) bundle.ratees.push_back(get_ratee(ratees.data() + k * 4));
    const auto states = query.blob(1);
    bundle.states.assign(states.begin(), states.end());
    const auto answers = query.blob(2);
    bundle.answers.assign(answers.begin(), answers.end());
    if (ratees.size() % 4 != 0 || bundle.states.size() != count || (count > 0 && bundle.answers.size() % count != 0)) throw damaged(cycle_id);
    bundle.items = count == 0 ? 0 : bundle.answers.size() / count;
    return bundle;
}

BundleWriter::BundleWriter(Database& db, std::int64_t cycle_id)
    : db_(db),
      cycle_id_(cycle_id),
      update_(db,
              "UPDATE assignment_bundles SET ratees = ?, states = ?, answers = ?, updated_at = ? "
              "WHERE cycle_id = ? AND rater = ? AND relation = ?") {}

void BundleWriter::write(const AssignmentBundle& bundle, const std::string& updated_at) {
    ratee_bytes_.clear();
    for (const std::uint32_t ratee : bundle.ratees) put_ratee(ratee_bytes_, ratee);
    update_.bind_blob_in_place(1, ratee_bytes_).bind_blob_in_place(2, bundle.states).bind_blob_in_place(3, bundle.answers).bind(4, updated_at);
    update_.bind(5, cycle_id_).bind(6, static_cast<std::int64_t>(bundle.rater)).bind(7, static_cast<int>(index_of(bundle.relation)));
    update_.run();
    if (db_.changes() != 1) throw damaged(cycle_id_);
}

void write_bundle(Database& db, std::int64_t cycle_id, const AssignmentBundle& bundle, const std::string& updated_at) {
    BundleWriter(db, cycle_id).write(bundle, updated_at);
}

void for_each_bundle(const Database& db, std::int64_t cycle_id, const std::function<void(const BundleView&)>& visit, bool with_answers) {
    Statement query(db, with_answers ? "SELECT rater, relation, ratees, states, answers FROM assignment_bundles WHERE cycle_id = ?"
                                     : "SELECT rater, relation, ratees, states, x'' FROM assignment_bundles WHERE cycle_id = ?");
    query.bind(1, cycle_id);
    while (query.step()) {
        BundleView view;
        const std::int64_t rater = query.integer(0);
        const std::int64_t relation = query.integer(1);
        view.ratee_bytes = query.blob(2);
        view.states = query.blob(3);
        view.answers = query.blob(4);
        view.count = view.ratee_bytes.size() / 4;
        if (rater < 0 || relation < 0 || relation > 2 || view.ratee_bytes.size() % 4 != 0 || view.states.size() != view.count ||
            (with_answers && view.count > 0 && view.answers.size() % view.count != 0))
            throw damaged(cycle_id);
        view.rater = static_cast<std::size_t>(rater);
        view.relation = static_cast<Relation>(relation);
        visit(view);
    }
}

void move_assignments_into_bundles(Database& db) {
    // Old rows in bundle order; the answers of one relation all have the form's length.
    Statement query(db,
                    "SELECT cycle_id, rater, relation, ratee, status, locked, answers, updated_at FROM assignments "
                    "ORDER BY cycle_id, rater, relation, ratee");
    Statement insert(db,
                     "INSERT INTO assignment_bundles(cycle_id, rater, relation, ratees, states, answers, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
    std::int64_t cycle = -1, rater = -1, relation = -1;
    std::vector<std::uint8_t> ratees, states, answers;
    std::optional<std::string> updated;
    const auto flush = [&] {
        if (cycle < 0) return;
        insert.bind(1, cycle).bind(2, rater).bind(3, relation).bind_blob(4, ratees).bind_blob(5, states).bind_blob(6, answers).bind(7, updated);
        insert.run();
    };
    while (query.step()) {
        const std::int64_t c = query.integer(0), r = query.integer(1), rel = query.integer(2);
        if (c != cycle || r != rater || rel != relation) {
            flush();
            cycle = c, rater = r, relation = rel;
            ratees.clear(), states.clear(), answers.clear();
            updated.reset();
        }
        put_ratee(ratees, static_cast<std::uint32_t>(query.integer(3)));
        states.push_back(state_byte(static_cast<AssignmentStatus>(query.integer(4) & 3), query.integer(5) != 0));
        const auto bytes = query.blob(6);
        answers.insert(answers.end(), bytes.begin(), bytes.end());
        if (!query.is_null(7)) {
            std::string when = query.text(7);
            if (!updated || when > *updated) updated = std::move(when);
        }
    }
    flush();
    db.execute(
        "INSERT INTO assignment_comments(cycle_id, rater, ratee, relation, comment_id, text) "
        "SELECT a.cycle_id, a.rater, a.ratee, a.relation, c.comment_id, c.text FROM comment_answers c "
        "JOIN assignments a ON a.id = c.assignment_id");
}

}  // namespace exemplar
