// Excel through the command line: rosters and answers from .xlsx (located as
// FILE:SHEET!CELL), the demo office ending in a report that another program
// opens, and a questionnaire that LibreOffice prints.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/office.h"

namespace exemplar {
namespace {

using testing::Office;

std::string python(const std::string& script, const std::vector<std::string>& arguments) {
    std::vector<std::string> all{EXEMPLAR_SOURCE_DIR "/tests/tools/" + script};
    all.insert(all.end(), arguments.begin(), arguments.end());
    const auto result = testing::run_process("/usr/bin/python3", all);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
}

TEST(ExcelCli, RosterAndAnswersFromXlsxWithNumericIds) {
    Office office;
    const std::string csv = office.file("roster.csv", "工号,姓名,部门,负责人\n1001,王主任,行署办公室,是\n1002,李四,行署办公室,否\n1003,张三,行署办公室,否\n");
    const std::string xlsx = (office.dir.path() / "roster.xlsx").string();
    python("write_xlsx.py", {csv, xlsx, "--numbers"});
    EXPECT_NE(office.ok({"roster", "import", xlsx}).find("3 added"), std::string::npos);
    EXPECT_NE(office.ok({"roster", "list", "--csv"}).find("1001,王主任,行署办公室,,yes,yes"), std::string::npos);
    office.ok({"cycle", "create", "2026年度", "--plan", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"});
    const std::string answers_csv = office.file("a.csv", "评价人工号,被评价人工号,关系,题号,答案\n1002,1003,同事,B1,优秀\n1001,1003,上级,L1,5\n");
    const std::string answers = (office.dir.path() / "answers.xlsx").string();
    python("write_xlsx.py", {answers_csv, answers, "--numbers"});
    EXPECT_NE(office.ok({"responses", "import", "2026年度", answers}).find("2 answers, 2 assignments touched"), std::string::npos);
    // A problem in an xlsx file is located by sheet and cell.
    const std::string bad_csv = office.file("b.csv", "评价人工号,被评价人工号,关系,题号,答案\n1002,1003,同事,B1,很好\n");
    const std::string bad = (office.dir.path() / "bad.xlsx").string();
    python("write_xlsx.py", {bad_csv, bad});
    const std::string before = office.database_bytes();
    const auto refused = office.exemplar({"responses", "import", "2026年度", bad});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find(bad + ":名单!E2: '很好' is not an option of item B1"), std::string::npos) << refused.err;
    EXPECT_EQ(office.database_bytes(), before);
}

TEST(ExcelCli, DemoEndsInAReportAnotherProgramOpens) {
    testing::TempDir dir;
    const std::string out = (dir.path() / "demo").string();
    const auto result = testing::run_exemplar({"demo", "--out", out}, "zh");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Excel 报表："), std::string::npos) << result.out;
    EXPECT_NE(result.out.find(out + "/report.xlsx"), std::string::npos) << result.out;
    const std::string sheets = python("xlsx_sheets.py", {out + "/report.xlsx"});
    EXPECT_EQ(sheets,
              "说明\tvisible\t0\n汇总\tvisible\t0\n部门汇总\tvisible\t2\n民主测评\tvisible\t0\n自评差异\tvisible\t0\n"
              "信度分析\tvisible\t0\nHR导入\tvisible\t0\n");
    std::size_t cards = 0;
    for (const auto& entry : std::filesystem::directory_iterator(out + "/cards")) cards += entry.path().extension() == ".xlsx";
    EXPECT_EQ(cards, 39u);
    EXPECT_TRUE(std::filesystem::exists(out + "/questionnaires/XS005-周文华-测评表.xlsx"));
    const std::string bom = testing::read_file(out + "/hr-import.csv").substr(0, 3);
    EXPECT_EQ(bom, "\xEF\xBB\xBF");
    // Running it again starts afresh.
    EXPECT_EQ(testing::run_exemplar({"demo", "--out", out}).exit_code, 0);
}

TEST(ExcelCli, AQuestionnairePrintsToPdfWithLibreOffice) {
    if (!std::filesystem::exists("/usr/bin/libreoffice")) GTEST_SKIP() << "LibreOffice is not installed";
    Office office;
    office.start_cycle();
    const std::string folder = (office.dir.path() / "q").string();
    ASSERT_EQ(office.exemplar({"questionnaires", "2026年度", "--out", folder, "--rater", "A02"}, "zh").exit_code, 0);
    const std::string file = folder + "/A02-李科长-测评表.xlsx";
    const auto converted = testing::run_process(
        "/usr/bin/libreoffice", {"--headless", "-env:UserInstallation=file://" + (office.dir.path() / "lo").string(), "--convert-to", "pdf",
                                 "--outdir", (office.dir.path() / "pdf").string(), file});
    ASSERT_EQ(converted.exit_code, 0) << converted.err;
    const auto pdf = office.dir.path() / "pdf" / "A02-李科长-测评表.pdf";
    ASSERT_TRUE(std::filesystem::exists(pdf));
    EXPECT_GT(std::filesystem::file_size(pdf), 20000u);
    const std::string sheets = python("xlsx_sheets.py", {file});
    EXPECT_EQ(sheets, "填写说明\tvisible\t0\n自评\tvisible\t0\n上级评价-张一\tvisible\t0\n上级评价-陈三\tvisible\t0\n上级评价-赵二\tvisible\t0\n"
                      "民主测评\tvisible\t0\n_exemplar\thidden\t0\n");
}

}  // namespace
}  // namespace exemplar
