// `exemplar responses import`: long-format answers, atomic per file, every
// problem located, re-imports idempotent, a closed cycle frozen.
#include <gtest/gtest.h>

#include <string>

#include "support/office.h"

namespace exemplar {
namespace {

using testing::Office;

const std::string self_form = EXEMPLAR_SOURCE_DIR "/forms/five-exemplars.yaml";
const std::string ballot_form = EXEMPLAR_SOURCE_DIR "/forms/five-exemplars-ballot.yaml";
const std::string header = "评价人工号,被评价人工号,关系,题号,答案\n";

// Every item of a form answered with the same answer text.
std::string all_items(const std::string& rater, const std::string& ratee, const std::string& relation, const std::string& form,
                      const std::string& answer, std::size_t skip_last = 0) {
    std::string rows;
    const auto ids = testing::item_ids(form);
    for (std::size_t i = 0; i + skip_last < ids.size(); ++i) rows += rater + "," + ratee + "," + relation + "," + ids[i] + "," + answer + "\n";
    return rows;
}

std::string status_of(const Office& office, const std::string& rater, const std::string& ratee, const std::string& relation) {
    const std::string csv = office.ok({"assignments", "2026年度", "--csv", "--rater", rater});
    const std::string prefix = rater + ",";
    std::size_t at = 0;
    while ((at = csv.find('\n', at)) != std::string::npos) {
        ++at;
        const std::string line = csv.substr(at, csv.find('\n', at) - at);
        if (line.find("," + ratee + ",") != std::string::npos && line.find("," + relation + ",") != std::string::npos) {
            const std::size_t end = line.rfind(',');
            return line.substr(line.rfind(',', end - 1) + 1, end - line.rfind(',', end - 1) - 1);
        }
    }
    return "?";
}

class ResponsesCli : public ::testing::Test {
protected:
    void SetUp() override { office.start_cycle(); }

    void expect_refused(const std::string& text, const std::vector<std::string>& messages) {
        const std::string file = office.file("bad.csv", text);
        const std::string before = office.database_bytes();
        const auto result = office.exemplar({"responses", "import", "2026年度", file});
        EXPECT_EQ(result.exit_code, 1);
        std::string expected;
        for (const auto& m : messages) expected += file + ":" + m + "\n";
        expected += file + ": not imported (the whole file was refused; the database is unchanged)\n";
        EXPECT_EQ(result.err, expected);
        EXPECT_EQ(office.database_bytes(), before) << "the database changed";
    }

