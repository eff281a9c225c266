// SPEC §3, one rule per test: a small valid plan (with its two forms in the
// same temporary folder), changed in one place, must give exactly the
// located diagnostics FILE:LINE:COLUMN: message.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/plan_loader.h"
#include "core/translate.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

using exemplar::testing::TempDir;
using Lines = std::vector<std::string>;

// Line and column numbers are part of every expectation below; keep them in sync.
std::string valid_plan() {
    return "plan: test-plan\n"                                               //  1
           "forms: {self: self-form, head: self-form, peer: ballot}\n"      //  2
           "relation_weights: {self: 0.2, head: 0.4, peer: 0.4}\n"          //  3
           "dimension_weights: {loyalty: 1, overall: 2}\n"                  //  4
           "peer_scope: unit\n"                                             //  5
           "min_peers: 4\n"                                                 //  6
           "trim_extremes: true\n"                                          //  7
           "grades:\n"                                                      //  8
           "  - {name: 优秀, min: 90}\n"                                    //  9
           "  - {name: 称职, min: 70}\n"                                    // 10
           "  - {name: 不称职, min: 0}\n"                                   // 11
           "top_grade_quota: 0.3\n";                                        // 12
}

// A self-review form (dimensions loyalty and overall); wording as asked.
std::string self_form(std::string_view id, std::string_view title = "自评表", bool self = true, bool other = true) {
    const auto item = [&](std::string_view item_id, std::string_view what) {
        std::string text = "      - id: " + std::string(item_id) + "\n";
        if (self) text += "        self: 我" + std::string(what) + "\n";
        if (other) text += "        other: 该同志" + std::string(what) + "\n";
        return text + "        scale: agree3\n";
    };
    return "form: " + std::string(id) + "\n" +
           "version: 1\n"
           "title: " + std::string(title) + "\n" +
           "scales:\n"
           "  agree3:\n"
           "    options:\n"
           "      - {label: 符合, value: 3}\n"
           "      - {label: 一般, value: 2}\n"
           "      - {label: 不符合, value: 1}\n"
           "dimensions:\n"
           "  - id: loyalty\n"
           "    name: 绝对忠诚\n"
           "    items:\n" +
           item("L1", "能否热爱党?") +
           "  - id: overall\n"
           "    name: 总体评价\n"
           "    items:\n" +
           item("O1", "的总体表现");
}

// A peer ballot: 'other' wording only; dimensions loyalty, overall and integrity.
std::string ballot_form(std::string_view id = "ballot", std::string_view version = "1") {
    return "form: " + std::string(id) + "\n" +
           "version: " + std::string(version) + "\n" +
           "title: 测评票\n"
           "scales:\n"
           "  grade4:\n"
           "    options:\n"
           "      - {label: 优秀, value: 4, points: 100}\n"
           "      - {label: 称职, value: 3, points: 80}\n"
           "dimensions:\n"
           "  - id: loyalty\n"
           "    name: 绝对忠诚\n"
           "    items:\n"
           "      - {id: B1, other: 该同志绝对忠诚, scale: grade4}\n"
           "  - id: overall\n"
           "    name: 总体评价\n"
           "    items:\n"
           "      - {id: B2, other: 该同志总体表现, scale: grade4}\n"
           "  - id: integrity\n"
           "    name: 廉洁自律\n"
           "    items:\n"
           "      - {id: B3, other: 该同志廉洁自律, scale: grade4}\n";
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    if (at == std::string::npos) {
        ADD_FAILURE() << "not in the text: " << from;
        return text;
    }
    if (text.find(from, at + 1) != std::string::npos) ADD_FAILURE() << "more than once in the text: " << from;
    text.replace(at, from.size(), to);
    return text;
}

std::string valid_plan_with(std::string_view from, std::string_view to) { return replaced(valid_plan(), from, to); }

Lines strings(const std::vector<Diagnostic>& diagnostics) {
    Lines lines;
    for (const Diagnostic& diagnostic : diagnostics) lines.push_back(diagnostic.to_string());
    return lines;
}

// The plan alone (parse_plan), as FILE:LINE:COLUMN: message.
Lines problems(const std::string& text) {
    const PlanLoad load = parse_plan("plan.yaml", text);
    EXPECT_EQ(load.plan.has_value(), load.diagnostics.empty()) << "a plan comes back exactly when there are no diagnostics";
    return strings(load.diagnostics);
}

