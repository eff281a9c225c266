// `exemplar form validate` and `exemplar form show`, run as a user runs them.
#include <gtest/gtest.h>

#include <string>

#include "core/form_loader.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

using testing::run_exemplar;

const std::string forms = EXEMPLAR_SOURCE_DIR "/forms";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

TEST(FormCli, BundledFormsValidate) {
    const auto result = run_exemplar({"form", "validate", forms + "/five-exemplars.yaml", forms + "/five-exemplars-ballot.yaml"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
    EXPECT_TRUE(contains(result.out, "five-exemplars.yaml: valid")) << result.out;
    EXPECT_TRUE(contains(result.out, "five-exemplars-ballot.yaml: valid")) << result.out;
}

TEST(FormCli, MalformedFormIsRefusedWithFileLineAndColumn) {
    testing::TempDir dir;
    const auto bad = dir.write("bad.yaml",
                               "form: Bad_Id\nversion: 1\ntitle: t\nscales:\n  s:\n    options:\n"
                               "      - {label: 是, value: true}\n      - {label: 否, value: 0}\n"
                               "dimensions:\n  - id: d\n    name: 维度\n    items:\n"
                               "      - {id: Q1, self: 问题, scale: s, colour: red}\n");
    const auto result = run_exemplar({"form", "validate", bad.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(result.out.empty()) << result.out;
    const std::string name = bad.string();
    EXPECT_EQ(result.err, name + ":1:7: form id 'Bad_Id' may hold only a–z, 0–9 and '-'\n" + name +
                              ":7:27: 'true' is a boolean; a number is expected\n" + name +
                              ":13:38: unknown key 'colour'\n");
}

TEST(FormCli, MessagesAreChineseUnderAChineseLocale) {
    testing::TempDir dir;
    const auto bad = dir.write("bad.yaml", "form: x\nversion: 1\ntitle: t\nscales: {}\ndimensions: []\nextra: 1\n");
    const auto result = run_exemplar({"form", "validate", bad.string()}, "zh");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.err, bad.string() + ":6:1: 未知的键“extra”")) << result.err;
    EXPECT_TRUE(contains(result.err, bad.string() + ":4:1: 至少需要一个量表")) << result.err;
}

TEST(FormCli, ValidatesEveryFileAndFailsIfAnyFails) {
    testing::TempDir dir;
    const auto bad = dir.write("empty.yaml", "");
    const auto result = run_exemplar({"form", "validate", forms + "/five-exemplars.yaml", bad.string(), "/nonexistent/x.yaml"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.out, "five-exemplars.yaml: valid"));
    EXPECT_TRUE(contains(result.err, bad.string() + ":1:1: ")) << result.err;
    EXPECT_TRUE(contains(result.err, "/nonexistent/x.yaml:1:1: cannot read the file")) << result.err;
}

TEST(FormCli, ShowPrintsTheQuestionnaireInChineseByExemplarAndFacet) {
    const auto result = run_exemplar({"form", "show", forms + "/five-exemplars.yaml"}, "zh");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string& out = result.out;
    EXPECT_TRUE(contains(out, "五种表率自评测评表"));
    EXPECT_TRUE(contains(out, "一、绝对忠诚（loyalty）"));
    EXPECT_TRUE(contains(out, "五、廉洁自律（integrity）"));
    EXPECT_TRUE(contains(out, "（一）绝对忠诚于党的政治品质"));
    EXPECT_TRUE(contains(out, "L1  我能否在感情上毫不保留地热爱党？"));
    EXPECT_TRUE(contains(out, "□完全符合  □比较符合  □一般  □不太符合  □完全不符合"));
    EXPECT_TRUE(contains(out, "〔反向计分〕"));
    EXPECT_TRUE(contains(out, "□从未  □偶尔  □有时  □经常  □总是"));
    EXPECT_TRUE(contains(out, "意见建议"));
    // Sections come in the order of the form.
    EXPECT_LT(out.find("一、绝对忠诚"), out.find("二、勤学善思"));
    EXPECT_LT(out.find("四、极端负责"), out.find("五、廉洁自律"));
}

TEST(FormCli, ShowUsesOtherWordingOnRequestAndForTheBallot) {
    const auto other = run_exemplar({"form", "show", forms + "/five-exemplars.yaml", "--wording", "other"}, "zh");
    ASSERT_EQ(other.exit_code, 0) << other.err;
    EXPECT_TRUE(contains(other.out, "L1  该同志能否在感情上毫不保留地热爱党？"));
    const auto ballot = run_exemplar({"form", "show", forms + "/five-exemplars-ballot.yaml"}, "zh");
    ASSERT_EQ(ballot.exit_code, 0) << ballot.err;
    EXPECT_TRUE(contains(ballot.out, "六、总体评价（overall）"));
    EXPECT_TRUE(contains(ballot.out, "好评选项：优秀、称职"));
    const auto refused = run_exemplar({"form", "show", forms + "/five-exemplars-ballot.yaml", "--wording", "self"});
    EXPECT_EQ(refused.exit_code, 1);
}

TEST(FormCli, ShowJsonLoadsBackToTheSameForm) {
    for (const char* name : {"five-exemplars.yaml", "five-exemplars-ballot.yaml"}) {
        const auto result = run_exemplar({"form", "show", forms + "/" + name, "--json"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const FormLoad original = load_form_file(forms + "/" + name);
        const FormLoad round_trip = parse_form("shown.json", result.out);
        for (const auto& d : round_trip.diagnostics) ADD_FAILURE() << d.to_string();
        ASSERT_TRUE(original.form && round_trip.form);
        EXPECT_EQ(*original.form, *round_trip.form) << name;
    }
}

TEST(FormCli, ShowJsonKeepsExplicitPointsWeightsAndOptionalItems) {
    testing::TempDir dir;
    const auto file = dir.write("f.yaml",
                                "form: f\nversion: 3\ntitle: \"标题 \\\"引号\\\"\"\nscales:\n  s:\n    options:\n"
                                "      - {label: 高, value: 2.5, points: 90}\n      - {label: 低, value: -1, points: 12.25}\n"
                                "    favorable: [高]\ndimensions:\n  - id: d\n    name: 维度\n    items:\n"
                                "      - {id: Q1, other: \"行一\\n行二\", scale: s, reverse: true, weight: 0.1, required: false}\n"
                                "comments:\n  - {id: C1, other: 意见}\n");
    const auto result = run_exemplar({"form", "show", file.string(), "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const FormLoad original = load_form_file(file);
    const FormLoad round_trip = parse_form("shown.json", result.out);
    ASSERT_TRUE(original.form && round_trip.form);
    EXPECT_EQ(*original.form, *round_trip.form);
    EXPECT_EQ(round_trip.form->items[0].other_wording, "行一\n行二");
    EXPECT_DOUBLE_EQ(round_trip.form->items[0].weight, 0.1);
}

}  // namespace
}  // namespace exemplar
