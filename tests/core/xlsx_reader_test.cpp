// The xlsx reader: workbooks written by libxlsxwriter, openpyxl and
// LibreOffice; hand-made parts for what other writers do (missing r
// attributes, namespace prefixes, unordered cells, escapes, phonetic runs,
// date styles, cached formula values); every kind of hostile file refused
// with a located message; and random damage that never crashes.
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/database.h"
#include "core/error.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/table_reader.h"
#include "core/translate.h"
#include "core/xlsx_reader.h"
#include "core/xlsx_styles.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- writing zips

struct Entry {
    std::string name;
    std::string data;
    bool store = false;       // no compression (so damage reaches the XML)
    bool encrypt = false;     // traditional PKWARE encryption
};

// A zip archive written in memory by libzip.
std::string make_zip(const std::vector<Entry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (memory == nullptr) throw std::runtime_error("zip_source_buffer_create");
    zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
    if (archive == nullptr) throw std::runtime_error("zip_open_from_source");
    zip_source_keep(memory);
    for (const Entry& entry : entries) {
        zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) throw std::runtime_error("zip_file_add " + entry.name);
        const auto i = static_cast<zip_uint64_t>(index);
        if (entry.store) zip_set_file_compression(archive, i, ZIP_CM_STORE, 0);
        if (entry.encrypt && zip_file_set_encryption(archive, i, ZIP_EM_TRAD_PKWARE, "secret") != 0)
            throw std::runtime_error("zip_file_set_encryption");
    }
    if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
    zip_stat_t stat;
    zip_source_open(memory);
    zip_source_stat(memory, &stat);
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t read = zip_source_read(memory, bytes.data(), stat.size);
    zip_source_close(memory);
    zip_source_free(memory);
    if (read != static_cast<zip_int64_t>(bytes.size())) throw std::runtime_error("zip_source_read");
    return bytes;
}

const char* const main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* const rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
const std::string type_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string relationships(const std::vector<std::pair<std::string, std::string>>& type_and_target) {
    std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"") + rels_ns + "\">";
    int id = 1;
    for (const auto& [type, target] : type_and_target)
        xml += "<Relationship Id=\"rId" + std::to_string(id++) + "\" Type=\"" + type_base + type + "\" Target=\"" + target + "\"/>";
    return xml + "</Relationships>";
}

std::string sheet_xml(const std::string& rows) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"") + main_ns +
           "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

std::string shared_strings_xml(const std::string& items) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"") + main_ns + "\">" + items + "</sst>";
}

std::string workbook_xml(const std::string& sheets) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"") + main_ns +
           "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheets +
           "</sheets></workbook>";
}

// The parts of a one-sheet workbook named "Sheet1", as Excel lays them out.
std::vector<Entry> xlsx_parts(const std::string& sheet, const std::string& shared_strings = "", const std::string& styles = "") {
    std::vector<Entry> parts;
    parts.push_back({"[Content_Types].xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                     "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                     "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                     "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                     "</Types>"});
    parts.push_back({"_rels/.rels", relationships({{"officeDocument", "xl/workbook.xml"}})});
    parts.push_back({"xl/workbook.xml", workbook_xml("<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>")});
    std::vector<std::pair<std::string, std::string>> targets = {{"worksheet", "worksheets/sheet1.xml"}};
    if (!shared_strings.empty()) targets.emplace_back("sharedStrings", "sharedStrings.xml");
    if (!styles.empty()) targets.emplace_back("styles", "styles.xml");
    parts.push_back({"xl/_rels/workbook.xml.rels", relationships(targets)});
    parts.push_back({"xl/worksheets/sheet1.xml", sheet});
    if (!shared_strings.empty()) parts.push_back({"xl/sharedStrings.xml", shared_strings});
    if (!styles.empty()) parts.push_back({"xl/styles.xml", styles});
    return parts;
}

void replace_part(std::vector<Entry>& parts, const std::string& name, std::string data) {
    for (Entry& entry : parts)
        if (entry.name == name) {
            entry.data = std::move(data);
            return;
        }
    parts.push_back({name, std::move(data)});
}

void remove_part(std::vector<Entry>& parts, const std::string& name) {
    std::erase_if(parts, [&](const Entry& entry) { return entry.name == name; });
}

// ---------------------------------------------------------------- reading

std::string row_text(const std::vector<XlsxCell>& cells) {
    std::string text;
    for (const XlsxCell& cell : cells) text += (text.empty() ? "" : " ") + cell_reference(cell.row, cell.column) + "=" + cell.text;
    return text;
}

// Every row of a sheet, "A1=x B1=y" a line.
std::string dump(const XlsxWorkbook& book, std::size_t sheet = 0) {
    auto reader = book.sheet(sheet);
    std::vector<XlsxCell> cells;
    std::string text;
    while (reader.next_row(cells)) text += row_text(cells) + "\n";
    return text;
}

std::vector<XlsxCell> all_cells(const XlsxWorkbook& book, std::size_t sheet = 0) {
    auto reader = book.sheet(sheet);
    std::vector<XlsxCell> cells, all;
    while (reader.next_row(cells)) all.insert(all.end(), cells.begin(), cells.end());
    return all;
}

const XlsxCell& cell_at(const std::vector<XlsxCell>& cells, const std::string& reference) {
    for (const XlsxCell& cell : cells)
        if (cell_reference(cell.row, cell.column) == reference) return cell;
    throw std::runtime_error("no cell " + reference);
}

// Opens and reads every sheet; "" when that works, else the first refusal as
// the user sees it. Any other exception fails the test.
std::string refusal(const fs::path& path, const XlsxLimits& limits = {}) {
    try {
        XlsxWorkbook book = XlsxWorkbook::open(path, limits);
        for (std::size_t s = 0; s < book.sheet_count(); ++s) all_cells(book, s);
        return "";
    } catch (const InputRefused& refused) {
        EXPECT_FALSE(refused.diagnostics().empty());
        return refused.diagnostics().empty() ? "?" : refused.diagnostics().front().to_string();
    }
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class XlsxFixture : public ::testing::Test {
protected:
    void SetUp() override { set_language(Language::english); }
    void TearDown() override { set_language(Language::english); }
    fs::path write(const std::string& name, const std::string& bytes) const { return dir.write(name, bytes); }
    fs::path write_xlsx(const std::string& name, const std::vector<Entry>& parts) const { return write(name, make_zip(parts)); }
    XlsxWorkbook open(const std::vector<Entry>& parts, const std::string& name = "t.xlsx") const {
        return XlsxWorkbook::open(write_xlsx(name, parts));
    }
    testing::TempDir dir;
};

class XlsxReader : public XlsxFixture {};
class XlsxRefusal : public XlsxFixture {};
class XlsxTable : public XlsxFixture {};
class XlsxWriters : public XlsxFixture {};
class XlsxFuzz : public XlsxFixture {};

// A workbook written by libxlsxwriter: shared strings, numbers, a date, a
// boolean, formulas with cached values, an empty styled cell, a chart sheet
// between two worksheets, the second one hidden.
fs::path write_with_libxlsxwriter(const fs::path& path) {
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "花名册");
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    worksheet_write_string(sheet, 0, 0, "工号", bold);
    worksheet_write_string(sheet, 0, 1, "姓名", bold);
    worksheet_write_string(sheet, 0, 2, "部门", bold);
    worksheet_write_string(sheet, 0, 3, "日期", bold);
    worksheet_write_string(sheet, 0, 4, "在职", bold);
    worksheet_write_number(sheet, 1, 0, 1001, nullptr);
    worksheet_write_string(sheet, 1, 1, "张三", nullptr);
    worksheet_write_string(sheet, 1, 2, "行署办公室/秘书科", nullptr);
    lxw_datetime day = {2024, 1, 5, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 3, &day, date);
    worksheet_write_boolean(sheet, 1, 4, 1, nullptr);
    worksheet_write_number(sheet, 2, 0, 86.91200000000001, nullptr);
    worksheet_write_formula_num(sheet, 2, 1, "=1+2", nullptr, 3);
    worksheet_write_formula_str(sheet, 2, 2, "=\"a\"&\"b\"", nullptr, "ab");
    worksheet_write_blank(sheet, 2, 3, bold);
    worksheet_write_string(sheet, 2, 4, "  spaced  ", nullptr);
    lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_BAR);
    chart_add_series(chart, nullptr, "=花名册!$A$2:$A$3");
    lxw_chartsheet* chartsheet = workbook_add_chartsheet(workbook, "图表");
    chartsheet_set_chart(chartsheet, chart);
    lxw_worksheet* hidden = workbook_add_worksheet(workbook, "Hidden Sheet");
    worksheet_write_string(hidden, 0, 0, "secret", nullptr);
    worksheet_hide(hidden);
    if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
    return path;
}

