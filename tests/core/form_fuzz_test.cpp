// Truncated and mutated copies of the bundled form never crash the loader:
// each either loads or is refused with located messages.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/form_loader.h"
#include "core/translate.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

const std::string bundled = testing::read_file(EXEMPLAR_SOURCE_DIR "/forms/five-exemplars.yaml");

void expect_loaded_or_located(const std::string& text, const std::string& what) {
    const FormLoad loaded = parse_form("fuzz.yaml", text);
    if (loaded.form) {
        EXPECT_TRUE(loaded.diagnostics.empty()) << what;
        return;
    }
    ASSERT_FALSE(loaded.diagnostics.empty()) << what;
    for (const Diagnostic& d : loaded.diagnostics) {
        EXPECT_EQ(d.file, "fuzz.yaml") << what;
        EXPECT_GE(d.line, 1) << what;
        EXPECT_GE(d.column, 1) << what;
        EXPECT_FALSE(d.message.empty()) << what;
    }
}

class FormFuzz : public ::testing::Test {
protected:
    void SetUp() override { set_language(Language::english); }
};

TEST_F(FormFuzz, EveryTruncationIsLoadedOrRefusedWithLocations) {
    for (std::size_t length = 0; length < bundled.size(); length += 61)
        expect_loaded_or_located(bundled.substr(0, length), "truncated at " + std::to_string(length));
}

TEST_F(FormFuzz, RandomByteMutationsNeverCrash) {
    std::mt19937 random(20261130);
    const std::string alphabet = "[]{}:-#&*!|>'\"%@`,?\t\n \r\x01\xC4\xE4\xBD\xA0" "0123456789aZ.";
    for (int round = 0; round < 1500; ++round) {
        std::string text = bundled;
        const int edits = 1 + static_cast<int>(random() % 8);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = random() % text.size();
            switch (random() % 4) {
                case 0: text[at] = alphabet[random() % alphabet.size()]; break;
                case 1: text.insert(at, 1, alphabet[random() % alphabet.size()]); break;
                case 2: text.erase(at, 1 + random() % 40); break;
                default: {
                    const std::size_t from = random() % text.size();
                    text.insert(at, text.substr(from, 1 + random() % 120));
                }
            }
            if (text.empty()) text = "x";
        }
        expect_loaded_or_located(text, "round " + std::to_string(round));
    }
}

TEST_F(FormFuzz, ShuffledAndRepeatedLinesNeverCrash) {
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < bundled.size();) {
        const std::size_t end = bundled.find('\n', start);
        lines.push_back(bundled.substr(start, end == std::string::npos ? std::string::npos : end - start + 1));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    std::mt19937 random(7);
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> copy = lines;
        const std::size_t a = random() % copy.size();
        const std::size_t b = random() % copy.size();
        if (round % 3 == 0) std::swap(copy[a], copy[b]);
        if (round % 3 == 1) copy.insert(copy.begin() + static_cast<long>(a), copy[b]);
        if (round % 3 == 2) copy.erase(copy.begin() + static_cast<long>(a));
        std::string text;
        for (const auto& line : copy) text += line;
        expect_loaded_or_located(text, "line round " + std::to_string(round));
    }
}

}  // namespace
}  // namespace exemplar
