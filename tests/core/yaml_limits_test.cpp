// Hostile YAML never crashes the reader: the limits are checked before
// yaml-cpp builds anything, and each refusal says where.
#include <gtest/gtest.h>

#include <string>

#include "core/translate.h"
#include "core/yaml_document.h"

namespace exemplar {
namespace {

class YamlLimits : public ::testing::Test {
protected:
    void SetUp() override { set_language(Language::english); }

    std::vector<Diagnostic> refuse(const std::string& text) {
        std::vector<Diagnostic> diagnostics;
        EXPECT_FALSE(YamlDocument::parse("x.yaml", text, diagnostics).has_value());
        return diagnostics;
    }
};

TEST_F(YamlLimits, VeryDeepFlowNestingIsRefusedAtTheStart) {
    for (const std::size_t depth : {65u, 1000u, 100000u, 500000u}) {
        const auto diagnostics = refuse(std::string(depth, '[') + std::string(depth, ']'));
        ASSERT_EQ(diagnostics.size(), 1u) << depth;
        EXPECT_EQ(diagnostics[0].to_string(), "x.yaml:1:1: nested deeper than 64 levels") << depth;
    }
}

TEST_F(YamlLimits, VeryDeepBlockNestingIsRefusedAtTheStart) {
    std::string compact;
    for (int i = 0; i < 200000; ++i) compact += "- ";
    compact += "x\n";
    EXPECT_EQ(refuse(compact).at(0).to_string(), "x.yaml:1:1: nested deeper than 64 levels");

    std::string indented;
    for (int i = 0; i < 70; ++i) indented += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
    indented += std::string(140, ' ') + "v\n";
    EXPECT_EQ(refuse(indented).at(0).to_string(), "x.yaml:1:1: nested deeper than 64 levels");
}

TEST_F(YamlLimits, SixtyFourLevelsAreAllowed) {
    std::vector<Diagnostic> diagnostics;
    const auto document = YamlDocument::parse("x.yaml", std::string(64, '[') + std::string(64, ']'), diagnostics);
    EXPECT_TRUE(document.has_value());
    EXPECT_TRUE(diagnostics.empty());
}

TEST_F(YamlLimits, AliasesCannotExpand) {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const char prev = static_cast<char>(c - 1);
        bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
    }
    const auto diagnostics = refuse(bomb);
    ASSERT_FALSE(diagnostics.empty());
    EXPECT_EQ(diagnostics[0].to_string(), "x.yaml:2:8: YAML aliases (*name) are not supported: write the content out");
}

TEST_F(YamlLimits, OneMebibyteIsTheLimit) {
    const std::string at_limit = "a: " + std::string(1024 * 1024 - 4, 'x') + "\n";
    std::vector<Diagnostic> diagnostics;
    EXPECT_TRUE(YamlDocument::parse("x.yaml", at_limit, diagnostics).has_value());
    const auto refused = refuse(at_limit + " ");
    EXPECT_EQ(refused.at(0).to_string(), "x.yaml:1:1: the file is too large (1048577 bytes; the limit is 1048576)");
}

TEST_F(YamlLimits, SyntaxErrorsAreLocatedInCharacters) {
    const auto diagnostics = refuse("名称: 测评\n标题: [未闭合\n");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].to_string(), "x.yaml:3:1: YAML syntax error: missing closing ]");
}

// yaml-cpp 0.7 loops forever, growing, on a ',' where a document starts
// (found by fuzz_form_loader: tests/fuzz/regressions/form_loader/).
TEST_F(YamlLimits, ACommaWhereADocumentStartsIsRefusedNotLoopedOn) {
    EXPECT_EQ(refuse(",\n").at(0).to_string(), "x.yaml:1:1: YAML syntax error: ',' cannot stand here");
    EXPECT_EQ(refuse("&anchor , x\n").at(0).to_string(), "x.yaml:1:9: YAML syntax error: ',' cannot stand here");
}

}  // namespace
}  // namespace exemplar