// ================================================================ libxlsxwriter, openpyxl, LibreOffice

TEST_F(XlsxWriters, Libxlsxwriter) {
    const XlsxWorkbook book = XlsxWorkbook::open(write_with_libxlsxwriter(dir.path() / "lxw.xlsx"));
    ASSERT_EQ(book.sheet_count(), 2u);  // the chart sheet is left out
    EXPECT_EQ(book.sheet_name(0), "花名册");
    EXPECT_FALSE(book.sheet_hidden(0));
    EXPECT_EQ(book.sheet_name(1), "Hidden Sheet");
    EXPECT_TRUE(book.sheet_hidden(1));
    EXPECT_EQ(book.sheet_index("hidden sheet"), 1u);
    EXPECT_EQ(book.sheet_index("图表"), std::nullopt);
    EXPECT_EQ(dump(book),
              "A1=工号 B1=姓名 C1=部门 D1=日期 E1=在职\n"
              "A2=1001 B2=张三 C2=行署办公室/秘书科 D2=45296 E2=TRUE\n"
              "A3=86.912 B3=3 C3=ab E3=  spaced  \n");  // 86.91200000000001 is the same double as 86.912
    const auto cells = all_cells(book);
    EXPECT_EQ(cell_at(cells, "A2").type, XlsxCellType::number);
    EXPECT_FALSE(cell_at(cells, "A2").date);
    EXPECT_TRUE(cell_at(cells, "D2").date);
    EXPECT_EQ(cell_at(cells, "D2").number, 45296);
    EXPECT_EQ(cell_at(cells, "E2").type, XlsxCellType::boolean);
    EXPECT_TRUE(cell_at(cells, "B3").formula);
    EXPECT_EQ(cell_at(cells, "B3").number, 3);
    EXPECT_TRUE(cell_at(cells, "C3").formula);
    EXPECT_EQ(cell_at(cells, "C3").type, XlsxCellType::text);
    EXPECT_FALSE(cell_at(cells, "A1").formula);
    EXPECT_EQ(dump(book, 1), "A1=secret\n");
}

// openpyxl's workbook, made now when openpyxl is installed, else the committed one.
fs::path openpyxl_workbook(const fs::path& folder) {
    const fs::path script = fs::path(EXEMPLAR_SOURCE_DIR) / "tests/data/xlsx/make_openpyxl.py";
    const fs::path made = folder / "openpyxl.xlsx";
    if (fs::exists("/usr/bin/python3")) {
        const auto result = testing::run_process("/usr/bin/python3", {script.string(), made.string()});
        if (result.exit_code == 0 && fs::exists(made)) return made;
    }
    return fs::path(EXEMPLAR_SOURCE_DIR) / "tests/data/xlsx/openpyxl.xlsx";
}

void expect_openpyxl_contents(const XlsxWorkbook& book, bool recalculated) {
    ASSERT_EQ(book.sheet_count(), 2u);
    EXPECT_EQ(book.sheet_name(0), "花名册");
    EXPECT_EQ(book.sheet_name(1), "第二页");
    const auto cells = all_cells(book);
    EXPECT_EQ(cell_at(cells, "A1").text, "工号");
    EXPECT_EQ(cell_at(cells, "A2").text, "1001");
    EXPECT_EQ(cell_at(cells, "B2").text, "张三");
    EXPECT_EQ(cell_at(cells, "B3").text, " 李 四 ");
    EXPECT_EQ(cell_at(cells, "C3").text, "12345");
    EXPECT_TRUE(cell_at(cells, "D2").date);
    EXPECT_EQ(cell_at(cells, "D2").text, "45296");
    EXPECT_TRUE(cell_at(cells, "D3").date);
    EXPECT_NEAR(cell_at(cells, "D3").number, 45296.520833, 1e-6);
    EXPECT_EQ(cell_at(cells, "E2").text, "TRUE");
    EXPECT_EQ(cell_at(cells, "E3").text, "FALSE");
    EXPECT_EQ(cell_at(cells, "D5").text, "王 Wang 五");
    if (!recalculated) {
        // openpyxl writes 86.91200000000001, the same double as 86.912: read as Excel shows it.
        EXPECT_EQ(cell_at(cells, "C2").text, "86.912");
        // Formulas without cached values are empty cells.
        EXPECT_THROW(cell_at(cells, "A5"), std::runtime_error);
        EXPECT_THROW(cell_at(cells, "B5"), std::runtime_error);
    } else {
        EXPECT_EQ(cell_at(cells, "A5").type, XlsxCellType::error);
        EXPECT_EQ(cell_at(cells, "A5").text, "#DIV/0!");
        EXPECT_TRUE(cell_at(cells, "A5").formula);
        EXPECT_EQ(cell_at(cells, "B5").text, "ab");
        EXPECT_EQ(cell_at(cells, "B5").type, XlsxCellType::text);
        EXPECT_EQ(cell_at(cells, "C5").text, "3");
        EXPECT_TRUE(cell_at(cells, "C5").formula);
    }
    EXPECT_EQ(dump(book, 1), "B2=second\n");
}

TEST_F(XlsxWriters, Openpyxl) {
    const fs::path path = openpyxl_workbook(dir.path());
    expect_openpyxl_contents(XlsxWorkbook::open(path), false);
}

TEST_F(XlsxWriters, LibreOfficeResave) {
    fs::path resaved = fs::path(EXEMPLAR_SOURCE_DIR) / "tests/data/xlsx/libreoffice.xlsx";
    if (fs::exists("/usr/bin/libreoffice") && fs::exists("/usr/bin/timeout")) {
        const fs::path source = openpyxl_workbook(dir.path());
        const fs::path out = dir.path() / "lo";
        // Under `timeout`, so a stuck office suite fails this test instead of hanging the suite.
        const auto result = testing::run_process(
            "/usr/bin/timeout", {"60", "/usr/bin/libreoffice", "--headless",
                                 "-env:UserInstallation=file://" + (dir.path() / "lo-profile").string(), "--convert-to", "xlsx",
                                 "--outdir", out.string(), source.string()});
        if (result.exit_code == 0 && fs::exists(out / source.filename())) resaved = out / source.filename();
    }
    expect_openpyxl_contents(XlsxWorkbook::open(resaved), true);
}

