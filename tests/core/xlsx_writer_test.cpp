// Writing workbooks: sheets whose cells Exemplar keeps (SheetCells::table)
// come out byte for byte as libxlsxwriter writes the same calls, numbers
// exact; the zip Exemplar writes is read back by the project's own reader
// and by Python's zipfile and openpyxl; the deflate pool and the zip writer
// on their own.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <map>
#include <random>
#include <thread>
#include <sstream>
#include <stdexcept>

#include "core/error.h"
#include "core/parallel_deflate.h"
#include "core/xlsx_reader.h"
#include "core/xlsx_exact_numbers.h"
#include "core/xlsx_writer.h"
#include "core/zip_archive.h"
#include "core/zip_writer.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

using testing::TempDir;
using xlsx::SheetCells;
using xlsx::Style;

// Python's zipfile: every entry's CRC checked; prints each part's name and
// the SHA-256 of its bytes, or the first bad entry.
const char* const zip_parts_script = R"(
import hashlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    if bad:
        sys.exit('bad entry: ' + bad)
    for name in z.namelist():
        print(name, hashlib.sha256(z.read(name)).hexdigest())
)";

std::map<std::string, std::string> zip_parts(const std::filesystem::path& file) {
    const auto result = testing::run_process("/usr/bin/python3", {"-c", zip_parts_script, file.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::map<std::string, std::string> parts;
    std::istringstream lines(result.out);
    std::string name, hash;
    while (lines >> name >> hash) parts[name] = hash;
    return parts;
}

std::string read_part(const std::filesystem::path& file, const std::string& name) {
    const ZipArchive zip = ZipArchive::open(file, {});
    const auto index = zip.find(name);
    if (!index) throw std::runtime_error(name + " is missing");
    ZipEntry entry = zip.open_entry(*index);
    std::string text;
    char buffer[65536];
    while (const std::size_t n = entry.read(buffer, sizeof buffer)) text.append(buffer, n);
    return text;
}

// openpyxl's values of one sheet: "A1" → repr() of numbers, strings as they are.
std::map<std::string, std::string> openpyxl_values(const std::filesystem::path& file, const std::string& sheet) {
    const auto result = testing::run_process(
        "/usr/bin/python3", {"-c",
                             "import sys, openpyxl\n"
                             "ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]\n"
                             "for row in ws.iter_rows():\n"
                             "    for c in row:\n"
                             "        if c.value is not None:\n"
                             "            print(c.coordinate, repr(c.value) if c.data_type == 'n' else c.value)\n",
                             file.string(), sheet});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::map<std::string, std::string> values;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
        const std::size_t space = line.find(' ');
        values[line.substr(0, space)] = line.substr(space + 1);
    }
    return values;
}

double parse_double(const std::string& text) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// Values whose "%.16G" does not read back, and some that do.
const std::vector<double> awkward = {56.333333333333336, 0.1 + 0.2, 1.0 / 3, 1e-7 / 3, 92.30833333333335, 100, -0.0, 2.5e21, 1e-300,
                                     123456789.12345679};

// The same sheets through the same calls; `large` ones keep their cells as `cells`.
void write_book(const std::filesystem::path& file, SheetCells cells) {
    xlsx::Workbook book(file);
    {
        // A libxlsxwriter sheet first: its formats are numbered first.
        xlsx::Sheet notes(book, "说明");
        notes.merge(0, 0, 0, 3, "标题", Style::title);
        notes.text(1, 0, "单位", Style::label);
        notes.merge(1, 1, 1, 3, "行署办公室", Style::text_wrap);
        notes.number(2, 1, 0.3, Style::score);
        notes.fit_columns();
    }
    {
        xlsx::Sheet sheet(book, "汇总", cells);
        sheet.merge(0, 0, 0, 6, "Exemplar 汇总", Style::title);
        for (lxw_col_t c = 0; c < 7; ++c) sheet.text(1, c, "列" + std::to_string(c), Style::header);
        sheet.set_height(1, 24);
        lxw_row_t row = 2;
        for (int person = 0; person < 40; ++person) {
            const lxw_row_t first = row;
            for (int line = 0; line < 3; ++line, ++row) {
                sheet.text(row, 3, "维度" + std::to_string(line), Style::text);
                const double value = awkward[static_cast<std::size_t>(person + line) % awkward.size()] * (person + 1);
                sheet.number(row, 4, value, Style::score);
                if (person % 5 == 0)
                    sheet.number(row, 5, std::nullopt, Style::score);  // undefined: an empty bordered cell
                else
                    sheet.integer(row, 5, person * 10 + line, Style::integer);
                if (person % 7 != 3) sheet.text(row, 6, person % 2 ? "BLIND_SPOT:x" : "", Style::text_wrap);  // rows 16 wide or not
                sheet.set_height(row, 17);
            }
            // Merged after the rows, as the report does: cells arrive out of order.
            sheet.merge(first, 0, row - 1, 0, "A" + std::to_string(person), Style::text_center);
            sheet.merge(first, 1, row - 1, 1, "姓名" + std::to_string(person), Style::text_center);
            sheet.merge_cell(first, 2, row - 1, 2, TableCell{static_cast<double>(person) / 7}, Style::text, Style::score,
                             Style::integer);
        }
        sheet.text(5, 6, "又改了", Style::text);   // overwritten
        sheet.number(6, 3, 1.0 / 7, Style::percent);  // a text overwritten by a number, in a new format
        sheet.set_height(row + 2, 30);              // a row with a height and no cell
        sheet.text(row + 4, 0, "", Style::plain);    // an empty string: a blank, no style number
        worksheet_freeze_panes(sheet.get(), 2, 0);
        xlsx::check(worksheet_autofilter(sheet.get(), 1, 0, row + 6, 6), "filter");  // beyond the cells: the dimension grows
        lxw_format* yellow = book.add_format();
        format_set_bg_color(yellow, 0xFFF2CC);
        lxw_conditional_format rule{};
        rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
        std::string formula = "=LEN($G3)>0";
        rule.value_string = formula.data();
        rule.format = yellow;
        xlsx::check(worksheet_conditional_format_range(sheet.get(), 2, 0, row - 1, 6, &rule), "colours");
        sheet.fit_columns(6, 32);
        sheet.repeat_rows(1, 1);
        sheet.print_setup(true, true);
    }
    {
        xlsx::Sheet plain(book, "HR导入", cells);
        plain.text(0, 0, "person_id", Style::plain);
        for (std::size_t i = 0; i < awkward.size(); ++i)
            plain.number(static_cast<lxw_row_t>(i + 1), 1, awkward[i], Style::plain_score);
        plain.fit_columns(6, 40);
    }
    {
        // A libxlsxwriter sheet last, with a format no sheet used before.
        xlsx::Sheet last(book, "末");
        last.number(0, 0, 0.25, Style::percent);
        last.number(1, 0, 56.333333333333336, Style::note);
    }
    book.close();
}

TEST(XlsxWriter, TableSheetsWriteWhatLibxlsxwriterWrites) {
    TempDir dir;
    const auto library = dir.path() / "library.xlsx";
    const auto table = dir.path() / "table.xlsx";
    write_book(library, SheetCells::libxlsxwriter);
    write_book(table, SheetCells::table);
    const auto expected = zip_parts(library);
    const auto actual = zip_parts(table);
    ASSERT_EQ(actual.size(), expected.size());
    ASSERT_TRUE(actual.count("xl/worksheets/sheet2.xml"));
    for (const auto& [name, hash] : expected) {
        if (name == "docProps/core.xml") continue;  // the time it was made
        ASSERT_TRUE(actual.count(name)) << name;
        EXPECT_EQ(actual.at(name), hash) << name << " differs:\n"
                                         << read_part(table, name).substr(0, 3000) << "\n---- libxlsxwriter:\n"
                                         << read_part(library, name).substr(0, 3000);
    }
    // And the XML is really libxlsxwriter's, with the numbers exact.
    const std::string sheet = read_part(table, "xl/worksheets/sheet2.xml");
    EXPECT_NE(sheet.find("<dimension ref=\"A1:G129\"/>"), std::string::npos);  // the filter reaches row 129
    EXPECT_NE(sheet.find("<row r=\"3\" spans=\"1:7\" ht=\"19.5\" customHeight=\"1\">"), std::string::npos);
    EXPECT_NE(sheet.find("<v>56.333333333333336</v>"), std::string::npos);
    EXPECT_NE(sheet.find("<mergeCells count=\"121\"><mergeCell ref=\"A1:G1\"/><mergeCell ref=\"A3:A5\"/>"), std::string::npos);
}

TEST(XlsxWriter, NumbersReadBackExactly) {
    TempDir dir;
    const auto file = dir.path() / "n.xlsx";
    write_book(file, SheetCells::table);
    // openpyxl, independent of everything here.
    const auto values = openpyxl_values(file, "HR导入");
    for (std::size_t i = 0; i < awkward.size(); ++i) {
        const std::string cell = "B" + std::to_string(i + 2);
        ASSERT_TRUE(values.count(cell)) << cell;
        EXPECT_EQ(parse_double(values.at(cell)), awkward[i]) << cell << ": " << values.at(cell);
    }
    EXPECT_EQ(values.at("B2"), "56.333333333333336");
    EXPECT_EQ(openpyxl_values(file, "末").at("A2"), "56.333333333333336");  // a libxlsxwriter sheet, patched
    // The project's own reader.
    const XlsxWorkbook book = XlsxWorkbook::open(file);
    auto sheet = book.sheet(*book.sheet_index("HR导入"));
    std::vector<XlsxCell> cells;
    std::vector<double> numbers;
    while (sheet.next_row(cells))
        for (const XlsxCell& c : cells)
            if (c.type == XlsxCellType::number) numbers.push_back(c.number);
    ASSERT_EQ(numbers.size(), awkward.size());
    for (std::size_t i = 0; i < awkward.size(); ++i) EXPECT_EQ(numbers[i], awkward[i]) << i;
    EXPECT_TRUE(std::signbit(numbers[6]));  // -0 stays -0, as libxlsxwriter writes it
}

// More cells and merges than one piece holds: the pieces, deflated apart,
// make one stream that zipfile and the project's reader unpack to the right cells.
TEST(XlsxWriter, LargeTableSheetReadsBack) {
    TempDir dir;
    const auto file = dir.path() / "large.xlsx";
    constexpr lxw_row_t rows = 20000;
    {
        xlsx::Workbook book(file);
        xlsx::Sheet sheet(book, "大表", SheetCells::table);
        for (lxw_row_t r = 0; r < rows; ++r) {
            sheet.number(r, 2, 1.0 / (r + 3), Style::score);
            sheet.text(r, 3, "第" + std::to_string(r % 97) + "项", Style::text);
            sheet.merge(r, 0, r, 1, "P" + std::to_string(r), Style::text_center);
        }
        book.close();
    }
    EXPECT_EQ(zip_parts(file).size(), 10u);  // zipfile: every CRC right

    const XlsxWorkbook book = XlsxWorkbook::open(file);
    auto sheet = book.sheet(0);
    std::vector<XlsxCell> cells;
    lxw_row_t seen = 0;
    while (sheet.next_row(cells)) {
        ASSERT_EQ(cells.size(), 3u) << "row " << seen + 1;  // the merged B is blank
        EXPECT_EQ(cells[0].row, seen + 1);
        EXPECT_EQ(cells[0].text, "P" + std::to_string(seen));
        EXPECT_EQ(cells[1].number, 1.0 / (seen + 3));
        EXPECT_EQ(cells[2].text, "第" + std::to_string(seen % 97) + "项");
        ++seen;
    }
    EXPECT_EQ(seen, rows);

    // (openpyxl takes half a minute over 20,000 merged ranges: it reads the smaller workbooks.)
    const std::string xml = read_part(file, "xl/worksheets/sheet1.xml");
    EXPECT_NE(xml.find("<mergeCells count=\"20000\">"), std::string::npos);
    EXPECT_NE(xml.find("<mergeCell ref=\"A20000:B20000\"/></mergeCells>"), std::string::npos);
}

TEST(XlsxWriter, CellsWrittenBehindATableAreRefused) {
    TempDir dir;
    const auto file = dir.path() / "bad.xlsx";
    xlsx::Workbook book(file);
    xlsx::Sheet sheet(book, "表", SheetCells::table);
    sheet.text(0, 0, "甲", Style::text);
    xlsx::check(worksheet_write_number(sheet.get(), 1, 0, 1, nullptr), "behind its back");
    EXPECT_THROW(book.close(), Error);
}

TEST(XlsxWriter, AbandonedWorkbookWritesNothing) {
    TempDir dir;
    const auto file = dir.path() / "gone.xlsx";
    {
        xlsx::Workbook book(file);
        for (int s = 0; s < 3; ++s) {
            xlsx::Sheet sheet(book, "表" + std::to_string(s), SheetCells::table);
            for (lxw_row_t r = 0; r < 5000; ++r) sheet.number(r, 0, r / 3.0, Style::score);
        }  // queued for deflating; then the workbook is dropped unclosed
    }
    EXPECT_FALSE(std::filesystem::exists(file));
}

// Texts kept from earlier calls are the texts made afresh: many values,
// each asked for several times, match what a new thread makes of them.
TEST(XlsxNumbers, TextsMadeBeforeAreTheSameAsMadeAfresh) {
    std::mt19937_64 random(7);
    std::vector<double> values;
    for (int i = 0; i < 200000; ++i) values.push_back(static_cast<double>(random() % 30000) / static_cast<double>(1 + random() % 400));
    values.push_back(56.333333333333336);
    values.push_back(-0.0);
    const auto texts = [&] {
        std::vector<std::string> made;
        for (const double value : values) {
            char text[40];
            made.emplace_back(text, xlsx::number_text(text, value));
        }
        return made;
    };
    std::vector<std::string> fresh;
    std::thread([&] { fresh = texts(); }).join();  // a thread of its own: nothing kept yet
    EXPECT_EQ(texts(), fresh);
    EXPECT_EQ(texts(), fresh);
    EXPECT_EQ(fresh[values.size() - 2], "56.333333333333336");
    EXPECT_EQ(fresh.back(), "-0");
}

TEST(DeflatePool, PiecesMakeOneStream) {
    TempDir dir;
    const auto file = dir.path() / "pieces.zip";
    std::string expected;
    DeflatePool pool(1);
    pool.start();
    std::vector<DeflatePool::Ticket> tickets;
    for (int piece = 0; piece < 40; ++piece) {
        std::string text;
        for (int i = 0; i < 5000; ++i)
            text += "<c r=\"A" + std::to_string(piece * 5000 + i) + "\"><v>" + std::to_string(i * piece) + "</v></c>";
        expected += text;
        tickets.push_back(pool.add([text](std::string& out) { out += text; }));
    }
    const DeflatePool::Ticket empty = pool.add([](std::string&) {});
    pool.wait();
    const std::vector<DeflatedPart> parts = pool.take({tickets, {empty}});
    ASSERT_EQ(parts.size(), 2u);
    const DeflatedPart& part = parts[0];
    EXPECT_EQ(part.size, expected.size());
    std::size_t compressed = 0;
    for (const std::string& chunk : part.chunks) compressed += chunk.size();
    EXPECT_LT(compressed, expected.size() / 4);
    {
        ZipWriter zip(file);
        zip.add("pieces.xml", ZipWriter::deflated, part.crc, part.size, {part.chunks.begin(), part.chunks.end()});
        const DeflatedPart& nothing = parts[1];
        zip.add("empty.xml", ZipWriter::deflated, nothing.crc, nothing.size, {nothing.chunks.begin(), nothing.chunks.end()});
        zip.add("stored.txt", ZipWriter::stored, 0x3610a686, 5, {"hello"});
        zip.finish();
    }
    EXPECT_EQ(read_part(file, "pieces.xml"), expected);
    EXPECT_EQ(read_part(file, "empty.xml"), "");
    EXPECT_EQ(read_part(file, "stored.txt"), "hello");
    EXPECT_EQ(zip_parts(file).size(), 3u);
}

TEST(DeflatePool, AFailingPieceIsReported) {
    for (const bool threads : {false, true}) {
        DeflatePool pool(1);
        if (threads) pool.start();
        pool.add([](std::string& out) { out += "fine"; });
        pool.add([](std::string&) { throw std::runtime_error("no"); });
        pool.add([](std::string& out) { out += "never read"; });
        EXPECT_THROW(pool.wait(), std::runtime_error);
    }
}

TEST(ZipWriter, RefusesWhatNeedsZip64) {
    TempDir dir;
    ZipWriter many(dir.path() / "many.zip");
    for (int i = 0; i < 0xFFFF; ++i) many.add(std::to_string(i), ZipWriter::stored, 0, 0, {});
    EXPECT_THROW(many.add("one too many", ZipWriter::stored, 0, 0, {}), Refused);
    ZipWriter huge(dir.path() / "huge.zip");
    EXPECT_THROW(huge.add("huge.xml", ZipWriter::deflated, 0, 5ull << 30, {"x"}), Refused);
}

}  // namespace
}  // namespace exemplar