    Office office;
};

TEST_F(ResponsesCli, CompleteAnswersSubmitAndIncompleteStayDraft) {
    const std::string file = office.file("a.csv", header + all_items("A03", "A03", "自评", self_form, "5") +
                                                      all_items("A02", "A03", "上级", self_form, "4", 1) +
                                                      all_items("A04", "A03", "peer", ballot_form, "优秀"));
    const std::string out = office.ok({"responses", "import", "2026年度", file});
    EXPECT_NE(out.find("3 assignments touched (3 changed), 2 submitted, 1 still incomplete"), std::string::npos) << out;
    EXPECT_EQ(status_of(office, "A03", "A03", "self"), "submitted");
    EXPECT_EQ(status_of(office, "A02", "A03", "head"), "draft");
    EXPECT_EQ(status_of(office, "A04", "A03", "peer"), "submitted");
    // The same file again changes nothing.
    const std::string before = office.database_bytes();
    EXPECT_NE(office.ok({"responses", "import", "2026年度", file}).find("(0 changed)"), std::string::npos);
    EXPECT_EQ(office.database_bytes(), before);
}

TEST_F(ResponsesCli, StraightLinedSelfReviewIsFlagged) {
    office.ok({"responses", "import", "2026年度", office.file("a.csv", header + all_items("A03", "A03", "self", self_form, "3"))});
    const std::string csv = office.ok({"assignments", "2026年度", "--csv", "--rater", "A03"});
    EXPECT_NE(csv.find("A03,张一,A03,张一,self,five-exemplars,submitted,STRAIGHT_LINE"), std::string::npos) << csv;
}

TEST_F(ResponsesCli, LaterImportReplacesAndBlankNeverClears) {
    office.ok({"responses", "import", "2026年度", office.file("a.csv", header + all_items("A02", "A03", "head", self_form, "5"))});
    const auto ids = testing::item_ids(self_form);
    // L1 changes, L2 is blank (kept), the rest untouched.
    const std::string out = office.ok({"responses", "import", "2026年度",
                                       office.file("b.csv", header + "A02,A03,head," + ids[0] + ",一般\nA02,A03,head," + ids[1] + ",\n")});
    EXPECT_NE(out.find("1 assignments touched (1 changed), 1 submitted"), std::string::npos) << out;
    EXPECT_EQ(status_of(office, "A02", "A03", "head"), "submitted");
}

TEST_F(ResponsesCli, CommentsAreStoredAsTextAndCountAsAnAnswer) {
    const std::string out = office.ok({"responses", "import", "2026年度",
                                       office.file("c.csv", header + "A05,A05,自评,C1,\"学习不够系统, 需加强\"\n")});
    EXPECT_NE(out.find("1 assignments touched (1 changed), 0 submitted, 1 still incomplete"), std::string::npos) << out;
    EXPECT_EQ(status_of(office, "A05", "A05", "self"), "draft");
}

TEST_F(ResponsesCli, EnglishHeaderAnyOrderAndValuesAsAnswers) {
    const std::string out =
        office.ok({"responses", "import", "2026年度",
                   office.file("d.csv", "Answer,Item,Relation,Ratee_ID,Rater_ID\n4,B1,PEER,A03,A05\n称职,B2,同事,A03,A05\n")});
    EXPECT_NE(out.find("2 answers, 1 assignments touched"), std::string::npos) << out;
}

// The importer learns the order a file lists items in; any order, changing
// from one assignment to the next, gives the same answers as the form's order.
TEST_F(ResponsesCli, ItemsInAnyOrderGiveTheSameResults) {
    const auto ids = testing::item_ids(self_form);
    const auto rows = [&](const std::string& rater, const std::string& ratee, const std::string& relation, std::vector<std::size_t> order) {
        std::string text;
        for (const std::size_t i : order) text += rater + "," + ratee + "," + relation + "," + ids[i] + "," + std::to_string(1 + i % 5) + "\n";
        return text;
    };
    std::vector<std::size_t> forward(ids.size()), backward(ids.size()), rotated(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        forward[i] = i;
        backward[i] = ids.size() - 1 - i;
        rotated[i] = (i + 7) % ids.size();
    }
    const std::string in_form_order = header + rows("A03", "A03", "self", forward) + rows("A02", "A03", "head", forward) +
                                      rows("A05", "A05", "self", forward) + rows("A04", "A04", "self", forward);
    const std::string mixed = header + rows("A03", "A03", "self", backward) + rows("A02", "A03", "head", rotated) +
                              rows("A05", "A05", "self", rotated) + rows("A04", "A04", "self", forward);
    Office other;
    other.start_cycle();
    office.ok({"responses", "import", "2026年度", office.file("form-order.csv", in_form_order)});
    const std::string out = other.ok({"responses", "import", "2026年度", other.file("mixed.csv", mixed)});
    EXPECT_NE(out.find("4 assignments touched (4 changed), 4 submitted"), std::string::npos) << out;
    EXPECT_EQ(other.ok({"results", "2026年度", "--csv"}), office.ok({"results", "2026年度", "--csv"}));
    // A repeated item is still caught after the order was learnt.
    const std::string again = header + rows("A03", "A03", "self", backward) + "A03,A03,self," + ids[0] + ",2\n";
    expect_refused(again, {std::to_string(ids.size() + 2) + ":5: item " + ids[0] +
                           " of this assignment was already answered '完全不符合' on row " + std::to_string(ids.size() + 1) +
                           " of this file; here '2'"});
}

TEST_F(ResponsesCli, UnknownPeopleAndPeopleOutsideTheCycle) {
    expect_refused(header + "Z99,A03,同事,B1,优秀\nA08,A03,同事,B1,优秀\nA03,,同事,B1,优秀\n",
                   {"2:1: no one in the roster has the id 'Z99'",
                    "3:1: 'A08' is not in the cycle '2026年度' (not active, or added to the roster after the cycle was created)",
                    "4:2: the id is empty"});
}

TEST_F(ResponsesCli, NotAnAssignmentOfTheCycle) {
    expect_refused(header + "A03,A06,同事,B1,优秀\nA03,A04,上级,L1,一般\nA03,A04,boss,L1,一般\n",
                   {"2:3: in the cycle '2026年度', 张一 (A03) has no peer assignment for 周四 (A06)",
                    "3:3: in the cycle '2026年度', 张一 (A03) has no head assignment for 赵二 (A04)",
                    "4:3: 'boss' is not a relation (自评/上级/同事 or self/head/peer)"});
}

TEST_F(ResponsesCli, UnknownItemAndAnswerNotOnTheScale) {
    expect_refused(header + "A04,A03,同事,L1,优秀\nA04,A03,同事,B1,很好\nA03,A03,自评,L1,6\n",
                   {"2:4: the form 'five-exemplars-ballot' (used for peer) has no item 'L1'",
                    "3:5: '很好' is not an option of item B1 (use 优秀, 称职, 基本称职, 不称职, or the values 4, 3, 2, 1)",
                    "4:5: '6' is not an option of item L1 (use 完全符合, 比较符合, 一般, 不太符合, 完全不符合, or the values 5, 4, 3, 2, 1)"});
}

TEST_F(ResponsesCli, TheSameItemAnsweredTwiceDifferently) {
    // The same answer twice (label and value) is fine; a different one is not.
    expect_refused(header + "A04,A03,同事,B1,优秀\nA04,A03,peer,B1,4\nA04,A03,同事,B1,称职\n",
                   {"4:5: item B1 of this assignment was already answered '优秀' on row 2 of this file; here '称职'"});
}

TEST_F(ResponsesCli, BrokenFilesAreLocated) {
    expect_refused("评价人工号,被评价人工号,关系,题号\nA04,A03,同事,B1\n", {"1:1: the required column 'answer' (or '答案') is missing"});
    expect_refused(header + "A04,A03,同事,B1,\xD3\xC5\xD0\xE3\n", {"2:5: not UTF-8 text (byte 0xD3; perhaps GBK/GB18030): save it as UTF-8"});
    expect_refused(header + "A04,A03,同事,B1,优秀,多余\n", {"2:6: the row has 6 cells, more than the 5 of the header"});
    expect_refused("", {"1:1: the file is empty (row 1 must be the header)"});
}

TEST_F(ResponsesCli, FilesAreImportedInOrderAndStopAtTheFirstRefused) {
    const std::string good = office.file("good.csv", header + "A04,A03,同事,B1,优秀\n");
    const std::string bad = office.file("bad.csv", header + "A04,A03,同事,B9,优秀\n");
    const std::string later = office.file("later.csv", header + "A05,A03,同事,B1,优秀\n");
    const auto result = office.exemplar({"responses", "import", "2026年度", good, bad, later});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.out.find(good + ": 1 answers"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find(later), std::string::npos);
    EXPECT_EQ(status_of(office, "A04", "A03", "peer"), "draft");
    EXPECT_EQ(status_of(office, "A05", "A03", "peer"), "open");
}

TEST_F(ResponsesCli, ClosedCycleRefusesImportsNamingTheCycle) {
    office.ok({"cycle", "close", "2026年度"});
    const std::string file = office.file("late.csv", header + "A04,A03,同事,B1,优秀\n");
    const std::string before = office.database_bytes();
    const auto result = office.exemplar({"responses", "import", "2026年度", file});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find(file + ":1:1: the cycle '2026年度' was closed on "), std::string::npos) << result.err;
    EXPECT_EQ(office.database_bytes(), before);
}

TEST_F(ResponsesCli, ResultsHaveTheHrImportHeader) {
    const std::string csv = office.ok({"results", "2026年度", "--csv"});
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "person_id,name,department,position,loyalty,learning,dedication,responsibility,integrity,overall,total,rank_unit,"
              "rank_department,grade,self_total,head_total,peer_total,peer_count,flags");
    // Nobody has answered: no totals, every flag of an unanswered cycle.
    EXPECT_NE(csv.find("A01,王主任,行署办公室,主任,,,,,,,,,,,,,,0,INSUFFICIENT_PEERS;NO_HEAD;INCOMPLETE"), std::string::npos) << csv;
}

}  // namespace
}  // namespace exemplar