TEST_F(XlsxWriters, LargeSheetIsStreamed) {
    const fs::path path = dir.path() / "large.xlsx";
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    constexpr int rows = 30000;
    for (int r = 0; r < rows; ++r) {
        worksheet_write_number(sheet, static_cast<lxw_row_t>(r), 0, r + 1, nullptr);
        worksheet_write_string(sheet, static_cast<lxw_row_t>(r), 2, r % 2 == 0 ? "偶数" : "odd", nullptr);
    }
    ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    const XlsxWorkbook book = XlsxWorkbook::open(path);
    auto reader = book.sheet(0);
    std::vector<XlsxCell> cells;
    ASSERT_TRUE(reader.next_row(cells));
    EXPECT_LT(reader.progress(), 0.2);  // one row handed out, most of the sheet still unread
    int count = 1;
    double progress = reader.progress();
    std::uint32_t last = cells.front().row;
    while (reader.next_row(cells)) {
        ++count;
        ASSERT_EQ(cells.size(), 2u);
        ASSERT_EQ(cells[0].row, last + 1);
        ASSERT_EQ(cells[0].text, std::to_string(cells[0].row));
        ASSERT_EQ(cells[1].column, 3u);
        ASSERT_GE(reader.progress(), progress);
        progress = reader.progress();
        last = cells[0].row;
    }
    EXPECT_EQ(count, rows);
    EXPECT_EQ(reader.progress(), 1.0);
    EXPECT_FALSE(reader.next_row(cells));
}

// ================================================================ hand-made parts

TEST_F(XlsxReader, MissingReferencesUsePosition) {
    const auto book = open(xlsx_parts(sheet_xml(
        "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>2</v></c></row>"
        "<row r=\"4\"><c r=\"C4\"><v>3</v></c><c><v>4</v></c></row>"
        "<row><c r=\"B6\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        "<row><c/><c><v>7</v></c></row>"
        "<row spans=\"1:2\"/>"
        "<row><c r=\"A9\"><v>9</v></c></row>")));
    EXPECT_EQ(dump(book), "A1=a B1=2\nC4=3 D4=4\nB6=x\nB7=7\nA9=9\n");
}

TEST_F(XlsxReader, NamespacePrefixes) {
    const std::string x = std::string(" xmlns:x=\"") + main_ns + "\"";
    auto parts = xlsx_parts(
        "<?xml version=\"1.0\"?><x:worksheet" + x + "><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
        "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>inline</x:t></x:is></x:c><x:c r=\"C1\"><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>",
        "<x:sst" + x + "><x:si><x:r><x:t>pre</x:t></x:r><x:r><x:t>fixed</x:t></x:r></x:si></x:sst>");
    replace_part(parts, "xl/workbook.xml",
                 "<x:workbook" + x + " xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                 "<x:sheets><x:sheet name=\"前缀\" sheetId=\"1\" rel:id=\"rId1\"/></x:sheets></x:workbook>");
    const auto book = open(parts);
    EXPECT_EQ(book.sheet_name(0), "前缀");
    EXPECT_EQ(dump(book), "A1=prefixed B1=inline C1=1.5\n");
}

TEST_F(XlsxReader, UnorderedAndSparseCells) {
    const auto book = open(xlsx_parts(sheet_xml(
        "<row r=\"2\"><c r=\"E2\"><v>5</v></c><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>3</v></c></row>"
        "<row r=\"1000\"><c r=\"XFD1000\"><v>16384</v></c></row>")));
    EXPECT_EQ(dump(book), "A2=1 C2=3 E2=5\nXFD1000=16384\n");
}

TEST_F(XlsxReader, EscapesPhoneticRunsAndSpaces) {
    const auto book = open(xlsx_parts(
        sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                  "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c>"
                  "<c r=\"G1\" t=\"s\"><v>6</v></c><c r=\"H1\" t=\"s\"><v> 7 </v></c></row>"
                  "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x_x0009_y</t></is></c>"
                  "<c r=\"B2\" t=\"inlineStr\"><is><r><t>東</t></r><r><t>京</t></r><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></is></c>"
                  "<c r=\"C2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> a  b </t></is></c>"
                  "<c r=\"D2\" t=\"str\"><f>A1</f><v>line_x000A_break</v></c></row>"),
        shared_strings_xml("<si><t>a_x000D_b</t></si>"
                           "<si><t>_x005F_x0041_</t></si>"
                           "<si><t>_xD83D__xDE00_ smile</t></si>"
                           "<si><t>_xD800_ lone</t></si>"
                           "<si><r><rPr><b/></rPr><t>東</t></r><r><t>京</t></r><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                           "<si><t xml:space=\"preserve\">  two  spaces </t></si>"
                           "<si><t xml:space=\"preserve\"> </t></si>"
                           "<si><t>_x004a_ _x12_ _xZZZZ_</t></si>")));
    const auto cells = all_cells(book);
    EXPECT_EQ(cell_at(cells, "A1").text, "a\rb");
    EXPECT_EQ(cell_at(cells, "B1").text, "_x0041_");
    EXPECT_EQ(cell_at(cells, "C1").text, "\xF0\x9F\x98\x80 smile");
    EXPECT_EQ(cell_at(cells, "D1").text, "_xD800_ lone");
    EXPECT_EQ(cell_at(cells, "E1").text, "東京");
    EXPECT_EQ(cell_at(cells, "F1").text, "  two  spaces ");
    EXPECT_EQ(cell_at(cells, "G1").text, " ");
    EXPECT_EQ(cell_at(cells, "H1").text, "J _x12_ _xZZZZ_");
    EXPECT_EQ(cell_at(cells, "A2").text, "x\ty");
    EXPECT_EQ(cell_at(cells, "B2").text, "東京");
    EXPECT_EQ(cell_at(cells, "C2").text, " a  b ");
    EXPECT_EQ(cell_at(cells, "D2").text, "line\nbreak");
    EXPECT_TRUE(cell_at(cells, "D2").formula);
}