class PlanRules : public ::testing::Test {
protected:
    void SetUp() override { set_language(Language::english); }
    void TearDown() override { set_language(Language::english); }

    // The plan as plan.yaml next to self-form.yaml and ballot.yaml; no bundled forms.
    PlanLoad load(const std::string& plan_text) {
        plan_path_ = folder_.write("plan.yaml", plan_text);
        folder_.write("self-form.yaml", self_form("self-form"));
        folder_.write("ballot.yaml", ballot_form());
        return load_plan_file(plan_path_, bundled_.path());
    }
    // A file of the plan's folder, as it appears in messages.
    std::string in_folder(std::string_view name) const { return (folder_.path() / name).string(); }
    std::string at_plan(std::string_view line_column_message) const {
        return plan_path_.string() + ":" + std::string(line_column_message);
    }

    TempDir folder_;
    TempDir bundled_;
    std::filesystem::path plan_path_;
};

// --- the valid plan ------------------------------------------------------------------

TEST_F(PlanRules, ValidPlanLoadsWithItsForms) {
    const PlanLoad loaded = load(valid_plan());
    EXPECT_EQ(strings(loaded.diagnostics), Lines{});
    ASSERT_TRUE(loaded.plan.has_value());
    const Plan& plan = *loaded.plan;
    EXPECT_EQ(plan.id, "test-plan");
    EXPECT_EQ(plan.form_for(Relation::self), "self-form");
    EXPECT_EQ(plan.form_for(Relation::head), "self-form");
    EXPECT_EQ(plan.form_for(Relation::peer), "ballot");
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::self), 0.2);
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::head), 0.4);
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::peer), 0.4);
    EXPECT_EQ(plan.dimension_weights, (std::vector<std::pair<std::string, double>>{{"loyalty", 1}, {"overall", 2}}));
    EXPECT_EQ(plan.peer_scope, PeerScope::unit);
    EXPECT_EQ(plan.min_peers, 4);
    EXPECT_TRUE(plan.trim_extremes);
    EXPECT_EQ(plan.grades, (std::vector<Grade>{{"优秀", 90}, {"称职", 70}, {"不称职", 0}}));
    EXPECT_DOUBLE_EQ(plan.top_grade_quota, 0.3);

    ASSERT_TRUE(loaded.forms[index_of(Relation::self)].has_value());
    ASSERT_TRUE(loaded.forms[index_of(Relation::head)].has_value());
    ASSERT_TRUE(loaded.forms[index_of(Relation::peer)].has_value());
    EXPECT_EQ(loaded.forms[index_of(Relation::self)]->id, "self-form");
    EXPECT_EQ(loaded.forms[index_of(Relation::peer)]->id, "ballot");
    EXPECT_EQ(loaded.form_files[index_of(Relation::self)], folder_.path() / "self-form.yaml");
    EXPECT_EQ(loaded.form_files[index_of(Relation::head)], folder_.path() / "self-form.yaml");
    EXPECT_EQ(loaded.form_files[index_of(Relation::peer)], folder_.path() / "ballot.yaml");
}

TEST_F(PlanRules, ValidPlanParsesAlone) {
    EXPECT_EQ(problems(valid_plan()), Lines{});
}

// --- the plan's own keys ---------------------------------------------------------------

TEST_F(PlanRules, PlanIdMustBeLowercaseLettersDigitsAndDashes) {
    EXPECT_EQ(problems(valid_plan_with("plan: test-plan", "plan: Test_Plan")),
              Lines{"plan.yaml:1:7: plan id 'Test_Plan' may hold only a–z, 0–9 and '-'"});
    EXPECT_EQ(problems(valid_plan_with("plan: test-plan", "plan: 年度")),
              Lines{"plan.yaml:1:7: plan id '年度' may hold only a–z, 0–9 and '-'"});
}

TEST_F(PlanRules, MissingPlanKey) {
    EXPECT_EQ(problems(valid_plan_with("plan: test-plan\n", "")), Lines{"plan.yaml:1:1: missing key 'plan'"});
}

TEST_F(PlanRules, MissingFormsKey) {
    EXPECT_EQ(problems(valid_plan_with("forms: {self: self-form, head: self-form, peer: ballot}\n", "")),
              Lines{"plan.yaml:1:1: missing key 'forms'"});
}

