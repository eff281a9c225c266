// `exemplar plan validate`, run as a user runs it.
#include <gtest/gtest.h>

#include <string>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

using testing::run_exemplar;

TEST(PlanCli, BundledPlanValidatesWithItsForms) {
    const auto result = run_exemplar({"plan", "validate", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("annual.yaml: valid (plan annual"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("peer five-exemplars-ballot"), std::string::npos) << result.out;
}

TEST(PlanCli, PlanWithBrokenRulesIsRefusedWithLocations) {
    testing::TempDir dir;
    const auto plan = dir.write("p.yaml",
                                "plan: p\n"
                                "forms: {self: five-exemplars, peer: five-exemplars-ballot, boss: x}\n"
                                "relation_weights: {self: 0.2, peer: -1}\n"
                                "dimension_weights: {loyalty: 1, honesty: 1}\n"
                                "grades:\n  - {name: 优秀, min: 90}\n  - {name: 合格, min: 95}\n"
                                "top_grade_quota: 1.5\n");
    const auto result = run_exemplar({"plan", "validate", plan.string()});
    EXPECT_EQ(result.exit_code, 1);
    const std::string p = plan.string();
    EXPECT_EQ(result.err, p + ":2:60: unknown key 'boss'\n" + p + ":3:37: a weight cannot be negative\n" + p +
                              ":4:33: dimension 'honesty' is in none of the plan's forms\n" + p +
                              ":7:21: grade minimums must strictly decrease: 95 is not below the previous 90\n" + p +
                              ":7:21: the last grade's min must be 0\n" + p + ":8:18: top_grade_quota must lie between 0 and 1\n");
}

TEST(PlanCli, FormMissingWordingForItsUseIsRefused) {
    testing::TempDir dir;
    const auto plan = dir.write("p.yaml",
                                "plan: p\nforms: {self: five-exemplars-ballot}\nrelation_weights: {self: 1}\n"
                                "dimension_weights: {loyalty: 1}\ngrades:\n  - {name: 合格, min: 0}\n");
    const auto result = run_exemplar({"plan", "validate", plan.string()}, "zh");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.err, plan.string() + ":2:15: 表单“five-exemplars-ballot”并非每道题都有 self 措辞，不能用于自评\n");
}

}  // namespace
}  // namespace exemplar