TEST_F(XlsxReader, DateStyles) {
    const std::string styles =
        std::string("<styleSheet xmlns=\"") + main_ns + "\"><numFmts count=\"5\">"
        "<numFmt numFmtId=\"164\" formatCode=\"yyyy/mm/dd\"/>"
        "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;d&quot;\"/>"
        "<numFmt numFmtId=\"166\" formatCode=\"[Red]0.00;[Blue]\\-0.00\"/>"
        "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm\"/>"
        "<numFmt numFmtId=\"168\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
        "</numFmts>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
        "<cellXfs count=\"10\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
        "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"22\"/><xf numFmtId=\"31\"/><xf numFmtId=\"49\"/>"
        "<xf numFmtId=\"168\"/></cellXfs></styleSheet>";
    std::string row = "<row r=\"1\">";
    for (int s = 0; s <= 10; ++s) row += "<c s=\"" + std::to_string(s) + "\"><v>45296.5</v></c>";
    row += "<c t=\"d\"><v>2024-01-05T12:00:00</v></c><c t=\"d\"><v>1900-01-01</v></c><c t=\"d\"><v>1900-03-01</v></c></row>";
    const auto cells = all_cells(open(xlsx_parts(sheet_xml(row), "", styles)));
    ASSERT_EQ(cells.size(), 14u);
    const std::vector<bool> expected = {false, true, true, false, false, true, true, true, false, true, false};
    for (std::size_t s = 0; s < expected.size(); ++s) {
        EXPECT_EQ(cells[s].date, expected[s]) << "style " << s;
        EXPECT_EQ(cells[s].text, "45296.5");
    }
    EXPECT_TRUE(cells[11].date);
    EXPECT_EQ(cells[11].type, XlsxCellType::number);
    EXPECT_EQ(cells[11].text, "45296.5");
    EXPECT_EQ(cells[12].text, "1");
    EXPECT_EQ(cells[13].text, "61");

    EXPECT_TRUE(is_date_format(14, ""));
    EXPECT_TRUE(is_date_format(57, ""));
    EXPECT_FALSE(is_date_format(2, ""));
    EXPECT_FALSE(is_date_format(164, "General"));
    EXPECT_FALSE(is_date_format(164, "#,##0.00_);[Red](#,##0.00)"));
    EXPECT_FALSE(is_date_format(164, "\\d0"));
    EXPECT_TRUE(is_date_format(164, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"));
    EXPECT_TRUE(is_date_format(164, "h:mm AM/PM"));
}

TEST_F(XlsxReader, FormulasBooleansErrorsAndNumbers) {
    const auto book = open(xlsx_parts(sheet_xml(
        "<row r=\"1\"><c r=\"A1\"><f>1+2</f><v>3</v></c><c r=\"B1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
        "<c r=\"C1\"><f>NOW()</f></c><c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"E1\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
        "<c r=\"F1\" t=\"b\"><v>0</v></c><c r=\"G1\" t=\"e\"><v>#N/A</v></c></row>"
        "<row r=\"2\"><c r=\"A2\"><v>86.91200000000003</v></c><c r=\"B2\" t=\"n\"><v>12345.0</v></c><c r=\"C2\"><v>1e21</v></c>"
        "<c r=\"D2\"><v>1E-3</v></c><c r=\"E2\"><v>1000000</v></c><c r=\"F2\"><v>-0</v></c><c r=\"G2\"><v> 42 </v></c>"
        "<c r=\"H2\"><v>0.30000000000000004</v></c><c r=\"I2\"><v>-1234567.25</v></c><c r=\"J2\"><v>123456789012345678</v></c></row>")));
    EXPECT_EQ(dump(book),
              "A1=3 B1=ab D1=#DIV/0! E1=TRUE F1=FALSE G1=#N/A\n"
              "A2=86.91200000000003 B2=12345 C2=1e+21 D2=0.001 E2=1000000 F2=0 G2=42 H2=0.30000000000000004 "
              "I2=-1234567.25 J2=123456789012345680\n");
    const auto cells = all_cells(book);
    EXPECT_TRUE(cell_at(cells, "A1").formula);
    EXPECT_EQ(cell_at(cells, "A1").type, XlsxCellType::number);
    EXPECT_EQ(cell_at(cells, "D1").type, XlsxCellType::error);
    EXPECT_TRUE(cell_at(cells, "D1").formula);
    EXPECT_EQ(cell_at(cells, "E1").type, XlsxCellType::boolean);
    EXPECT_EQ(cell_at(cells, "E1").number, 1);
    EXPECT_FALSE(cell_at(cells, "F1").formula);
    EXPECT_EQ(cell_at(cells, "G1").type, XlsxCellType::error);
    EXPECT_EQ(cell_at(cells, "A2").number, 86.91200000000003);
    EXPECT_EQ(cell_at(cells, "C2").number, 1e21);
}

TEST_F(XlsxReader, EmptyCellsAndRowsAreSkipped) {
    const auto book = open(xlsx_parts(
        sheet_xml("<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" t=\"s\"></c><c r=\"C1\" t=\"inlineStr\"><is><t></t></is></c>"
                  "<c r=\"D1\"><v></v></c><c r=\"E1\" t=\"str\"><f>\"\"</f><v></v></c></row>"
                  "<row r=\"2\"/><row r=\"3\"><c r=\"B3\" t=\"s\"><v>0</v></c></row>"),
        shared_strings_xml("<si><t></t></si>")));
    auto reader = book.sheet(0);
    std::vector<XlsxCell> cells;
    EXPECT_FALSE(reader.next_row(cells));
    EXPECT_TRUE(cells.empty());
    EXPECT_FALSE(reader.next_row(cells));
}

TEST_F(XlsxReader, AbsoluteAndRelativeTargets) {
    auto parts = xlsx_parts(sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), shared_strings_xml("<si><t>absolute</t></si>"));
    replace_part(parts, "xl/_rels/workbook.xml.rels",
                 relationships({{"worksheet", "/xl/worksheets/sheet1.xml"}, {"sharedStrings", "/xl/sharedStrings.xml"}}));
    EXPECT_EQ(dump(open(parts, "absolute.xlsx")), "A1=absolute\n");
    replace_part(parts, "xl/_rels/workbook.xml.rels",
                 relationships({{"worksheet", "./worksheets/../worksheets/sheet1.xml"}, {"sharedStrings", "../xl/sharedStrings.xml"}}));
    EXPECT_EQ(dump(open(parts, "relative.xlsx")), "A1=absolute\n");
}

TEST_F(XlsxReader, WorkbookPartFoundThroughRelationshipsOrContentTypes) {
    std::vector<Entry> parts = {
        {"_rels/.rels", relationships({{"officeDocument", "/book/main.xml"}})},
        {"book/main.xml", workbook_xml("<sheet name=\"Book\" sheetId=\"1\" r:id=\"rId1\"/>")},
        {"book/_rels/main.xml.rels", relationships({{"worksheet", "data/one.xml"}})},
        {"book/data/one.xml", sheet_xml("<row><c><v>1</v></c></row>")},
    };
    EXPECT_EQ(dump(open(parts, "rels.xlsx")), "A1=1\n");
    remove_part(parts, "_rels/.rels");
    parts.push_back({"[Content_Types].xml",
                     "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                     "<Override PartName=\"/book/main.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                     "</Types>"});
    EXPECT_EQ(dump(open(parts, "types.xlsx")), "A1=1\n");
}

TEST_F(XlsxReader, SheetsInWorkbookOrder) {
    auto parts = xlsx_parts(sheet_xml("<row><c><v>1</v></c></row>"));
    replace_part(parts, "xl/workbook.xml",
                 workbook_xml("<sheet name=\"Second file\" sheetId=\"2\" r:id=\"rId2\" state=\"veryHidden\"/>"
                              "<sheet name=\"Chart\" sheetId=\"3\" r:id=\"rId3\"/>"
                              "<sheet name=\"First file\" sheetId=\"1\" r:id=\"rId1\"/>"));
    replace_part(parts, "xl/_rels/workbook.xml.rels",
                 relationships({{"worksheet", "worksheets/sheet1.xml"}, {"worksheet", "worksheets/sheet2.xml"},
                                {"chartsheet", "chartsheets/sheet1.xml"}}));
    parts.push_back({"xl/worksheets/sheet2.xml", sheet_xml("<row><c><v>2</v></c></row>")});
    const auto book = open(parts);
    ASSERT_EQ(book.sheet_count(), 2u);
    EXPECT_EQ(book.sheet_name(0), "Second file");
    EXPECT_TRUE(book.sheet_hidden(0));
    EXPECT_EQ(dump(book, 0), "A1=2\n");
    EXPECT_EQ(dump(book, 1), "A1=1\n");
    EXPECT_EQ(book.at(0, 7, 2, "why").to_string(), book.name() + ":'Second file'!B7: why");
}

TEST_F(XlsxReader, CellReferencesAndLocations) {
    EXPECT_EQ(cell_reference(1, 1), "A1");
    EXPECT_EQ(cell_reference(7, 2), "B7");
    EXPECT_EQ(cell_reference(1, 26), "Z1");
    EXPECT_EQ(cell_reference(1, 27), "AA1");
    EXPECT_EQ(cell_reference(1, 702), "ZZ1");
    EXPECT_EQ(cell_reference(1, 703), "AAA1");
    EXPECT_EQ(cell_reference(1048576, 16384), "XFD1048576");
    auto parts = xlsx_parts(sheet_xml("<row><c><v>1</v></c></row>"));
    replace_part(parts, "xl/workbook.xml", workbook_xml("<sheet name=\"花名册\" sheetId=\"1\" r:id=\"rId1\"/>"));
    const auto book = open(parts, "book.xlsx");
    const Diagnostic d = book.at(0, 7, 2, "msg");
    EXPECT_EQ(d.to_string(), (dir.path() / "book.xlsx").string() + ":花名册!B7: msg");
    EXPECT_EQ(d.line, 7);
    EXPECT_EQ(d.column, 2);
}

// ================================================================ refusals

TEST_F(XlsxRefusal, NotAZip) {
    EXPECT_EQ(refusal(write("text.xlsx", "工号,姓名\n1,张三\n")),
              (dir.path() / "text.xlsx").string() + ":1:1: not an .xlsx file (an .xlsx file is a zip archive, and this is not one)");
    EXPECT_TRUE(contains(refusal(write("empty.xlsx", "")), "not an .xlsx file"));
    EXPECT_TRUE(contains(refusal(dir.path()), "folder"));
    EXPECT_TRUE(contains(refusal(dir.path() / "missing.xlsx"), "cannot open"));
}

TEST_F(XlsxRefusal, TruncatedZip) {
    const std::string whole = testing::read_file(write_with_libxlsxwriter(dir.path() / "whole.xlsx"));
    for (const std::size_t size : {whole.size() / 2, whole.size() - 10, std::size_t{30}, std::size_t{4}})
        EXPECT_TRUE(contains(refusal(write("cut.xlsx", whole.substr(0, size))), "damaged or incomplete")) << size;
}

TEST_F(XlsxRefusal, CorruptBytes) {
    std::string bytes = testing::read_file(write_with_libxlsxwriter(dir.path() / "whole.xlsx"));
    // Damage the packed data of the first worksheet.
    const std::string name = "xl/worksheets/sheet1.xml";
    const auto at = bytes.find(name);
    ASSERT_NE(at, std::string::npos);
    const auto header = at - 30;
    ASSERT_EQ(bytes.substr(header, 4), "PK\x03\x04");
    const auto extra = static_cast<unsigned char>(bytes[header + 28]) | static_cast<unsigned char>(bytes[header + 29]) << 8;
    const std::size_t data = at + name.size() + static_cast<std::size_t>(extra);
    for (std::size_t i = data + 20; i < data + 60; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    const std::string why = refusal(write("corrupt.xlsx", bytes));
    EXPECT_TRUE(contains(why, "corrupt.xlsx:花名册!")) << why;
    EXPECT_TRUE(contains(why, "damaged")) << why;
}

TEST_F(XlsxRefusal, LegacyOrEncryptedCompoundFile) {
    std::string ole(512, '\0');
    ole.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    const fs::path path = write("old.xlsx", ole);
    EXPECT_EQ(refusal(path), path.string() + ":1:1: this is a legacy .xls file or an encrypted workbook: save it as an unencrypted .xlsx in Excel or WPS");
    set_language(Language::chinese);
    EXPECT_TRUE(contains(refusal(path), "另存为未加密的 .xlsx"));
    set_language(Language::english);
    // open_table refuses it too, before reaching the xlsx reader.
    try {
        open_table(write("old.xls", ole));
        ADD_FAILURE() << "not refused";
    } catch (const InputRefused& refused) {
        EXPECT_TRUE(contains(refused.diagnostics().front().message, "legacy"));
    }
}

TEST_F(XlsxRefusal, EncryptedEntries) {
    if (zip_encryption_method_supported(ZIP_EM_TRAD_PKWARE, 1) == 0) GTEST_SKIP() << "libzip cannot encrypt";
    auto parts = xlsx_parts(sheet_xml("<row><c><v>1</v></c></row>"));
    for (Entry& entry : parts)
        if (entry.name == "xl/workbook.xml") entry.encrypt = true;
    const std::string why = refusal(write_xlsx("locked.xlsx", parts));
    EXPECT_TRUE(contains(why, "'xl/workbook.xml' is encrypted: save the workbook as an unencrypted .xlsx")) << why;
}

TEST_F(XlsxRefusal, ZipBombs) {
    const std::string zeros = shared_strings_xml("<si><t>" + std::string(2u << 20, '0') + "</t></si>");
    const auto parts = xlsx_parts(sheet_xml("<row><c t=\"s\"><v>0</v></c></row>"), zeros);
    const fs::path path = write_xlsx("bomb.xlsx", parts);
    XlsxLimits small;
    small.max_part_bytes = 1u << 20;
    std::string why = refusal(path, small);
    EXPECT_TRUE(contains(why, "bomb.xlsx:1:1: 'xl/sharedStrings.xml' unpacks to 2 MiB, over the limit of 1 MiB (too big, or a zip bomb)")) << why;

    XlsxLimits ratio;
    ratio.max_ratio = 100;
    why = refusal(path, ratio);
    EXPECT_TRUE(contains(why, "compressed more than 100 times")) << why;

    XlsxLimits total;
    total.max_total_bytes = 1u << 20;
    const auto two = xlsx_parts(sheet_xml("<row><c t=\"inlineStr\"><is><t>" + std::string(700u << 10, 'x') + "</t></is></c></row>"),
                                shared_strings_xml("<si><t>" + std::string(700u << 10, 'y') + "</t></si>"));
    why = refusal(write_xlsx("total.xlsx", two), total);
    EXPECT_TRUE(contains(why, "total.xlsx:Sheet1!A1: the workbook unpacks to more than the limit of 1 MiB in all")) << why;

    XlsxLimits few;
    few.max_parts = 3;
    EXPECT_TRUE(contains(refusal(path, few), "too many files"));

    EXPECT_EQ(refusal(path), "");  // within the default limits it reads
}

// A header that declares far fewer bytes than the part unpacks to.
TEST_F(XlsxRefusal, LyingSizeInHeaders) {
    const std::string zeros = shared_strings_xml("<si><t>" + std::string(2u << 20, '0') + "</t></si>");
    std::string bytes = make_zip(xlsx_parts(sheet_xml("<row><c t=\"s\"><v>0</v></c></row>"), zeros));
    const std::string name = "xl/sharedStrings.xml";
    const auto put32 = [&](std::size_t at, std::uint32_t value) {
        for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFF);
    };
    int patched = 0;
    for (std::size_t at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1)) {
        if (at >= 30 && bytes.compare(at - 30, 4, "PK\x03\x04") == 0) {
            put32(at - 30 + 22, 1000);
            ++patched;
        }
        if (at >= 46 && bytes.compare(at - 46, 4, "PK\x01\x02") == 0) {
            put32(at - 46 + 24, 1000);
            ++patched;
        }
    }
    ASSERT_EQ(patched, 2);
    XlsxLimits small;
    small.max_part_bytes = 1u << 20;
    for (const XlsxLimits& limits : {XlsxLimits{}, small}) {
        const std::string why = refusal(write("liar.xlsx", bytes), limits);
        EXPECT_TRUE(contains(why, "liar.xlsx:1:1: ")) << why;
        EXPECT_TRUE(contains(why, "sharedStrings.xml")) << why;
    }
}

std::string laughs(const std::string& root) {
    std::string doctype = "<?xml version=\"1.0\"?><!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">";
    for (int i = 1; i < 10; ++i) {
        doctype += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j) doctype += "&lol" + std::to_string(i - 1) + ";";
        doctype += "\">";
    }
    return doctype + "]>";
}

TEST_F(XlsxRefusal, EntityExpansion) {
    const auto in_strings = xlsx_parts(sheet_xml("<row><c t=\"s\"><v>0</v></c></row>"),
                                       laughs("sst") + "<sst xmlns=\"" + main_ns + "\"><si><t>&lol9;</t></si></sst>");
    EXPECT_EQ(refusal(write_xlsx("laughs.xlsx", in_strings)),
              (dir.path() / "laughs.xlsx").string() +
                  ":1:1: 'xl/sharedStrings.xml' has a DOCTYPE or entity declarations: refused for safety (Excel and WPS never write them)");
    const auto in_sheet = xlsx_parts(laughs("worksheet") + "<worksheet xmlns=\"" + main_ns +
                                     "\"><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>");
    const std::string why = refusal(write_xlsx("laughs2.xlsx", in_sheet));
    EXPECT_TRUE(contains(why, "laughs2.xlsx:Sheet1!A1: 'xl/worksheets/sheet1.xml' has a DOCTYPE")) << why;
}

TEST_F(XlsxRefusal, ExternalEntity) {
    const auto parts = xlsx_parts("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                                  "<worksheet xmlns=\"" + std::string(main_ns) +
                                  "\"><sheetData><row><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>");
    const std::string why = refusal(write_xlsx("xxe.xlsx", parts));
    EXPECT_TRUE(contains(why, "DOCTYPE")) << why;
    EXPECT_FALSE(contains(why, "root:")) << why;
    // Without a DOCTYPE, an entity reference is simply not well-formed.
    const auto undeclared = xlsx_parts(sheet_xml("<row><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"));
    EXPECT_TRUE(contains(refusal(write_xlsx("undeclared.xlsx", undeclared)), "not well-formed XML"));
}

TEST_F(XlsxRefusal, PathsOutsideTheArchive) {
    auto parts = xlsx_parts(sheet_xml("<row><c><v>1</v></c></row>"));
    replace_part(parts, "xl/_rels/workbook.xml.rels", relationships({{"worksheet", "../../../etc/passwd"}}));
    EXPECT_TRUE(contains(refusal(write_xlsx("up.xlsx", parts)),
                         "up.xlsx:1:1: the workbook refers to '../../../etc/passwd', a path outside the archive or not valid: refused"));
    // An entry really named "../evil.xml", and a target that reaches it.
    parts.push_back({"../evil.xml", sheet_xml("<row><c><v>666</v></c></row>")});
    replace_part(parts, "xl/_rels/workbook.xml.rels", relationships({{"worksheet", "/../evil.xml"}}));
    EXPECT_TRUE(contains(refusal(write_xlsx("evil.xlsx", parts)), "outside the archive"));
    replace_part(parts, "xl/_rels/workbook.xml.rels", relationships({{"worksheet", "worksheets\\sheet1.xml"}}));
    EXPECT_TRUE(contains(refusal(write_xlsx("backslash.xlsx", parts)), "outside the archive or not valid"));
    replace_part(parts, "_rels/.rels", relationships({{"officeDocument", "../xl/workbook.xml"}}));
    EXPECT_TRUE(contains(refusal(write_xlsx("root.xlsx", parts)), "'../xl/workbook.xml'"));
}

TEST_F(XlsxRefusal, MalformedXml) {
    const std::string why = refusal(write_xlsx("bad.xlsx", xlsx_parts(sheet_xml("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</c></row>"))));
    EXPECT_TRUE(contains(why, "bad.xlsx:Sheet1!A2: 'xl/worksheets/sheet1.xml' is not well-formed XML (line 1, column")) << why;
    EXPECT_TRUE(contains(why, "mismatched tag")) << why;
    auto parts = xlsx_parts(sheet_xml(""));
    replace_part(parts, "xl/workbook.xml", "<workbook><sheets>");
    EXPECT_TRUE(contains(refusal(write_xlsx("wb.xlsx", parts)), "wb.xlsx:1:1: 'xl/workbook.xml' is not well-formed XML"));
    replace_part(parts, "xl/workbook.xml", "<document/>");
    EXPECT_TRUE(contains(refusal(write_xlsx("docx.xlsx", parts)), "is not an Excel workbook"));
    parts = xlsx_parts("");
    EXPECT_TRUE(contains(refusal(write_xlsx("empty-part.xlsx", parts)), "no element found"));
}

TEST_F(XlsxRefusal, NoWorksheets) {
    auto parts = xlsx_parts(sheet_xml(""));
    replace_part(parts, "xl/workbook.xml", workbook_xml(""));
    EXPECT_EQ(refusal(write_xlsx("none.xlsx", parts)), (dir.path() / "none.xlsx").string() + ":1:1: the workbook has no worksheets");
    replace_part(parts, "xl/workbook.xml", workbook_xml("<sheet name=\"Chart1\" sheetId=\"1\" r:id=\"rId1\"/>"));
    replace_part(parts, "xl/_rels/workbook.xml.rels", relationships({{"chartsheet", "chartsheets/sheet1.xml"}}));
    EXPECT_TRUE(contains(refusal(write_xlsx("charts.xlsx", parts)), "the workbook has no worksheets"));
    std::vector<Entry> not_a_workbook = {{"readme.txt", "hello"}};
    EXPECT_TRUE(contains(refusal(write_xlsx("plain.zip", not_a_workbook)), "not an Excel workbook"));
    parts = xlsx_parts(sheet_xml(""));
    remove_part(parts, "xl/worksheets/sheet1.xml");
    EXPECT_TRUE(contains(refusal(write_xlsx("lost.xlsx", parts)), "lost.xlsx:Sheet1!A1: the workbook is incomplete: it has no part 'xl/worksheets/sheet1.xml'"));
}

TEST_F(XlsxRefusal, CellsOutOfRangeOrWrong) {
    const auto why = [&](const std::string& rows, const std::string& strings = "") {
        return refusal(write_xlsx("cells.xlsx", xlsx_parts(sheet_xml(rows), strings)));
    };
    EXPECT_TRUE(contains(why("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"),
                         "cells.xlsx:Sheet1!XFD1: the cell reference 'XFE1' is beyond Excel's last cell XFD1048576"));
    EXPECT_TRUE(contains(why("<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row>"), "beyond Excel's last cell"));
    EXPECT_TRUE(contains(why("<row><c r=\"A1048577\"><v>1</v></c></row>"), "beyond Excel's last cell"));
    EXPECT_TRUE(contains(why("<row r=\"1048577\"><c><v>1</v></c></row>"), "Sheet1!A1048576: the row number 1048577 is beyond"));
    EXPECT_TRUE(contains(why("<row r=\"99999999999999999999999\"><c><v>1</v></c></row>"), "not valid"));
    EXPECT_TRUE(contains(why("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"), "the cell reference '1A' is not valid"));
    EXPECT_TRUE(contains(why("<row r=\"1\"><c r=\"A2\"><v>1</v></c></row>"), "Sheet1!A2: the cell A2 is inside row 1"));
    EXPECT_TRUE(contains(why("<row r=\"5\"><c><v>1</v></c></row><row r=\"3\"><c><v>1</v></c></row>"),
                         "Sheet1!A3: row 3 comes after row 5"));
    EXPECT_TRUE(contains(why("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"), "Sheet1!B1: the cell B1 appears twice"));
    EXPECT_TRUE(contains(why("<row r=\"2\"><c r=\"C2\"><v>abc</v></c></row>"), "Sheet1!C2: 'abc' is not a number"));
    EXPECT_TRUE(contains(why("<row r=\"2\"><c r=\"C2\"><v>1e400</v></c></row>"), "is not a number"));
    EXPECT_TRUE(contains(why("<row r=\"2\"><c r=\"C2\"><v>nan</v></c></row>"), "is not a number"));
    EXPECT_TRUE(contains(why("<row r=\"2\"><c r=\"D2\" t=\"b\"><v>2</v></c></row>"), "Sheet1!D2: '2' is not a boolean"));
    EXPECT_TRUE(contains(why("<row r=\"2\"><c r=\"E2\" t=\"s\"><v>3</v></c></row>", shared_strings_xml("<si><t>x</t></si>")),
                         "Sheet1!E2: the cell refers to shared string 3, which does not exist (there are 1)"));
    std::string wide = "<row r=\"1\">";
    for (int c = 0; c < 16385; ++c) wide += "<c/>";
    EXPECT_TRUE(contains(why(wide + "</row>"), "beyond Excel's last column"));
}

TEST_F(XlsxRefusal, RowTextLimit) {
    std::string row = "<row r=\"1\">";
    for (int c = 0; c < 100; ++c) row += "<c t=\"s\"><v>0</v></c>";
    const auto path = write_xlsx("wide.xlsx", xlsx_parts(sheet_xml(row + "</row>"), shared_strings_xml("<si><t>" + std::string(1000, 'w') + "</t></si>")));
    XlsxLimits limits;
    limits.max_row_bytes = 50'000;
    EXPECT_TRUE(contains(refusal(path, limits), "wide.xlsx:Sheet1!"));
    EXPECT_TRUE(contains(refusal(path, limits), "the row holds more than 49 KiB of text"));
    EXPECT_EQ(refusal(path), "");
    XlsxLimits strings;
    strings.max_shared_strings = 0;
    EXPECT_TRUE(contains(refusal(path, strings), "wide.xlsx:1:1: 'xl/sharedStrings.xml' holds more than 0 strings"));
}

TEST_F(XlsxRefusal, MessagesInChinese) {
    set_language(Language::chinese);
    EXPECT_TRUE(contains(refusal(write("a.xlsx", "x")), "这不是 .xlsx 文件"));
    auto parts = xlsx_parts(sheet_xml(""));
    replace_part(parts, "xl/workbook.xml", workbook_xml(""));
    EXPECT_TRUE(contains(refusal(write_xlsx("b.xlsx", parts)), "工作簿中没有工作表"));
}

// ================================================================ the table of the first worksheet

TEST_F(XlsxTable, DenseRowsRealRowNumbersAndLocations) {
    auto parts = xlsx_parts(sheet_xml("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>工号</t></is></c><c r=\"C3\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>"
                                      "<row r=\"5\"><c r=\"A5\"><v>1001</v></c><c r=\"B5\"><v>1001.5</v></c><c r=\"D5\" t=\"b\"><v>1</v></c></row>"
                                      "<row r=\"6\"><c r=\"B6\"><v>1E3</v></c></row>"));
    const auto table = xlsx_table(write_xlsx("t.xlsx", parts));
    std::vector<std::string_view> cells;
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_EQ(table->row_number(), 3u);
    EXPECT_EQ(std::vector<std::string>(cells.begin(), cells.end()), (std::vector<std::string>{"工号", "", "姓名"}));
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_EQ(table->row_number(), 5u);
    EXPECT_EQ(std::vector<std::string>(cells.begin(), cells.end()), (std::vector<std::string>{"1001", "1001.5", "", "TRUE"}));
    EXPECT_FALSE(table->row_has_problems());
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_EQ(std::vector<std::string>(cells.begin(), cells.end()), (std::vector<std::string>{"", "1000"}));
    EXPECT_FALSE(table->next_row(cells));
    EXPECT_TRUE(table->problems().empty());
    EXPECT_EQ(table->progress(), 1.0);
    EXPECT_EQ(table->name(), (dir.path() / "t.xlsx").string());
    const std::string file = (dir.path() / "t.xlsx").string();
    EXPECT_EQ(table->at(5, 2, "bad").to_string(), file + ":Sheet1!B5: bad");
    EXPECT_EQ(table->at(1, 3, "header").to_string(), file + ":Sheet1!C3: header");  // row 1 is the header
}

TEST_F(XlsxTable, CellProblemsAreLocatedAndReadingGoesOn) {
    const auto parts = xlsx_parts(sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>"
                                            "<row r=\"2\"><c><v>1</v></c><c t=\"inlineStr\"><is><t>x_x0001_y</t></is></c></row>"
                                            "<row r=\"3\"><c t=\"inlineStr\"><is><t>" + std::string(40000, 'z') + "</t></is></c></row>"
                                            "<row r=\"4\"><c t=\"inlineStr\"><is><t>" + std::string(32767 * 3 / 3, 'k') + "</t></is></c></row>"));
    const auto table = xlsx_table(write_xlsx("p.xlsx", parts));
    std::vector<std::string_view> cells;
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_FALSE(table->row_has_problems());
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_TRUE(table->row_has_problems());
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_TRUE(table->row_has_problems());
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_FALSE(table->row_has_problems());
    EXPECT_FALSE(table->next_row(cells));
    const auto problems = table->problems();
    ASSERT_EQ(problems.size(), 2u);
    const std::string file = (dir.path() / "p.xlsx").string();
    EXPECT_EQ(problems[0].to_string(), file + ":Sheet1!B2: the cell holds a control character U+0001");
    EXPECT_EQ(problems[1].to_string(), file + ":Sheet1!A3: the cell is longer than 32767 characters");
}