TEST_F(PlanRules, MissingRelationWeightsKey) {
    EXPECT_EQ(problems(valid_plan_with("relation_weights: {self: 0.2, head: 0.4, peer: 0.4}\n", "")),
              Lines{"plan.yaml:1:1: missing key 'relation_weights'"});
}

TEST_F(PlanRules, MissingDimensionWeightsKey) {
    EXPECT_EQ(problems(valid_plan_with("dimension_weights: {loyalty: 1, overall: 2}\n", "")),
              Lines{"plan.yaml:1:1: missing key 'dimension_weights'"});
}

TEST_F(PlanRules, MissingGradesKey) {
    const std::string text = valid_plan_with(
        "grades:\n"
        "  - {name: 优秀, min: 90}\n"
        "  - {name: 称职, min: 70}\n"
        "  - {name: 不称职, min: 0}\n",
        "");
    EXPECT_EQ(problems(text), Lines{"plan.yaml:1:1: missing key 'grades'"});
}

TEST_F(PlanRules, UnknownKeyAtTopLevel) {
    EXPECT_EQ(problems(valid_plan_with("min_peers: 4\n", "min_peers: 4\nmax_peers: 9\n")),
              Lines{"plan.yaml:7:1: unknown key 'max_peers'"});
}

TEST_F(PlanRules, UnknownRelationInForms) {
    EXPECT_EQ(problems(valid_plan_with("head: self-form", "boss: self-form")),
              Lines{"plan.yaml:2:26: unknown key 'boss'"});
}

TEST_F(PlanRules, UnknownRelationInRelationWeights) {
    EXPECT_EQ(problems(valid_plan_with("head: 0.4", "boss: 0.4")), Lines{"plan.yaml:3:31: unknown key 'boss'"});
}

TEST_F(PlanRules, NegativeRelationWeightIsRefused) {
    EXPECT_EQ(problems(valid_plan_with("self: 0.2", "self: -0.2")),
              Lines{"plan.yaml:3:26: a weight cannot be negative"});
}

TEST_F(PlanRules, NegativeDimensionWeightIsRefused) {
    EXPECT_EQ(problems(valid_plan_with("overall: 2", "overall: -2")),
              Lines{"plan.yaml:4:42: a weight cannot be negative"});
}

TEST_F(PlanRules, ZeroWeightsAreAllowed) {
    std::string text = valid_plan_with("self: 0.2", "self: 0");
    text = replaced(text, "overall: 2", "overall: 0");
    EXPECT_EQ(problems(text), Lines{});
}

TEST_F(PlanRules, WeightsAreNumbersNotBooleansOrText) {
    EXPECT_EQ(problems(valid_plan_with("self: 0.2", "self: true")),
              Lines{"plan.yaml:3:26: 'true' is a boolean; a number is expected"});
    EXPECT_EQ(problems(valid_plan_with("overall: 2", "overall: \"2\"")),
              Lines{"plan.yaml:4:42: '2' is not a number"});
    EXPECT_EQ(problems(valid_plan_with("overall: 2", "overall: .inf")),
              Lines{"plan.yaml:4:42: '.inf': .inf and .nan are not allowed"});
}

TEST_F(PlanRules, DimensionWeightForADimensionNoFormHasIsRefusedAtTheKey) {
    const PlanLoad loaded = load(valid_plan_with("overall: 2", "honesty: 2"));
    EXPECT_EQ(strings(loaded.diagnostics), Lines{at_plan("4:33: dimension 'honesty' is in none of the plan's forms")});
    EXPECT_FALSE(loaded.plan.has_value());
}

TEST_F(PlanRules, DimensionWeightForADimensionOfAnyOneFormIsAccepted) {
    // integrity is on the ballot only.
    const PlanLoad loaded = load(valid_plan_with("overall: 2", "integrity: 2"));
    EXPECT_EQ(strings(loaded.diagnostics), Lines{});
    // Without the ballot no form has it.
    std::string text = valid_plan_with("forms: {self: self-form, head: self-form, peer: ballot}",
                                       "forms: {self: self-form, head: self-form}");
    text = replaced(text, "overall: 2", "integrity: 2");
    EXPECT_EQ(strings(load(text).diagnostics),
              Lines{at_plan("4:33: dimension 'integrity' is in none of the plan's forms")});
}

