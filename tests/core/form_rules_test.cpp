// SPEC §2, one rule per test: a small valid form, changed in one place, must
// give exactly the located diagnostics FILE:LINE:COLUMN: message.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/form_loader.h"
#include "core/translate.h"

namespace exemplar {
namespace {

// Line numbers are part of every expectation below; keep them in sync.
std::string valid_form() {
    return "form: demo\n"                                              //  1
           "version: 1\n"                                              //  2
           "title: 示例表\n"                                           //  3
           "scales:\n"                                                 //  4
           "  agree5:\n"                                               //  5
           "    options:\n"                                            //  6
           "      - {label: 完全符合, value: 5}\n"                     //  7
           "      - {label: 一般, value: 3}\n"                         //  8
           "      - {label: 不符合, value: 1}\n"                       //  9
           "  grade4:\n"                                               // 10
           "    options:\n"                                            // 11
           "      - {label: 优秀, value: 4, points: 100}\n"            // 12
           "      - {label: 称职, value: 3, points: 80}\n"             // 13
           "    favorable: [优秀]\n"                                   // 14
           "dimensions:\n"                                             // 15
           "  - id: loyalty\n"                                         // 16
           "    name: 绝对忠诚\n"                                      // 17
           "    facets:\n"                                             // 18
           "      - id: loyalty-party\n"                               // 19
           "        name: 忠诚于党\n"                                  // 20
           "        items:\n"                                          // 21
           "          - id: L1\n"                                      // 22
           "            self: 我能否热爱党?\n"                         // 23
           "            other: 该同志能否热爱党?\n"                    // 24
           "            scale: agree5\n"                               // 25
           "            reverse: false\n"                              // 26
           "            weight: 1\n"                                   // 27
           "            required: true\n"                              // 28
           "            source: 能否热爱党?\n"                         // 29
           "  - id: overall\n"                                         // 30
           "    name: 总体评价\n"                                      // 31
           "    items:\n"                                              // 32
           "      - id: O1\n"                                          // 33
           "        self: 我的总体表现\n"                              // 34
           "        other: 该同志的总体表现\n"                         // 35
           "        scale: grade4\n"                                   // 36
           "comments:\n"                                               // 37
           "  - {id: C1, self: 我的差距, other: 该同志的差距}\n";      // 38
}

// `text` with its one occurrence of `from` replaced by `to`.
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

std::string valid_form_with(std::string_view from, std::string_view to) { return replaced(valid_form(), from, to); }

// The diagnostics of a form text as FILE:LINE:COLUMN: message.
std::vector<std::string> problems(const std::string& text) {
    const FormLoad load = parse_form("form.yaml", text);
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : load.diagnostics) lines.push_back(diagnostic.to_string());
    EXPECT_EQ(load.form.has_value(), lines.empty()) << "a form comes back exactly when there are no diagnostics";
    return lines;
}

using Lines = std::vector<std::string>;

class FormRules : public ::testing::Test {
protected:
    void SetUp() override { set_language(Language::english); }
    void TearDown() override { set_language(Language::english); }
};

// --- the valid form ---------------------------------------------------------

TEST_F(FormRules, ValidFormLoadsWithoutDiagnostics) {
    const FormLoad load = parse_form("form.yaml", valid_form());
    EXPECT_EQ(load.diagnostics, std::vector<Diagnostic>{});
    ASSERT_TRUE(load.form.has_value());
    const Form& form = *load.form;
    EXPECT_EQ(form.id, "demo");
    EXPECT_EQ(form.version, 1);
    EXPECT_EQ(form.title, "示例表");
    ASSERT_EQ(form.scales.size(), 2u);
    EXPECT_EQ(form.scales[0].id, "agree5");
    EXPECT_EQ(form.scales[0].options.size(), 3u);
    EXPECT_EQ(form.scales[1].favorable, std::vector<std::string>{"优秀"});
    ASSERT_EQ(form.dimensions.size(), 2u);
    EXPECT_EQ(form.dimensions[0].facets.size(), 1u);
    ASSERT_EQ(form.items.size(), 2u);
    EXPECT_EQ(form.items[0].id, "L1");
    EXPECT_EQ(form.items[0].source, "能否热爱党?");
    EXPECT_EQ(form.items[1].scale, 1u);
    ASSERT_EQ(form.comments.size(), 1u);
    EXPECT_TRUE(form.usable_for(Use::self));
    EXPECT_TRUE(form.usable_for(Use::others));
}

// --- form id and version ------------------------------------------------------

TEST_F(FormRules, FormIdMustBeLowercaseLettersDigitsAndDashes) {
    EXPECT_EQ(problems(valid_form_with("form: demo", "form: Demo_1")),
              Lines{"form.yaml:1:7: form id 'Demo_1' may hold only a–z, 0–9 and '-'"});
    EXPECT_EQ(problems(valid_form_with("form: demo", "form: 示例")),
              Lines{"form.yaml:1:7: form id '示例' may hold only a–z, 0–9 and '-'"});
    EXPECT_EQ(problems(valid_form_with("form: demo", "form: demo-2026")), Lines{});
}

TEST_F(FormRules, VersionMustBeAnIntegerNotAFraction) {
    EXPECT_EQ(problems(valid_form_with("version: 1", "version: 1.5")),
              Lines{"form.yaml:2:10: '1.5' is not an integer"});
}

TEST_F(FormRules, VersionMustBeANumberNotText) {
    EXPECT_EQ(problems(valid_form_with("version: 1", "version: \"1\"")),
              Lines{"form.yaml:2:10: '1' is not a number"});
    EXPECT_EQ(problems(valid_form_with("version: 1", "version: v1")),
              Lines{"form.yaml:2:10: 'v1' is not a number"});
}

// --- missing keys, located at the mapping that lacks them ----------------------

TEST_F(FormRules, MissingFormKey) {
    EXPECT_EQ(problems(valid_form_with("form: demo\n", "")), Lines{"form.yaml:1:1: missing key 'form'"});
}

TEST_F(FormRules, MissingVersionKey) {
    EXPECT_EQ(problems(valid_form_with("version: 1\n", "")), Lines{"form.yaml:1:1: missing key 'version'"});
}

TEST_F(FormRules, MissingTitleKey) {
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "")), Lines{"form.yaml:1:1: missing key 'title'"});
}