TEST_F(XlsxTable, DamageStopsReadingWithALocatedProblem) {
    const auto parts = xlsx_parts(sheet_xml("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row><row r=\"3\"><c><v>x</c></row>"));
    const auto table = xlsx_table(write_xlsx("d.xlsx", parts));
    std::vector<std::string_view> cells;
    ASSERT_TRUE(table->next_row(cells));
    ASSERT_TRUE(table->next_row(cells));
    EXPECT_FALSE(table->next_row(cells));
    EXPECT_FALSE(table->next_row(cells));
    ASSERT_EQ(table->problems().size(), 1u);
    EXPECT_EQ(table->problems()[0].cell, "Sheet1!A3");
    EXPECT_TRUE(contains(table->problems()[0].message, "not well-formed"));
}

TEST_F(XlsxTable, OpenTableReadsXlsxAndRosterImportUsesIt) {
    const auto parts = xlsx_parts(sheet_xml("<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c></row>"
                                            "<row r=\"2\"><c><v>1001</v></c><c t=\"s\"><v>3</v></c><c t=\"s\"><v>4</v></c></row>"
                                            "<row r=\"3\"><c><v>1002</v></c><c t=\"inlineStr\"><is><t>李四</t></is></c><c t=\"s\"><v>4</v></c></row>"),
                                  shared_strings_xml("<si><t>工号</t></si><si><t>姓名</t></si><si><t>部门</t></si>"
                                                     "<si><r><t>张</t></r><r><t>三</t></r></si><si><t>办公室/秘书科</t></si>"));
    const fs::path path = write_xlsx("roster.xlsx", parts);
    Database db = Database::in_memory();
    migrate(db);
    const auto table = open_table(path);
    const RosterChanges changes = import_roster(db, *table);
    EXPECT_EQ(changes.added, 2);

    const auto bad = xlsx_parts(sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>id</t></is></c><c t=\"inlineStr\"><is><t>name</t></is></c>"
                                          "<c t=\"inlineStr\"><is><t>department</t></is></c></row>"
                                          "<row r=\"2\"><c><v>7</v></c><c t=\"inlineStr\"><is><t> </t></is></c><c t=\"inlineStr\"><is><t>办公室</t></is></c></row>"));
    const fs::path bad_path = write_xlsx("bad-roster.xlsx", bad);
    try {
        const auto bad_table = open_table(bad_path);
        import_roster(db, *bad_table);
        ADD_FAILURE() << "not refused";
    } catch (const InputRefused& refused) {
        ASSERT_FALSE(refused.diagnostics().empty());
        EXPECT_EQ(refused.diagnostics().front().to_string(), bad_path.string() + ":Sheet1!B2: the name is empty");
    }
}

