// Offline questionnaires (SPEC §7): generated per rater, filled by another
// program (openpyxl), some re-saved by LibreOffice, imported — with the same
// results as the same answers given as CSV. Altered files are refused and
// leave the database as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "support/office.h"

namespace exemplar {
namespace {

using testing::Office;

const std::string tool = EXEMPLAR_SOURCE_DIR "/tests/tools/questionnaire_tool.py";
const std::string self_form = EXEMPLAR_SOURCE_DIR "/forms/five-exemplars.yaml";
const std::string ballot_form = EXEMPLAR_SOURCE_DIR "/forms/five-exemplars-ballot.yaml";

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::stringstream s(line);
        for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

// Answers for every assignment, varied by rater and item; A05's self-review and
// one ballot left unfinished on purpose.
std::string answers_for(const Office& office, const std::string& cycle) {
    const auto assignments = csv_rows(office.ok({"assignments", cycle, "--csv"}));
    const auto self_items = testing::item_ids(self_form);
    const auto ballot_items = testing::item_ids(ballot_form);
    const char* agree[] = {"完全符合", "比较符合", "一般", "比较符合", "完全符合"};
    const char* freq[] = {"从未", "偶尔", "从未", "有时"};
    const char* values[] = {"5", "4", "3", "4", "2"};
    const char* grade[] = {"优秀", "称职", "优秀", "基本称职", "4"};
    std::string out = "rater_id,ratee_id,relation,item,answer\n";
    std::size_t n = 0;
    for (std::size_t r = 1; r < assignments.size(); ++r) {
        const auto& a = assignments[r];
        const std::string& rater = a[0];
        const std::string& ratee = a[2];
        const std::string& relation = a[4];
        if (relation == "peer" && rater == "A04" && ratee == "A05") continue;  // never filled
        const auto& items = relation == "peer" ? ballot_items : self_items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            ++n;
            if (relation == "self" && rater == "A05" && i == 3) continue;  // one required item missing
            std::string answer;
            if (relation == "peer") answer = grade[(n + r) % 5];
            else if (items[i] == "L1" || items[i] == "L2") answer = agree[(n * 7 + r) % 5];  // labels of the agreement scale
            else if (items[i] == "L4" || items[i] == "L8") answer = freq[(n + r) % 4];       // labels of the frequency scale
            else answer = values[(n * 7 + r) % 5];                                           // option values work on both
            out += rater + "," + ratee + "," + relation + "," + items[i] + "," + answer + "\n";
        }
        if (relation == "self") out += rater + "," + ratee + ",self,C1,差距在于学习不够系统\n";
    }
    return out;
}

class QuestionnaireCli : public ::testing::Test {
protected:
    void SetUp() override {
        office.start_cycle();
        folder = (office.dir.path() / "q").string();
        // Generated in Chinese, as an office would; messages below are English.
        const auto made = office.exemplar({"questionnaires", "2026年度", "--out", folder}, "zh");
        ASSERT_EQ(made.exit_code, 0) << made.err;
    }
    std::string questionnaire(const std::string& code) const {
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.path().filename().string().rfind(code + "-", 0) == 0) return entry.path().string();
        return {};
    }
    // Runs the openpyxl tool; returns its output.
    std::string python(const std::vector<std::string>& arguments) const {
        std::vector<std::string> all{tool};
        all.insert(all.end(), arguments.begin(), arguments.end());
        const auto result = testing::run_process("/usr/bin/python3", all);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return result.out;
    }
    // A copy of A03's questionnaire with cells set by openpyxl.
    std::string altered(const std::vector<std::string>& settings) const {
        const std::string out = (office.dir.path() / "altered.xlsx").string();
        std::vector<std::string> arguments{"set", questionnaire("A03"), out};
        arguments.insert(arguments.end(), settings.begin(), settings.end());
        python(arguments);
        return out;
    }
    void expect_refused(const std::string& file, const std::string& message) {
        const std::string before = office.database_bytes();
        const auto result = office.exemplar({"responses", "import", "2026年度", file});
        EXPECT_EQ(result.exit_code, 1);
        EXPECT_NE(result.err.find(file + ":" + message), std::string::npos) << result.err;
        EXPECT_EQ(office.database_bytes(), before);
    }
    Office office;
    std::string folder;
};

TEST_F(QuestionnaireCli, OneFilePerRaterWithTheHiddenAnswerTable) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) names.insert(entry.path().filename().string());
    EXPECT_EQ(names.size(), 8u);  // every active person rates someone
    EXPECT_TRUE(names.count("A02-李科长-测评表.xlsx"));
    const auto table = python({"cells", questionnaire("A02")});
    // A02: own self-review, the head evaluations of A03, A04, A05, and the ballot of 秘书科 (A03, A04, A05).
    std::map<std::string, int> per_relation;
    std::istringstream in(table);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> f;
        std::stringstream s(line);
        for (std::string cell; std::getline(s, cell, '\t');) f.push_back(cell);
        ASSERT_EQ(f.size(), 6u) << line;
        EXPECT_EQ(f[2], "A02");
        ++per_relation[f[4]];
    }
    EXPECT_EQ(per_relation["self"], 47 + 2);     // items and two comments
    EXPECT_EQ(per_relation["head"], 3 * (47 + 2));
    EXPECT_EQ(per_relation["peer"], 3 * 6);
}