TEST_F(FormRules, MissingScalesKey) {
    // Lines 4–14 go; the items' scales are then unknown too.
    const std::string text = valid_form_with(
        "scales:\n"
        "  agree5:\n"
        "    options:\n"
        "      - {label: 完全符合, value: 5}\n"
        "      - {label: 一般, value: 3}\n"
        "      - {label: 不符合, value: 1}\n"
        "  grade4:\n"
        "    options:\n"
        "      - {label: 优秀, value: 4, points: 100}\n"
        "      - {label: 称职, value: 3, points: 80}\n"
        "    favorable: [优秀]\n",
        "");
    EXPECT_EQ(problems(text), (Lines{"form.yaml:1:1: missing key 'scales'",
                                     "form.yaml:14:20: unknown scale 'agree5'",
                                     "form.yaml:25:16: unknown scale 'grade4'"}));
}

TEST_F(FormRules, MissingDimensionsKey) {
    const std::string form = valid_form();
    const auto from = form.find("dimensions:\n");
    const auto to = form.find("comments:\n");
    ASSERT_NE(from, std::string::npos);
    ASSERT_NE(to, std::string::npos);
    const std::string text = form.substr(0, from) + form.substr(to);
    EXPECT_EQ(problems(text), Lines{"form.yaml:1:1: missing key 'dimensions'"});
}