TEST_F(PlanRules, PeerScopeIsDepartmentOrUnit) {
    EXPECT_EQ(problems(valid_plan_with("peer_scope: unit", "peer_scope: team")),
              Lines{"plan.yaml:5:13: peer_scope must be department or unit, not 'team'"});
    EXPECT_EQ(problems(valid_plan_with("peer_scope: unit", "peer_scope: Unit")),
              Lines{"plan.yaml:5:13: peer_scope must be department or unit, not 'Unit'"});
    EXPECT_EQ(problems(valid_plan_with("peer_scope: unit", "peer_scope: department")), Lines{});
}

TEST_F(PlanRules, MinPeersZeroIsRefused) {
    EXPECT_EQ(problems(valid_plan_with("min_peers: 4", "min_peers: 0")),
              Lines{"plan.yaml:6:12: min_peers must be an integer of at least 1"});
    EXPECT_EQ(problems(valid_plan_with("min_peers: 4", "min_peers: -3")),
              Lines{"plan.yaml:6:12: min_peers must be an integer of at least 1"});
    EXPECT_EQ(problems(valid_plan_with("min_peers: 4", "min_peers: 1")), Lines{});
}

TEST_F(PlanRules, MinPeersFractionIsRefused) {
    EXPECT_EQ(problems(valid_plan_with("min_peers: 4", "min_peers: 1.5")),
              Lines{"plan.yaml:6:12: '1.5' is not an integer"});
}

TEST_F(PlanRules, MinPeersAsTextIsRefused) {
    EXPECT_EQ(problems(valid_plan_with("min_peers: 4", "min_peers: \"3\"")),
              Lines{"plan.yaml:6:12: '3' is not a number"});
}

TEST_F(PlanRules, TrimExtremesIsABoolean) {
    EXPECT_EQ(problems(valid_plan_with("trim_extremes: true", "trim_extremes: yes")),
              Lines{"plan.yaml:7:16: 'yes' is not true or false"});
    EXPECT_EQ(problems(valid_plan_with("trim_extremes: true", "trim_extremes: 1")),
              Lines{"plan.yaml:7:16: '1' is not true or false"});
}

TEST_F(PlanRules, GradesMustNotBeEmpty) {
    const std::string text = valid_plan_with(
        "grades:\n"
        "  - {name: 优秀, min: 90}\n"
        "  - {name: 称职, min: 70}\n"
        "  - {name: 不称职, min: 0}\n",
        "grades: []\n");
    EXPECT_EQ(problems(text), Lines{"plan.yaml:8:1: at least one grade is needed"});
}

TEST_F(PlanRules, GradeMinimumsStrictlyDecrease) {
    EXPECT_EQ(problems(valid_plan_with("{name: 称职, min: 70}", "{name: 称职, min: 90}")),
              Lines{"plan.yaml:10:21: grade minimums must strictly decrease: 90 is not below the previous 90"});
    EXPECT_EQ(problems(valid_plan_with("{name: 称职, min: 70}", "{name: 称职, min: 95}")),
              Lines{"plan.yaml:10:21: grade minimums must strictly decrease: 95 is not below the previous 90"});
}

TEST_F(PlanRules, LastGradeMinimumIsZero) {
    EXPECT_EQ(problems(valid_plan_with("{name: 不称职, min: 0}", "{name: 不称职, min: 10}")),
              Lines{"plan.yaml:11:22: the last grade's min must be 0"});
    // One grade is enough, when its min is 0.
    const std::string single = valid_plan_with(
        "  - {name: 优秀, min: 90}\n"
        "  - {name: 称职, min: 70}\n"
        "  - {name: 不称职, min: 0}\n",
        "  - {name: 合格, min: 0}\n");
    EXPECT_EQ(problems(single), Lines{});
}

TEST_F(PlanRules, GradeNamesAreDistinct) {
    EXPECT_EQ(problems(valid_plan_with("{name: 称职, min: 70}", "{name: 优秀, min: 70}")),
              Lines{"plan.yaml:10:12: grade '优秀' is listed twice"});
}

