// The report workbook, the HR CSV and the report cards (SPEC §6), read back
// with an independent reader: openpyxl (tests/tools/xlsx_dump.py), and
// LibreOffice for printing. A small office in an in-memory database, with
// self, head and peer answers chosen to give every grade, tallies, gaps and
// flags, and one person whose name looks like a formula.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <iostream>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "core/cycle_scoring.h"
#include "core/cycle_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/form_loader.h"
#include "core/report_template.h"
#include "core/reliability.h"
#include "core/report_workbook.h"
#include "core/responses_import.h"
#include "core/results_table.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/translate.h"
#include "core/xlsx_reader.h"
#include "core/xlsx_writer.h"
#include "support/office.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

using testing::TempDir;

const std::string dump_script = EXEMPLAR_SOURCE_DIR "/tests/tools/xlsx_dump.py";
const std::string golden_dir = EXEMPLAR_SOURCE_DIR "/tests/data/golden";

// ---- the independent reader -------------------------------------------------

std::string unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char c = text[++i];
            out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(unescape(std::string_view(line).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
        if (tab == std::string::npos) return fields;
        start = tab + 1;
    }
}

struct Cell {
    std::string type;  // s n f b d e empty
    std::string format;
    std::string font;
    std::string value;
    double number() const {
        double d = 0;
        std::from_chars(value.data(), value.data() + value.size(), d);
        return d;
    }
};

struct SheetDump {
    std::map<std::pair<int, int>, Cell> cells;  // (row, col), 1-based
    std::vector<std::string> merged, charts, conditional;
    std::string freeze, filter;
    std::vector<std::string> page;  // orientation paper fit_width fit_height fit_to_page print_titles footer

    const Cell* at(int row, int col) const {
        const auto it = cells.find({row, col});
        return it == cells.end() ? nullptr : &it->second;
    }
    int max_row() const {
        int m = 0;
        for (const auto& [key, cell] : cells) m = std::max(m, key.first);
        return m;
    }
    // Every string of the sheet, joined.
    std::string all_text() const {
        std::string text;
        for (const auto& [key, cell] : cells) text += cell.value + "\n";
        return text;
    }
    // The first row whose cell in `col` has this text.
    int find_row(int col, const std::string& text) const {
        for (const auto& [key, cell] : cells)
            if (key.second == col && cell.value == text) return key.first;
        return 0;
    }
};

std::pair<int, int> parse_cell(const std::string& ref) {
    int col = 0;
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') col = col * 26 + (ref[i++] - 'A' + 1);
    return {std::atoi(ref.c_str() + i), col};
}

struct WorkbookDump {
    std::vector<std::string> order;
    std::map<std::string, SheetDump> sheets;
    std::set<std::string> parts;
    const SheetDump& sheet(const std::string& name) const { return sheets.at(name); }
};

