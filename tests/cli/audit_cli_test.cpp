// `exemplar audit`: every change leaves a line with the command words and
// counts, written with the change itself; refused commands leave none; no
// answer or comment text ever appears in it.
#include <gtest/gtest.h>

#include <pwd.h>
#include <unistd.h>

#include <string>

#include "support/office.h"

namespace exemplar {
namespace {

using testing::Office;

const std::string self_form = EXEMPLAR_SOURCE_DIR "/forms/five-exemplars.yaml";

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

TEST(AuditCli, EveryChangeIsLoggedWithUserCommandAndCountsButNoAnswers) {
    Office office;
    office.start_cycle();
    std::string answers = "评价人工号,被评价人工号,关系,题号,答案\n";
    for (const std::string& id : testing::item_ids(self_form)) answers += "A03,A03,自评," + id + ",3\n";
    answers += "A03,A03,自评,C1,秘密意见文字\n";
    office.ok({"responses", "import", "2026年度", office.file("answers.csv", answers)});
    office.ok({"cycle", "close", "2026年度"});

    const std::string log = office.ok({"audit", "--csv"});
    const std::string user = getpwuid(geteuid())->pw_name;
    EXPECT_NE(log.find(",exemplar roster import,roster.import,,added=9 updated=0 unchanged=0 departments_added=3\n"), std::string::npos) << log;
    EXPECT_NE(log.find("," + user + ",exemplar cycle create,cycle.create,2026年度,members=8 "), std::string::npos) << log;
    EXPECT_NE(log.find(",exemplar responses import,answers.import,2026年度,answers=48 assignments=1 changed=1 submitted=1\n"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find(",exemplar cycle close,cycle.close,2026年度,\n"), std::string::npos) << log;
    // Neither the answers nor the comment, nor the file names given on the command line.
    EXPECT_EQ(log.find("秘密意见文字"), std::string::npos);
    EXPECT_EQ(log.find("answers.csv"), std::string::npos);

    // A refused command changes nothing, so it logs nothing.
    const std::size_t before = lines(log);
    EXPECT_EQ(office.exemplar({"responses", "import", "2026年度", office.file("more.csv", answers)}).exit_code, 1);  // closed
    EXPECT_EQ(office.exemplar({"roster", "import", office.file("bad.csv", "工号,姓名\nA01,\n")}).exit_code, 1);
    EXPECT_EQ(lines(office.ok({"audit", "--csv"})), before);

    // One cycle's lines only; an unknown cycle is refused.
    const std::string cycle_log = office.ok({"audit", "--cycle", "2026年度", "--csv"});
    EXPECT_EQ(cycle_log.find("roster.import"), std::string::npos);
    EXPECT_NE(cycle_log.find("cycle.create"), std::string::npos);
    const auto unknown = office.exemplar({"audit", "--cycle", "2025年度"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("2025年度"), std::string::npos);
}

}  // namespace
}  // namespace exemplar