TEST_F(FormRules, MissingKeysInsideAreLocatedAtTheirMapping) {
    // An option without value (the flow mapping starts at '{').
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般}")),
              Lines{"form.yaml:8:9: missing key 'value'"});
    // A dimension without name (its mapping starts at 'id').
    EXPECT_EQ(problems(valid_form_with("    name: 总体评价\n", "")), Lines{"form.yaml:30:5: missing key 'name'"});
    // An item without scale.
    EXPECT_EQ(problems(valid_form_with("        scale: grade4\n", "")), Lines{"form.yaml:33:9: missing key 'scale'"});
    // A comment without id.
    EXPECT_EQ(problems(valid_form_with("{id: C1, self: 我的差距, other: 该同志的差距}", "{self: 我的差距}")),
              Lines{"form.yaml:38:5: missing key 'id'"});
}

TEST_F(FormRules, EmptyValueIsLocatedAtItsKey) {
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title:\n")), Lines{"form.yaml:3:1: text is missing"});
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: \"\"\n")),
              Lines{"form.yaml:3:8: 'title' must not be empty"});
}

// --- unknown keys, located at the key ---------------------------------------------

TEST_F(FormRules, UnknownKeyAtTopLevel) {
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例表\ncolour: red\n")),
              Lines{"form.yaml:4:1: unknown key 'colour'"});
}

TEST_F(FormRules, UnknownKeyInAScale) {
    EXPECT_EQ(problems(valid_form_with("    favorable: [优秀]", "    favourite: [优秀]")),
              Lines{"form.yaml:14:5: unknown key 'favourite'"});
}

TEST_F(FormRules, UnknownKeyInAnOption) {
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般, value: 3, note: x}")),
              Lines{"form.yaml:8:31: unknown key 'note'"});
}

TEST_F(FormRules, UnknownKeyInADimension) {
    EXPECT_EQ(problems(valid_form_with("    name: 总体评价\n", "    name: 总体评价\n    weight: 2\n")),
              Lines{"form.yaml:32:5: unknown key 'weight'"});
}

TEST_F(FormRules, UnknownKeyInAFacet) {
    EXPECT_EQ(problems(valid_form_with("        name: 忠诚于党\n", "        name: 忠诚于党\n        note: x\n")),
              Lines{"form.yaml:21:9: unknown key 'note'"});
}

TEST_F(FormRules, UnknownKeyInAnItem) {
    EXPECT_EQ(problems(valid_form_with("        scale: grade4\n", "        scale: grade4\n        说明: x\n")),
              Lines{"form.yaml:37:9: unknown key '说明'"});
}

TEST_F(FormRules, UnknownKeyInAComment) {
    EXPECT_EQ(problems(valid_form_with("other: 该同志的差距}", "other: 该同志的差距, hint: x}")),
              Lines{"form.yaml:38:41: unknown key 'hint'"});
}

TEST_F(FormRules, RepeatedKeyIsReportedAtItsSecondUse) {
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例表\ntitle: 又一个\n")),
              Lines{"form.yaml:4:1: key 'title' is repeated (first on line 3)"});
    EXPECT_EQ(problems(valid_form_with("        scale: grade4\n", "        scale: grade4\n        scale: agree5\n")),
              Lines{"form.yaml:37:9: key 'scale' is repeated (first on line 36)"});
}

// --- scales ----------------------------------------------------------------------

TEST_F(FormRules, ScaleNeedsAtLeastTwoOptions) {
    EXPECT_EQ(problems(valid_form_with("      - {label: 称职, value: 3, points: 80}\n", "")),
              Lines{"form.yaml:11:5: scale 'grade4' needs at least two options"});
}

TEST_F(FormRules, OptionLabelsAreDistinct) {
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 完全符合, value: 3}")),
              Lines{"form.yaml:8:17: label '完全符合' appears twice in scale 'agree5'"});
}

TEST_F(FormRules, OptionValuesAreDistinct) {
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般, value: 5}")),
              Lines{"form.yaml:8:28: value 5 appears twice in scale 'agree5'"});
    // 5.0 is the number 5.
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般, value: 5.0}")),
              Lines{"form.yaml:8:28: value 5 appears twice in scale 'agree5'"});
}