WorkbookDump dump(const std::filesystem::path& file) {
    const auto result = testing::run_process("/usr/bin/python3", {dump_script, file.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    WorkbookDump book;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
        const auto f = split_tabs(line);
        if (f[0] == "S") {
            book.order.push_back(f[1]);
            book.sheets[f[1]];
        } else if (f[0] == "C") {
            book.sheets[f[1]].cells[parse_cell(f[2])] = Cell{f[3], f[4], f[5], f[6]};
        } else if (f[0] == "M") {
            book.sheets[f[1]].merged.push_back(f[2]);
        } else if (f[0] == "F") {
            book.sheets[f[1]].freeze = f[2];
        } else if (f[0] == "A") {
            book.sheets[f[1]].filter = f[2];
        } else if (f[0] == "G") {
            book.sheets[f[1]].charts.push_back(f[2]);
        } else if (f[0] == "P") {
            book.sheets[f[1]].page.assign(f.begin() + 2, f.end());
        } else if (f[0] == "K") {
            book.sheets[f[1]].conditional.push_back(f[2] + " " + f[3]);
        } else if (f[0] == "Z") {
            book.parts.insert(f[1]);
        }
    }
    return book;
}

std::string part(const std::filesystem::path& file, const std::string& name) {
    const auto result = testing::run_process("/usr/bin/python3", {dump_script, file.string(), "--part", name});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
}

std::string shortest(double value) {
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

// The value openpyxl shows for a table cell: repr() of the double, ints as digits.
void expect_cell_equals(const Cell* cell, const TableCell& expected, const std::string& where) {
    if (std::holds_alternative<std::monostate>(expected)) {
        EXPECT_TRUE(cell == nullptr || cell->type == "empty") << where << " should be empty, is " << (cell ? cell->value : "");
        return;
    }
    ASSERT_NE(cell, nullptr) << where;
    if (const auto* s = std::get_if<std::string>(&expected)) {
        EXPECT_EQ(cell->type, "s") << where;
        EXPECT_EQ(cell->value, *s) << where;
    } else if (const auto* d = std::get_if<double>(&expected)) {
        EXPECT_EQ(cell->type, "n") << where;
        EXPECT_EQ(cell->number(), *d) << where << ": " << cell->value << " vs " << shortest(*d);  // exactly the stored double
    } else if (const auto* n = std::get_if<long long>(&expected)) {
        EXPECT_EQ(cell->type, "n") << where;
        EXPECT_EQ(cell->value, std::to_string(*n)) << where;
    }
}

// ---- the office -------------------------------------------------------------

// office_roster plus a person whose name is a formula, in 综合科.
const std::string roster = std::string(testing::office_roster) + "A10,\"=SUM(1,2)\",行署办公室/综合科,科员,否,在职\n";

// Option index per ratee for ratings by others and for the self-review (0 = best).
struct Quality {
    int others;
    int self;
};
const std::map<std::string, Quality> qualities = {
    {"A01", {0, 0}}, {"A02", {0, 0}}, {"A03", {2, 0}}, {"A04", {1, 3}}, {"A05", {1, 1}},
    {"A06", {2, 2}}, {"A07", {3, 3}}, {"A09", {4, 4}}, {"A10", {1, 1}},
};

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

struct OfficeReport {
    Database db = Database::in_memory();
    Cycle cycle;
    AssignmentSet assignments;
    ScoringInput input;
    CycleResults results;
    ReportData data;
    std::vector<std::map<std::string, std::string>> comments;

    OfficeReport() {
        migrate(db);
        auto table = csv_table("roster.csv", roster);
        import_roster(db, *table);
        CycleOptions options;
        options.unit_name = "行署办公室";
        options.deadline = "2026-12-31";
        create_cycle(db, "2026年度", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml", options);
        cycle = load_cycle(db, "2026年度");

        std::string answers = "评价人工号,被评价人工号,关系,题号,答案\n";
        const AssignmentSet open = load_assignments(db, cycle);
        for (const StoredAssignment& a : open.assignments) {
            const std::string& rater = cycle.members[a.rater].code;
            const std::string& ratee = cycle.members[a.ratee].code;
            if (a.relation == Relation::peer && (rater == "A10" || (ratee == "A06" && rater == "A07"))) continue;  // not submitted
            const Form& form = *cycle.form_for(a.relation);
            const Quality q = qualities.at(ratee);
            const int level = a.relation == Relation::self ? q.self : q.others;
            for (std::size_t i = 0; i < form.items.size(); ++i) {
                if (rater == "A07" && a.relation == Relation::self && i >= 3) break;  // an incomplete self-review
                const auto& scale_options = form.scale_of(form.items[i]).options;
                const int shift = (static_cast<int>(i + a.rater) % 3 == 0) ? 1 : 0;
                const int index = std::clamp(level + shift, 0, static_cast<int>(scale_options.size()) - 1);
                answers += rater + "," + ratee + "," + std::string(relation_code(a.relation)) + "," + form.items[i].id + "," +
                           scale_options[static_cast<std::size_t>(index)].label + "\n";
            }
        }
        answers += "A03,A03,self,C1," + csv_field("主要差距：学习不够系统, 调研不够深入") + "\n";
        answers += "A03,A03,self,C2," + csv_field("=1+1 加强学习\n第二行") + "\n";
        auto responses = csv_table("answers.csv", answers);
        import_responses(db, cycle, *responses);

        assignments = load_assignments(db, cycle);
        input = scoring_input(cycle, assignments);
        results = compute_results(input);
        // Stable text for the golden files.
        cycle.created_at = "2026-11-01 09:00:00";
        data.cycle = &cycle;
        data.input = &input;
        data.results = &results;
        data.generated_at = "2026-12-31 17:30:00";
        for (const StoredAssignment& a : assignments.assignments) {
            ++data.assignments;
            if (a.status == AssignmentStatus::submitted) ++data.submitted_assignments;
            for (const AnswerCode code : a.answers) data.answers += code != unanswered ? 1 : 0;
        }
        comments.resize(cycle.members.size());
        const auto a03 = *cycle.member_by_code("A03");
        comments[a03]["C1"] = "主要差距：学习不够系统, 调研不够深入";
        comments[a03]["C2"] = "=1+1 加强学习\n第二行";
    }

    const PersonResult& person(const std::string& code) const {
        const auto member = *cycle.member_by_code(code);
        for (const PersonResult& p : results.people)
            if (p.member == member) return p;
        throw std::runtime_error("no such person");
    }
};

ReportTemplate default_template() {
    const ReportTemplateLoad load = load_report_template(EXEMPLAR_SOURCE_DIR "/templates/reports/default.yaml");
    EXPECT_TRUE(load.diagnostics.empty()) << (load.diagnostics.empty() ? "" : load.diagnostics[0].to_string());
    return *load.report_template;
}

// The report in Chinese (a zh_* locale), which most tests read; messages a
// test expects in English, and the English report, set their language.
class ReportWorkbook : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        set_language(Language::chinese);
        office = std::make_unique<OfficeReport>();
        folder = std::make_unique<TempDir>();
        report = folder->path() / "report.xlsx";
        write_report(report, office->data, default_template());
        book = std::make_unique<WorkbookDump>(dump(report));
    }
    static void TearDownTestSuite() {
        book.reset();
        folder.reset();
        office.reset();
    }
    void SetUp() override { set_language(Language::chinese); }
    static std::unique_ptr<OfficeReport> office;
    static std::unique_ptr<TempDir> folder;
    static std::filesystem::path report;
    static std::unique_ptr<WorkbookDump> book;
};
std::unique_ptr<OfficeReport> ReportWorkbook::office;
std::unique_ptr<TempDir> ReportWorkbook::folder;
std::filesystem::path ReportWorkbook::report;
std::unique_ptr<WorkbookDump> ReportWorkbook::book;

TEST_F(ReportWorkbook, TheOfficeHasWhatTheTestsNeed) {
    const auto& r = *office;
    std::set<std::string> grades, flags;
    int tallied = 0;
    for (const PersonResult& p : r.results.people) {
        if (p.grade) {
            grades.insert(*p.grade);
        }
        for (const std::string& f : p.flags) {
            flags.insert(f.substr(0, f.find(':')));
        }
        tallied += p.tallies.empty() ? 0 : 1;
    }
    EXPECT_EQ(grades, (std::set<std::string>{"优秀", "称职", "基本称职", "不称职"}));
    EXPECT_EQ(flags, (std::set<std::string>{"INSUFFICIENT_PEERS", "NO_HEAD", "INCOMPLETE", "BLIND_SPOT", "HIDDEN_STRENGTH"}));
    EXPECT_EQ(tallied, 4);  // 秘书科
    EXPECT_FALSE(r.person("A01").group_totals[index_of(Relation::peer)].has_value());
}

TEST_F(ReportWorkbook, SheetsInOrder) {
    EXPECT_EQ(book->order, (std::vector<std::string>{"说明", "汇总", "部门汇总", "民主测评", "自评差异", "信度分析", "HR导入"}));
    EXPECT_FALSE(std::filesystem::exists(report.string() + ".tmp"));
    for (const auto& entry : std::filesystem::directory_iterator(folder->path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST_F(ReportWorkbook, HrImportIsTheResultsTable) {
    const SheetDump& hr = book->sheet("HR导入");
    const ResultsTable table = hr_import_table(office->input, office->results);
    const std::vector<std::string> codes{"person_id", "name", "department", "position", "loyalty", "learning", "dedication",
                                         "responsibility", "integrity", "overall", "total", "rank_unit", "rank_department",
                                         "grade", "self_total", "head_total", "peer_total", "peer_count", "flags"};
    ASSERT_EQ(table.columns, codes);
    for (std::size_t c = 0; c < codes.size(); ++c) {
        const Cell* cell = hr.at(1, static_cast<int>(c) + 1);
        ASSERT_NE(cell, nullptr);
        EXPECT_EQ(cell->value, codes[c]);
        EXPECT_EQ(cell->type, "s");
        EXPECT_EQ(cell->format, "General");
    }
    EXPECT_EQ(hr.at(1, static_cast<int>(codes.size()) + 1), nullptr);
    ASSERT_EQ(hr.max_row(), static_cast<int>(table.rows.size()) + 1);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < codes.size(); ++c) {
            const Cell* cell = hr.at(static_cast<int>(r) + 2, static_cast<int>(c) + 1);
            const std::string where = "HR导入 row " + std::to_string(r + 2) + " " + codes[c];
            expect_cell_equals(cell, table.rows[r][c], where);
            if (cell == nullptr || cell->type == "empty") continue;
            const bool score = std::holds_alternative<double>(table.rows[r][c]);
            EXPECT_EQ(cell->format, score ? "0.00" : "General") << where;
        }
    EXPECT_TRUE(hr.merged.empty());
    EXPECT_TRUE(hr.freeze.empty());
    EXPECT_TRUE(hr.filter.empty());
}

TEST_F(ReportWorkbook, SummaryHasTitleHeaderAndTheSameRows) {
    const SheetDump& sheet = book->sheet("汇总");
    ASSERT_NE(sheet.at(1, 1), nullptr);
    EXPECT_EQ(sheet.at(1, 1)->value, "行署办公室2026年度“五种表率”测评汇总表");
    EXPECT_EQ(sheet.at(1, 1)->font, "黑体");
    EXPECT_EQ(sheet.merged.front(), "A1:S1");
    const std::vector<std::string> headers{"工号", "姓名", "部门", "职务", "绝对忠诚", "勤学善思", "爱岗敬业", "极端负责",
                                           "廉洁自律", "总体评价", "总分", "单位排名", "部门排名", "等次", "自评得分",
                                           "上级评价得分", "民主测评得分", "测评票数", "标记"};
    for (std::size_t c = 0; c < headers.size(); ++c) {
        EXPECT_EQ(sheet.at(2, static_cast<int>(c) + 1)->value, headers[c]);
        EXPECT_EQ(sheet.at(2, static_cast<int>(c) + 1)->font, "宋体");
    }
    EXPECT_EQ(sheet.freeze, "A3");
    const ResultsTable table = hr_import_table(office->input, office->results);
    EXPECT_EQ(sheet.filter, "A2:S" + std::to_string(table.rows.size() + 2));
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < headers.size(); ++c) {
            const Cell* cell = sheet.at(static_cast<int>(r) + 3, static_cast<int>(c) + 1);
            expect_cell_equals(cell, table.rows[r][c], "汇总 row " + std::to_string(r + 3) + " " + headers[c]);
            if (std::holds_alternative<double>(table.rows[r][c])) {
                EXPECT_EQ(cell->format, "0.00");
            }
            if (std::holds_alternative<long long>(table.rows[r][c])) {
                EXPECT_EQ(cell->format, "0");
            }
        }
    // Print: A4 landscape, one page wide, header row repeated, page numbers.
    ASSERT_EQ(sheet.page.size(), 7u);
    EXPECT_EQ(sheet.page[0], "landscape");
    EXPECT_EQ(sheet.page[1], "9");
    EXPECT_TRUE(sheet.page[2] == "" || sheet.page[2] == "1") << sheet.page[2];  // 1 is the default
    EXPECT_EQ(sheet.page[3], "0");
    EXPECT_EQ(sheet.page[4], "True");
    EXPECT_EQ(sheet.page[5], "$2:$2");
    EXPECT_EQ(sheet.page[6], "第 &P 页 共 &N 页");
    // Grades and flagged rows in colour.
    const std::string last = std::to_string(table.rows.size() + 2);
    EXPECT_NE(std::find(sheet.conditional.begin(), sheet.conditional.end(), "N3:N" + last + " $N3=\"优秀\""), sheet.conditional.end());
    EXPECT_NE(std::find(sheet.conditional.begin(), sheet.conditional.end(), "N3:N" + last + " $N3=\"不称职\""), sheet.conditional.end());
    EXPECT_NE(std::find(sheet.conditional.begin(), sheet.conditional.end(), "A3:M" + last + " O3:S" + last + " LEN($S3)>0"), sheet.conditional.end());
}

TEST_F(ReportWorkbook, UndefinedValuesAreEmptyCells) {
    const SheetDump& sheet = book->sheet("汇总");
    // 王主任 (A01) has no peer group and no head: 民主测评得分 and 上级评价得分 are empty, not 0.
    const int row = sheet.find_row(1, "A01");
    ASSERT_GT(row, 2);
    for (const int col : {16, 17}) {
        const Cell* cell = sheet.at(row, col);
        EXPECT_TRUE(cell == nullptr || cell->type == "empty") << col;
    }
    EXPECT_EQ(sheet.at(row, 18)->value, std::to_string(office->person("A01").peer_count));  // shown, whatever it is
    const SheetDump& hr = book->sheet("HR导入");
    const int hr_row = hr.find_row(1, "A01");
    EXPECT_EQ(hr.at(hr_row, 17), nullptr);
}

TEST_F(ReportWorkbook, AFormulaLikeNameIsAString) {
    for (const char* name : {"汇总", "HR导入"}) {
        const SheetDump& sheet = book->sheet(name);
        const int row = sheet.find_row(1, "A10");
        ASSERT_GT(row, 0) << name;
        EXPECT_EQ(sheet.at(row, 2)->type, "s") << name;
        EXPECT_EQ(sheet.at(row, 2)->value, "=SUM(1,2)") << name;
    }
    for (const auto& [name, sheet] : book->sheets)
        for (const auto& [key, cell] : sheet.cells) EXPECT_NE(cell.type, "f") << name << " has a formula";
}

TEST_F(ReportWorkbook, DepartmentsWithCharts) {
    const SheetDump& sheet = book->sheet("部门汇总");
    std::vector<std::string> charts = sheet.charts;
    std::sort(charts.begin(), charts.end());
    EXPECT_EQ(charts, (std::vector<std::string>{"BarChart", "RadarChart"}));
    ASSERT_TRUE(book->parts.count("xl/charts/chart1.xml"));
    ASSERT_TRUE(book->parts.count("xl/charts/chart2.xml"));
    const std::string charts_xml = part(report, "xl/charts/chart1.xml") + part(report, "xl/charts/chart2.xml");
    EXPECT_NE(charts_xml.find("<c:barChart>"), std::string::npos);
    EXPECT_NE(charts_xml.find("<c:radarChart>"), std::string::npos);

    const int header = sheet.find_row(1, "部门");
    ASSERT_GT(header, 0);
    EXPECT_EQ(sheet.at(header, 3)->value, "完成率");
    // Parents first, then their sub-departments; every department once.
    EXPECT_EQ(sheet.at(header + 1, 1)->value, "行署办公室");
    std::set<std::string> seen;
    for (int r = header + 1; r <= header + static_cast<int>(office->results.departments.size()); ++r) {
        const std::string path = sheet.at(r, 1)->value;
        seen.insert(path);
        for (const DepartmentResult& d : office->results.departments) {
            if (d.department != path) continue;
            EXPECT_EQ(sheet.at(r, 2)->value, std::to_string(d.people));
            EXPECT_EQ(sheet.at(r, 3)->format, "0.0%");
            EXPECT_EQ(sheet.at(r, 3)->number(), *d.completion);
            expect_cell_equals(sheet.at(r, 9), d.mean_scores[5] ? TableCell(*d.mean_scores[5]) : TableCell(), path + " overall");
            EXPECT_EQ(sheet.at(r, 10)->number(), *d.mean_total);
            EXPECT_EQ(sheet.at(r, 10)->format, "0.00");
        }
    }
    EXPECT_EQ(seen.size(), office->results.departments.size());

    // The unit's dimension means: mean P over everyone with a P.
    const int means = sheet.find_row(1, "全单位各维度平均分");
    ASSERT_GT(means, header);
    double sum = 0;
    int n = 0;
    for (const PersonResult& p : office->results.people)
        if (p.scores[0]) sum += *p.scores[0], ++n;
    EXPECT_EQ(sheet.at(means + 2, 1)->value, "绝对忠诚");
    EXPECT_DOUBLE_EQ(sheet.at(means + 2, 2)->number(), sum / n);
}

TEST_F(ReportWorkbook, VotesAreTalliesOfDefinedPeerGroupsOnly) {
    const SheetDump& sheet = book->sheet("民主测评");
    const std::string text = sheet.all_text();
    for (const char* absent : {"A01", "A06", "A07", "A09", "A10"}) EXPECT_EQ(text.find(absent), std::string::npos) << absent;
    const int header = sheet.find_row(1, "工号");
    ASSERT_GT(header, 0);
    EXPECT_EQ(sheet.at(header, 6)->value, "优秀（票）");
    EXPECT_EQ(sheet.at(header, 11)->value, "好评率");
    for (const char* code : {"A02", "A03", "A04", "A05"}) {
        const PersonResult& p = office->person(code);
        const int first = sheet.find_row(1, code);
        ASSERT_GT(first, header) << code;
        ASSERT_EQ(p.tallies.size(), 6u);
        for (std::size_t t = 0; t < p.tallies.size(); ++t) {
            const int row = first + static_cast<int>(t);
            for (std::size_t o = 0; o < 4; ++o) EXPECT_EQ(sheet.at(row, 6 + static_cast<int>(o))->value, std::to_string(p.tallies[t].counts[o]));
            EXPECT_EQ(sheet.at(row, 10)->value, std::to_string(p.tallies[t].answers));
            EXPECT_EQ(sheet.at(row, 11)->number(), *p.tallies[t].favorable_rate);
            EXPECT_EQ(sheet.at(row, 11)->format, "0.00");
        }
    }
}

TEST_F(ReportWorkbook, GapsPerPersonAndDimension) {
    const SheetDump& sheet = book->sheet("自评差异");
    const PersonResult& p = office->person("A03");
    const int first = sheet.find_row(1, "A03");
    ASSERT_GT(first, 0);
    for (int d = 0; d < 5; ++d) {
        const int row = first + d;
        EXPECT_EQ(sheet.at(row, 4)->value, office->results.dimensions[static_cast<std::size_t>(d)].name);
        EXPECT_EQ(sheet.at(row, 5)->number(), *p.groups[0][static_cast<std::size_t>(d)]);
        EXPECT_EQ(sheet.at(row, 6)->number(), *p.others[static_cast<std::size_t>(d)]);
        EXPECT_EQ(sheet.at(row, 7)->number(), *p.gaps[static_cast<std::size_t>(d)]);
        EXPECT_EQ(sheet.at(row, 7)->format, "0.00");
        EXPECT_EQ(sheet.at(row, 8)->value, "BLIND_SPOT:" + office->results.dimensions[static_cast<std::size_t>(d)].id);
    }
    const int a04 = sheet.find_row(1, "A04");
    EXPECT_EQ(sheet.at(a04, 8)->value, "HIDDEN_STRENGTH:loyalty");
    // Ordered by name 按姓氏笔画: 王 (4 strokes) before 李 (7) before 张 (7)…
    EXPECT_LT(sheet.find_row(1, "A01"), sheet.find_row(1, "A02"));
}

TEST_F(ReportWorkbook, ReliabilityPerFormAndDimension) {
    const SheetDump& sheet = book->sheet("信度分析");
    int alphas = 0;
    for (const FormReliability& form : compute_reliability(office->input))
        for (const DimensionReliability& d : form.dimensions) {
            if (!d.alpha) continue;
            bool found = false;
            for (const auto& [key, cell] : sheet.cells)
                if (key.second == 7 && cell.type == "n" && cell.number() == *d.alpha) found = cell.format == "0.00";
            EXPECT_TRUE(found) << form.form->id << " " << d.dimension;
            ++alphas;
        }
    EXPECT_GT(alphas, 0);
    EXPECT_GT(sheet.find_row(2, "L1"), 0);
}

TEST_F(ReportWorkbook, NotesSayWhatTheReportIs) {
    const std::string text = book->sheet("说明").all_text();
    for (const std::string& expected : std::vector<std::string>{"行署办公室", "2026年度", "annual", "five-exemplars", "five-exemplars-ballot", "2026-12-31 17:30:00",
                                       "INSUFFICIENT_PEERS", "QUOTA_TIE", "本部门", std::to_string(office->data.assignments),
                                       std::to_string(office->data.submitted_assignments), std::to_string(office->data.answers)})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
}

TEST_F(ReportWorkbook, HrCsvWithBomAndDefusedText) {
    TempDir dir;
    const auto file = dir.path() / "hr.csv";
    write_hr_csv(file, office->data, default_template());
    const std::string csv = testing::read_file(file);
    ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF" "person_id,name,department,position,loyalty,"));
    EXPECT_NE(csv.find("A10,\"'=SUM(1,2)\",行署办公室/综合科"), std::string::npos);
    const ResultsTable table = hr_import_table(office->input, office->results);
    CsvWriter expected(true);
    expected.header(table.columns);
    for (const auto& row : table.rows) expected.row(row);
    EXPECT_EQ(csv, expected.str());
    const double total = std::get<double>(table.rows[0][10]);
    EXPECT_NE(csv.find("," + shortest(total) + ","), std::string::npos);
}

class Cancel : public ProgressObserver {
public:
    bool progress(std::string_view, double done, double) override { return done < 3; }
};

TEST_F(ReportWorkbook, CancelLeavesNoFile) {
    TempDir dir;
    Cancel cancel;
    EXPECT_THROW(write_report(dir.path() / "r.xlsx", office->data, default_template(), &cancel), Cancelled);
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
    EXPECT_THROW(write_report_cards(dir.path() / "cards", office->data, office->comments, &cancel), Cancelled);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "cards")) {
        ++files;
        EXPECT_EQ(entry.path().extension(), ".xlsx");  // whole cards only, no temporary files
    }
    EXPECT_EQ(files, 3u);
}

