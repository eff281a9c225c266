// The questionnaires and plan shipped with Exemplar: complete, valid, and
// faithful to the speech they come from.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/form_loader.h"
#include "core/plan_loader.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

const std::string source_dir = EXEMPLAR_SOURCE_DIR;

Form load(const std::string& relative) {
    FormLoad loaded = load_form_file(source_dir + "/" + relative);
    for (const auto& d : loaded.diagnostics) ADD_FAILURE() << d.to_string();
    EXPECT_TRUE(loaded.form.has_value());
    return loaded.form.value_or(Form{});
}

TEST(BundledForms, SelfReviewFormHasTheFiveExemplarsAndTheirFifteenFacets) {
    const Form form = load("forms/five-exemplars.yaml");
    EXPECT_EQ(form.id, "five-exemplars");
    ASSERT_EQ(form.dimensions.size(), 5u);
    const std::pair<const char*, const char*> expected[] = {{"loyalty", "绝对忠诚"},
                                                            {"learning", "勤学善思"},
                                                            {"dedication", "爱岗敬业"},
                                                            {"responsibility", "极端负责"},
                                                            {"integrity", "廉洁自律"}};
    std::size_t facets = 0;
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(form.dimensions[i].id, expected[i].first);
        EXPECT_EQ(form.dimensions[i].name, expected[i].second);
        EXPECT_EQ(form.dimensions[i].facets.size(), 3u) << form.dimensions[i].id;
        for (const Facet& facet : form.dimensions[i].facets) EXPECT_GE(facet.items.size(), 2u) << facet.id;
        facets += form.dimensions[i].facets.size();
    }
    EXPECT_EQ(facets, 15u);
    EXPECT_GE(form.items.size(), 35u);
    EXPECT_LE(form.items.size(), 50u);
}

TEST(BundledForms, EveryItemHasBothWordingsAndQuotesTheSpeechVerbatim) {
    const Form form = load("forms/five-exemplars.yaml");
    const std::string speech = testing::read_file(source_dir + "/forms/speech.txt");
    EXPECT_TRUE(form.usable_for(Use::self));
    EXPECT_TRUE(form.usable_for(Use::others));
    for (const Item& item : form.items) {
        EXPECT_FALSE(item.self_wording.empty()) << item.id;
        EXPECT_FALSE(item.other_wording.empty()) << item.id;
        EXPECT_TRUE(item.self_wording.find("我") != std::string::npos) << item.id;
        EXPECT_TRUE(item.other_wording.find("该同志") != std::string::npos) << item.id;
        ASSERT_FALSE(item.source.empty()) << item.id;
        EXPECT_NE(speech.find(item.source), std::string::npos) << item.id << " source not in the speech: " << item.source;
    }
}

TEST(BundledForms, EverySelfCheckQuestionOfTheSpeechIsAnItem) {
    const Form form = load("forms/five-exemplars.yaml");
    // The speech's own self-check questions (its punctuation; the wording may add 我/该同志).
    const char* const questions[][2] = {{"在感情上毫不保留地热爱党", "能否在感情上毫不保留地热爱党?"},
                                        {"思想上毫不含糊地拥护党", "能否思想上毫不含糊地拥护党?"},
                                        {"在行动上毫不犹豫地追随党", "能否在行动上毫不犹豫地追随党?"},
                                        {"迎难而退、牢骚怨言", "有没有迎难而退、牢骚怨言的情况?"},
                                        {"推诿扯皮、争功诿过", "有没有推诿扯皮、争功诿过的情况?"}};
    for (const auto& question : questions) {
        // Plain variables, not a structured binding: clang 14 (the sanitizer build) cannot capture those in a lambda.
        const char* const phrase = question[0];
        const char* const source = question[1];
        const bool found = std::any_of(form.items.begin(), form.items.end(), [&](const Item& item) {
            return item.self_wording.find(phrase) != std::string::npos &&
                   item.other_wording.find(phrase) != std::string::npos && item.source.find(source) != std::string::npos;
        });
        EXPECT_TRUE(found) << phrase;
    }
}