TEST_F(PlanRules, TopGradeQuotaLiesBetween0And1) {
    EXPECT_EQ(problems(valid_plan_with("top_grade_quota: 0.3", "top_grade_quota: 1.5")),
              Lines{"plan.yaml:12:18: top_grade_quota must lie between 0 and 1"});
    EXPECT_EQ(problems(valid_plan_with("top_grade_quota: 0.3", "top_grade_quota: -0.1")),
              Lines{"plan.yaml:12:18: top_grade_quota must lie between 0 and 1"});
    EXPECT_EQ(problems(valid_plan_with("top_grade_quota: 0.3", "top_grade_quota: 0")), Lines{});
    EXPECT_EQ(problems(valid_plan_with("top_grade_quota: 0.3", "top_grade_quota: 1")), Lines{});
}

TEST_F(PlanRules, DefaultsWhenOptionalKeysAreAbsent) {
    std::string text = valid_plan_with("peer_scope: unit\n", "");
    text = replaced(text, "min_peers: 4\n", "");
    text = replaced(text, "trim_extremes: true\n", "");
    text = replaced(text, "top_grade_quota: 0.3\n", "");
    const PlanLoad loaded = load(text);
    EXPECT_EQ(strings(loaded.diagnostics), Lines{});
    ASSERT_TRUE(loaded.plan.has_value());
    EXPECT_EQ(loaded.plan->peer_scope, PeerScope::department);
    EXPECT_EQ(loaded.plan->min_peers, 3);
    EXPECT_FALSE(loaded.plan->trim_extremes);
    EXPECT_DOUBLE_EQ(loaded.plan->top_grade_quota, 1.0);
}

TEST_F(PlanRules, RelationsAndDimensionsLeftOutWeighZero) {
    std::string text = valid_plan_with("forms: {self: self-form, head: self-form, peer: ballot}", "forms: {peer: ballot}");
    text = replaced(text, "relation_weights: {self: 0.2, head: 0.4, peer: 0.4}", "relation_weights: {peer: 1}");
    const PlanLoad loaded = load(text);
    EXPECT_EQ(strings(loaded.diagnostics), Lines{});
    ASSERT_TRUE(loaded.plan.has_value());
    EXPECT_FALSE(loaded.plan->form_for(Relation::self).has_value());
    EXPECT_FALSE(loaded.plan->form_for(Relation::head).has_value());
    EXPECT_FALSE(loaded.forms[index_of(Relation::self)].has_value());
    EXPECT_DOUBLE_EQ(loaded.plan->weight_of(Relation::self), 0);
    EXPECT_DOUBLE_EQ(loaded.plan->weight_of(Relation::head), 0);
    EXPECT_DOUBLE_EQ(loaded.plan->weight_of(Relation::peer), 1);
    EXPECT_DOUBLE_EQ(loaded.plan->weight_of_dimension("integrity"), 0);
    EXPECT_DOUBLE_EQ(loaded.plan->weight_of_dimension("overall"), 2);
}

// --- finding the forms -------------------------------------------------------------------

TEST_F(PlanRules, FormNotFound) {
    const PlanLoad loaded = load(valid_plan_with("peer: ballot", "peer: missing"));
    EXPECT_EQ(strings(loaded.diagnostics),
              Lines{at_plan("2:49: form 'missing' was not found (neither in the plan's folder nor among the bundled forms)")});
    EXPECT_FALSE(loaded.plan.has_value());
}

TEST_F(PlanRules, FormFoundAmongBundledFormsByIdNotFileName) {
    bundled_.write("any-name.yaml", ballot_form("bundled-ballot"));
    const PlanLoad loaded = load(valid_plan_with("peer: ballot", "peer: bundled-ballot"));
    EXPECT_EQ(strings(loaded.diagnostics), Lines{});
    EXPECT_EQ(loaded.form_files[index_of(Relation::peer)], bundled_.path() / "any-name.yaml");
    ASSERT_TRUE(loaded.forms[index_of(Relation::peer)].has_value());
    EXPECT_EQ(loaded.forms[index_of(Relation::peer)]->id, "bundled-ballot");
}

TEST_F(PlanRules, FormInThePlansFolderWinsOverTheBundledOne) {
    bundled_.write("self-form.yaml", self_form("self-form", "内置自评表"));
    bundled_.write("ballot.yaml", ballot_form());
    const PlanLoad loaded = load(valid_plan());  // the plan's folder has self-form.yaml and ballot.yaml too
    EXPECT_EQ(strings(loaded.diagnostics), Lines{});
    EXPECT_EQ(loaded.form_files[index_of(Relation::self)], folder_.path() / "self-form.yaml");
    EXPECT_EQ(loaded.form_files[index_of(Relation::peer)], folder_.path() / "ballot.yaml");
    ASSERT_TRUE(loaded.forms[index_of(Relation::self)].has_value());
    EXPECT_EQ(loaded.forms[index_of(Relation::self)]->title, "自评表");
}