TEST_F(ReportWorkbook, UnwritableFolderIsRefused) {
    EXPECT_THROW(write_report("/nonexistent-folder/r.xlsx", office->data, default_template()), Refused);
}

TEST_F(ReportWorkbook, TemplateRenamesPicksAndReorders) {
    TempDir dir;
    const auto template_file = dir.write("t.yaml",
                                         "template: short\n"
                                         "title: \"{cycle}测评结果（{unit}）\"\n"
                                         "summary:\n"
                                         "  - {column: name, header: 同志}\n"
                                         "  - total\n"
                                         "  - {column: integrity, header: 廉洁}\n"
                                         "  - {column: grade, header: 评定等次}\n"
                                         "hr_import:\n"
                                         "  - {column: person_id, header: EMPNO}\n"
                                         "  - {column: total, header: SCORE}\n"
                                         "  - {column: loyalty, header: LOYAL}\n"
                                         "  - dimensions\n");
    const ReportTemplateLoad load = load_report_template(template_file);
    ASSERT_TRUE(load.report_template) << load.diagnostics.front().to_string();
    write_report(dir.path() / "r.xlsx", office->data, *load.report_template);
    write_hr_csv(dir.path() / "hr.csv", office->data, *load.report_template);
    const WorkbookDump custom = dump(dir.path() / "r.xlsx");
    const ResultsTable table = hr_import_table(office->input, office->results);

    const SheetDump& summary = custom.sheet("汇总");
    EXPECT_EQ(summary.at(1, 1)->value, "2026年度测评结果（行署办公室）");
    const std::vector<std::string> headers{"同志", "总分", "廉洁", "评定等次"};
    for (std::size_t c = 0; c < headers.size(); ++c) EXPECT_EQ(summary.at(2, static_cast<int>(c) + 1)->value, headers[c]);
    EXPECT_EQ(summary.at(2, 5), nullptr);
    EXPECT_EQ(summary.filter, "A2:D" + std::to_string(table.rows.size() + 2));
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const int row = static_cast<int>(r) + 3;
        expect_cell_equals(summary.at(row, 1), table.rows[r][1], "name");
        expect_cell_equals(summary.at(row, 2), table.rows[r][10], "total");
        expect_cell_equals(summary.at(row, 3), table.rows[r][8], "integrity");
        expect_cell_equals(summary.at(row, 4), table.rows[r][13], "grade");
    }

    const SheetDump& hr = custom.sheet("HR导入");
    const std::vector<std::string> codes{"EMPNO", "SCORE", "LOYAL", "learning", "dedication", "responsibility", "integrity", "overall"};
    for (std::size_t c = 0; c < codes.size(); ++c) EXPECT_EQ(hr.at(1, static_cast<int>(c) + 1)->value, codes[c]);
    EXPECT_EQ(hr.at(1, static_cast<int>(codes.size()) + 1), nullptr);
    const std::vector<std::size_t> sources{0, 10, 4, 5, 6, 7, 8, 9};
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < sources.size(); ++c)
            expect_cell_equals(hr.at(static_cast<int>(r) + 2, static_cast<int>(c) + 1), table.rows[r][sources[c]], codes[c]);

    const std::string csv = testing::read_file(dir.path() / "hr.csv");
    EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF" "EMPNO,SCORE,LOYAL,learning,dedication,responsibility,integrity,overall\n"));
}