TEST_F(FormRules, PointsOnAllOptionsOrNone) {
    EXPECT_EQ(problems(valid_form_with("{label: 称职, value: 3, points: 80}", "{label: 称职, value: 3}")),
              Lines{"form.yaml:13:9: scale 'grade4' gives points for some options: give them for '称职' too "
                    "(all options or none)"});
}

TEST_F(FormRules, PointsLieBetween0And100) {
    EXPECT_EQ(problems(valid_form_with("points: 100}", "points: 101}")),
              Lines{"form.yaml:12:39: points 101 are not between 0 and 100"});
    EXPECT_EQ(problems(valid_form_with("points: 80}", "points: -1}")),
              Lines{"form.yaml:13:39: points -1 are not between 0 and 100"});
    // Both ends are allowed.
    EXPECT_EQ(problems(valid_form_with("points: 80}", "points: 0}")), Lines{});
}

TEST_F(FormRules, FavorableNamesLabelsOfItsScale) {
    EXPECT_EQ(problems(valid_form_with("favorable: [优秀]", "favorable: [优秀, 良好]")),
              Lines{"form.yaml:14:21: '良好' is not a label of scale 'grade4'"});
}

// --- core schema: numbers are numbers, booleans are booleans ---------------------------

TEST_F(FormRules, ValueGivenAsABooleanIsRefused) {
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般, value: true}")),
              Lines{"form.yaml:8:28: 'true' is a boolean; a number is expected"});
}

TEST_F(FormRules, ValueGivenAsQuotedTextIsRefused) {
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般, value: \"5\"}")),
              Lines{"form.yaml:8:28: '5' is not a number"});
}

TEST_F(FormRules, InfinityAndNotANumberAreRefused) {
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般, value: .inf}")),
              Lines{"form.yaml:8:28: '.inf': .inf and .nan are not allowed"});
    EXPECT_EQ(problems(valid_form_with("{label: 一般, value: 3}", "{label: 一般, value: -.inf}")),
              Lines{"form.yaml:8:28: '-.inf': .inf and .nan are not allowed"});
    EXPECT_EQ(problems(valid_form_with("weight: 1\n", "weight: .nan\n")),
              Lines{"form.yaml:27:21: '.nan': .inf and .nan are not allowed"});
    EXPECT_EQ(problems(valid_form_with("weight: 1\n", "weight: .inf\n")),
              Lines{"form.yaml:27:21: '.inf': .inf and .nan are not allowed"});
}

TEST_F(FormRules, WeightZeroIsRefused) {
    EXPECT_EQ(problems(valid_form_with("weight: 1\n", "weight: 0\n")),
              Lines{"form.yaml:27:21: the weight must be greater than 0"});
}

TEST_F(FormRules, NegativeWeightIsRefused) {
    EXPECT_EQ(problems(valid_form_with("weight: 1\n", "weight: -2\n")),
              Lines{"form.yaml:27:21: the weight must be greater than 0"});
    EXPECT_EQ(problems(valid_form_with("weight: 1\n", "weight: 0.5\n")), Lines{});
}

TEST_F(FormRules, ReverseIsTrueOrFalse) {
    EXPECT_EQ(problems(valid_form_with("reverse: false", "reverse: yes")),
              Lines{"form.yaml:26:22: 'yes' is not true or false"});
    EXPECT_EQ(problems(valid_form_with("reverse: false", "reverse: 0")),
              Lines{"form.yaml:26:22: '0' is not true or false"});
}

TEST_F(FormRules, RequiredIsTrueOrFalse) {
    EXPECT_EQ(problems(valid_form_with("required: true", "required: 1")),
              Lines{"form.yaml:28:23: '1' is not true or false"});
    EXPECT_EQ(problems(valid_form_with("required: true", "required: \"true\"")),
              Lines{"form.yaml:28:23: 'true' is not true or false"});
}

// --- element ids ----------------------------------------------------------------------