TEST_F(PlanRules, TwoFilesOfThePlansFolderDeclaringOneFormAreRefused) {
    folder_.write("copy.yaml", self_form("self-form", "副本"));
    const PlanLoad loaded = load(valid_plan());
    const std::string both = "form 'self-form' is defined by both " + in_folder("self-form.yaml") + " and " +
                             in_folder("copy.yaml");
    EXPECT_EQ(strings(loaded.diagnostics), (Lines{at_plan("2:15: " + both), at_plan("2:32: " + both)}));
    EXPECT_FALSE(loaded.plan.has_value());
}

TEST_F(PlanRules, FormUsedForPeerNeedsOtherWording) {
    folder_.write("self-only.yaml", self_form("self-only", "仅自评", true, false));
    const PlanLoad loaded = load(valid_plan_with("peer: ballot", "peer: self-only"));
    EXPECT_EQ(strings(loaded.diagnostics),
              Lines{at_plan("2:49: form 'self-only' lacks 'other' wording on some items, so it cannot be used for peer "
                            "ratings")});
    EXPECT_FALSE(loaded.plan.has_value());
}

TEST_F(PlanRules, FormUsedForHeadNeedsOtherWording) {
    folder_.write("self-only.yaml", self_form("self-only", "仅自评", true, false));
    const PlanLoad loaded = load(valid_plan_with("head: self-form", "head: self-only"));
    EXPECT_EQ(strings(loaded.diagnostics),
              Lines{at_plan("2:32: form 'self-only' lacks 'other' wording on some items, so it cannot be used for head "
                            "ratings")});
}

TEST_F(PlanRules, FormUsedForSelfNeedsSelfWording) {
    const PlanLoad loaded = load(valid_plan_with("self: self-form", "self: ballot"));
    EXPECT_EQ(strings(loaded.diagnostics),
              Lines{at_plan("2:15: form 'ballot' lacks 'self' wording on some items, so it cannot be used for "
                            "self-review")});
    EXPECT_FALSE(loaded.plan.has_value());
}

TEST_F(PlanRules, NamedFormWithErrorsIsReportedAtThePlanAndInTheForm) {
    plan_path_ = folder_.write("plan.yaml", valid_plan());
    folder_.write("self-form.yaml", self_form("self-form"));
    folder_.write("ballot.yaml", ballot_form("ballot", "1.5"));
    const PlanLoad loaded = load_plan_file(plan_path_, bundled_.path());
    EXPECT_EQ(strings(loaded.diagnostics),
              (Lines{at_plan("2:49: form 'ballot' (" + in_folder("ballot.yaml") + ") has errors"),
                     in_folder("ballot.yaml") + ":2:10: '1.5' is not an integer"}));
    EXPECT_FALSE(loaded.plan.has_value());
    for (const auto& form : loaded.forms) EXPECT_FALSE(form.has_value());
}

TEST_F(PlanRules, FormWithErrorsUsedTwiceIsReportedAtEachUseButItsOwnProblemsOnce) {
    plan_path_ = folder_.write("plan.yaml", valid_plan());
    folder_.write("self-form.yaml", replaced(self_form("self-form"), "version: 1\n", "version: 0.5\n"));
    folder_.write("ballot.yaml", ballot_form());
    const PlanLoad loaded = load_plan_file(plan_path_, bundled_.path());
    const std::string has_errors = "form 'self-form' (" + in_folder("self-form.yaml") + ") has errors";
    EXPECT_EQ(strings(loaded.diagnostics),
              (Lines{at_plan("2:15: " + has_errors), at_plan("2:32: " + has_errors),
                     in_folder("self-form.yaml") + ":2:10: '0.5' is not an integer"}));
}