// ================================================================ random damage

std::string mutate_bytes(std::string bytes, std::mt19937& random) {
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits && !bytes.empty(); ++e) {
        const std::size_t at = random() % bytes.size();
        switch (random() % 4) {
            case 0: bytes[at] = static_cast<char>(random() % 256); break;
            case 1: bytes.erase(at, 1 + random() % 16); break;
            case 2: bytes.insert(at, 1 + random() % 8, static_cast<char>(random() % 256)); break;
            default: bytes[at] = static_cast<char>(bytes[at] ^ (1 << (random() % 8))); break;
        }
    }
    return bytes;
}

std::string mutate_xml(std::string xml, std::mt19937& random) {
    // Raw damage: anything at any byte.
    static const std::vector<std::string> raw = {"<", ">", "/", "\"", "&", "&amp;", "_x", "<!DOCTYPE x>", "\xC3", "\xFF", "x:", ""};
    // Well-formed elements and attributes, inserted where they keep the XML well-formed, to reach the cell logic.
    static const std::vector<std::string> elements = {
        "<row/>", "<row r=\"1\"/>", "<row r=\"0\"/>", "<row r=\"1048577\"><c/></row>", "<row><c r=\"B2\"><v>1</v></c></row>",
        "<c/>", "<c r=\"A0\"/>", "<c r=\"XFD1048576\"><v>1</v></c>", "<c t=\"s\"><v>99</v></c>", "<c t=\"b\"><v>7</v></c>",
        "<c t=\"d\"><v>2024-02-30</v></c>", "<c s=\"4294967296\"><v>1</v></c>", "<c><v>1e999</v></c>", "<v>x</v>",
        "<v>_xD800_</v>", "<is><t>t</t></is>", "<rPh><t>p</t></rPh>", "<t>_x0000_</t>", "<f>1</f>", "<si><t>s</t></si>",
        "<sheet name=\"n\" r:id=\"rId9\"/>", "<xf numFmtId=\"14\"/>", "<numFmt numFmtId=\"14\" formatCode=\"[\"/>",
        "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"../..\"/>", "<sheetData>", "</sheetData>"};
    static const std::vector<std::string> attributes = {" r=\"A1\"", " r=\"ZZZZ9\"", " r=\"\"", " t=\"s\"", " t=\"e\"",
                                                        " t=\"inlineStr\"", " t=\"str\"", " t=\"d\"", " s=\"1\"", " s=\"-1\"",
                                                        " xml:space=\"preserve\""};
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
        const std::size_t at = random() % (xml.size() + 1);
        switch (random() % 4) {
            case 0:
                if (at < xml.size()) xml.erase(at, 1 + random() % 12);
                break;
            case 1: xml.insert(at, raw[random() % raw.size()]); break;
            case 2: {  // after a tag
                const auto close = xml.find('>', at);
                if (close != std::string::npos) xml.insert(close + 1, elements[random() % elements.size()]);
                break;
            }
            default: {  // inside a start tag, after its name
                const auto open = xml.find('<', at);
                if (open == std::string::npos || open + 1 >= xml.size() || xml[open + 1] == '/' || xml[open + 1] == '?') break;
                const auto name_end = xml.find_first_of(" />", open + 1);
                if (name_end != std::string::npos) xml.insert(name_end, attributes[random() % attributes.size()]);
            }
        }
    }
    return xml;
}