TEST_F(FormRules, ElementIdsHoldOnlyLettersDigitsUnderscoreAndDash) {
    EXPECT_EQ(problems(valid_form_with("- id: L1\n", "- id: L 1\n")),
              Lines{"form.yaml:22:17: id 'L 1' may hold only A–Z, a–z, 0–9, '_' and '-'"});
    EXPECT_EQ(problems(valid_form_with("- id: L1\n", "- id: 题1\n")),
              Lines{"form.yaml:22:17: id '题1' may hold only A–Z, a–z, 0–9, '_' and '-'"});
    EXPECT_EQ(problems(valid_form_with("- id: L1\n", "- id: Loyal_1-a\n")), Lines{});
}

TEST_F(FormRules, IdsAreUniqueAcrossDimensionsFacetsItemsAndComments) {
    std::string text = valid_form_with("- id: loyalty-party\n", "- id: overall\n");  // facet = a later dimension
    text = replaced(text, "- id: O1\n", "- id: loyalty\n");                        // item = a dimension
    text = replaced(text, "{id: C1,", "{id: L1,");                                 // comment = an item
    EXPECT_EQ(problems(text), (Lines{"form.yaml:30:9: id 'overall' is used twice (first on line 19)",
                                     "form.yaml:33:13: id 'loyalty' is used twice (first on line 16)",
                                     "form.yaml:38:10: id 'L1' is used twice (first on line 22)"}));
}

TEST_F(FormRules, IdsAreCaseSensitive) {
    EXPECT_EQ(problems(valid_form_with("- id: O1\n", "- id: l1\n")), Lines{});
}

// --- dimensions, facets and items -------------------------------------------------------

TEST_F(FormRules, DimensionHasFacetsOrItemsNotBoth) {
    EXPECT_EQ(problems(valid_form_with("    items:\n      - id: O1\n", "    facets: []\n    items:\n      - id: O1\n")),
              Lines{"form.yaml:33:5: a dimension has either facets or items, not both"});
}

TEST_F(FormRules, DimensionWithAnEmptyItemListIsRefused) {
    const std::string text = valid_form_with(
        "    items:\n"
        "      - id: O1\n"
        "        self: 我的总体表现\n"
        "        other: 该同志的总体表现\n"
        "        scale: grade4\n",
        "    items: []\n");
    EXPECT_EQ(problems(text), Lines{"form.yaml:30:5: dimension 'overall' has no items"});
}

TEST_F(FormRules, DimensionWithAnEmptyFacetIsRefused) {
    const std::string text = valid_form_with(
        "        items:\n"
        "          - id: L1\n"
        "            self: 我能否热爱党?\n"
        "            other: 该同志能否热爱党?\n"
        "            scale: agree5\n"
        "            reverse: false\n"
        "            weight: 1\n"
        "            required: true\n"
        "            source: 能否热爱党?\n",
        "        items: []\n");
    EXPECT_EQ(problems(text), (Lines{"form.yaml:16:5: dimension 'loyalty' has no items",
                                     "form.yaml:19:9: facet 'loyalty-party' has no items"}));
}

TEST_F(FormRules, DimensionWithAnEmptyFacetListIsRefused) {
    std::string form = valid_form();
    const auto from = form.find("    facets:\n");
    const auto to = form.find("  - id: overall\n");
    ASSERT_NE(from, std::string::npos);
    ASSERT_NE(to, std::string::npos);
    const std::string text = form.substr(0, from) + "    facets: []\n" + form.substr(to);
    EXPECT_EQ(problems(text), Lines{"form.yaml:16:5: dimension 'loyalty' has no items"});
}

TEST_F(FormRules, ItemScaleMustBeDefined) {
    EXPECT_EQ(problems(valid_form_with("scale: grade4\n", "scale: grade5\n")),
              Lines{"form.yaml:36:16: unknown scale 'grade5'"});
}

// --- wording: complete for at least one use ----------------------------------------------

TEST_F(FormRules, FormCompleteForNeitherUseIsRefused) {
    // L1 lacks 'other', O1 lacks 'self': neither self-review nor rating others works.
    std::string text = valid_form_with("            other: 该同志能否热爱党?\n", "");
    text = replaced(text, "        self: 我的总体表现\n", "");
    EXPECT_EQ(problems(text),
              Lines{"form.yaml:32:9: item 'O1' has no 'self' wording: self-review needs 'self' on every item, "
                    "rating others needs 'other' on every item"});
}

