// `exemplar cycle …` and `exemplar assignments`: assignments exactly per
// SPEC §3, the snapshot, closing and deleting.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "support/office.h"

namespace exemplar {
namespace {

using testing::Office;

std::set<std::string> lines_of(const std::string& text) {
    std::set<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.insert(line);
    return lines;
}

// rater,ratee,relation of every assignment in `assignments --csv`.
std::set<std::string> pairs(const std::string& csv) {
    std::set<std::string> result;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
        result.insert(f.at(0) + ">" + f.at(2) + ":" + f.at(4));
    }
    return result;
}

TEST(CycleCli, CreateMakesTheAssignmentsOfSpecSection3) {
    Office office;
    office.ok({"roster", "import", office.file("roster.csv", testing::office_roster)});
    const std::string out = office.ok({"cycle", "create", "2026年度", "--plan", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"});
    EXPECT_NE(out.find("created the cycle '2026年度': plan annual, 8 members"), std::string::npos) << out;
    EXPECT_NE(out.find("self: form five-exemplars version 1, 8 assignments"), std::string::npos) << out;
    EXPECT_NE(out.find("head: form five-exemplars version 1, 7 assignments"), std::string::npos) << out;
    EXPECT_NE(out.find("peer: form five-exemplars-ballot version 1, 16 assignments"), std::string::npos) << out;
    EXPECT_NE(out.find("1 members have no supervisor"), std::string::npos) << out;

    const std::set<std::string> all = pairs(office.ok({"assignments", "2026年度", "--csv"}));
    std::set<std::string> heads;
    for (const auto& p : all)
        if (p.ends_with(":head")) heads.insert(p);
    // A02 (head of 秘书科) climbs to A01; 综合科 has no head, so A06/A07 climb to A01; A01 has none.
    EXPECT_EQ(heads, (std::set<std::string>{"A01>A02:head", "A02>A03:head", "A02>A04:head", "A02>A05:head", "A01>A06:head",
                                            "A01>A07:head", "A01>A09:head"}));
    std::set<std::string> peers;
    for (const auto& p : all)
        if (p.ends_with(":peer")) peers.insert(p);
    EXPECT_EQ(peers.size(), 16u);
    EXPECT_TRUE(peers.count("A02>A03:peer"));  // heads are peers in their own department
    EXPECT_TRUE(peers.count("A06>A07:peer"));
    EXPECT_FALSE(peers.count("A01>A02:peer"));  // sub-departments are not included
    for (const auto& p : all) EXPECT_EQ(p.find("A08"), std::string::npos) << "inactive person in " << p;
    EXPECT_EQ(all.size(), 31u);
}

TEST(CycleCli, UnitPeerScopeMakesEveryoneAPeer) {
    Office office;
    office.ok({"roster", "import", office.file("roster.csv", testing::office_roster)});
    const std::string plan = office.file("plan.yaml",
                                         "plan: unit\nforms: {peer: five-exemplars-ballot}\nrelation_weights: {peer: 1}\n"
                                         "dimension_weights: {overall: 1}\npeer_scope: unit\ngrades:\n  - {name: 合格, min: 0}\n");
    const std::string out = office.ok({"cycle", "create", "民主测评", "--plan", plan});
    EXPECT_NE(out.find("peer: form five-exemplars-ballot version 1, 56 assignments"), std::string::npos) << out;  // 8 × 7
}

TEST(CycleCli, ListShowCloseAndDelete) {
    Office office;
    office.start_cycle();
    const std::string list = office.ok({"cycle", "list"});
    EXPECT_NE(list.find("2026年度"), std::string::npos) << list;
    EXPECT_NE(list.find("annual"), std::string::npos) << list;
    const std::string show = office.ok({"cycle", "show", "2026年度"});
    EXPECT_NE(show.find("8 members, 31 assignments: 0 submitted (0.0%), 0 draft, 31 open"), std::string::npos) << show;
    EXPECT_NE(show.find("行署办公室/秘书科"), std::string::npos) << show;
    const std::string shown_zh = office.exemplar({"cycle", "show", "2026年度"}, "zh").out;
    EXPECT_NE(shown_zh.find("参评 8 人，任务 31 项"), std::string::npos) << shown_zh;

    EXPECT_EQ(office.exemplar({"cycle", "delete", "2026年度"}).exit_code, 2);  // needs --yes
    office.ok({"cycle", "close", "2026年度"});
    EXPECT_NE(office.ok({"cycle", "list"}).find("closed"), std::string::npos);
    const auto again = office.exemplar({"cycle", "close", "2026年度"});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("the cycle '2026年度' was closed on"), std::string::npos) << again.err;
    office.ok({"cycle", "delete", "2026年度", "--yes"});
    EXPECT_EQ(office.ok({"cycle", "list"}), "no cycles yet\n");
    EXPECT_EQ(office.exemplar({"cycle", "show", "2026年度"}).err, "exemplar: there is no cycle named '2026年度'\n");
}

TEST(CycleCli, RefusedCreateLeavesTheDatabaseUnchanged) {
    Office office;
    office.start_cycle();
    const std::string before = office.database_bytes();
    const auto twice = office.exemplar({"cycle", "create", "2026年度", "--plan", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"});
    EXPECT_EQ(twice.exit_code, 1);
    EXPECT_EQ(twice.err, "exemplar: a cycle named '2026年度' already exists\n");
    const std::string bad = office.file("bad.yaml", "plan: bad\nforms: {self: five-exemplars-ballot}\nrelation_weights: {self: 1}\n"
                                                    "dimension_weights: {loyalty: 1}\ngrades:\n  - {name: 合格, min: 0}\n");
    const auto refused = office.exemplar({"cycle", "create", "新周期", "--plan", bad});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_EQ(refused.err, bad + ":2:15: form 'five-exemplars-ballot' lacks 'self' wording on some items, so it cannot be used for self-review\n");
    EXPECT_EQ(office.database_bytes(), before);
}

TEST(CycleCli, TheSnapshotIgnoresLaterRosterChanges) {
    Office office;
    office.start_cycle();
    office.ok({"roster", "import", office.file("moved.csv", "工号,姓名,部门,职务\nA03,张一,行署办公室/综合科,副科长\nA10,新人,行署办公室,科员\n")});
    const std::string csv = office.ok({"assignments", "2026年度", "--csv", "--rater", "A02"});
    EXPECT_NE(csv.find("A02,李科长,A03,张一,head"), std::string::npos) << csv;  // still A02's member in this cycle
    EXPECT_EQ(csv.find("A10"), std::string::npos);
    const std::string results = office.ok({"results", "2026年度", "--csv"});
    EXPECT_NE(results.find("A03,张一,行署办公室/秘书科,科员,"), std::string::npos) << results;
}

TEST(CycleCli, AssignmentsListingFiltersAndFlags) {
    Office office;
    office.start_cycle();
    const std::string header = "rater_id,rater_name,ratee_id,ratee_name,relation,form,status,flags";
    const std::string mine = office.ok({"assignments", "2026年度", "--csv", "--rater", "A06"});
    EXPECT_EQ(lines_of(mine), (std::set<std::string>{header, "A06,周四,A06,周四,self,five-exemplars,open,",
                                                     "A06,周四,A07,吴五,peer,five-exemplars-ballot,open,"}));
    EXPECT_EQ(office.ok({"assignments", "2026年度", "--csv", "--status", "submitted"}), header + "\n");
    EXPECT_EQ(office.exemplar({"assignments", "2026年度", "--status", "done"}).exit_code, 2);
    EXPECT_EQ(office.exemplar({"assignments", "2026年度", "--rater", "Z99"}).exit_code, 1);
    const std::string table = office.exemplar({"assignments", "2026年度", "--rater", "A06"}, "zh").out;
    EXPECT_NE(table.find("未开始"), std::string::npos) << table;
    EXPECT_NE(table.find("共 2 项任务"), std::string::npos) << table;
}

}  // namespace
}  // namespace exemplar

namespace exemplar {
namespace {

TEST(CycleCli, TheSnapshotIgnoresLaterFormChanges) {
    Office office;
    office.ok({"roster", "import", office.file("roster.csv", testing::office_roster)});
    const std::string plan = office.file("plans/plan.yaml", testing::read_file(EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"));
    const std::string form_text = testing::read_file(EXEMPLAR_SOURCE_DIR "/forms/five-exemplars-ballot.yaml");
    const std::string form = office.file("plans/ballot.yaml", form_text);
    office.ok({"cycle", "create", "2026年度", "--plan", plan, "--unit", "行署办公室", "--deadline", "2026-12-31"});
    // The office edits its form file afterwards: the cycle keeps the form it was created with.
    std::string edited = form_text;
    edited.replace(edited.find("优秀"), std::string("优秀").size(), "卓越");
    office.file("plans/ballot.yaml", edited);
    const std::string answers = office.file("a.csv", "评价人工号,被评价人工号,关系,题号,答案\nA04,A03,同事,B1,优秀\n");
    EXPECT_NE(office.ok({"responses", "import", "2026年度", answers}).find("1 assignments touched"), std::string::npos);
    const std::string shown = office.ok({"cycle", "show", "2026年度"});
    EXPECT_NE(shown.find("unit: 行署办公室"), std::string::npos) << shown;
    EXPECT_NE(shown.find("deadline: 2026-12-31"), std::string::npos) << shown;
    EXPECT_EQ(office.exemplar({"cycle", "create", "x", "--plan", plan, "--deadline", "31/12/2026"}).exit_code, 2);
}

}  // namespace
}  // namespace exemplar

namespace exemplar {
namespace {

TEST(CycleCli, AccessCodesAreIssuedAsSlips) {
    Office office;
    office.start_cycle();
    const std::string slips = (office.dir.path() / "slips.xlsx").string();
    const std::string out = office.ok({"codes", "2026年度", "--out", slips});
    EXPECT_NE(out.find("8 access codes issued"), std::string::npos) << out;
    EXPECT_TRUE(std::filesystem::exists(slips));
    EXPECT_NE(office.ok({"codes", "2026年度", "--out", slips, "--rater", "A03"}).find("1 access codes issued"), std::string::npos);
    EXPECT_EQ(office.exemplar({"codes", "2026年度", "--out", slips, "--rater", "Z9"}).exit_code, 1);
}

}  // namespace
}  // namespace exemplar
