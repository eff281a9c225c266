// Exit statuses and help of the command line (SPEC §8): 0 done, 1 refused, 2 wrong usage.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_process.h"

namespace exemplar {
namespace {

using testing::run_exemplar;

TEST(UsageCli, VersionPrintsTheVersion) {
    const auto result = run_exemplar({"--version"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.out.rfind("exemplar ", 0), 0u) << result.out;
}

TEST(UsageCli, EveryCommandHasHelp) {
    const std::vector<std::vector<std::string>> commands = {
        {},           {"form"},          {"form", "validate"}, {"form", "show"},     {"plan"},
        {"plan", "validate"}, {"roster"}, {"roster", "import"}, {"roster", "list"}, {"cycle"},
        {"cycle", "create"},  {"cycle", "list"}, {"cycle", "show"}, {"cycle", "close"}, {"cycle", "delete"},
        {"assignments"},      {"responses"},     {"responses", "import"}, {"results"},       {"report"},
        {"questionnaires"},   {"codes"},         {"demo"}};
    for (auto command : commands) {
        command.push_back("--help");
        const auto result = run_exemplar(command);
        EXPECT_EQ(result.exit_code, 0) << command.size();
        EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
    }
    const auto chinese = run_exemplar({"form", "validate", "--help"}, "zh");
    EXPECT_EQ(chinese.exit_code, 0);
    EXPECT_NE(chinese.out.find("检查表单文件"), std::string::npos) << chinese.out;
    EXPECT_NE(chinese.out.find("用法"), std::string::npos) << chinese.out;
}

TEST(UsageCli, WrongUsageExitsWithTwo) {
    const std::vector<std::vector<std::string>> wrong = {
        {}, {"form"}, {"form", "validate"}, {"frobnicate"}, {"form", "show", "a", "b"}, {"form", "show", "x", "--wording", "boss"},
        {"--no-such-option", "form", "validate", "x"}, {"cycle", "create", "x"}, {"results"}, {"responses", "import", "x"},
        {"demo"}, {"codes", "x"}, {"questionnaires", "x"}};
    for (const auto& arguments : wrong) {
        const auto result = run_exemplar(arguments);
        EXPECT_EQ(result.exit_code, 2) << (arguments.empty() ? "" : arguments[0]);
        EXPECT_NE(result.err.find("usage error"), std::string::npos) << result.err;
    }
    const auto chinese = run_exemplar({"frobnicate"}, "zh");
    EXPECT_EQ(chinese.exit_code, 2);
    EXPECT_NE(chinese.err.find("用法错误"), std::string::npos) << chinese.err;
}

TEST(UsageCli, CommandsNeedingADatabaseSayWhenThereIsNone) {
    const auto result = run_exemplar({"--db", "/nonexistent/folder/x.db", "cycle", "list"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.err, "exemplar: there is no database at /nonexistent/folder/x.db (import a roster first)\n");
}

TEST(UsageCli, DatabaseOptionGoesBeforeOrAfterTheCommandWords) {
    const std::string form = EXEMPLAR_SOURCE_DIR "/forms/five-exemplars.yaml";
    EXPECT_EQ(run_exemplar({"--db", "/tmp/x.db", "form", "validate", form}).exit_code, 0);
    EXPECT_EQ(run_exemplar({"form", "validate", form, "--db", "/tmp/x.db"}).exit_code, 0);
    EXPECT_EQ(run_exemplar({"form", "--db", "/tmp/x.db", "validate", form}).exit_code, 0);
}

}  // namespace
}  // namespace exemplar