TEST_F(FormRules, ItemWithNoWordingAtAllIsRefused) {
    const std::string text = valid_form_with("        self: 我的总体表现\n        other: 该同志的总体表现\n", "");
    EXPECT_EQ(problems(text), Lines{"form.yaml:33:9: item 'O1' has neither 'self' nor 'other' wording"});
}

TEST_F(FormRules, FormCompleteOnlyForSelfReviewIsValid) {
    std::string text = valid_form_with("            other: 该同志能否热爱党?\n", "");
    text = replaced(text, "        other: 该同志的总体表现\n", "");
    const FormLoad load = parse_form("form.yaml", text);
    EXPECT_EQ(load.diagnostics, std::vector<Diagnostic>{});
    ASSERT_TRUE(load.form.has_value());
    EXPECT_TRUE(load.form->usable_for(Use::self));
    EXPECT_FALSE(load.form->usable_for(Use::others));
}

TEST_F(FormRules, FormCompleteOnlyForRatingOthersIsValid) {
    std::string text = valid_form_with("            self: 我能否热爱党?\n", "");
    text = replaced(text, "        self: 我的总体表现\n", "");
    const FormLoad load = parse_form("form.yaml", text);
    EXPECT_EQ(load.diagnostics, std::vector<Diagnostic>{});
    ASSERT_TRUE(load.form.has_value());
    EXPECT_FALSE(load.form->usable_for(Use::self));
    EXPECT_TRUE(load.form->usable_for(Use::others));
}

TEST_F(FormRules, CommentNeedsSelfOrOtherWording) {
    EXPECT_EQ(problems(valid_form_with("{id: C1, self: 我的差距, other: 该同志的差距}", "{id: C1}")),
              Lines{"form.yaml:38:5: comment 'C1' has neither 'self' nor 'other' wording"});
    EXPECT_EQ(problems(valid_form_with("{id: C1, self: 我的差距, other: 该同志的差距}", "{id: C1, other: 该同志的差距}")),
              Lines{});
}

// --- the file itself: syntax, encoding, characters, size, depth ------------------------------

TEST_F(FormRules, YamlSyntaxErrorIsLocated) {
    // "key: value" inside a plain value.
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例表: 第二\n")),
              Lines{"form.yaml:3:11: YAML syntax error: a 'key: value' is not allowed here (check the indentation, "
                    "or quote text containing ': ')"});
}

TEST_F(FormRules, UnclosedQuoteIsASyntaxError) {
    // An open quote in the last line: must not load.
    EXPECT_EQ(problems(valid_form() + "  - id: C2\n    self: \"改进措施\n"),
              Lines{"form.yaml:40:11: YAML syntax error: a quoted text is not closed"});
    // An open quote in the title: a syntax error, not "missing key 'scales'".
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: \"示例表\n")),
              Lines{"form.yaml:3:8: YAML syntax error: a quoted text is not closed"});
}

TEST_F(FormRules, TabsInIndentationAreReportedOnEveryLine) {
    std::string text = valid_form_with("  agree5:\n", "\tagree5:\n");
    text = replaced(text, "  - id: loyalty\n", "  \t- id: loyalty\n");
    EXPECT_EQ(problems(text), (Lines{"form.yaml:5:1: tab used for indentation: indent with spaces",
                                     "form.yaml:16:3: tab used for indentation: indent with spaces"}));
}

TEST_F(FormRules, TabInsideTextIsAllowed) {
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例\t表\n")), Lines{});
}