TEST_F(PlanRules, NamedFormWithASyntaxErrorIsNotSkipped) {
    bundled_.write("ballot.yaml", ballot_form());
    plan_path_ = folder_.write("plan.yaml", valid_plan());
    folder_.write("self-form.yaml", self_form("self-form"));
    folder_.write("ballot.yaml", replaced(ballot_form(), "title: 测评票\n", "title: 测评票: 修订\n"));
    const PlanLoad loaded = load_plan_file(plan_path_, bundled_.path());
    EXPECT_EQ(strings(loaded.diagnostics),
              (Lines{at_plan("2:49: form 'ballot' (" + in_folder("ballot.yaml") + ") has errors"),
                     in_folder("ballot.yaml") +
                         ":3:11: YAML syntax error: a 'key: value' is not allowed here (check the indentation, or "
                         "quote text containing ': ')"}));
    EXPECT_FALSE(loaded.plan.has_value());
}

TEST_F(PlanRules, PlanFileProblemsAreLocatedInThePlanFile) {
    const PlanLoad loaded = load(valid_plan_with("peer_scope: unit", "peer_scope: team"));
    EXPECT_EQ(strings(loaded.diagnostics), Lines{at_plan("5:13: peer_scope must be department or unit, not 'team'")});
}

// --- the bundled plan --------------------------------------------------------------------

TEST_F(PlanRules, BundledAnnualPlanLoadsWithTheBundledForms) {
    const std::filesystem::path source = EXEMPLAR_SOURCE_DIR;
    const PlanLoad loaded = load_plan_file(source / "templates" / "plans" / "annual.yaml", source / "forms");
    EXPECT_EQ(strings(loaded.diagnostics), Lines{});
    ASSERT_TRUE(loaded.plan.has_value());
    const Plan& plan = *loaded.plan;
    EXPECT_EQ(plan.id, "annual");
    EXPECT_EQ(plan.form_for(Relation::self), "five-exemplars");
    EXPECT_EQ(plan.form_for(Relation::head), "five-exemplars");
    EXPECT_EQ(plan.form_for(Relation::peer), "five-exemplars-ballot");
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::self), 0.2);
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::head), 0.4);
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::peer), 0.4);
    EXPECT_EQ(plan.dimension_weights, (std::vector<std::pair<std::string, double>>{
                                          {"loyalty", 1}, {"learning", 1}, {"dedication", 1},
                                          {"responsibility", 1}, {"integrity", 1}}));
    EXPECT_EQ(plan.peer_scope, PeerScope::department);
    EXPECT_EQ(plan.min_peers, 3);
    EXPECT_FALSE(plan.trim_extremes);
    EXPECT_EQ(plan.grades, (std::vector<Grade>{{"优秀", 90}, {"称职", 70}, {"基本称职", 60}, {"不称职", 0}}));
    EXPECT_DOUBLE_EQ(plan.top_grade_quota, 0.2);
    EXPECT_EQ(loaded.form_files[index_of(Relation::self)], source / "forms" / "five-exemplars.yaml");
    EXPECT_EQ(loaded.form_files[index_of(Relation::peer)], source / "forms" / "five-exemplars-ballot.yaml");
    ASSERT_TRUE(loaded.forms[index_of(Relation::self)].has_value());
    ASSERT_TRUE(loaded.forms[index_of(Relation::peer)].has_value());
    EXPECT_TRUE(loaded.forms[index_of(Relation::self)]->usable_for(Use::self));
    EXPECT_TRUE(loaded.forms[index_of(Relation::head)]->usable_for(Use::others));
    EXPECT_TRUE(loaded.forms[index_of(Relation::peer)]->usable_for(Use::others));
}

// --- Chinese messages --------------------------------------------------------------------

TEST_F(PlanRules, ChineseMessages) {
    set_language(Language::chinese);
    EXPECT_EQ(problems(valid_plan_with("peer_scope: unit", "peer_scope: team")),
              Lines{"plan.yaml:5:13: peer_scope 只能是 department 或 unit，而不是“team”"});
    EXPECT_EQ(problems(valid_plan_with("min_peers: 4", "min_peers: 0")),
              Lines{"plan.yaml:6:12: min_peers 必须是不小于 1 的整数"});
    const PlanLoad loaded = load(valid_plan_with("peer: ballot", "peer: missing"));
    EXPECT_EQ(strings(loaded.diagnostics),
              Lines{at_plan("2:49: 找不到表单“missing”（在方案所在文件夹和内置表单中都没有）")});
}

}  // namespace
}  // namespace exemplar
