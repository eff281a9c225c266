// `exemplar roster import` and `roster list`: changes reported, every problem
// located as FILE:ROW:COLUMN, and a refused file leaves the database byte for
// byte as it was.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <string>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

using testing::read_file;
using testing::run_exemplar;

const std::string roster_text =
    "工号,姓名,部门,职务,负责人,状态\n"
    "A01,王思勇,行署办公室,主任,是,在职\n"
    "A02,李明,行署办公室/秘书科,科长,是,\n"
    "A03,张丽,行署办公室/秘书科,科员,,\n"
    "A04,赵强,行署办公室/秘书科,科员,否,在职\n"
    "A05,陈静,行署办公室/综合科,科员,no,yes\n";

class RosterCli : public ::testing::Test {
protected:
    testing::TempDir dir;
    std::string db = (dir.path() / "office.db").string();

    testing::ProcessResult exemplar(std::vector<std::string> arguments, const std::string& language = "en") {
        arguments.insert(arguments.begin(), {"--db", db});
        return run_exemplar(arguments, language);
    }
    std::string import_ok(const std::string& name, const std::string& text) {
        const auto file = dir.write(name, text);
        const auto result = exemplar({"roster", "import", file.string()});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return result.out;
    }
    // Imports a bad file: exit 1, the exact messages, and the database unchanged.
    void expect_refused(const std::string& text, const std::vector<std::string>& messages) {
        const auto file = dir.write("bad.csv", text);
        const std::string before = read_file(db);
        const auto result = exemplar({"roster", "import", file.string()});
        EXPECT_EQ(result.exit_code, 1);
        std::string expected;
        for (const auto& m : messages) expected += file.string() + ":" + m + "\n";
        EXPECT_EQ(result.err, expected);
        EXPECT_EQ(read_file(db), before) << "the database changed";
    }
};

TEST_F(RosterCli, ImportAddsPeopleAndNestedDepartments) {
    EXPECT_NE(import_ok("roster.csv", roster_text).find("5 added, 0 updated, 0 unchanged; 3 departments added"), std::string::npos);
    const auto list = exemplar({"roster", "list", "--csv"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("A02,李明,行署办公室/秘书科,科长,yes,yes"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("A05,陈静,行署办公室/综合科,科员,no,yes"), std::string::npos) << list.out;
}

TEST_F(RosterCli, DatabaseIsOwnerOnly) {
    import_ok("roster.csv", roster_text);
    struct stat info {};
    ASSERT_EQ(stat(db.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST_F(RosterCli, SecondImportUpdatesByIdAndKeepsPeopleMissingFromTheFile) {
    import_ok("roster.csv", roster_text);
    const std::string out = import_ok("update.csv",
                                      "id,name,department,position\n"
                                      "A03,张丽,行署办公室/秘书科,副科长\n"
                                      "A04,赵强,行署办公室/秘书科,科员\n"
                                      "A06,周杰,行署办公室/督查科,科员\n");
    EXPECT_NE(out.find("1 added, 1 updated, 1 unchanged; 1 departments added"), std::string::npos) << out;
    const auto list = exemplar({"roster", "list", "--csv"});
    EXPECT_NE(list.out.find("A01,王思勇,行署办公室,主任,yes,yes"), std::string::npos) << list.out;  // not in the file: kept
    EXPECT_NE(list.out.find("A03,张丽,行署办公室/秘书科,副科长,no,yes"), std::string::npos) << list.out;
    // Importing the same file again changes nothing.
    EXPECT_NE(import_ok("update.csv", "id,name,department,position\nA03,张丽,行署办公室/秘书科,副科长\n").find("0 added, 0 updated, 1 unchanged"),
              std::string::npos);
}

TEST_F(RosterCli, StatusColumnDeactivates) {
    import_ok("roster.csv", roster_text);
    import_ok("leave.csv", "工号,姓名,部门,状态\nA04,赵强,行署办公室/秘书科,离职\n");
    EXPECT_NE(exemplar({"roster", "list", "--csv"}).out.find("A04,赵强,行署办公室/秘书科,科员,no,no"), std::string::npos);
}

TEST_F(RosterCli, HeaderInEnglishAnyOrderAnyCaseWithBomAndCrlf) {
    const std::string out = import_ok("r.csv", "\xEF\xBB\xBF" "Department,NAME,Extra,Id\r\n行署办公室,王思勇,x,A01\r\n\r\n行署办公室,\"李 \"\"明\"\"\",y,A02\r\n");
    EXPECT_NE(out.find("2 added"), std::string::npos) << out;
    EXPECT_NE(exemplar({"roster", "list", "--csv"}).out.find("A02,\"李 \"\"明\"\"\",行署办公室,,no,yes"), std::string::npos);
}

TEST_F(RosterCli, MissingRequiredColumn) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名\nA09,孙悟\n", {"1:1: the required column 'department' (or '部门') is missing"});
}

TEST_F(RosterCli, ColumnNamedTwice) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门,id\nA09,孙悟,行署办公室,A09\n",
                   {"1:4: column 'id' is named twice (column 1 is already 工号|id)"});
}

TEST_F(RosterCli, EmptyIdAndEmptyName) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门\n ,孙悟,行署办公室\nA10,  ,行署办公室\n", {"2:1: the id is empty", "3:2: the name is empty"});
}

TEST_F(RosterCli, DuplicateIdInTheFile) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门\nA09,孙悟,行署办公室\n\"A09\",孙悟空,行署办公室\n", {"3:1: the id 'A09' is repeated (already on row 2)"});
}