TEST_F(ReportWorkbook, TemplateNamingAnUnknownDimensionIsRefusedWhereItSays) {
    set_language(Language::english);  // the message below
    TempDir dir;
    const auto template_file = dir.write("t.yaml",
                                         "template: t\n"
                                         "title: 标题\n"
                                         "summary:\n"
                                         "  - name\n"
                                         "  - {column: totl, header: 总分}\n");
    const ReportTemplateLoad load = load_report_template(template_file);
    ASSERT_TRUE(load.report_template);
    try {
        write_report(dir.path() / "r.xlsx", office->data, *load.report_template);
        FAIL() << "not refused";
    } catch (const InputRefused& error) {
        ASSERT_EQ(error.diagnostics().size(), 1u);
        EXPECT_EQ(error.diagnostics()[0].to_string(),
                  template_file.string() +
                      ":5:14: unknown column 'totl': neither a column code nor a dimension of this cycle "
                      "(loyalty, learning, dedication, responsibility, integrity, overall)");
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "r.xlsx"));
}

// libxlsxwriter writes "%.16G"; the workbook must still hold the exact double,
// in sheets libxlsxwriter writes and in those whose cells Exemplar keeps.
TEST_F(ReportWorkbook, NumbersAreStoredExactly) {
    EXPECT_FALSE(xlsx::written_exactly(56.333333333333336));
    EXPECT_TRUE(xlsx::written_exactly(56.25));
    TempDir dir;
    const auto file = dir.path() / "n.xlsx";
    const std::vector<double> values{56.333333333333336, 0.1 + 0.2, 1.0 / 3, 1e-7 / 3, 92.30833333333335, 100, -0.0};
    {
        xlsx::Workbook workbook(file);
        for (const auto& [name, cells] : {std::pair{"数", xlsx::SheetCells::libxlsxwriter}, std::pair{"表", xlsx::SheetCells::table}}) {
            xlsx::Sheet sheet(workbook, name, cells);
            for (std::size_t i = 0; i < values.size(); ++i) sheet.number(static_cast<lxw_row_t>(i), 0, values[i], xlsx::Style::score);
            sheet.text(0, 1, "文字", xlsx::Style::text);
            sheet.number(0, 2, 1.0 / 7, xlsx::Style::plain_score);
            sheet.text(0, 2, "又是文字", xlsx::Style::text);  // a number overwritten: no longer patched
        }
        workbook.close();
    }
    const WorkbookDump dumped = dump(file);
    for (const char* name : {"数", "表"}) {
        const SheetDump& sheet = dumped.sheet(name);
        for (std::size_t i = 0; i < values.size(); ++i)
            EXPECT_EQ(sheet.at(static_cast<int>(i) + 1, 1)->number(), values[i]) << name << " " << i;
        EXPECT_EQ(sheet.at(1, 1)->value, "56.333333333333336") << name;  // as openpyxl reads it
        EXPECT_EQ(sheet.at(1, 2)->value, "文字") << name;
        EXPECT_EQ(sheet.at(1, 3)->value, "又是文字") << name;
    }
}