struct FuzzCounts {
    int read = 0;     // opened and read to the end
    int refused = 0;  // refused with a message
};

// Opens, reads every sheet and the table: either works or is refused.
void read_everything(const fs::path& path, int round, FuzzCounts& counts) {
    try {
        const XlsxWorkbook book = XlsxWorkbook::open(path);
        bool refused_sheet = false;
        for (std::size_t s = 0; s < book.sheet_count(); ++s) {
            try {
                all_cells(book, s);
            } catch (const InputRefused& refused) {
                refused_sheet = true;
                ASSERT_FALSE(refused.diagnostics().empty()) << round;
                EXPECT_FALSE(refused.diagnostics().front().cell.empty()) << round;
            }
        }
        const auto table = xlsx_table(path);
        std::vector<std::string_view> cells;
        while (table->next_row(cells)) {
        }
        for (const Diagnostic& d : table->problems()) EXPECT_FALSE(d.cell.empty()) << round;
        ++(refused_sheet ? counts.refused : counts.read);
    } catch (const InputRefused& refused) {
        ++counts.refused;
        ASSERT_FALSE(refused.diagnostics().empty()) << round;
        EXPECT_FALSE(refused.diagnostics().front().message.empty()) << round;
    } catch (const std::exception& other) {
        ADD_FAILURE() << "round " << round << ": " << other.what();
    }
}

