// SPEC §5, the scoring engine, one rule at a time on small hand-computed
// cycles. Every expected number says in a comment how it was worked out.
//
// Scales shared by the test forms:
//   five: values 1..5 without points, so option k scores n = 25·(k − 1)
//         (codes s0, s25, s50, s75, s100); reversed: 100 − n.
//   pts:  A (value 3, points 100), B (value 2, points 70), C (value 1,
//         points 40), favorable [A, B]; reversed: 100 + 40 − points.
// The engine reads an assignment's ratee, relation, submitted flag and
// answers; the rater is never used, so most tests let people rate themselves.
#include <cmath>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/reliability.h"
#include "core/form_loader.h"
#include "core/plan_loader.h"
#include "core/scoring.h"

namespace exemplar {
namespace {

constexpr int skip = 0;
constexpr int s0 = 1, s25 = 2, s50 = 3, s75 = 4, s100 = 5;
constexpr int pA = 1, pB = 2, pC = 3;

constexpr Relation self_rel = Relation::self;
constexpr Relation head_rel = Relation::head;
constexpr Relation peer_rel = Relation::peer;
constexpr std::size_t self_at = 0, head_at = 1, peer_at = 2;

const std::string shared_scales =
    "  five:\n"
    "    options:\n"
    "      - {label: v1, value: 1}\n"
    "      - {label: v2, value: 2}\n"
    "      - {label: v3, value: 3}\n"
    "      - {label: v4, value: 4}\n"
    "      - {label: v5, value: 5}\n"
    "  pts:\n"
    "    options:\n"
    "      - {label: A, value: 3, points: 100}\n"
    "      - {label: B, value: 2, points: 70}\n"
    "      - {label: C, value: 1, points: 40}\n"
    "    favorable: [A, B]\n";

// One item line of a dimension; `extra` adds keys such as "reverse: true".
std::string item(std::string_view id, std::string_view scale, std::string_view extra = "") {
    std::string line = "      - {id: " + std::string(id) + ", self: 我的表现, other: 该同志的表现, scale: " + std::string(scale);
    if (!extra.empty()) line += ", " + std::string(extra);
    return line + "}\n";
}

std::string dimension(std::string_view id, std::string_view name, const std::string& items) {
    return "  - id: " + std::string(id) + "\n    name: " + std::string(name) + "\n    items:\n" + items;
}

// A form with the shared scales plus `more_scales`, and the given dimensions.
std::string form_text(std::string_view id, const std::string& dimensions, const std::string& more_scales = "",
                      const std::string& comments = "") {
    return "form: " + std::string(id) + "\nversion: 1\ntitle: 测试表\nscales:\n" + shared_scales + more_scales +
           "dimensions:\n" + dimensions + comments;
}

// ta: reverse items with and without points, item weights, optional items.
//   d1: a1 five; a2 five reverse; a3 pts weight 2; a4 pts reverse optional
//   d2: b1 five weight 3 optional; b2 five optional
std::string form_ta() {
    return form_text("ta", dimension("d1", "D1",
                                     item("a1", "five") + item("a2", "five", "reverse: true") +
                                         item("a3", "pts", "weight: 2") +
                                         item("a4", "pts", "reverse: true, required: false")) +
                               dimension("d2", "D2", item("b1", "five", "weight: 3, required: false") +
                                                         item("b2", "five", "required: false")));
}

// tb: d1: x1 five; d2: x2 five optional.
std::string form_tb() {
    return form_text("tb", dimension("d1", "D1", item("x1", "five")) +
                               dimension("d2", "D2", item("x2", "five", "required: false")));
}

Form form_from(const std::string& text) {
    FormLoad load = parse_form("form.yaml", text);
    for (const Diagnostic& diagnostic : load.diagnostics) ADD_FAILURE() << diagnostic.to_string();
    return load.form ? *load.form : Form{};
}

const std::string four_grades =
    "grades:\n"
    "  - {name: 优秀, min: 90}\n"
    "  - {name: 称职, min: 70}\n"
    "  - {name: 基本称职, min: 60}\n"
    "  - {name: 不称职, min: 0}\n";

// A plan; `rest` holds min_peers, trim_extremes, grades and the quota.
Plan plan_from(std::string_view forms, std::string_view relation_weights, std::string_view dimension_weights,
               const std::string& rest) {
    const std::string text = "plan: test\nforms: {" + std::string(forms) + "}\nrelation_weights: {" +
                             std::string(relation_weights) + "}\ndimension_weights: {" + std::string(dimension_weights) +
                             "}\n" + rest;
    PlanLoad load = parse_plan("plan.yaml", text);
    for (const Diagnostic& diagnostic : load.diagnostics) ADD_FAILURE() << diagnostic.to_string();
    return load.plan ? *load.plan : Plan{};
}

// A cycle under construction: the plan, its forms, members and assignments.
class Cycle {
public:
    explicit Cycle(Plan plan) : plan_(std::move(plan)) { input_.plan = &plan_; }
    Cycle(const Cycle&) = delete;
    Cycle& operator=(const Cycle&) = delete;

    const Form& use(Relation relation, const std::string& text) {
        forms_.push_back(form_from(text));
        input_.forms[index_of(relation)] = &forms_.back();
        return forms_.back();
    }
    // The same form object for another relation.
    void use_same(Relation relation, Relation as) { input_.forms[index_of(relation)] = input_.forms[index_of(as)]; }

    std::size_t person(const std::string& id, const std::string& department = "U", bool is_head = false) {
        input_.members.push_back({id, "姓名" + id, department, "科员", is_head});
        return input_.members.size() - 1;
    }

    void rate(std::size_t ratee, Relation relation, const std::vector<int>& codes, bool submitted = true) {
        const Form* form = input_.forms[index_of(relation)];
        EXPECT_NE(form, nullptr);
        if (form != nullptr) {
            EXPECT_EQ(codes.size(), form->items.size()) << "one code per item";
        }
        AnswerRow row;
        for (const int code : codes) row.push_back(static_cast<AnswerCode>(code));
        rows_.push_back(std::move(row));
        input_.assignments.push_back({ratee, ratee, relation, submitted, AnswerView(rows_.back())});
    }