// The report's zip, written by Exemplar: every entry's CRC right for
// Python's zipfile, and every sheet read to its end by the project's reader.
TEST_F(ReportWorkbook, TheZipIsSound) {
    const auto zip = testing::run_process("/usr/bin/python3", {"-c",
                                                               "import sys, zipfile\n"
                                                               "z = zipfile.ZipFile(sys.argv[1])\n"
                                                               "print(z.testzip(), len(z.namelist()))\n",
                                                               report.string()});
    EXPECT_EQ(zip.exit_code, 0) << zip.err;
    EXPECT_TRUE(zip.out.starts_with("None ")) << zip.out;
    const XlsxWorkbook read = XlsxWorkbook::open(report);
    ASSERT_EQ(read.sheet_count(), book->order.size());
    for (std::size_t s = 0; s < read.sheet_count(); ++s) {
        auto sheet = read.sheet(s);
        std::vector<XlsxCell> cells;
        std::size_t count = 0;
        while (sheet.next_row(cells)) count += cells.size();
        std::size_t expected = 0;
        for (const auto& [key, cell] : book->sheet(read.sheet_name(s)).cells) expected += cell.type != "empty" ? 1 : 0;
        EXPECT_EQ(count, expected) << read.sheet_name(s);
    }
}

TEST_F(ReportWorkbook, TextIsCutToExcelsLimit) {
    EXPECT_EQ(xlsx::cell_text(std::string(40000, 'a')).size(), 32767u);
    std::string chinese;
    for (int i = 0; i < 40000; ++i) chinese += "测";
    EXPECT_EQ(xlsx::cell_text(chinese).size(), 32767u * 3);
    std::string astral;
    for (int i = 0; i < 20000; ++i) astral += "\xF0\x9F\x98\x80";  // two UTF-16 units each
    EXPECT_EQ(xlsx::cell_text(astral).size(), 16383u * 4);
    EXPECT_EQ(xlsx::sheet_name("a/b[c]:d*e?f\\g一二三四五六七八九十一二三四五六七八九十"), "a_b_c__d_e_f_g一二三四五六七八九十一二三四五六七");
}