TEST_F(FormRules, NonUtf8BytesAreLocatedInCharacters) {
    // GBK for 你好 after two Chinese characters on line 3.
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例" "\xC4\xE3\xBA\xC3" "\n")),
              Lines{"form.yaml:3:10: not UTF-8 text (byte 0xC4; perhaps GBK/GB18030): save it as UTF-8"});
    EXPECT_EQ(problems(valid_form_with("source: 能否热爱党?\n", "source: " "\xC4\xE3\xBA\xC3" "\n")),
              Lines{"form.yaml:29:21: not UTF-8 text (byte 0xC4; perhaps GBK/GB18030): save it as UTF-8"});
    // A lone continuation byte.
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: a" "\x80" "\n")),
              Lines{"form.yaml:3:9: not valid UTF-8 text (byte 0x80)"});
}

TEST_F(FormRules, Utf16IsRefused) {
    const std::string little_endian("\xFF\xFE" "f\0o\0r\0m\0:\0 \0d\0\n\0", 18);
    EXPECT_EQ(problems(little_endian), Lines{"form.yaml:1:1: the file is UTF-16; save it as UTF-8"});
    const std::string big_endian("\xFE\xFF" "\0f\0o\0r\0m\0:\0 \0d\0\n", 18);
    EXPECT_EQ(problems(big_endian), Lines{"form.yaml:1:1: the file is UTF-16; save it as UTF-8"});
}

TEST_F(FormRules, FileOverOneMebibyteIsRefusedAt1_1) {
    const std::size_t limit = 1024 * 1024;
    std::string text = valid_form() + "# ";
    text += std::string(limit - text.size() - 1, 'x') + "\n";
    ASSERT_EQ(text.size(), limit);
    EXPECT_EQ(problems(text), Lines{}) << "exactly 1 MiB is allowed";
    text.insert(text.size() - 1, "x");
    EXPECT_EQ(problems(text), Lines{"form.yaml:1:1: the file is too large (1048577 bytes; the limit is 1048576)"});
}

TEST_F(FormRules, FlowNestingDeeperThan64IsRefusedAt1_1) {
    EXPECT_EQ(problems(std::string(65, '[') + std::string(65, ']') + "\n"),
              Lines{"form.yaml:1:1: nested deeper than 64 levels"});
    // Deep inside a form: the top-level mapping is level 1, so 64 brackets make 65.
    EXPECT_EQ(problems(valid_form() + "deep: " + std::string(64, '[') + std::string(64, ']') + "\n"),
              Lines{"form.yaml:1:1: nested deeper than 64 levels"});
}

TEST_F(FormRules, BlockNestingDeeperThan64IsRefusedAt1_1) {
    std::string text;
    for (int i = 0; i < 65; ++i) text += "- ";
    text += "x\n";
    EXPECT_EQ(problems(text), Lines{"form.yaml:1:1: nested deeper than 64 levels"});
}

TEST_F(FormRules, VeryDeepNestingIsRefusedWithoutCrashing) {
    EXPECT_EQ(problems(std::string(100000, '[') + "\n"), Lines{"form.yaml:1:1: nested deeper than 64 levels"});
    EXPECT_EQ(problems(std::string(100000, '{') + "\n"), Lines{"form.yaml:1:1: nested deeper than 64 levels"});
}

TEST_F(FormRules, NestingOf64LevelsIsNotRefusedForDepth) {
    // Mapping (1) + 63 lists = 64 levels: only the unknown key is reported.
    EXPECT_EQ(problems(valid_form() + "deep: " + std::string(63, '[') + std::string(63, ']') + "\n"),
              Lines{"form.yaml:39:1: unknown key 'deep'"});
    std::string block = valid_form() + "deep:\n  ";
    for (int i = 0; i < 63; ++i) block += "- ";
    block += "x\n";
    EXPECT_EQ(problems(block), Lines{"form.yaml:39:1: unknown key 'deep'"});
}

TEST_F(FormRules, YamlAliasIsRefused) {
    std::string text = valid_form_with("title: 示例表\n", "title: &t 示例表\n");
    text = replaced(text, "source: 能否热爱党?\n", "source: *t\n");
    EXPECT_EQ(problems(text),
              Lines{"form.yaml:29:21: YAML aliases (*name) are not supported: write the content out"});
}

