// The CSV reader: RFC 4180 quoting, line ends, records counted (not lines),
// located cell problems, and no crash on any mutation of a real file.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "core/table_reader.h"
#include "core/translate.h"

namespace exemplar {
namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, std::vector<CsvProblem>* problems = nullptr) {
    CsvReader csv(text);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string_view> fields;
    while (csv.next(fields)) rows.emplace_back(fields.begin(), fields.end());
    if (problems != nullptr) *problems = csv.problems();
    return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, FieldsQuotesAndLineEnds) {
    EXPECT_EQ(read_all("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
    EXPECT_EQ(read_all("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(read_all("a,b\r1,2"), (Rows{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(read_all("\"x,y\",\"say \"\"hi\"\"\",\"\"\n"), (Rows{{"x,y", "say \"hi\"", ""}}));
    EXPECT_EQ(read_all("\"two\nlines\",z\nnext,row\n"), (Rows{{"two\nlines", "z"}, {"next", "row"}}));
    EXPECT_EQ(read_all("a,,\n"), (Rows{{"a", "", ""}}));
    EXPECT_EQ(read_all("\xEF\xBB\xBFid\n1\n"), (Rows{{"id"}, {"1"}}));
    EXPECT_EQ(read_all("a\n\nb\n"), (Rows{{"a"}, {""}, {"b"}}));
    EXPECT_EQ(read_all(""), Rows{});
}

// Cells longer than the sixteen bytes looked at at once, with what ends or
// spoils them at every position (and Chinese bytes, above 0x7F, plain).
TEST(CsvReader, LongCellsEndAndCarryControlsAtAnyByte) {
    set_language(Language::english);
    for (std::size_t at = 0; at < 40; ++at) {
        const std::string before(at, 'x');
        const std::string after = "天地" + std::string(40 - at, 'y');
        EXPECT_EQ(read_all(before + "," + after + "\n" + before + after), (Rows{{before, after}, {before + after}})) << at;
        for (const char control : {'\x01', '\x1F', '\x7F'}) {
            std::vector<CsvProblem> problems;
            const auto rows = read_all("h\n" + before + control + after + ",z\n", &problems);
            ASSERT_EQ(rows.size(), 2u);
            EXPECT_EQ(rows[1], (std::vector<std::string>{before + control + after, "z"}));
            ASSERT_EQ(problems.size(), 1u) << at;
            EXPECT_EQ(problems[0].record, 2u);
            EXPECT_EQ(problems[0].field, 1u);
        }
    }
}

TEST(CsvReader, RecordsNotLinesAreCounted) {
    CsvReader csv("h\n\"1\n2\n3\"\nx\n");
    std::vector<std::string_view> fields;
    ASSERT_TRUE(csv.next(fields));
    ASSERT_TRUE(csv.next(fields));
    ASSERT_TRUE(csv.next(fields));
    EXPECT_EQ(csv.record_number(), 3u);
    EXPECT_EQ(fields[0], "x");
}

TEST(CsvReader, CellProblemsAreLocatedAndReadingGoesOn) {
    set_language(Language::english);
    std::vector<CsvProblem> problems;
    const auto rows = read_all("a,b\n1,\x01x\n\xC4\xE3,ok\n" + std::string(40000, 'z') + ",y\n", &problems);
    EXPECT_EQ(rows.size(), 4u);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].record, 2u);
    EXPECT_EQ(problems[0].field, 2u);
    EXPECT_EQ(problems[0].message, "the cell holds a control character U+0001");
    EXPECT_EQ(problems[1].record, 3u);
    EXPECT_EQ(problems[1].field, 1u);
    EXPECT_EQ(problems[2].message, "the cell is longer than 32767 characters");
    // 32,767 Chinese characters are fine (the limit is characters, not bytes).
    std::string long_chinese;
    for (int i = 0; i < 32767; ++i) long_chinese += "字";
    read_all(long_chinese + "\n", &problems);
    EXPECT_TRUE(problems.empty());
}