TEST_F(XlsxFuzz, DamagedFilesNeverCrash) {
    std::mt19937 random(20260101);
    const std::string real = testing::read_file(write_with_libxlsxwriter(dir.path() / "real.xlsx"));
    auto stored = xlsx_parts(sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>45296</v></c>"
                                       "<c r=\"C1\" t=\"inlineStr\"><is><t>in_x000D_line</t><rPh><t>x</t></rPh></is></c></row>"
                                       "<row><c><f>1+1</f><v>2</v></c><c t=\"b\"><v>1</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"str\"><v>s</v></c></row>"),
                             shared_strings_xml("<si><r><t>ab</t></r><r><t>c</t></r></si>"),
                             std::string("<styleSheet xmlns=\"") + main_ns + "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
    for (Entry& entry : stored) entry.store = true;
    const std::string plain = make_zip(stored);
    const fs::path path = dir.path() / "fuzz.xlsx";
    FuzzCounts counts;
    for (int round = 0; round < 1000; ++round) {
        const std::string& base = round % 2 == 0 ? real : plain;
        std::string bytes = mutate_bytes(base, random);
        if (round % 5 == 0) bytes.resize(random() % (bytes.size() + 1));  // and cut short
        dir.write("fuzz.xlsx", bytes);
        read_everything(path, round, counts);
    }
    // Damage inside the XML of well-formed archives.
    for (int round = 0; round < 1200; ++round) {
        auto parts = stored;
        Entry& victim = parts[random() % parts.size()];
        victim.data = mutate_xml(victim.data, random);
        victim.store = false;
        dir.write("fuzz.xlsx", make_zip(parts));
        read_everything(path, 10000 + round, counts);
    }
    EXPECT_GT(counts.read, 100);  // the damage is not always fatal: the readers ran on odd content too
    EXPECT_GT(counts.refused, 600);
}

}  // namespace
}  // namespace exemplar