TEST_F(ReportWorkbook, NobodyToReport) {
    TempDir dir;
    ScoringInput empty = office->input;
    empty.members.clear();
    empty.assignments.clear();
    const CycleResults results = compute_results(empty);
    ReportData data = office->data;
    data.input = &empty;
    data.results = &results;
    write_report(dir.path() / "r.xlsx", data, default_template());
    write_hr_csv(dir.path() / "hr.csv", data, default_template());
    EXPECT_EQ(write_report_cards(dir.path() / "cards", data, {}), 0u);
    const WorkbookDump dumped = dump(dir.path() / "r.xlsx");
    EXPECT_EQ(dumped.order.size(), 7u);
    EXPECT_EQ(dumped.sheet("HR导入").max_row(), 1);
    EXPECT_EQ(dumped.sheet("汇总").filter, "A2:S2");
    EXPECT_EQ(testing::read_file(dir.path() / "hr.csv").find('\n'), testing::read_file(dir.path() / "hr.csv").size() - 1);
}

TEST_F(ReportWorkbook, PlanWithoutSelfReviewOrBallot) {
    TempDir dir;
    const auto plan = dir.write("head-only.yaml",
                                "plan: head-only\n"
                                "forms: {head: five-exemplars}\n"
                                "relation_weights: {head: 1}\n"
                                "dimension_weights: {loyalty: 1, learning: 1}\n"
                                "grades:\n"
                                "  - {name: 好, min: 60}\n"
                                "  - {name: 差, min: 0}\n"
                                "top_grade_quota: 0.5\n");
    Database db = Database::in_memory();
    migrate(db);
    auto table = csv_table("roster.csv", roster);
    import_roster(db, *table);
    create_cycle(db, "2026年度", plan);
    const Cycle cycle = load_cycle(db, "2026年度");
    const AssignmentSet assignments = load_assignments(db, cycle);
    const ScoringInput input = scoring_input(cycle, assignments);
    const CycleResults results = compute_results(input);
    ReportData data;
    data.cycle = &cycle;
    data.input = &input;
    data.results = &results;
    write_report(dir.path() / "r.xlsx", data, default_template());
    EXPECT_EQ(write_report_cards(dir.path() / "cards", data, {}), cycle.members.size());
    const WorkbookDump dumped = dump(dir.path() / "r.xlsx");
    EXPECT_NE(dumped.sheet("民主测评").all_text().find("本考核方案没有民主测评"), std::string::npos);
    EXPECT_NE(dumped.sheet("自评差异").all_text().find("无法比较自评与他评"), std::string::npos);
    const SheetDump& hr = dumped.sheet("HR导入");
    for (int r = 2; r <= hr.max_row(); ++r) EXPECT_EQ(hr.at(r, 12), nullptr);  // nobody has a total: no rank
}