TEST(CsvReader, UnclosedQuoteAndTextAfterAQuoteStopReading) {
    set_language(Language::english);
    std::vector<CsvProblem> problems;
    EXPECT_EQ(read_all("a\n\"open\nmore\n", &problems).size(), 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].record, 2u);
    EXPECT_EQ(problems[0].message, "a quoted field is not closed");
    read_all("\"a\"b,c\n", &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, 1u);
}

// Random records written as a CSV writer would (quoted where needed, any
// line end) read back field for field, with their problems, whichever way
// the reader splits them: in one go for a short plain line, else byte by byte.
TEST(CsvReader, WrittenRecordsReadBack) {
    std::mt19937 random(77);
    const std::vector<std::string> pieces = {"A01", "优秀", "", "5", "x y", "\t", "\x01", "\x7F", ",", "\"", "\n", "\xC4", "长长长长长长长长长长长长"};
    for (int round = 0; round < 300; ++round) {
        std::vector<std::vector<std::string>> records;
        std::string text;
        const int line_end = round % 3;
        for (int r = 0; r < 40; ++r) {
            std::vector<std::string> record;
            for (int f = 0, n = 1 + static_cast<int>(random() % 7); f < n; ++f) {
                std::string field;
                for (int k = 0, m = static_cast<int>(random() % 4); k < m; ++k) {
                    // Mostly plain pieces: the lines the reader splits in one go.
                    const std::size_t piece = random() % 4 == 0 ? random() % pieces.size() : random() % 5;
                    field += pieces[piece];
                }
                record.push_back(field);
            }
            if (record.size() == 1 && record[0].empty()) record[0] = "z";  // an empty line is a record of one empty field
            std::string line;
            for (std::size_t f = 0; f < record.size(); ++f) {
                const std::string& field = record[f];
                const bool quoted = field.find_first_of(",\"\r\n") != std::string::npos;
                std::string written;
                for (const char c : field) written += c == '"' ? std::string("\"\"") : std::string(1, c);
                line += (f > 0 ? "," : "") + (quoted ? "\"" + written + "\"" : written);
            }
            text += line + (line_end == 0 ? "\n" : line_end == 1 ? "\r\n" : "\r");
            records.push_back(record);
        }
        std::vector<CsvProblem> problems;
        const auto read = read_all(text, &problems);
        ASSERT_EQ(read, records) << round;
        // Exactly the fields holding a forbidden control character or bad UTF-8 are reported.
        std::size_t spoilt = 0;
        for (const auto& record : records)
            for (const auto& field : record)
                if (field.find_first_of("\x01\x7F\xC4") != std::string::npos) ++spoilt;
        EXPECT_EQ(problems.size(), spoilt) << round;
    }
}

// The encoding is checked a megabyte at a time as reading goes: characters
// across the megabytes' edges are whole, bad bytes far into the file are
// each found in their cell.
TEST(CsvReader, EncodingCheckedAsReadingGoes) {
    set_language(Language::english);
    std::string text;
    std::size_t records = 0;
    while (text.size() < (3u << 20)) {
        text += "P" + std::to_string(records) + ",优秀" + std::string(records % 7, 'x') + ",称职\n";
        ++records;
    }
    std::vector<CsvProblem> problems;
    EXPECT_EQ(read_all(text, &problems).size(), records);
    EXPECT_TRUE(problems.empty()) << problems.front().record << ": " << problems.front().message;
    // Two bad bytes, in records past the first and second megabytes.
    const auto spoil = [&](std::size_t near) {
        const std::size_t line = text.find('\n', near) + 1;
        text[text.find(',', line) + 1] = '\xC4';  // the first byte of 优 replaced: its other two are stray
        return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line), '\n')) + 1;
    };
    const std::size_t first = spoil(1500000), second = spoil(2700000);
    EXPECT_EQ(read_all(text, &problems).size(), records);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].record, first);
    EXPECT_EQ(problems[0].field, 2u);
    EXPECT_EQ(problems[1].record, second);
}

