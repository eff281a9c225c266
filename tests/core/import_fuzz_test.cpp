// Mutated roster and answer files never crash the importers, and a refused
// file changes nothing in the database.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/cycle_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/responses_import.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/translate.h"
#include "support/office.h"

namespace exemplar {
namespace {

// Every row of every table, as text: what "the database as it was" means here.
std::string dump(const Database& db) {
    std::string text;
    for (const char* table : {"departments", "people", "cycles", "cycle_members", "assignment_bundles", "assignment_comments"}) {
        Statement query(db, std::string("SELECT * FROM ") + table + " ORDER BY 1");
        while (query.step()) {
            text += table;
            for (int c = 0; c < 8; ++c) text += "|" + std::string(query.text_view(c));
            text += "\n";
        }
    }
    return text;
}

std::string mutate(std::string text, std::mt19937& random) {
    const std::string alphabet = std::string(",\"\r\n\x01\xC4\xE4\xBD\xA0 5B", 13) + "是否A0";
    for (int e = 0; e < 1 + static_cast<int>(random() % 5); ++e) {
        const std::size_t at = random() % (text.size() + 1);
        switch (random() % 3) {
            case 0: text.insert(at, 1, alphabet[random() % alphabet.size()]); break;
            case 1:
                if (at < text.size()) text.erase(at, 1 + random() % 6);
                break;
            default: {
                const std::size_t from = random() % (text.size() + 1);
                text.insert(at, text.substr(from, random() % 30));
            }
        }
    }
    return text;
}

class ImportFuzz : public ::testing::Test {
protected:
    void SetUp() override {
        set_language(Language::english);
        testing::start_office_cycle(db);
    }
    Database db = Database::in_memory();
};

TEST_F(ImportFuzz, RosterFiles) {
    std::mt19937 random(11);
    int refused = 0;
    for (int round = 0; round < 600; ++round) {
        const std::string text = mutate(testing::office_roster, random);
        const std::string before = dump(db);
        auto table = csv_table("r.csv", text);
        try {
            import_roster(db, *table);
        } catch (const InputRefused& error) {
            ++refused;
            ASSERT_FALSE(error.diagnostics().empty());
            for (const Diagnostic& d : error.diagnostics()) {
                EXPECT_EQ(d.file, "r.csv");
                EXPECT_GE(d.line, 1);
                EXPECT_GE(d.column, 1);
            }
            EXPECT_EQ(dump(db), before) << "round " << round;
        }
    }
    EXPECT_GT(refused, 100);
}

TEST_F(ImportFuzz, AnswerFiles) {
    const Cycle cycle = load_cycle(db, "2026年度");
    std::string answers = "评价人工号,被评价人工号,关系,题号,答案\n";
    for (const char* id : {"B1", "B2", "B3", "B4", "B5", "B6"}) answers += std::string("A04,A03,同事,") + id + ",优秀\n";
    answers += "A02,A03,上级,L1,5\nA03,A03,自评,C1,\"意见, 有逗号\"\n";
    std::mt19937 random(12);
    int refused = 0;
    for (int round = 0; round < 600; ++round) {
        const std::string text = mutate(answers, random);
        const std::string before = dump(db);
        auto table = csv_table("a.csv", text);
        try {
            import_responses(db, cycle, *table);
        } catch (const InputRefused& error) {
            ++refused;
            ASSERT_FALSE(error.diagnostics().empty());
            EXPECT_EQ(dump(db), before) << "round " << round;
        }
    }
    EXPECT_GT(refused, 100);
}

}  // namespace
}  // namespace exemplar