TEST(BundledForms, WarnedAgainstBehavioursAreReverseItemsOnTheFrequencyScale) {
    const Form form = load("forms/five-exemplars.yaml");
    std::size_t reverse = 0;
    for (const Item& item : form.items) {
        const Scale& scale = form.scale_of(item);
        if (!item.reverse) continue;
        ++reverse;
        ASSERT_EQ(scale.options.size(), 5u) << item.id;
        const char* const labels[] = {"从未", "偶尔", "有时", "经常", "总是"};
        for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(scale.options[i].label, labels[i]) << item.id;
        // 从未 (never) scores best on a reverse item.
        EXPECT_DOUBLE_EQ(form.answer_score(item, scale.options[0]), 100.0);
        EXPECT_DOUBLE_EQ(form.answer_score(item, scale.options[4]), 0.0);
    }
    EXPECT_GE(reverse, 8u);
    for (const char* phrase : {"推诿扯皮", "拈轻怕重", "偷奸耍滑", "差不多", "杂音"}) {
        const bool reversed = std::any_of(form.items.begin(), form.items.end(), [&](const Item& item) {
            return item.reverse && item.self_wording.find(phrase) != std::string::npos;
        });
        EXPECT_TRUE(reversed) << phrase;
    }
}

TEST(BundledForms, SelfReviewFormAsksForGapsAndImprovements) {
    const Form form = load("forms/five-exemplars.yaml");
    ASSERT_EQ(form.comments.size(), 2u);
    EXPECT_NE(form.comments[0].self_wording.find("主要差距"), std::string::npos);
    EXPECT_NE(form.comments[1].self_wording.find("改进措施"), std::string::npos);
    EXPECT_FALSE(form.comments[0].other_wording.empty());
}

TEST(BundledForms, PeerBallotGradesEachExemplarAndOverall) {
    const Form form = load("forms/five-exemplars-ballot.yaml");
    EXPECT_EQ(form.id, "five-exemplars-ballot");
    ASSERT_EQ(form.dimensions.size(), 6u);
    EXPECT_EQ(form.dimensions.back().id, "overall");
    EXPECT_EQ(form.items.size(), 6u);
    EXPECT_FALSE(form.usable_for(Use::self));
    EXPECT_TRUE(form.usable_for(Use::others));
    for (const Item& item : form.items) {
        EXPECT_TRUE(item.self_wording.empty()) << item.id;
        const Scale& scale = form.scale_of(item);
        ASSERT_EQ(scale.options.size(), 4u);
        const std::pair<const char*, double> grades[] = {{"优秀", 100}, {"称职", 80}, {"基本称职", 60}, {"不称职", 40}};
        for (std::size_t i = 0; i < 4; ++i) {
            EXPECT_EQ(scale.options[i].label, grades[i].first);
            EXPECT_DOUBLE_EQ(scale.options[i].score, grades[i].second);
        }
        EXPECT_EQ(scale.favorable, (std::vector<std::string>{"优秀", "称职"}));
    }
}

TEST(BundledForms, DefaultPlanLoadsWithTheBundledForms) {
    const PlanLoad loaded = load_plan_file(source_dir + "/templates/plans/annual.yaml", source_dir + "/forms");
    for (const auto& d : loaded.diagnostics) ADD_FAILURE() << d.to_string();
    ASSERT_TRUE(loaded.plan.has_value());
    const Plan& plan = *loaded.plan;
    EXPECT_EQ(plan.id, "annual");
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::self), 0.2);
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::head), 0.4);
    EXPECT_DOUBLE_EQ(plan.weight_of(Relation::peer), 0.4);
    EXPECT_EQ(plan.min_peers, 3);
    EXPECT_DOUBLE_EQ(plan.top_grade_quota, 0.2);
    EXPECT_EQ(plan.grades, (std::vector<Grade>{{"优秀", 90}, {"称职", 70}, {"基本称职", 60}, {"不称职", 0}}));
    ASSERT_TRUE(loaded.forms[index_of(Relation::peer)].has_value());
    EXPECT_EQ(loaded.forms[index_of(Relation::peer)]->id, "five-exemplars-ballot");
}

}  // namespace
}  // namespace exemplar