namespace exemplar {
namespace {

// A progress bar on stderr when it is a terminal, and nothing when it is not.
TEST(ResponsesProgress, BarOnATerminalOnly) {
    Office office;
    office.start_cycle();
    std::string rows = "评价人工号,被评价人工号,关系,题号,答案\n";
    for (int i = 0; i < 140000; ++i) rows += "A04,A03,同事,B1,优秀\n";
    const std::string file = office.file("many.csv", rows);
    const auto piped = office.exemplar({"responses", "import", "2026年度", file});
    EXPECT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_EQ(piped.err.find('%'), std::string::npos) << piped.err;
    // `script` gives the program a terminal; its output carries what the terminal showed.
    const std::string command = std::string(EXEMPLAR_BINARY_FOR_TESTS) + " --db " + office.db + " responses import 2026年度 " + file;
    const auto shown = testing::run_process("/usr/bin/script", {"-qec", command, "/dev/null"}, {{"LANG", "C.UTF-8"}});
    EXPECT_EQ(shown.exit_code, 0) << shown.out;
    EXPECT_NE(shown.out.find("responses ["), std::string::npos) << shown.out.substr(0, 400);
    EXPECT_NE(shown.out.find("%"), std::string::npos);
    EXPECT_NE(shown.out.find("140000 answers"), std::string::npos);
}

}  // namespace
}  // namespace exemplar