TEST_F(QuestionnaireCli, FilledByAnotherProgramImportsLikeTheSameAnswersAsCsv) {
    office.ok({"cycle", "create", "对照", "--plan", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"});
    const std::string answers = office.file("answers.csv", answers_for(office, "2026年度"));
    office.ok({"responses", "import", "对照", answers});

    const auto filled = office.dir.path() / "filled";
    const auto resaved = office.dir.path() / "resaved";
    std::filesystem::create_directories(filled);
    std::vector<std::string> to_import;
    std::vector<std::string> to_resave;
    int index = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string out = (filled / entry.path().filename()).string();
        python({"fill", entry.path().string(), answers, out});
        (index++ % 2 == 0 ? to_resave : to_import).push_back(out);
    }
    // Half of them saved again by LibreOffice, as an office computer would.
    std::vector<std::string> arguments{"--headless", "-env:UserInstallation=file://" + (office.dir.path() / "lo").string(),
                                       "--convert-to", "xlsx", "--outdir", resaved.string()};
    arguments.insert(arguments.end(), to_resave.begin(), to_resave.end());
    const auto libreoffice = testing::run_process("/usr/bin/libreoffice", arguments);
    ASSERT_EQ(libreoffice.exit_code, 0) << libreoffice.err;
    for (const std::string& file : to_resave) to_import.push_back((resaved / std::filesystem::path(file).filename()).string());

    std::vector<std::string> command{"responses", "import", "2026年度"};
    command.insert(command.end(), to_import.begin(), to_import.end());
    const auto imported = office.exemplar(command);
    ASSERT_EQ(imported.exit_code, 0) << imported.err.substr(0, 3000);
    EXPECT_NE(imported.out.find("incomplete: 自评 (陈三（A05）), empty required cells: C10"), std::string::npos) << imported.out;  // A05's self-review

    const std::string by_questionnaire = office.ok({"results", "2026年度", "--csv"});
    const std::string by_csv = office.ok({"results", "对照", "--csv"});
    EXPECT_EQ(by_questionnaire, by_csv);
    const std::string statuses_q = office.ok({"assignments", "2026年度", "--csv"});
    std::string statuses_c = office.ok({"assignments", "对照", "--csv"});
    EXPECT_EQ(statuses_q, statuses_c);
    EXPECT_NE(statuses_q.find("A05,陈三,A05,陈三,self,five-exemplars,draft"), std::string::npos);
}

TEST_F(QuestionnaireCli, AnInvalidAnswerIsLocatedBySheetAndCell) {
    expect_refused(altered({"自评!C7=很好"}), "自评!C7: '很好' is not an option of item L1");
}

TEST_F(QuestionnaireCli, TextOutsideTheAnswerCellsIsRefused) {
    expect_refused(altered({"自评!D8=完全符合"}), "自评!D8: answers go in the answer cells only");
}

TEST_F(QuestionnaireCli, ChangedIdentificationIsRefused) {
    expect_refused(altered({"_exemplar!C2=A04"}), "_exemplar!I8: the questionnaire's identification does not match the database");
    expect_refused(altered({"_exemplar!I6=A04"}), "_exemplar!I8: the questionnaire's identification does not match the database");
}

TEST_F(QuestionnaireCli, MovedRowsAreRefused) {
    expect_refused(altered({"自评!A7=L2", "自评!A8=L1"}), "自评!A7: this cell must hold 'L1'");
}

TEST_F(QuestionnaireCli, AnotherCycleOrAClosedCycleRefuses) {
    office.ok({"cycle", "create", "对照", "--plan", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"});
    const std::string file = questionnaire("A03");
    const auto other = office.exemplar({"responses", "import", "对照", file});
    EXPECT_EQ(other.exit_code, 1);
    EXPECT_NE(other.err.find("this questionnaire belongs to the cycle '2026年度', not '对照'"), std::string::npos) << other.err;
    office.ok({"cycle", "close", "2026年度"});
    expect_refused(file, "_exemplar!H1: the cycle '2026年度' was closed on");
}

TEST_F(QuestionnaireCli, AnEmptyQuestionnaireChangesNothingAndReportsWhatIsMissing) {
    const auto result = office.exemplar({"responses", "import", "2026年度", questionnaire("A06")});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("questionnaire of 周四（A06）"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find(": 0 answers, "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("incomplete: 自评 (周四（A06）), empty required cells: C7, C8, C9, C10, C12, C13, C14, C16 … (47 in all)"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace exemplar