TEST_F(RosterCli, TwoHeadsInOneDepartment) {
    import_ok("roster.csv", roster_text);
    // A new head where an active head stays in the roster.
    expect_refused("工号,姓名,部门,负责人\nA04,赵强,行署办公室/秘书科,是\n",
                   {"2:4: department '行署办公室/秘书科' already has an active head, 李明（A02）: a department has at most one"});
    // Two heads within the file.
    expect_refused("工号,姓名,部门,负责人\nB01,甲,新科,是\nB02,乙,新科,是\n",
                   {"3:4: department '新科' already has an active head, 甲（B01）: a department has at most one"});
    // Handing over the headship in one file is fine.
    EXPECT_NE(import_ok("handover.csv", "工号,姓名,部门,负责人\nA02,李明,行署办公室/秘书科,否\nA04,赵强,行署办公室/秘书科,是\n").find("2 updated"),
              std::string::npos);
}

TEST_F(RosterCli, UnknownYesNoWords) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门,负责人,状态\nA09,孙悟,行署办公室,可能,在职\nA10,猪八,行署办公室,否,休假\n",
                   {"2:4: '可能' is not yes or no (use 是/否, yes/no, true/false or 1/0)",
                    "3:5: '休假' is not active or not (use 在职/离职, 是/否, yes/no, true/false or 1/0)"});
}

TEST_F(RosterCli, InvalidUtf8AndControlCharacters) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门\nA09,\xCB\xEF\xCE\xF2,行署办公室\nA10,a\x01" "b,行署办公室\n",
                   {"2:2: not UTF-8 text (byte 0xCB; perhaps GBK/GB18030): save it as UTF-8",
                    "3:2: the cell holds a control character U+0001"});
}

TEST_F(RosterCli, BadDepartmentPathsAndIds) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门\nA/9,孙悟,行署办公室\nA10,猪八,行署办公室//秘书科\nA11,沙僧,../x\n",
                   {"2:1: the id 'A/9' may not contain '/' or '\\'", "3:3: the department path '行署办公室//秘书科' has an empty part",
                    "4:3: the department path '../x' may not contain '.' or '..'"});
}

TEST_F(RosterCli, MoreCellsThanTheHeaderAndUnclosedQuote) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门\nA09,孙悟,行署办公室,多余\n", {"2:4: the row has 4 cells, more than the 3 of the header"});
    expect_refused("工号,姓名,部门\nA09,\"孙悟,行署办公室\n", {"2:2: a quoted field is not closed"});
}

TEST_F(RosterCli, RowsAreCountedAsRecordsNotLines) {
    import_ok("roster.csv", roster_text);
    expect_refused("工号,姓名,部门,职务\nA09,孙悟,行署办公室,\"第一行\n第二行\"\nA10,,行署办公室,科员\n", {"3:2: the name is empty"});
}

TEST_F(RosterCli, RefusedFirstImportLeavesNoDatabase) {
    const auto file = dir.write("bad.csv", "工号,姓名\nA01,王\n");
    const auto result = exemplar({"roster", "import", file.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(RosterCli, ChineseMessagesUnderAChineseLocale) {
    import_ok("roster.csv", roster_text);
    const auto file = dir.write("bad.csv", "工号,姓名,部门\nA09,,行署办公室\n");
    const auto result = exemplar({"roster", "import", file.string()}, "zh");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.err, file.string() + ":2:2: 姓名为空\n");
}

TEST_F(RosterCli, LegacyExcelAndUtf16AreRefused) {
    import_ok("roster.csv", roster_text);
    expect_refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest",
                   {"1:1: this is a legacy Excel (.xls) or encrypted file: save it as an unencrypted .xlsx or as CSV (UTF-8)"});
    expect_refused(std::string("\xFF\xFE" "A\0", 4), {"1:1: the file is UTF-16; save it as UTF-8"});
}

}  // namespace
}  // namespace exemplar