class Steps : public ProgressObserver {
public:
    bool progress(std::string_view, double done, double total) override {
        EXPECT_LE(done, total);
        EXPECT_GE(done, last);
        last = done;
        ++calls;
        return true;
    }
    double last = 0;
    int calls = 0;
};

TEST_F(ReportWorkbook, ReportsProgress) {
    TempDir dir;
    Steps steps;
    write_report(dir.path() / "r.xlsx", office->data, default_template(), &steps);
    EXPECT_GE(steps.calls, 8);
    Steps card_steps;
    write_report_cards(dir.path() / "cards", office->data, office->comments, &card_steps);
    EXPECT_EQ(card_steps.calls, static_cast<int>(office->cycle.members.size()) + 1);
}

// ---- report cards -------------------------------------------------------------

TEST(ReportCards, FileNamesAreSafe) {
    EXPECT_EQ(report_card_file_name("A01", "王主任"), "A01-王主任.xlsx");
    EXPECT_EQ(report_card_file_name("A:1", "a/b\\c*d?e\"f<g>h|i\x01j"), "A_1-a_b_c_d_e_f_g_h_i_j.xlsx");
    EXPECT_EQ(report_card_file_name(".A", "x."), "_A-x_.xlsx");
    std::string long_name;
    for (int i = 0; i < 200; ++i) long_name += "测";
    const std::string file = report_card_file_name("A01", long_name);
    EXPECT_LE(file.size(), 200u);
    EXPECT_TRUE(file.ends_with("测.xlsx"));
}

TEST_F(ReportWorkbook, OneCardPerPersonWithTheirOwnResultsOnly) {
    TempDir dir;
    const std::size_t written = write_report_cards(dir.path() / "cards", office->data, office->comments);
    EXPECT_EQ(written, office->cycle.members.size());
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "cards")) files.insert(entry.path().filename().string());
    std::set<std::string> expected;
    for (const CycleMember& m : office->cycle.members) expected.insert(m.code + "-" + m.name + ".xlsx");
    EXPECT_EQ(files, expected);

    for (const char* code : {"A03", "A09"}) {
        const CycleMember& member = office->cycle.members[*office->cycle.member_by_code(code)];
        const WorkbookDump card = dump(dir.path() / "cards" / (member.code + "-" + member.name + ".xlsx"));
        ASSERT_EQ(card.order.size(), 1u);
        const SheetDump& sheet = card.sheet(card.order[0]);
        const std::string text = sheet.all_text();
        for (const CycleMember& other : office->cycle.members)
            if (other.code != member.code) {
                EXPECT_EQ(text.find(other.code), std::string::npos) << code << " card names " << other.code;
                EXPECT_EQ(text.find(other.name), std::string::npos) << code << " card names " << other.name;
            }
        EXPECT_EQ(sheet.charts, std::vector<std::string>{"RadarChart"});
        EXPECT_EQ(sheet.page[0], "portrait");
        EXPECT_EQ(sheet.page[1], "9");
        const PersonResult& p = office->person(code);
        // Total, and every P, somewhere as a 0.00 number cell.
        std::vector<double> expected_numbers{*p.total};
        for (const auto& s : p.scores)
            if (s) expected_numbers.push_back(*s);
        for (const double v : expected_numbers) {
            bool found = false;
            for (const auto& [key, cell] : sheet.cells)
                if (cell.type == "n" && cell.number() == v && cell.format == "0.00") found = true;
            EXPECT_TRUE(found) << code << " lacks " << v;
        }
        EXPECT_NE(text.find(*p.grade), std::string::npos);
    }
    const WorkbookDump a03 = dump(dir.path() / "cards" / "A03-张一.xlsx");
    const std::string text = a03.sheet(a03.order[0]).all_text();
    EXPECT_NE(text.find("主要差距：学习不够系统, 调研不够深入"), std::string::npos);
    EXPECT_NE(text.find("=1+1 加强学习\n第二行"), std::string::npos);
    EXPECT_NE(text.find("优秀（票）"), std::string::npos);       // tallies: 秘书科's peer group is defined
    EXPECT_NE(text.find("绝对忠诚自评明显高于他评"), std::string::npos);  // gaps
    EXPECT_NE(text.find("自评偏高"), std::string::npos);
    const WorkbookDump a09 = dump(dir.path() / "cards" / "A09-孙七.xlsx");
    EXPECT_EQ(a09.sheet(a09.order[0]).all_text().find("优秀（票）"), std::string::npos);  // no peer group: no tallies
}

// ---- English --------------------------------------------------------------------

bool has_chinese(std::string_view text) {
    // U+3000–U+9FFF and the full-width forms U+FF00–U+FFEF: 3-byte UTF-8 sequences led by E3–E9 or EF BC–EF BF.
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if ((c >= 0xE3 && c <= 0xE9) || (c == 0xEF && next >= 0xBC && next <= 0xBF)) return true;
    }
    return false;
}