TEST(CsvReader, MutatedFilesNeverCrash) {
    const std::string base =
        "评价人工号,被评价人工号,关系,题号,答案\nA01,A02,同事,B1,优秀\n\"A0\"\"3\",A02,peer,B2,\"称职\"\r\nA04,A02,上级,L1,5\n";
    std::mt19937 random(4242);
    const std::string alphabet = ",\"\r\n\x00\x01\xC4\xE4\xBD\xA0 aZ5";
    for (int round = 0; round < 20000; ++round) {
        std::string text = base;
        for (int e = 0; e < 1 + static_cast<int>(random() % 6); ++e) {
            const std::size_t at = random() % (text.size() + 1);
            const char c = alphabet[random() % alphabet.size()];
            if (random() % 3 == 0 && at < text.size())
                text.erase(at, 1);
            else
                text.insert(at, 1, c);
        }
        CsvReader csv(text);
        std::vector<std::string_view> fields;
        std::size_t records = 0;
        while (csv.next(fields)) {
            ++records;
            for (const auto field : fields) {
                // Every view lies inside the text or the reader's buffer and is readable.
                volatile std::size_t sum = 0;
                for (const char c : field) sum = sum + static_cast<unsigned char>(c);
            }
            ASSERT_LE(records, text.size() + 1);
        }
        for (const CsvProblem& p : csv.problems()) {
            EXPECT_GE(p.record, 1u);
            EXPECT_GE(p.field, 1u);
            EXPECT_FALSE(p.message.empty());
        }
    }
}

}  // namespace
}  // namespace exemplar

namespace exemplar {
namespace {

struct SeenRow {
    std::size_t number, cells_as_before;
    bool has_problems;
    std::vector<std::string> cells;
    bool operator==(const SeenRow&) const = default;
};

// A table read row by row and the same read in blocks (after its header row
// by row) give the same rows, across the reading thread's batches, with
// cells unescaped into the reader's buffer and rows with problems.
TEST(CsvTable, RowsInBlocksAreTheRowsOneByOne) {
    std::string text = "rater,ratee,item,answer\n";
    for (int i = 0; i < 20000; ++i) {
        text += "P" + std::to_string(i / 30) + ",R" + std::to_string(i / 6) + ",";
        text += (i % 97 == 0 ? "\"say \"\"Q\"\"\"" : "Q" + std::to_string(i % 6)) + ",";
        text += (i % 1013 == 0 ? std::string("bad\x01") : std::to_string(i % 5)) + "\n";
    }
    std::vector<SeenRow> one_by_one, in_blocks;
    {
        const auto table = csv_table("t.csv", text);
        std::vector<std::string_view> cells;
        while (table->next_row(cells))
            one_by_one.push_back({table->row_number(), table->cells_as_before(), table->row_has_problems(), {cells.begin(), cells.end()}});
    }
    {
        const auto table = csv_table("t.csv", text);
        std::vector<std::string_view> cells;
        ASSERT_TRUE(table->next_row(cells));
        in_blocks.push_back({table->row_number(), table->cells_as_before(), table->row_has_problems(), {cells.begin(), cells.end()}});
        RowBlock block;
        std::size_t blocks = 0;
        while (table->next_rows(block)) {
            ++blocks;
            for (const RowBlock::Row& row : block.rows) {
                const auto row_cells = block.cells_of(row);
                in_blocks.push_back({row.number, row.cells_as_before, row.has_problems, {row_cells.begin(), row_cells.end()}});
            }
            EXPECT_EQ(table->row_number(), in_blocks.back().number);
        }
        EXPECT_GT(blocks, 2u);
    }
    ASSERT_EQ(one_by_one.size(), 20001u);
    EXPECT_TRUE(one_by_one == in_blocks);
    EXPECT_EQ(one_by_one[1].cells[2], "say \"Q\"");
    EXPECT_TRUE(one_by_one[1].has_problems);
    EXPECT_EQ(one_by_one[3].cells_as_before, 2u);  // P0,R0 as in the row before
}

}  // namespace
}  // namespace exemplar