TEST_F(FormRules, TwoDocumentsAreRefused) {
    EXPECT_EQ(problems("---\n" + valid_form() + "---\n" + valid_form()),
              Lines{"form.yaml:1:1: the file must hold one YAML document (found ---)"});
    // One document with an explicit start is fine.
    EXPECT_EQ(problems("---\n" + valid_form()), Lines{});
}

TEST_F(FormRules, ControlCharacterIsRefused) {
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例\x01表\n")),
              Lines{"form.yaml:3:10: control character U+0001 is not allowed"});
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例\x7F表\n")),
              Lines{"form.yaml:3:10: control character U+007F is not allowed"});
}

TEST_F(FormRules, ExplicitTagsAreRefused) {
    EXPECT_EQ(problems(valid_form_with("version: 1\n", "version: !!int 1\n")),
              Lines{"form.yaml:2:10: YAML tags such as 'tag:yaml.org,2002:int' are not supported"});
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: !foo 示例表\n")),
              Lines{"form.yaml:3:8: YAML tags such as '!foo' are not supported"});
}

TEST_F(FormRules, ColumnsCountCharactersNotBytes) {
    // "      - {label: 完全符合, value: " is 29 characters but 37 bytes.
    EXPECT_EQ(problems(valid_form_with("{label: 完全符合, value: 5}", "{label: 完全符合, value: true}")),
              Lines{"form.yaml:7:30: 'true' is a boolean; a number is expected"});
}

TEST_F(FormRules, Utf8ByteOrderMarkIsAccepted) {
    EXPECT_EQ(problems("\xEF\xBB\xBF" + valid_form()), Lines{});
    // ... and takes no column.
    EXPECT_EQ(problems("\xEF\xBB\xBF" + valid_form_with("form: demo", "form: Demo")),
              Lines{"form.yaml:1:7: form id 'Demo' may hold only a–z, 0–9 and '-'"});
}

TEST_F(FormRules, CrLfLineEndsAreAccepted) {
    const auto crlf = [](const std::string& text) {
        std::string out;
        for (const char c : text) {
            if (c == '\n') out += '\r';
            out += c;
        }
        return out;
    };
    const FormLoad load = parse_form("form.yaml", crlf(valid_form()));
    EXPECT_EQ(load.diagnostics, std::vector<Diagnostic>{});
    ASSERT_TRUE(load.form.has_value());
    EXPECT_EQ(load.form->title, "示例表");
    EXPECT_EQ(load.form->items[0].source, "能否热爱党?");
    EXPECT_EQ(problems(crlf(valid_form_with("scale: grade4\n", "scale: grade5\n"))),
              Lines{"form.yaml:36:16: unknown scale 'grade5'"});
}

TEST_F(FormRules, AllProblemsAreReportedAtOnceInLineOrder) {
    std::string text = valid_form_with("weight: 1\n", "weight: 0\n");
    text = replaced(text, "points: 100}", "points: 101}");
    text = replaced(text, "form: demo", "form: Demo");
    EXPECT_EQ(problems(text), (Lines{"form.yaml:1:7: form id 'Demo' may hold only a–z, 0–9 and '-'",
                                     "form.yaml:12:39: points 101 are not between 0 and 100",
                                     "form.yaml:27:21: the weight must be greater than 0"}));
}

// --- Chinese messages ------------------------------------------------------------------

TEST_F(FormRules, ChineseMessages) {
    set_language(Language::chinese);
    EXPECT_EQ(problems(valid_form_with("title: 示例表\n", "title: 示例表\ncolour: red\n")),
              Lines{"form.yaml:4:1: 未知的键“colour”"});
    EXPECT_EQ(problems(valid_form_with("form: demo\n", "")), Lines{"form.yaml:1:1: 缺少键“form”"});
    EXPECT_EQ(problems(valid_form_with("{label: 完全符合, value: 5}", "{label: 完全符合, value: true}")),
              Lines{"form.yaml:7:30: “true”是布尔值，此处应为数字"});
}

}  // namespace
}  // namespace exemplar