// Under an English locale the report and the cards are English, but for the
// data (names, departments, the unit and cycle, forms, dimensions, grades,
// answers) and what the contract fixes: the sheet names and the HR导入 codes.
TEST_F(ReportWorkbook, EnglishReportAndCard) {
    set_language(Language::english);
    TempDir dir;
    const auto file = dir.path() / "report.xlsx";
    write_report(file, office->data, default_template());
    write_report_cards(dir.path() / "cards", office->data, office->comments);
    const WorkbookDump english = dump(file);

    EXPECT_EQ(english.order, (std::vector<std::string>{"说明", "汇总", "部门汇总", "民主测评", "自评差异", "信度分析", "HR导入"}));
    const SheetDump& summary = english.sheet("汇总");
    EXPECT_EQ(summary.at(1, 1)->value, "行署办公室 2026年度: summary of the five-exemplars evaluation");
    EXPECT_EQ(summary.at(1, 1)->font, "黑体");
    EXPECT_EQ(summary.at(2, 1)->value, "Staff ID");
    EXPECT_EQ(summary.at(2, 5)->value, "绝对忠诚");  // a dimension's name, from its form
    EXPECT_EQ(summary.at(2, 11)->value, "Total");
    EXPECT_EQ(summary.at(2, 19)->value, "Flags");
    ASSERT_EQ(summary.page.size(), 7u);
    EXPECT_EQ(summary.page[6], "Page &P of &N");
    const std::string notes = english.sheet("说明").all_text();
    for (const char* expected : {"1. Overview", "7. Flags", "INSUFFICIENT_PEERS", "BLIND_SPOT:<dimension>", "Own department"})
        EXPECT_NE(notes.find(expected), std::string::npos) << expected;
    const SheetDump& hr = english.sheet("HR导入");
    const ResultsTable table = hr_import_table(office->input, office->results);
    for (std::size_t c = 0; c < table.columns.size(); ++c) EXPECT_EQ(hr.at(1, static_cast<int>(c) + 1)->value, table.columns[c]);
    EXPECT_NE((part(file, "xl/charts/chart1.xml") + part(file, "xl/charts/chart2.xml")).find("Mean total by department"),
              std::string::npos);

    const auto card_file = dir.path() / "cards" / "A03-张一.xlsx";  // the file name stays 工号-姓名
    ASSERT_TRUE(std::filesystem::exists(card_file));
    const WorkbookDump card = dump(card_file);
    ASSERT_EQ(card.order, std::vector<std::string>{"Results"});
    const SheetDump& card_sheet = card.sheet("Results");
    EXPECT_EQ(card_sheet.at(1, 1)->value, "行署办公室 2026年度: personal report of the five-exemplars evaluation");
    const std::string card_text = card_sheet.all_text();
    for (const char* expected : {"1. Personal details", "Staff ID", "Grade", "绝对忠诚: self-review well above others' ratings",
                                 "Self high", "优秀 (votes)", "Favorable rate"})
        EXPECT_NE(card_text.find(expected), std::string::npos) << expected;

    // No Chinese text but the data's and the sheet names.
    std::vector<std::string> data{office->cycle.unit_name, office->cycle.name, "汇总"};
    for (const CycleMember& m : office->cycle.members) data.insert(data.end(), {m.name, m.department, m.position});
    for (const DimensionColumn& d : office->results.dimensions) data.push_back(d.name);
    for (const Grade& g : office->cycle.plan.grades) data.push_back(g.name);
    for (const Relation relation : all_relations)
        if (const Form* form = office->cycle.form_for(relation)) {
            data.push_back(form->title);
            for (const Dimension& d : form->dimensions) data.push_back(d.name);
            for (const Scale& scale : form->scales)
                for (const ScaleOption& option : scale.options) data.push_back(option.label);
            for (const Comment& comment : form->comments) data.push_back(comment.self_wording);
        }
    for (const auto& [id, answer] : office->comments[*office->cycle.member_by_code("A03")]) data.push_back(answer);
    std::sort(data.begin(), data.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::vector<std::pair<std::string, const SheetDump*>> sheets;
    for (const auto& [name, sheet] : english.sheets) sheets.emplace_back(name, &sheet);
    sheets.emplace_back("card", &card_sheet);
    for (const auto& [name, sheet] : sheets)
        for (const auto& [key, cell] : sheet->cells) {
            std::string rest = cell.value;
            for (const std::string& text : data)
                if (!text.empty())
                    for (std::size_t at = rest.find(text); at != std::string::npos; at = rest.find(text, at)) rest.erase(at, text.size());
            EXPECT_FALSE(has_chinese(rest)) << name << " row " << key.first << " column " << key.second << ": " << cell.value;
        }
}

// ---- golden files -----------------------------------------------------------

// The stable XML parts of a small report: HR导入 and the shared strings.
// EXEMPLAR_UPDATE_GOLDEN=1 rewrites the files.
TEST_F(ReportWorkbook, GoldenParts) {
    const bool update = std::getenv("EXEMPLAR_UPDATE_GOLDEN") != nullptr;
    for (const auto& [part_name, golden] : {std::pair<std::string, std::string>{"xl/worksheets/sheet7.xml", "report_hr_import_sheet.xml"},
                                            {"xl/sharedStrings.xml", "report_shared_strings.xml"}}) {
        const std::string actual = part(report, part_name);
        const std::filesystem::path file = std::filesystem::path(golden_dir) / golden;
        if (update) {
            std::filesystem::create_directories(golden_dir);
            std::ofstream(file, std::ios::binary) << actual;
            continue;
        }
        ASSERT_TRUE(std::filesystem::exists(file)) << file << ": run with EXEMPLAR_UPDATE_GOLDEN=1 to create it";
        const std::string expected = testing::read_file(file);
        std::size_t at = 0;
        while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
        const std::size_t from = at > 80 ? at - 80 : 0;
        EXPECT_TRUE(actual == expected) << part_name << " differs from " << file << " at byte " << at << ":\n  actual:   …"
                                        << actual.substr(from, 240) << "\n  expected: …" << expected.substr(from, 240)
                                        << "\n(EXEMPLAR_UPDATE_GOLDEN=1 rewrites the golden files)";
    }
}

// ---- printing -------------------------------------------------------------------

TEST_F(ReportWorkbook, LibreOfficePrintsTheReportAndACard) {
    if (!std::filesystem::exists("/usr/bin/libreoffice")) GTEST_SKIP() << "libreoffice is not installed";
    TempDir dir;
    write_report_cards(dir.path() / "cards", office->data, office->comments);
    const auto card = dir.path() / "cards" / "A03-张一.xlsx";
    const auto out = dir.path() / "pdf";
    const auto result = testing::run_process(
        "/usr/bin/libreoffice", {"--headless", "-env:UserInstallation=file://" + (dir.path() / "lo").string(), "--convert-to", "pdf",
                                 "--outdir", out.string(), report.string(), card.string()},
        {{"HOME", dir.path().string()}});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* pdf : {"report.pdf", "A03-张一.pdf"}) {
        ASSERT_TRUE(std::filesystem::exists(out / pdf)) << pdf << "\n" << result.out << result.err;
        EXPECT_GT(std::filesystem::file_size(out / pdf), 10000u) << pdf;
        EXPECT_TRUE(testing::read_file(out / pdf).starts_with("%PDF"));
    }
    if (const char* keep = std::getenv("EXEMPLAR_KEEP_PDF")) {
        std::filesystem::copy(out, keep, std::filesystem::copy_options::overwrite_existing | std::filesystem::copy_options::recursive);
        std::filesystem::copy_file(report, std::filesystem::path(keep) / "report.xlsx", std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(card, std::filesystem::path(keep) / "A03-张一.xlsx", std::filesystem::copy_options::overwrite_existing);
    }
}

}  // namespace
}  // namespace exemplar