    CycleResults run() const { return compute_results(input_); }
    ScoringInput& input() { return input_; }

private:
    Plan plan_;
    std::deque<Form> forms_;
    std::deque<AnswerRow> rows_;
    ScoringInput input_;
};

using Flags = std::vector<std::string>;
using Optionals = std::vector<std::optional<double>>;

void expect_near(const std::optional<double>& actual, double expected, const char* what) {
    ASSERT_TRUE(actual.has_value()) << what;
    EXPECT_NEAR(*actual, expected, 1e-12) << what;
}

// ---------------------------------------------------------------------------
// D(a,d): weighted mean of n over the answered items.

TEST(ScoringRaterScore, ReverseItemsWeightsAndOptionalItems) {
    Cycle cycle(plan_from("self: ta", "self: 1", "d1: 1, d2: 1", four_grades));
    cycle.use(self_rel, form_ta());
    const auto p0 = cycle.person("P0");
    const auto p1 = cycle.person("P1");
    const auto p2 = cycle.person("P2");
    const auto p3 = cycle.person("P3");
    //                          a1    a2    a3   a4    b1    b2
    cycle.rate(p0, self_rel, {s75, s25, pB, pC, s100, skip});
    cycle.rate(p1, self_rel, {s75, s25, pB, skip, s0, s50});
    cycle.rate(p2, self_rel, {s0, s0, pA, pA, s25, s75});
    cycle.rate(p3, self_rel, {s50, s50, pC, skip, skip, skip});
    const CycleResults results = cycle.run();
    ASSERT_EQ(results.people.size(), 4u);

    // P0 d1: a1 75; a2 reverse of 25 = 75; a3 B 70 × weight 2; a4 reverse of
    // C (points) = 100 + 40 − 40 = 100 → (75 + 75 + 140 + 100) / 5 = 78.
    // d2: b1 100 × 3 / 3 = 100 (b2 unanswered). T = (78 + 100) / 2 = 89.
    const PersonResult& r0 = results.people[p0];
    EXPECT_DOUBLE_EQ(*r0.groups[self_at][0], 78.0);
    EXPECT_DOUBLE_EQ(*r0.groups[self_at][1], 100.0);
    EXPECT_DOUBLE_EQ(*r0.scores[0], 78.0);
    EXPECT_DOUBLE_EQ(*r0.scores[1], 100.0);
    EXPECT_DOUBLE_EQ(*r0.total, 89.0);
    EXPECT_DOUBLE_EQ(*r0.group_totals[self_at], 89.0);

    // P1 d1 without the optional a4: (75 + 75 + 140) / 4 = 72.5;
    // d2: (0 × 3 + 50 × 1) / 4 = 12.5; T = (72.5 + 12.5) / 2 = 42.5.
    EXPECT_DOUBLE_EQ(*results.people[p1].scores[0], 72.5);
    EXPECT_DOUBLE_EQ(*results.people[p1].scores[1], 12.5);
    EXPECT_DOUBLE_EQ(*results.people[p1].total, 42.5);

    // P2 d1: a1 0; a2 reverse of 0 = 100; a3 A 100 × 2; a4 reverse of A =
    // 140 − 100 = 40 → (0 + 100 + 200 + 40) / 5 = 68; d2: (25 × 3 + 75) / 4 = 37.5.
    EXPECT_DOUBLE_EQ(*results.people[p2].scores[0], 68.0);
    EXPECT_DOUBLE_EQ(*results.people[p2].scores[1], 37.5);
    EXPECT_DOUBLE_EQ(*results.people[p2].total, 52.75);

    // P3: d1 (50 + 50 + 40 × 2) / 4 = 45; d2 has no answer: undefined, and T
    // is over d1 alone = 45.
    const PersonResult& r3 = results.people[p3];
    EXPECT_DOUBLE_EQ(*r3.scores[0], 45.0);
    EXPECT_FALSE(r3.groups[self_at][1].has_value());
    EXPECT_FALSE(r3.scores[1].has_value());
    EXPECT_DOUBLE_EQ(*r3.total, 45.0);

    // Relations left out of the plan: no groups, no flags.
    for (const PersonResult& person : results.people) {
        EXPECT_EQ(person.groups[head_at], (Optionals{std::nullopt, std::nullopt}));
        EXPECT_EQ(person.groups[peer_at], (Optionals{std::nullopt, std::nullopt}));
        EXPECT_EQ(person.flags, Flags{});
        EXPECT_EQ(person.peer_count, 0);
        EXPECT_FALSE(person.peer_group_defined);
    }
}

// ---------------------------------------------------------------------------
// Dimension columns.

TEST(ScoringColumns, SelfHeadPeerOrderFirstAppearanceAndSharedIds) {
    // tp: d2 (p1 five) and d9 (p2 five); d2 is the same column as ta's d2.
    const std::string tp =
        form_text("tp", dimension("d2", "同事D2", item("p1", "five")) + dimension("d9", "D9", item("p2", "five")));
    Cycle cycle(plan_from("self: ta, head: ta, peer: tp", "self: 1, head: 1, peer: 1", "d1: 1, d2: 2",
                          "min_peers: 1\n" + four_grades));
    cycle.use(self_rel, form_ta());
    cycle.use_same(head_rel, self_rel);
    cycle.use(peer_rel, tp);
    const auto x = cycle.person("X");
    cycle.rate(x, self_rel, {s100, s0, pA, skip, s50, skip});
    cycle.rate(x, peer_rel, {s0, s100});
    const CycleResults results = cycle.run();

    ASSERT_EQ(results.dimensions.size(), 3u);
    EXPECT_EQ(results.dimensions[0].id, "d1");
    EXPECT_EQ(results.dimensions[1].id, "d2");
    EXPECT_EQ(results.dimensions[1].name, "D2");  // the self form's name: first appearance
    EXPECT_EQ(results.dimensions[2].id, "d9");
    EXPECT_DOUBLE_EQ(results.dimensions[0].weight, 1.0);
    EXPECT_DOUBLE_EQ(results.dimensions[1].weight, 2.0);
    EXPECT_DOUBLE_EQ(results.dimensions[2].weight, 0.0);  // missing from the plan: 0, column kept

    const PersonResult& r = results.people[x];
    // Self: d1 = (100 + reverse 0 = 100 + 100 × 2) / 4 = 100; d2 = 50 × 3 / 3 = 50.
    // Peer (tp's own items): d2 = 0, d9 = 100.
    EXPECT_EQ(r.groups[self_at], (Optionals{100.0, 50.0, std::nullopt}));
    EXPECT_EQ(r.groups[peer_at], (Optionals{std::nullopt, 0.0, 100.0}));
    // P: d1 = 100; d2 = (50 + 0) / 2 = 25; d9 = 100 (peer alone).
    EXPECT_EQ(r.scores, (Optionals{100.0, 25.0, 100.0}));
    // T = (1 × 100 + 2 × 25) / (1 + 2) = 50; d9 has weight 0 and is left out.
    EXPECT_DOUBLE_EQ(*r.total, 50.0);
    // T_self = (100 + 2 × 50) / 3; T_peer = 2 × 0 / 2 = 0 (d1 undefined, d9 weight 0).
    EXPECT_NEAR(*r.group_totals[self_at], 200.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(*r.group_totals[peer_at], 0.0);
    EXPECT_FALSE(r.group_totals[head_at].has_value());
    // Others: d2 = 0, d9 = 100; gap only where self is defined too: d2 = 50 − 0.
    EXPECT_EQ(r.others, (Optionals{std::nullopt, 0.0, 100.0}));
    EXPECT_EQ(r.gaps, (Optionals{std::nullopt, 50.0, std::nullopt}));
    EXPECT_EQ(r.flags, (Flags{"NO_HEAD", "BLIND_SPOT:d2"}));
}

TEST(ScoringColumns, WithoutSelfFormTheHeadFormComesFirst) {
    const std::string tp =
        form_text("tp", dimension("d2", "同事D2", item("p1", "five")) + dimension("d9", "D9", item("p2", "five")));
    Cycle cycle(plan_from("head: tp, peer: ta", "head: 1, peer: 1", "d1: 1", four_grades));
    cycle.use(head_rel, tp);
    cycle.use(peer_rel, form_ta());
    cycle.person("X");
    const CycleResults results = cycle.run();
    ASSERT_EQ(results.dimensions.size(), 3u);
    EXPECT_EQ(results.dimensions[0].id, "d2");
    EXPECT_EQ(results.dimensions[0].name, "同事D2");
    EXPECT_EQ(results.dimensions[1].id, "d9");
    EXPECT_EQ(results.dimensions[2].id, "d1");
    // No assignment at all: nothing defined, NO_HEAD and INSUFFICIENT_PEERS.
    const PersonResult& r = results.people[0];
    EXPECT_FALSE(r.total.has_value());
    EXPECT_FALSE(r.rank_unit.has_value());
    EXPECT_FALSE(r.grade.has_value());
    EXPECT_EQ(r.flags, (Flags{"INSUFFICIENT_PEERS", "NO_HEAD"}));
}

// ---------------------------------------------------------------------------
// G, P, T and T_g across relations.

TEST(ScoringGroups, WeightedAcrossRelationsAndMissingHead) {
    Cycle cycle(plan_from("self: tb, head: tb, peer: tb", "self: 0.2, head: 0.4, peer: 0.4", "d1: 1, d2: 3",
                          "min_peers: 3\n" + four_grades));
    cycle.use(self_rel, form_tb());
    cycle.use_same(head_rel, self_rel);
    cycle.use_same(peer_rel, self_rel);
    const auto x = cycle.person("X");
    const auto y = cycle.person("Y");
    cycle.rate(x, self_rel, {s50, s100});
    cycle.rate(x, head_rel, {s75, s25});
    cycle.rate(x, peer_rel, {s100, s0});
    cycle.rate(x, peer_rel, {s75, s25});
    cycle.rate(x, peer_rel, {s50, s50});
    cycle.rate(y, self_rel, {s100, s50});
    cycle.rate(y, peer_rel, {s50, s50});
    cycle.rate(y, peer_rel, {s50, s50});
    cycle.rate(y, peer_rel, {s50, s50});
    const CycleResults results = cycle.run();

    const PersonResult& rx = results.people[x];
    // G peer d1 = (100 + 75 + 50) / 3 = 75; d2 = (0 + 25 + 50) / 3 = 25.
    EXPECT_EQ(rx.groups[self_at], (Optionals{50.0, 100.0}));
    EXPECT_EQ(rx.groups[head_at], (Optionals{75.0, 25.0}));
    EXPECT_EQ(rx.groups[peer_at], (Optionals{75.0, 25.0}));
    // P d1 = (0.2 × 50 + 0.4 × 75 + 0.4 × 75) / 1 = 70; d2 = (20 + 10 + 10) / 1 = 40.
    expect_near(rx.scores[0], 70.0, "P d1");
    expect_near(rx.scores[1], 40.0, "P d2");
    // T = (1 × 70 + 3 × 40) / 4 = 47.5; T_self = (50 + 300) / 4 = 87.5;
    // T_head = T_peer = (75 + 3 × 25) / 4 = 37.5.
    expect_near(rx.total, 47.5, "T");
    expect_near(rx.group_totals[self_at], 87.5, "T_self");
    expect_near(rx.group_totals[head_at], 37.5, "T_head");
    expect_near(rx.group_totals[peer_at], 37.5, "T_peer");
    // Others = (0.4 × 75 + 0.4 × 75) / 0.8 = 75 and 25; gaps 50 − 75 = −25, 100 − 25 = 75.
    expect_near(rx.others[0], 75.0, "Others d1");
    expect_near(rx.others[1], 25.0, "Others d2");
    expect_near(rx.gaps[0], -25.0, "gap d1");
    expect_near(rx.gaps[1], 75.0, "gap d2");
    EXPECT_EQ(rx.peer_count, 3);
    EXPECT_TRUE(rx.peer_group_defined);
    EXPECT_EQ(rx.flags, (Flags{"HIDDEN_STRENGTH:d1", "BLIND_SPOT:d2"}));

    // Y has no head assignment: P from self and peer only.
    // P d1 = (0.2 × 100 + 0.4 × 50) / 0.6 = 200/3; d2 = (0.2 × 50 + 0.4 × 50) / 0.6 = 50;
    // T = (200/3 + 3 × 50) / 4 = 650/12.
    const PersonResult& ry = results.people[y];
    EXPECT_EQ(ry.groups[head_at], (Optionals{std::nullopt, std::nullopt}));
    EXPECT_FALSE(ry.group_totals[head_at].has_value());
    expect_near(ry.scores[0], 200.0 / 3.0, "P d1");
    expect_near(ry.scores[1], 50.0, "P d2");
    expect_near(ry.total, 650.0 / 12.0, "T");
    // Others = peer alone: 50, 50; gaps 50 and 0.
    expect_near(ry.gaps[0], 50.0, "gap d1");
    expect_near(ry.gaps[1], 0.0, "gap d2");
    EXPECT_EQ(ry.flags, (Flags{"NO_HEAD", "BLIND_SPOT:d1"}));
}

TEST(ScoringGroups, WeightZeroRelationIsShownButLeftOutOfP) {
    // self is missing from relation_weights: weight 0.
    Cycle cycle(plan_from("self: tb, head: tb, peer: tb", "head: 1, peer: 1", "d1: 1, d2: 1",
                          "min_peers: 1\n" + four_grades));
    cycle.use(self_rel, form_tb());
    cycle.use_same(head_rel, self_rel);
    cycle.use_same(peer_rel, self_rel);
    const auto v = cycle.person("V");
    const auto w = cycle.person("W");
    cycle.rate(v, self_rel, {s100, s100});
    cycle.rate(v, head_rel, {s50, s50});
    cycle.rate(v, peer_rel, {s0, s0});
    cycle.rate(w, self_rel, {s100, s100});
    cycle.rate(w, head_rel, {s50, s50}, false);
    cycle.rate(w, peer_rel, {s0, s0}, false);
    const CycleResults results = cycle.run();

    // V: P = (1 × 50 + 1 × 0) / 2 = 25 per dimension (self ignored); T = 25;
    // G_self and T_self = 100 still reported; Others = 25, gap = 75.
    const PersonResult& rv = results.people[v];
    EXPECT_EQ(rv.scores, (Optionals{25.0, 25.0}));
    EXPECT_DOUBLE_EQ(*rv.total, 25.0);
    EXPECT_DOUBLE_EQ(*rv.group_totals[self_at], 100.0);
    EXPECT_EQ(rv.gaps, (Optionals{75.0, 75.0}));
    EXPECT_EQ(rv.flags, (Flags{"BLIND_SPOT:d1", "BLIND_SPOT:d2"}));

    // W: only the weight-0 self is submitted: no P, no T, no rank, no grade,
    // but G_self and T_self = 100.
    const PersonResult& rw = results.people[w];
    EXPECT_EQ(rw.scores, (Optionals{std::nullopt, std::nullopt}));
    EXPECT_FALSE(rw.total.has_value());
    EXPECT_FALSE(rw.rank_unit.has_value());
    EXPECT_FALSE(rw.rank_department.has_value());
    EXPECT_FALSE(rw.grade.has_value());
    EXPECT_EQ(rw.groups[self_at], (Optionals{100.0, 100.0}));
    EXPECT_DOUBLE_EQ(*rw.group_totals[self_at], 100.0);
    EXPECT_EQ(rw.gaps, (Optionals{std::nullopt, std::nullopt}));
    EXPECT_EQ(rw.peer_count, 0);
    EXPECT_EQ(rw.flags, (Flags{"INSUFFICIENT_PEERS", "INCOMPLETE"}));
    // Only V has a T: N = 1, unit rank 1.
    EXPECT_EQ(rv.rank_unit, 1);
}

// ---------------------------------------------------------------------------
// The peer group: min_peers and unsubmitted assignments.

TEST(ScoringPeers, MinPeersBoundaryAndUnsubmittedAssignments) {
    Cycle cycle(plan_from("self: tb, head: tb, peer: tb", "self: 1, head: 1, peer: 1", "d1: 1, d2: 1",
                          "min_peers: 3\n" + four_grades));
    cycle.use(self_rel, form_tb());
    cycle.use_same(head_rel, self_rel);
    cycle.use_same(peer_rel, self_rel);
    const auto a = cycle.person("A");
    const auto b = cycle.person("B");
    const auto c = cycle.person("C");
    for (const auto p : {a, b, c}) cycle.rate(p, self_rel, {s50, s50});
    cycle.rate(a, head_rel, {s50, s50});
    cycle.rate(b, head_rel, {s50, s50});
    cycle.rate(c, head_rel, {s100, s100}, false);  // answered but not submitted: ignored
    // A: exactly min_peers = 3 submitted.
    cycle.rate(a, peer_rel, {s100, s100});
    cycle.rate(a, peer_rel, {s100, s100});
    cycle.rate(a, peer_rel, {s25, s25});
    // B: 2 submitted and 1 not: one fewer than min_peers.
    cycle.rate(b, peer_rel, {s100, s100});
    cycle.rate(b, peer_rel, {s100, s100});
    cycle.rate(b, peer_rel, {s0, s0}, false);
    // C: 3 submitted.
    for (int i = 0; i < 3; ++i) cycle.rate(c, peer_rel, {s50, s50});
    const CycleResults results = cycle.run();

    // A: G peer = (100 + 100 + 25) / 3 = 75; P = (50 + 50 + 75) / 3 = 175/3.
    const PersonResult& ra = results.people[a];
    EXPECT_TRUE(ra.peer_group_defined);
    EXPECT_EQ(ra.peer_count, 3);
    EXPECT_EQ(ra.groups[peer_at], (Optionals{75.0, 75.0}));
    expect_near(ra.scores[0], 175.0 / 3.0, "P d1");
    EXPECT_DOUBLE_EQ(*ra.group_totals[peer_at], 75.0);
    EXPECT_EQ(ra.flags, Flags{});

    // B: peer group undefined: no G peer, no T_peer; P = (50 + 50) / 2 = 50.
    const PersonResult& rb = results.people[b];
    EXPECT_FALSE(rb.peer_group_defined);
    EXPECT_EQ(rb.peer_count, 2);
    EXPECT_EQ(rb.groups[peer_at], (Optionals{std::nullopt, std::nullopt}));
    EXPECT_FALSE(rb.group_totals[peer_at].has_value());
    EXPECT_EQ(rb.scores, (Optionals{50.0, 50.0}));
    EXPECT_EQ(rb.others, (Optionals{50.0, 50.0}));  // head alone
    EXPECT_TRUE(rb.tallies.empty());
    EXPECT_EQ(rb.flags, (Flags{"INSUFFICIENT_PEERS", "INCOMPLETE"}));

    // C: the unsubmitted head assignment counts for nothing but INCOMPLETE
    // (it exists, so no NO_HEAD): P = (50 + 50) / 2 = 50.
    const PersonResult& rc = results.people[c];
    EXPECT_EQ(rc.groups[head_at], (Optionals{std::nullopt, std::nullopt}));
    EXPECT_EQ(rc.scores, (Optionals{50.0, 50.0}));
    EXPECT_EQ(rc.flags, (Flags{"INCOMPLETE"}));
}

// ---------------------------------------------------------------------------
// trim_extremes.

TEST(ScoringTrim, MoreThanFiveValuesLoseOneHighestAndOneLowest) {
    for (const bool trim : {true, false}) {
        SCOPED_TRACE(trim ? "trim_extremes: true" : "trim_extremes: false");
        Cycle cycle(plan_from("peer: tb", "peer: 1", "d1: 1, d2: 1",
                              std::string("min_peers: 1\ntrim_extremes: ") + (trim ? "true" : "false") + "\n" + four_grades));
        cycle.use(peer_rel, form_tb());
        const auto five = cycle.person("F");
        const auto six = cycle.person("S");
        const auto dup = cycle.person("D");
        for (const int code : {s0, s25, s25, s75, s100}) cycle.rate(five, peer_rel, {code, code});
        // S: six values of d1; d2 answered by five of them only.
        const int d2_codes[] = {s0, s25, s25, s75, s100, skip};
        const int d1_codes[] = {s0, s25, s25, s25, s75, s100};
        for (int i = 0; i < 6; ++i) cycle.rate(six, peer_rel, {d1_codes[i], d2_codes[i]});
        for (const int code : {s0, s0, s25, s100, s100, s50}) cycle.rate(dup, peer_rel, {code, skip});
        const CycleResults results = cycle.run();

        // F: 5 values, never trimmed: (0 + 25 + 25 + 75 + 100) / 5 = 45.
        expect_near(results.people[five].groups[peer_at][0], 45.0, "F d1");
        // S d2: 5 defined values (6 assignments), never trimmed: 45.
        expect_near(results.people[six].groups[peer_at][1], 45.0, "S d2");
        if (trim) {
            // S d1: drop 0 and 100: (25 + 25 + 25 + 75) / 4 = 37.5.
            expect_near(results.people[six].groups[peer_at][0], 37.5, "S d1");
            // D d1: drop one 0 and one 100: (0 + 25 + 100 + 50) / 4 = 43.75.
            expect_near(results.people[dup].groups[peer_at][0], 43.75, "D d1");
        } else {
            // Plain means: 250 / 6 and 275 / 6.
            expect_near(results.people[six].groups[peer_at][0], 250.0 / 6.0, "S d1");
            expect_near(results.people[dup].groups[peer_at][0], 275.0 / 6.0, "D d1");
        }
        EXPECT_EQ(results.people[six].peer_count, 6);
    }
}

// ---------------------------------------------------------------------------
// Ranks and the 1e-9 rule.

TEST(ScoringRanks, ValuesWithinOneNanoTieInUnitAndExactDepartment) {
    const std::string scale =
        "  rk:\n"
        "    options:\n"
        "      - {label: r1, value: 1, points: 90.0000000001}\n"
        "      - {label: r2, value: 2, points: 90}\n"
        "      - {label: r3, value: 3, points: 90.000000002}\n"
        "      - {label: r4, value: 4, points: 80}\n"
        "      - {label: r5, value: 5, points: 89.9999999995}\n"
        "      - {label: r6, value: 6, points: 89.999999998}\n";
    Cycle cycle(plan_from("self: tk", "self: 1", "k: 1",
                          "grades:\n  - {name: 优秀, min: 90}\n  - {name: 称职, min: 0}\ntop_grade_quota: 1\n"));
    cycle.use(self_rel, form_text("tk", dimension("k", "K", item("k1", "rk")), scale));
    const auto a = cycle.person("A", "U/X");
    const auto b = cycle.person("B", "U/X");
    const auto c = cycle.person("C", "U/X/Y");
    const auto d = cycle.person("D", "U/X");
    const auto e = cycle.person("E", "U");
    const auto f = cycle.person("F", "U");
    const auto g = cycle.person("G", "U/Z");
    const auto h = cycle.person("H", "U/Z");
    cycle.rate(a, self_rel, {1});
    cycle.rate(b, self_rel, {2});
    cycle.rate(c, self_rel, {3});
    cycle.rate(d, self_rel, {4});
    cycle.rate(e, self_rel, {4});
    cycle.rate(g, self_rel, {5});
    cycle.rate(h, self_rel, {6});
    const CycleResults results = cycle.run();
    const auto& people = results.people;

    // T: A 90.0000000001, B 90, C 90.000000002, D 80, E 80, G 89.9999999995,
    // H 89.999999998. Rank = 1 + those above by more than 1e-9:
    // C: none → 1; A: C (1.9e-9) → 2; B: C (2e-9), not A (1e-10) → 2;
    // G: C (2.5e-9), not A (6e-10) nor B (5e-10) → 2; H: C, A (2.1e-9),
    // B (2e-9), G (1.5e-9) → 5; D and E: all five above → 6.
    EXPECT_EQ(people[c].rank_unit, 1);
    EXPECT_EQ(people[a].rank_unit, 2);
    EXPECT_EQ(people[b].rank_unit, 2);
    EXPECT_EQ(people[g].rank_unit, 2);
    EXPECT_EQ(people[h].rank_unit, 5);
    EXPECT_EQ(people[d].rank_unit, 6);
    EXPECT_EQ(people[e].rank_unit, 6);
    EXPECT_FALSE(people[f].rank_unit.has_value());
    EXPECT_FALSE(people[f].rank_department.has_value());
    // Departments are exact paths: U/X = {A, B, D}; U/X/Y = {C}; U = {E, F}; U/Z = {G, H}.
    EXPECT_EQ(people[a].rank_department, 1);
    EXPECT_EQ(people[b].rank_department, 1);
    EXPECT_EQ(people[d].rank_department, 3);
    EXPECT_EQ(people[c].rank_department, 1);
    EXPECT_EQ(people[e].rank_department, 1);
    EXPECT_EQ(people[g].rank_department, 1);
    EXPECT_EQ(people[h].rank_department, 2);
    // Grades: min ≤ T + 1e-9. G (90 − 5e-10) reaches 优秀, H (90 − 2e-9) does not.
    EXPECT_EQ(people[a].grade, "优秀");
    EXPECT_EQ(people[b].grade, "优秀");
    EXPECT_EQ(people[g].grade, "优秀");
    EXPECT_EQ(people[h].grade, "称职");
    EXPECT_EQ(people[d].grade, "称职");
    EXPECT_FALSE(people[f].grade.has_value());
}

// ---------------------------------------------------------------------------
// Grades and the top-grade quota.

// Ten options: t1..t10 with points 95, 94, 93, 92, 91, 80, 75, 65, 50, 10.
const std::string ten_scale =
    "  ten:\n"
    "    options:\n"
    "      - {label: t1, value: 1, points: 95}\n"
    "      - {label: t2, value: 2, points: 94}\n"
    "      - {label: t3, value: 3, points: 93}\n"
    "      - {label: t4, value: 4, points: 92}\n"
    "      - {label: t5, value: 5, points: 91}\n"
    "      - {label: t6, value: 6, points: 80}\n"
    "      - {label: t7, value: 7, points: 75}\n"
    "      - {label: t8, value: 8, points: 65}\n"
    "      - {label: t9, value: 9, points: 50}\n"
    "      - {label: t10, value: 10, points: 10}\n";

struct Graded {
    std::vector<std::optional<std::string>> grades;
    std::vector<Flags> flags;
    std::vector<std::optional<int>> ranks;
};

// One person per code (T = the option's points) and `unscored` people without
// any assignment; self-only plan.
Graded graded(const std::string& quota, const std::vector<int>& codes, const std::string& grades = four_grades,
              int unscored = 0) {
    Cycle cycle(plan_from("self: tq", "self: 1", "q: 1", grades + "top_grade_quota: " + quota + "\n"));
    cycle.use(self_rel, form_text("tq", dimension("q", "Q", item("q1", "ten")), ten_scale));
    for (std::size_t i = 0; i < codes.size(); ++i) cycle.rate(cycle.person("P" + std::to_string(i)), self_rel, {codes[i]});
    for (int i = 0; i < unscored; ++i) cycle.person("N" + std::to_string(i));
    const CycleResults results = cycle.run();
    Graded out;
    for (const PersonResult& person : results.people) {
        out.grades.push_back(person.grade);
        out.flags.push_back(person.flags);
        out.ranks.push_back(person.rank_unit);
    }
    return out;
}

using Grades = std::vector<std::optional<std::string>>;

TEST(ScoringGrades, QuotaWithoutTies) {
    // N = 10, K = ⌊0.2 × 10⌋ = 2: ranks 1–2 (95, 94) 优秀; 93, 92, 91 reach
    // 90 but rank 3–5 > K → the second grade 称职; 80, 75 称职; 65 基本称职;
    // 50, 10 不称职.
    const Graded result = graded("0.2", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    EXPECT_EQ(result.grades, (Grades{"优秀", "优秀", "称职", "称职", "称职", "称职", "称职", "基本称职", "不称职", "不称职"}));
    for (const Flags& flags : result.flags) EXPECT_EQ(flags, Flags{});
}

TEST(ScoringGrades, TieAtRankTwoReachingPastQuotaKeepsTheFirstGrade) {
    // 95, 94, 94, 93, …: ranks 1, 2, 2, 4. K = 2; the tie at rank 2 has size
    // 2: 2 + 2 − 1 = 3 > K → both 优秀 with QUOTA_TIE; 93 (rank 4) 称职.
    const Graded result = graded("0.2", {1, 2, 2, 3, 4, 5, 6, 7, 8, 9});
    EXPECT_EQ(result.ranks[1], 2);
    EXPECT_EQ(result.ranks[2], 2);
    EXPECT_EQ(result.ranks[3], 4);
    EXPECT_EQ(result.grades[0], "优秀");
    EXPECT_EQ(result.grades[1], "优秀");
    EXPECT_EQ(result.grades[2], "优秀");
    EXPECT_EQ(result.grades[3], "称职");
    EXPECT_EQ(result.flags[0], Flags{});
    EXPECT_EQ(result.flags[1], Flags{"QUOTA_TIE"});
    EXPECT_EQ(result.flags[2], Flags{"QUOTA_TIE"});
    EXPECT_EQ(result.flags[3], Flags{});
}

TEST(ScoringGrades, TieAtRankOneLargerThanQuota) {
    // 95 × 3: rank 1, size 3, K = 2: 1 + 3 − 1 = 3 > 2 → all three 优秀 + QUOTA_TIE.
    const Graded result = graded("0.2", {1, 1, 1, 2, 3, 4, 5, 6, 7, 8});
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(result.grades[i], "优秀");
        EXPECT_EQ(result.flags[i], Flags{"QUOTA_TIE"});
    }
    EXPECT_EQ(result.grades[3], "称职");  // 94, rank 4
}

TEST(ScoringGrades, TieBelowTheQuotaGetsTheSecondGrade) {
    // 95, 94, 93, 93: the tie is at rank 3 > K = 2 → both 称职, no flag.
    const Graded result = graded("0.2", {1, 2, 3, 3, 4, 5, 6, 7, 8, 9});
    EXPECT_EQ(result.grades[1], "优秀");
    EXPECT_EQ(result.flags[1], Flags{});
    EXPECT_EQ(result.ranks[2], 3);
    EXPECT_EQ(result.grades[2], "称职");
    EXPECT_EQ(result.grades[3], "称职");
    EXPECT_EQ(result.flags[2], Flags{});
    EXPECT_EQ(result.flags[3], Flags{});
}

TEST(ScoringGrades, QuotaOfZeroPlacesGiveNobodyTheFirstGrade) {
    // K = ⌊0.05 × 10⌋ = 0 and K = ⌊0 × 10⌋ = 0: 95 gets 称职.
    for (const std::string quota : {"0.05", "0"}) {
        const Graded result = graded(quota, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        EXPECT_EQ(result.grades[0], "称职") << quota;
        EXPECT_EQ(result.flags[0], Flags{}) << quota;
    }
}

TEST(ScoringGrades, PeopleWithoutTotalAreNotCountedInN) {
    // 10 scored + 2 without T, quota 0.25: N = 10, K = ⌊2.5⌋ = 2 (with N = 12
    // it would be 3): 93 at rank 3 gets 称职; the unscored get no grade.
    const Graded result = graded("0.25", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, four_grades, 2);
    EXPECT_EQ(result.grades[1], "优秀");
    EXPECT_EQ(result.grades[2], "称职");
    EXPECT_FALSE(result.grades[10].has_value());
    EXPECT_FALSE(result.grades[11].has_value());
    EXPECT_FALSE(result.ranks[10].has_value());
}

TEST(ScoringGrades, SingleGradePlanLeavesThoseBeyondTheQuotaUngraded) {
    // One grade 合格 (min 0), K = 2: ranks 1–2 合格, everyone else undefined.
    const Graded result = graded("0.2", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "grades:\n  - {name: 合格, min: 0}\n");
    EXPECT_EQ(result.grades[0], "合格");
    EXPECT_EQ(result.grades[1], "合格");
    for (std::size_t i = 2; i < 10; ++i) EXPECT_FALSE(result.grades[i].has_value()) << i;
}

TEST(ScoringGrades, QuotaFloorAllowsForRoundingError) {
    // 0.58 × 50 = 28.999999999999996 in doubles; ⌊… + 1e-9⌋ = 29, not 28.
    ASSERT_LT(0.58 * 50, 29.0);
    std::string scale = "  fifty:\n    options:\n";
    for (int k = 1; k <= 50; ++k)
        scale += "      - {label: f" + std::to_string(k) + ", value: " + std::to_string(k) + "}\n";
    Cycle cycle(plan_from("self: tf", "self: 1", "f: 1",
                          "grades:\n  - {name: 优秀, min: 1}\n  - {name: 称职, min: 0}\ntop_grade_quota: 0.58\n"));
    cycle.use(self_rel, form_text("tf", dimension("f", "F", item("f1", "fifty")), scale));
    // Person i (1-based) answers option 51 − i: score (50 − i) / 49 × 100,
    // all distinct and ≥ 1 down to i = 49, so rank = i.
    for (int i = 1; i <= 50; ++i) cycle.rate(cycle.person("P" + std::to_string(i)), self_rel, {51 - i});
    const CycleResults results = cycle.run();
    EXPECT_EQ(results.people[28].rank_unit, 29);
    EXPECT_EQ(results.people[28].grade, "优秀");
    EXPECT_EQ(results.people[29].rank_unit, 30);
    EXPECT_EQ(results.people[29].grade, "称职");
    int first = 0;
    for (const PersonResult& person : results.people) first += person.grade == "优秀";
    EXPECT_EQ(first, 29);
}

// ---------------------------------------------------------------------------
// Self–others gaps.

TEST(ScoringGaps, FlagsAtFifteenWithinOneNanoNotAtFourteenNinetyNine) {
    const std::string scale =
        "  gp:\n"
        "    options:\n"
        "      - {label: g651, value: 1, points: 65.1}\n"
        "      - {label: g501, value: 2, points: 50.1}\n"
        "      - {label: g14, value: 3, points: 1.4}\n"
        "      - {label: g164, value: 4, points: 16.4}\n"
        "      - {label: g6499, value: 5, points: 64.99}\n"
        "      - {label: g50, value: 6, points: 50}\n"
        "      - {label: g3501, value: 7, points: 35.01}\n"
        "      - {label: g65, value: 8, points: 65}\n";
    const std::string tg =
        form_text("tg",
                  dimension("g1", "G1", item("i1", "gp")) + dimension("g2", "G2", item("i2", "gp")) +
                      dimension("g3", "G3", item("i3", "gp")) + dimension("g4", "G4", item("i4", "gp")) +
                      dimension("g5", "G5", item("i5", "gp")),
                  scale);
    Cycle cycle(plan_from("self: tg, head: tg, peer: tg", "self: 0.2, head: 0.4, peer: 0.4",
                          "g1: 1, g2: 1, g3: 1, g4: 1, g5: 1", "min_peers: 1\n" + four_grades));
    cycle.use(self_rel, tg);
    cycle.use_same(head_rel, self_rel);
    cycle.use_same(peer_rel, self_rel);
    const auto x = cycle.person("X");
    const auto z = cycle.person("Z");
    cycle.rate(x, self_rel, {1, 3, 5, 7, 8});  // 65.1, 1.4, 64.99, 35.01, 65
    cycle.rate(x, head_rel, {2, 4, 6, 6, 6});  // 50.1, 16.4, 50, 50, 50
    cycle.rate(x, peer_rel, {2, 4, 6, 6, 6});
    cycle.rate(z, head_rel, {2, 2, 2, 2, 2});
    cycle.rate(z, peer_rel, {2, 2, 2, 2, 2});
    const CycleResults results = cycle.run();

    // Others = (0.4 × o + 0.4 × o) / 0.8 = o: 50.1, 16.4, 50, 50, 50.
    // Gaps: 65.1 − 50.1 = 15 (14.999999999999993 in doubles), 1.4 − 16.4 =
    // −15 (−14.999999999999998 in doubles), 64.99 − 50 = 14.99,
    // 35.01 − 50 = −14.99, 65 − 50 = 15 exactly.
    const PersonResult& rx = results.people[x];
    expect_near(rx.others[0], 50.1, "Others g1");
    expect_near(rx.others[1], 16.4, "Others g2");
    expect_near(rx.gaps[0], 15.0, "gap g1");
    expect_near(rx.gaps[1], -15.0, "gap g2");
    expect_near(rx.gaps[2], 14.99, "gap g3");
    expect_near(rx.gaps[3], -14.99, "gap g4");
    expect_near(rx.gaps[4], 15.0, "gap g5");
    // Rounding put the first two just inside the threshold: the 1e-9 slack decides.
    EXPECT_LT(*rx.gaps[0], 15.0);
    EXPECT_GT(*rx.gaps[1], -15.0);
    EXPECT_EQ(rx.flags, (Flags{"BLIND_SPOT:g1", "HIDDEN_STRENGTH:g2", "BLIND_SPOT:g5"}));
    // Z has no self-review: no gap, no gap flag (and no INCOMPLETE: nothing
    // of Z's is unsubmitted).
    const PersonResult& rz = results.people[z];
    EXPECT_EQ(rz.gaps, (Optionals{std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt}));
    EXPECT_EQ(rz.flags, Flags{});
}

// ---------------------------------------------------------------------------
// Vote tallies.

TEST(ScoringTally, CountsEveryOptionAndTheFavorableRate) {
    // tt: t1 pts; t2 pts optional; t3 five (no favorable labels: no tally).
    const std::string tt =
        form_text("tt", dimension("t", "T", item("t1", "pts") + item("t2", "pts", "required: false") + item("t3", "five")));
    Cycle cycle(plan_from("peer: tt", "peer: 1", "t: 1", "min_peers: 3\n" + four_grades));
    cycle.use(peer_rel, tt);
    const auto p1 = cycle.person("P1");
    const auto p2 = cycle.person("P2");
    const auto p3 = cycle.person("P3");
    cycle.rate(p1, peer_rel, {pA, pA, s50});
    cycle.rate(p1, peer_rel, {pB, skip, s50});
    cycle.rate(p1, peer_rel, {pC, skip, s50});
    cycle.rate(p1, peer_rel, {pA, pA, s50}, false);  // not submitted: not counted
    for (int i = 0; i < 3; ++i) cycle.rate(p2, peer_rel, {pA, skip, s0});
    for (int i = 0; i < 2; ++i) cycle.rate(p3, peer_rel, {pA, skip, s0});
    const CycleResults results = cycle.run();

    // P1, exactly min_peers submitted: t1 A, B, C → counts 1, 1, 1, 3
    // answers, favorable (A, B) 2/3; t2 A once → 1, 0, 0, rate 1/1.
    const auto& t1 = results.people[p1].tallies;
    ASSERT_EQ(t1.size(), 2u);
    EXPECT_EQ(t1[0].item, 0u);
    EXPECT_EQ(t1[0].counts, (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(t1[0].answers, 3);
    expect_near(t1[0].favorable_rate, 2.0 / 3.0, "rate t1");
    EXPECT_EQ(t1[1].item, 1u);
    EXPECT_EQ(t1[1].counts, (std::vector<int>{1, 0, 0}));
    EXPECT_EQ(t1[1].answers, 1);
    EXPECT_DOUBLE_EQ(*t1[1].favorable_rate, 1.0);
    EXPECT_EQ(results.people[p1].flags, (Flags{"INCOMPLETE"}));

    // P2: t1 A × 3 → rate 1; t2 never answered → zeros, rate undefined.
    const auto& t2 = results.people[p2].tallies;
    ASSERT_EQ(t2.size(), 2u);
    EXPECT_EQ(t2[0].counts, (std::vector<int>{3, 0, 0}));
    EXPECT_DOUBLE_EQ(*t2[0].favorable_rate, 1.0);
    EXPECT_EQ(t2[1].counts, (std::vector<int>{0, 0, 0}));
    EXPECT_EQ(t2[1].answers, 0);
    EXPECT_FALSE(t2[1].favorable_rate.has_value());

    // P3: one fewer than min_peers: no tallies.
    EXPECT_TRUE(results.people[p3].tallies.empty());
    EXPECT_EQ(results.people[p3].peer_count, 2);
    EXPECT_EQ(results.people[p3].flags, (Flags{"INSUFFICIENT_PEERS"}));
}

// ---------------------------------------------------------------------------
// Reliability.

TEST(ScoringReliability, AlphaItemStatisticsAndCorrectedItemTotal) {
    // tr (self and head, one object): r = r1, r2, r3 (optional); s = s1;
    // u = u1, u2 (optional).
    const std::string tr =
        form_text("tr", dimension("r", "R", item("r1", "five") + item("r2", "five") + item("r3", "five", "required: false")) +
                            dimension("s", "S", item("s1", "five")) +
                            dimension("u", "U", item("u1", "five", "required: false") + item("u2", "five", "required: false")));
    // tq (peer): q = q1, q2 (optional); z = z1, z2.
    const std::string tq =
        form_text("tq", dimension("q", "Q", item("q1", "five") + item("q2", "five", "required: false")) +
                            dimension("z", "Z", item("z1", "five") + item("z2", "five")));
    Cycle cycle(plan_from("self: tr, head: tr, peer: tq", "self: 1, head: 1, peer: 1", "r: 1",
                          "min_peers: 1\n" + four_grades));
    const Form& form_r = cycle.use(self_rel, tr);
    cycle.use_same(head_rel, self_rel);
    const Form& form_q = cycle.use(peer_rel, tq);
    const auto p = cycle.person("P");
    //                        r1  r2  r3    s1   u1    u2
    cycle.rate(p, self_rel, {5, 4, 5, 3, 2, 4});
    cycle.rate(p, self_rel, {4, 4, 3, 3, 3, skip});
    cycle.rate(p, head_rel, {3, 2, 3, 3, skip, skip});
    cycle.rate(p, head_rel, {2, 2, 1, 3, skip, skip});
    cycle.rate(p, self_rel, {5, 1, skip, 3, skip, skip});
    cycle.rate(p, self_rel, {1, 5, 1, 1, 1, 1}, false);  // not submitted: ignored
    //                        q1  q2    z1 z2
    cycle.rate(p, peer_rel, {5, 5, 5, 1});
    cycle.rate(p, peer_rel, {3, skip, 1, 5});
    cycle.rate(p, peer_rel, {1, skip, 3, 3});
    cycle.run();  // checks the input, as compute_reliability expects
    const std::vector<FormReliability> reliability = compute_reliability(cycle.input());

    ASSERT_EQ(reliability.size(), 2u);
    const FormReliability& fr = reliability[0];
    EXPECT_EQ(fr.form, &form_r);
    EXPECT_EQ(fr.relations, (std::vector<Relation>{self_rel, head_rel}));
    ASSERT_EQ(fr.dimensions.size(), 3u);
    ASSERT_EQ(fr.items.size(), 6u);

    // r over the 4 complete cases, in x = n / 25 (alpha and r are scale-free):
    //   (4,3,4) (3,3,2) (2,1,2) (1,1,0); item variances 5/3, 4/3, 8/3;
    //   totals 11, 8, 5, 2: variance 15.
    //   alpha = 3/2 × (1 − (17/3) / 15) = 3/2 × 28/45 = 14/15.
    EXPECT_EQ(fr.dimensions[0].dimension, 0u);
    EXPECT_EQ(fr.dimensions[0].items, 3);
    EXPECT_EQ(fr.dimensions[0].complete_cases, 4);
    expect_near(fr.dimensions[0].alpha, 14.0 / 15.0, "alpha r");
    // Corrected item–total: r1 vs r2 + r3 = (7,5,3,1): deviations (1.5,.5,−.5,−1.5)
    // and (3,1,−1,−3): 10 / √(5 × 20) = 1. r2 vs (8,5,4,1): 8 / √(4 × 25) = 0.8.
    // r3 vs (7,6,3,2): 10 / √(8 × 17) = 10 / √136.
    expect_near(fr.items[0].item_total_correlation, 1.0, "r1 item-total");
    expect_near(fr.items[1].item_total_correlation, 0.8, "r2 item-total");
    expect_near(fr.items[2].item_total_correlation, 10.0 / std::sqrt(136.0), "r3 item-total");
    // Item statistics over every submitted answer (5 cases, both relations):
    // r1 n = 100, 75, 50, 25, 100: mean 70, squares 900+25+400+2025+900 = 4250,
    // sd = √(4250 / 4). r2: 75, 75, 25, 25, 0: mean 40, squares
    // 1225+1225+225+225+1600 = 4500, sd = √(4500 / 4).
    // r3: 100, 50, 50, 0: mean 50, sd = √(5000 / 3).
    EXPECT_EQ(fr.items[0].n, 5);
    expect_near(fr.items[0].mean, 70.0, "r1 mean");
    expect_near(fr.items[0].sd, std::sqrt(1062.5), "r1 sd");
    expect_near(fr.items[1].mean, 40.0, "r2 mean");
    expect_near(fr.items[1].sd, std::sqrt(1125.0), "r2 sd");
    EXPECT_EQ(fr.items[2].n, 4);
    expect_near(fr.items[2].mean, 50.0, "r3 mean");
    expect_near(fr.items[2].sd, std::sqrt(5000.0 / 3.0), "r3 sd");

    // s: one item: no alpha, no item–total; s1 always 50: sd exactly 0.
    EXPECT_EQ(fr.dimensions[1].items, 1);
    EXPECT_EQ(fr.dimensions[1].complete_cases, 5);
    EXPECT_FALSE(fr.dimensions[1].alpha.has_value());
    EXPECT_FALSE(fr.items[3].item_total_correlation.has_value());
    EXPECT_EQ(fr.items[3].n, 5);
    EXPECT_DOUBLE_EQ(*fr.items[3].mean, 50.0);
    EXPECT_DOUBLE_EQ(*fr.items[3].sd, 0.0);

    // u: one complete case: no alpha, no item–total. u1 (25, 50): mean 37.5,
    // sd = √(2 × 12.5²) = √312.5; u2 answered once: mean 75, no sd.
    EXPECT_EQ(fr.dimensions[2].complete_cases, 1);
    EXPECT_FALSE(fr.dimensions[2].alpha.has_value());
    EXPECT_FALSE(fr.items[4].item_total_correlation.has_value());
    EXPECT_FALSE(fr.items[5].item_total_correlation.has_value());
    EXPECT_EQ(fr.items[4].n, 2);
    expect_near(fr.items[4].mean, 37.5, "u1 mean");
    expect_near(fr.items[4].sd, std::sqrt(312.5), "u1 sd");
    EXPECT_EQ(fr.items[5].n, 1);
    expect_near(fr.items[5].mean, 75.0, "u2 mean");
    EXPECT_FALSE(fr.items[5].sd.has_value());

    // tq (peer): q has 1 complete case → undefined. z: totals x = 4, 4, 4 →
    // zero total variance → no alpha; z1 (4, 0, 2) against z2 (0, 4, 2) is
    // still a correlation: −1.
    const FormReliability& fq = reliability[1];
    EXPECT_EQ(fq.form, &form_q);
    EXPECT_EQ(fq.relations, (std::vector<Relation>{peer_rel}));
    EXPECT_EQ(fq.dimensions[0].complete_cases, 1);
    EXPECT_FALSE(fq.dimensions[0].alpha.has_value());
    EXPECT_FALSE(fq.items[0].item_total_correlation.has_value());
    EXPECT_EQ(fq.dimensions[1].complete_cases, 3);
    EXPECT_FALSE(fq.dimensions[1].alpha.has_value());
    expect_near(fq.items[2].item_total_correlation, -1.0, "z1 item-total");
    expect_near(fq.items[3].item_total_correlation, -1.0, "z2 item-total");
    // q1: 100, 50, 0: mean 50, sd = √((2500 + 0 + 2500) / 2) = 50.
    EXPECT_EQ(fq.items[0].n, 3);
    expect_near(fq.items[0].mean, 50.0, "q1 mean");
    expect_near(fq.items[0].sd, 50.0, "q1 sd");
}

TEST(ScoringReliability, EqualFormsOfDifferentRelationsArePooledAndUnusedItemsUndefined) {
    Cycle cycle(plan_from("self: tb, head: tb", "self: 1, head: 1", "d1: 1", four_grades));
    const Form& first = cycle.use(self_rel, form_tb());
    cycle.use(head_rel, form_tb());  // a second, equal object
    const auto p = cycle.person("P");
    cycle.rate(p, self_rel, {s100, skip});
    cycle.rate(p, head_rel, {s50, skip});
    cycle.run();  // checks the input, as compute_reliability expects
    const std::vector<FormReliability> reliability = compute_reliability(cycle.input());
    ASSERT_EQ(reliability.size(), 1u);
    EXPECT_EQ(reliability[0].form, &first);
    EXPECT_EQ(reliability[0].relations, (std::vector<Relation>{self_rel, head_rel}));
    // x1: 100 and 50 → n 2, mean 75, sd √(2 × 25²) = √1250; x2 never answered.
    const auto& items = reliability[0].items;
    EXPECT_EQ(items[0].n, 2);
    expect_near(items[0].mean, 75.0, "x1 mean");
    expect_near(items[0].sd, std::sqrt(1250.0), "x1 sd");
    EXPECT_EQ(items[1].n, 0);
    EXPECT_FALSE(items[1].mean.has_value());
    EXPECT_FALSE(items[1].sd.has_value());
    EXPECT_EQ(reliability[0].dimensions[1].complete_cases, 0);
}

// ---------------------------------------------------------------------------
// STRAIGHT_LINE and submission.

TEST(ScoringStraightLine, FiveAnsweredItemsWithOneValue) {
    // ts: k1..k5 five (k2 reverse), k6 pts; all optional.
    const Form form = form_from(form_text(
        "ts", dimension("k", "K",
                        item("k1", "five", "required: false") + item("k2", "five", "reverse: true, required: false") +
                            item("k3", "five", "required: false") + item("k4", "five", "required: false") +
                            item("k5", "five", "required: false") + item("k6", "pts", "required: false"))));
    const auto straight = [&](Relation relation, std::vector<AnswerCode> codes) {
        return is_straight_line(form, relation, AnswerView(codes));
    };
    // Five answers of value 3 (the reverse item's value counts, not its n).
    EXPECT_TRUE(straight(self_rel, {3, 3, 3, 3, 3, 0}));
    EXPECT_TRUE(straight(head_rel, {3, 3, 3, 3, 3, 0}));
    // Peer ballots never.
    EXPECT_FALSE(straight(peer_rel, {3, 3, 3, 3, 3, 0}));
    // Four answered: not enough.
    EXPECT_FALSE(straight(self_rel, {3, 3, 3, 3, 0, 0}));
    // pts A has value 3 too: five answers of value 3 across two scales.
    EXPECT_TRUE(straight(self_rel, {3, 3, 3, 3, 0, pA}));
    // One different value (pts B = 2).
    EXPECT_FALSE(straight(self_rel, {3, 3, 3, 3, 3, pB}));
    // Six answers of value 1 (five v1, pts C).
    EXPECT_TRUE(straight(self_rel, {1, 1, 1, 1, 1, pC}));
}

TEST(ScoringComplete, RequiredItemsAndAtLeastOneAnswer) {
    const Form some_required = form_from(form_text(
        "tc", dimension("c", "C", item("c1", "five") + item("c2", "five", "required: false")), "",
        "comments:\n  - {id: C1, self: 我的差距, other: 该同志的差距}\n"));
    const Form all_optional = form_from(
        form_text("to", dimension("o", "O", item("o1", "five", "required: false") + item("o2", "five", "required: false"))));
    const auto complete = [](const Form& form, std::vector<AnswerCode> codes, bool comment) {
        return is_complete(form, AnswerView(codes), comment);
    };
    EXPECT_TRUE(complete(some_required, {3, 0}, false));
    EXPECT_TRUE(complete(some_required, {3, 3}, false));
    EXPECT_FALSE(complete(some_required, {0, 3}, false));
    EXPECT_FALSE(complete(some_required, {0, 0}, true));
    EXPECT_FALSE(complete(all_optional, {0, 0}, false));
    EXPECT_TRUE(complete(all_optional, {0, 0}, true));
    EXPECT_TRUE(complete(all_optional, {0, 2}, false));
}

// ---------------------------------------------------------------------------
// Departments.

TEST(ScoringDepartments, AggregatesCompletionAndGradeCounts) {
    Cycle cycle(plan_from("self: tb, head: tb", "self: 1, head: 1", "d1: 1, d2: 1",
                          "grades:\n  - {name: 优秀, min: 90}\n  - {name: 称职, min: 60}\n  - {name: 不称职, min: 0}\n"
                          "top_grade_quota: 0.25\n"));
    cycle.use(self_rel, form_tb());
    cycle.use_same(head_rel, self_rel);
    const auto h = cycle.person("H", "U", true);
    const auto a1 = cycle.person("A1", "U/A");
    const auto a2 = cycle.person("A2", "U/A");
    const auto b1 = cycle.person("B1", "U/B");
    const auto z = cycle.person("Z", "综合科");
    cycle.rate(h, self_rel, {s100, s100});
    cycle.rate(a1, self_rel, {s50, s50});
    cycle.rate(a1, head_rel, {s100, s100});
    cycle.rate(a2, self_rel, {s0, s25});
    cycle.rate(a2, head_rel, {s100, s100}, false);
    cycle.rate(b1, self_rel, {s100, s100}, false);
    cycle.rate(b1, head_rel, {s75, s25});
    const CycleResults results = cycle.run();

    // P (self 1, head 1): H 100, 100 → T 100; A1 (50+100)/2 = 75, 75 → 75;
    // A2 0, 25 → 12.5; B1 75, 25 → 50; Z nothing.
    // N = 4, K = ⌊0.25 × 4⌋ = 1: H 优秀; A1 称职; A2, B1 不称职.
    EXPECT_EQ(results.people[h].grade, "优秀");
    EXPECT_EQ(results.people[a1].grade, "称职");
    EXPECT_EQ(results.people[a2].grade, "不称职");
    EXPECT_EQ(results.people[b1].grade, "不称职");
    EXPECT_EQ(results.people[a1].rank_department, 1);
    EXPECT_EQ(results.people[a2].rank_department, 2);
    EXPECT_EQ(results.people[h].flags, (Flags{"NO_HEAD"}));
    EXPECT_EQ(results.people[a2].flags, (Flags{"INCOMPLETE"}));
    EXPECT_EQ(results.people[b1].flags, (Flags{"INCOMPLETE"}));
    EXPECT_EQ(results.people[z].flags, (Flags{"NO_HEAD"}));

    // Byte order: "U" < "U/A" < "U/B" < "综合科" (UTF-8 lead byte 0xE7).
    const auto& departments = results.departments;
    ASSERT_EQ(departments.size(), 4u);
    EXPECT_EQ(departments[0].department, "U");
    EXPECT_EQ(departments[1].department, "U/A");
    EXPECT_EQ(departments[2].department, "U/B");
    EXPECT_EQ(departments[3].department, "综合科");

    // U: H alone; 1 assignment, submitted → completion 1.
    EXPECT_EQ(departments[0].people, 1);
    EXPECT_EQ(departments[0].assignments, 1);
    EXPECT_EQ(departments[0].submitted_assignments, 1);
    EXPECT_DOUBLE_EQ(*departments[0].completion, 1.0);
    EXPECT_EQ(departments[0].mean_scores, (Optionals{100.0, 100.0}));
    EXPECT_DOUBLE_EQ(*departments[0].mean_total, 100.0);
    EXPECT_EQ(departments[0].grade_counts, (std::vector<int>{1, 0, 0}));

    // U/A: 4 assignments, 3 submitted → 0.75; means (75 + 0) / 2 = 37.5,
    // (75 + 25) / 2 = 50; T (75 + 12.5) / 2 = 43.75.
    EXPECT_EQ(departments[1].people, 2);
    EXPECT_EQ(departments[1].assignments, 4);
    EXPECT_EQ(departments[1].submitted_assignments, 3);
    EXPECT_DOUBLE_EQ(*departments[1].completion, 0.75);
    EXPECT_EQ(departments[1].mean_scores, (Optionals{37.5, 50.0}));
    EXPECT_DOUBLE_EQ(*departments[1].mean_total, 43.75);
    EXPECT_EQ(departments[1].grade_counts, (std::vector<int>{0, 1, 1}));

    // U/B: 2 assignments, 1 submitted → 0.5; means 75, 25; T 50.
    EXPECT_EQ(departments[2].assignments, 2);
    EXPECT_DOUBLE_EQ(*departments[2].completion, 0.5);
    EXPECT_EQ(departments[2].mean_scores, (Optionals{75.0, 25.0}));
    EXPECT_DOUBLE_EQ(*departments[2].mean_total, 50.0);
    EXPECT_EQ(departments[2].grade_counts, (std::vector<int>{0, 0, 1}));

    // 综合科: nobody rated: completion and means undefined.
    EXPECT_EQ(departments[3].people, 1);
    EXPECT_EQ(departments[3].assignments, 0);
    EXPECT_FALSE(departments[3].completion.has_value());
    EXPECT_EQ(departments[3].mean_scores, (Optionals{std::nullopt, std::nullopt}));
    EXPECT_FALSE(departments[3].mean_total.has_value());
    EXPECT_EQ(departments[3].grade_counts, (std::vector<int>{0, 0, 0}));
}

// ---------------------------------------------------------------------------
// Flags in SPEC order.

TEST(ScoringFlags, InSpecOrder) {
    Cycle cycle(plan_from("self: tb, head: tb, peer: tb", "self: 0.2, head: 0.4, peer: 0.4", "d1: 1, d2: 1",
                          "min_peers: 2\ngrades:\n  - {name: 优秀, min: 50}\n  - {name: 合格, min: 0}\n"
                          "top_grade_quota: 0.67\n"));
    cycle.use(self_rel, form_tb());
    cycle.use_same(head_rel, self_rel);
    cycle.use_same(peer_rel, self_rel);
    const auto x = cycle.person("X");
    const auto y = cycle.person("Y");
    const auto z = cycle.person("Z");
    // X: head, 1 of 2 peers submitted.
    cycle.rate(x, self_rel, {s100, s50});
    cycle.rate(x, head_rel, {s75, s75});
    cycle.rate(x, peer_rel, {s75, s75});
    cycle.rate(x, peer_rel, {s75, s75}, false);
    // Y: no head, 2 of 3 peers submitted.
    cycle.rate(y, self_rel, {s100, s50});
    cycle.rate(y, peer_rel, {s75, s75});
    cycle.rate(y, peer_rel, {s75, s75});
    cycle.rate(y, peer_rel, {s75, s75}, false);
    // Z: self only, its one peer not submitted.
    cycle.rate(z, self_rel, {s100, s100});
    cycle.rate(z, peer_rel, {s75, s75}, false);
    const CycleResults results = cycle.run();

    // X and Y: P d1 = (0.2 × 100 + 0.4 × 75) / 0.6 = 250/3, d2 = (10 + 30) / 0.6
    // = 200/3 (the same operations, so equal T = 75); Z: T = 100.
    // N = 3, K = ⌊0.67 × 3⌋ = 2: Z rank 1; X, Y tied at rank 2, 2 + 2 − 1 > 2
    // → both 优秀 with QUOTA_TIE. Gaps: 100 − 75 = 25, 50 − 75 = −25.
    expect_near(results.people[x].total, 75.0, "T X");
    EXPECT_EQ(results.people[x].total, results.people[y].total);
    EXPECT_EQ(results.people[z].rank_unit, 1);
    EXPECT_EQ(results.people[x].rank_unit, 2);
    EXPECT_EQ(results.people[y].grade, "优秀");
    EXPECT_EQ(results.people[x].flags,
              (Flags{"INSUFFICIENT_PEERS", "INCOMPLETE", "QUOTA_TIE", "BLIND_SPOT:d1", "HIDDEN_STRENGTH:d2"}));
    EXPECT_EQ(results.people[y].flags, (Flags{"NO_HEAD", "INCOMPLETE", "QUOTA_TIE", "BLIND_SPOT:d1", "HIDDEN_STRENGTH:d2"}));
    EXPECT_EQ(results.people[z].flags, (Flags{"INSUFFICIENT_PEERS", "NO_HEAD", "INCOMPLETE"}));
    EXPECT_EQ(results.people[x].peer_count, 1);
    EXPECT_EQ(results.people[y].peer_count, 2);
    EXPECT_EQ(results.people[z].peer_count, 0);
}

// ---------------------------------------------------------------------------
// Input the engine refuses.

TEST(ScoringInputChecks, InconsistentInputThrows) {
    Cycle cycle(plan_from("self: tb", "self: 1", "d1: 1", four_grades));
    cycle.use(self_rel, form_tb());
    const auto p = cycle.person("P");
    cycle.rate(p, self_rel, {s50, s50});
    EXPECT_NO_THROW(cycle.run());

    cycle.input().assignments[0].ratee = 7;  // no such member
    EXPECT_THROW(cycle.run(), Error);
    cycle.input().assignments[0].ratee = p;

    const AnswerRow bad_code{9, 0};  // five has 5 options
    cycle.input().assignments[0].answers = AnswerView(bad_code);
    EXPECT_THROW(cycle.run(), Error);

    const AnswerRow short_row{3};
    cycle.input().assignments[0].answers = AnswerView(short_row);
    EXPECT_THROW(cycle.run(), Error);

    cycle.input().assignments[0].answers = AnswerView(bad_code);
    cycle.input().assignments[0].relation = head_rel;  // the plan has no head form
    EXPECT_THROW(cycle.run(), Error);
}

}  // namespace
}  // namespace exemplar
