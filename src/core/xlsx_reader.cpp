#include "core/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>

#include "core/error.h"
#include "core/translate.h"
#include "core/xlsx_package.h"
#include "core/xlsx_shared_strings.h"
#include "core/xlsx_styles.h"
#include "core/xlsx_xml.h"
#include "core/zip_archive.h"

namespace exemplar {

namespace {

constexpr std::uint32_t max_rows = 1'048'576;
constexpr std::uint32_t max_columns = 16'384;  // XFD

// A problem at a cell of the sheet being read.
class CellProblem : public Error {
public:
    CellProblem(std::uint32_t row_number, std::uint32_t column_number, const std::string& message)
        : Error(message), row(row_number), column(column_number) {}
    std::uint32_t row;
    std::uint32_t column;
};

std::string_view trim_ascii(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

template <class Number>
std::optional<Number> parse_whole(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim_ascii(text);
    if (text.starts_with('+')) text.remove_prefix(1);
    const auto value = parse_whole<double>(text);
    if (!value || !std::isfinite(*value)) return std::nullopt;
    return value;
}

// The shortest text that reads back to the same double; whole numbers
// (below 1e21) as integers: 1000000, not 1e+06 or 1000000.0.
std::string number_text(double value) {
    if (value == 0) return "0";
    char buffer[64];
    const bool whole = std::fabs(value) < 1e21 && std::trunc(value) == value;
    const auto result = whole ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                              : std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

// An ISO 8601 date or date-time (t="d" cells) as an Excel serial number.
std::optional<double> iso_date_serial(std::string_view text) {
    text = trim_ascii(text);
    const auto digits = [&](std::size_t at, std::size_t count) -> std::optional<int> {
        if (text.size() < at + count) return std::nullopt;
        return parse_whole<int>(text.substr(at, count));
    };
    const auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (!y || !m || !d || text[4] != '-' || text[7] != '-') return std::nullopt;
    using namespace std::chrono;
    const year_month_day date{year(*y), month(static_cast<unsigned>(*m)), day(static_cast<unsigned>(*d))};
    if (!date.ok()) return std::nullopt;
    auto days = (sys_days(date) - sys_days(year(1899) / December / 30)).count();
    if (days < 61) --days;  // Excel counts a 29 February 1900 that never was
    double serial = static_cast<double>(days);
    if (text.size() > 10) {
        if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
        const auto h = digits(11, 2), mi = digits(14, 2);
        if (!h || !mi || text.size() < 16 || text[13] != ':') return std::nullopt;
        double seconds = 0;
        std::string_view rest = text.substr(16);
        if (rest.starts_with(':')) {
            rest.remove_prefix(1);
            std::size_t length = 0;
            while (length < rest.size() && ((rest[length] >= '0' && rest[length] <= '9') || rest[length] == '.')) ++length;
            const auto s = parse_whole<double>(rest.substr(0, length));
            if (!s) return std::nullopt;
            seconds = *s;
            rest.remove_prefix(length);
        }
        if (!rest.empty() && rest != "Z") return std::nullopt;
        if (*h > 24 || *mi > 59 || seconds >= 61) return std::nullopt;
        serial += (*h * 3600.0 + *mi * 60.0 + seconds) / 86400.0;
    }
    return serial;
}

struct CellReference {
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    bool in_range = true;
};

// "B7" → row 7, column 2; nullopt when it is not a cell reference at all.
std::optional<CellReference> parse_reference(std::string_view text) {
    std::size_t i = 0;
    std::uint64_t column = 0;
    while (i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) {
        const char upper = static_cast<char>(text[i] >= 'a' ? text[i] - 'a' + 'A' : text[i]);
        column = column * 26 + static_cast<std::uint64_t>(upper - 'A' + 1);
        if (column > max_columns) column = max_columns + 1;  // no overflow, still out of range
        ++i;
    }
    if (i == 0 || i == text.size()) return std::nullopt;
    std::uint64_t row = 0;
    for (std::size_t j = i; j < text.size(); ++j) {
        if (text[j] < '0' || text[j] > '9') return std::nullopt;
        row = row * 10 + static_cast<std::uint64_t>(text[j] - '0');
        if (row > max_rows) row = max_rows + 1;
    }
    CellReference reference;
    reference.in_range = row >= 1 && row <= max_rows && column <= max_columns;
    reference.row = static_cast<std::uint32_t>(std::clamp<std::uint64_t>(row, 1, max_rows));
    reference.column = static_cast<std::uint32_t>(std::min<std::uint64_t>(column, max_columns));
    return reference;
}

std::string quoted_sheet_name(const std::string& name) {
    bool plain = !name.empty() && !(name.front() >= '0' && name.front() <= '9');
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
            plain = false;
    }
    if (plain) return name;
    std::string quoted = "'";
    for (const char c : name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace

std::string cell_reference(std::uint32_t row, std::uint32_t column) {
    std::string letters;
    for (std::uint32_t c = std::max<std::uint32_t>(column, 1); c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

namespace {

// What every reader of one workbook shares; sheet readers keep it alive.
struct XlsxBook {
    std::string name;
    XlsxLimits limits;
    ZipArchive zip;
    std::vector<WorkbookSheet> sheets;
    SharedStrings strings;
    std::vector<bool> date_styles;

    Diagnostic at(std::size_t sheet, std::uint32_t row, std::uint32_t column, std::string message) const {
        row = std::clamp<std::uint32_t>(row, 1, max_rows);
        column = std::clamp<std::uint32_t>(column, 1, max_columns);
        const std::string sheet_name = sheet < sheets.size() ? sheets[sheet].name : "?";
        return Diagnostic{name, static_cast<int>(row), static_cast<int>(column),
                          quoted_sheet_name(sheet_name) + "!" + cell_reference(row, column), std::move(message)};
    }
};

// The cells of a worksheet's XML, one row at a time: suspends parsing at the
// end of each row that holds a value.
class SheetCells final : public XmlHandler {
public:
    explicit SheetCells(const XlsxBook& book) : book_(book) {}

    bool row_ready = false;
    std::vector<XlsxCell> cells;

    // Where reading is, for locating a problem that is not about one cell.
    std::uint32_t row() const { return in_row_ ? row_ : std::max<std::uint32_t>(last_row_, 1); }
    std::uint32_t column() const { return in_row_ && next_column_ > 1 ? next_column_ - 1 : 1; }

    void start(std::string_view name, const Attributes& attributes) override {
        if (name == "sheetData") {
            in_data_ = true;
            return;
        }
        if (!in_data_) return;
        if (name == "row") {
            start_row(attributes);
        } else if (name == "c") {
            start_cell(attributes);
        } else if (in_cell_) {
            if (name == "v") {
                in_value_ = true;
                has_value_ = true;
            } else if (name == "f") {
                formula_ = true;
            } else if (name == "is") {
                in_inline_ = true;
                has_inline_ = true;
            } else if (in_inline_ && name == "rPh") {
                ++phonetic_depth_;
            } else if (in_inline_ && name == "t" && phonetic_depth_ == 0) {
                in_text_ = true;
            }
        }
    }

    void end(std::string_view name) override {
        if (!in_data_) return;
        if (name == "sheetData") {
            in_data_ = false;
        } else if (name == "row") {
            end_row();
        } else if (name == "c") {
            if (in_cell_) end_cell();
            in_cell_ = false;
        } else if (name == "v") {
            in_value_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (name == "rPh") {
            if (phonetic_depth_ > 0) --phonetic_depth_;
        } else if (name == "t") {
            in_text_ = false;
        }
    }

    void text(std::string_view text) override {
        if (!in_cell_) return;
        if (in_value_)
            value_ += text;
        else if (in_inline_ && in_text_ && phonetic_depth_ == 0)
            inline_ += text;
        else
            return;
        if (row_bytes_ + value_.size() + inline_.size() > book_.limits.max_row_bytes) too_much_text();
    }

private:
    [[noreturn]] void too_much_text() const {
        throw CellProblem(row_, column_, tr({"这一行的文字超过 {0}，拒绝读取", "the row holds more than {0} of text: refused"},
                                            size_text(book_.limits.max_row_bytes)));
    }

    void start_row(const Attributes& attributes) {
        if (in_row_) throw CellProblem(row_, 1, tr({"工作表的 XML 结构有误（行中套行）", "the sheet's XML is wrong (a row inside a row)"}));
        in_row_ = true;
        row_ready = false;
        cells.clear();
        row_bytes_ = 0;
        next_column_ = 1;
        if (const char* r = attributes.find("r")) {
            const auto number = parse_whole<std::uint64_t>(trim_ascii(r));
            if (!number || *number == 0)
                throw CellProblem(last_row_ + 1, 1, tr({"行号“{0}”无效", "the row number '{0}' is not valid"}, r));
            if (*number > max_rows)
                throw CellProblem(max_rows, 1, tr({"行号 {0} 超出了 Excel 的最大行号 {1}", "the row number {0} is beyond Excel's last row {1}"},
                                                  *number, max_rows));
            row_ = static_cast<std::uint32_t>(*number);
            row_known_ = true;
            check_row_order();
        } else {
            if (last_row_ >= max_rows)
                throw CellProblem(max_rows, 1, tr({"行数超出了 Excel 的最大行号 {0}", "more rows than Excel's last row {0}"}, max_rows));
            row_ = last_row_ + 1;
            row_known_ = false;  // a cell's reference may still say which row this is
        }
    }

    void check_row_order() const {
        if (row_ <= last_row_)
            throw CellProblem(row_, 1, tr({"第 {0} 行出现在第 {1} 行之后（行的顺序错乱或重复）",
                                           "row {0} comes after row {1} (rows out of order or repeated)"},
                                          row_, last_row_));
    }

    void start_cell(const Attributes& attributes) {
        if (!in_row_) throw CellProblem(row(), 1, tr({"工作表的 XML 结构有误（单元格不在行内）", "the sheet's XML is wrong (a cell outside a row)"}));
        if (in_cell_) throw CellProblem(row_, column_, tr({"工作表的 XML 结构有误（单元格中套单元格）", "the sheet's XML is wrong (a cell inside a cell)"}));
        if (const char* r = attributes.find("r")) {
            const auto reference = parse_reference(trim_ascii(r));
            if (!reference)
                throw CellProblem(row_, next_column_, tr({"单元格引用“{0}”无效", "the cell reference '{0}' is not valid"}, r));
            if (!reference->in_range)
                throw CellProblem(reference->row, reference->column,
                                  tr({"单元格引用“{0}”超出了 Excel 的范围（最大为 XFD1048576）",
                                      "the cell reference '{0}' is beyond Excel's last cell XFD1048576"},
                                     r));
            if (reference->row != row_) {
                if (row_known_ || !cells.empty() || next_column_ != 1)
                    throw CellProblem(reference->row, reference->column,
                                      tr({"单元格 {0} 写在第 {1} 行中", "the cell {0} is inside row {1}"}, r, row_));
                row_ = reference->row;  // a row without its number: the cell's reference says it
                check_row_order();
            }
            row_known_ = true;
            column_ = reference->column;
        } else {
            if (next_column_ > max_columns)
                throw CellProblem(row_, max_columns, tr({"第 {0} 行的单元格超出了 Excel 的最大列 XFD", "row {0} has cells beyond Excel's last column XFD"}, row_));
            column_ = next_column_;
        }
        next_column_ = column_ + 1;
        in_cell_ = true;
        const char* type = attributes.find("t");
        type_ = type != nullptr ? type : "n";
        const char* style = attributes.find("s");
        style_ = style != nullptr ? parse_whole<std::size_t>(trim_ascii(style)).value_or(0) : 0;
        value_.clear();
        inline_.clear();
        has_value_ = has_inline_ = formula_ = false;
        in_value_ = in_inline_ = in_text_ = false;
        phonetic_depth_ = 0;
    }

    void end_cell() {
        XlsxCell cell;
        cell.row = row_;
        cell.column = column_;
        cell.formula = formula_;
        if (type_ == "s") {
            const std::string_view index_text = trim_ascii(value_);
            if (index_text.empty()) return;
            const auto index = parse_whole<std::size_t>(index_text);
            if (!index || *index >= book_.strings.size())
                throw CellProblem(row_, column_, tr({"单元格引用了不存在的共享字符串 {0}（共 {1} 个）",
                                                     "the cell refers to shared string {0}, which does not exist (there are {1})"},
                                                    index_text, book_.strings.size()));
            cell.text = book_.strings.at(*index);
        } else if (type_ == "inlineStr") {
            cell.text = decode_office_escapes(has_inline_ ? std::move(inline_) : std::move(value_));
        } else if (type_ == "str") {
            cell.text = decode_office_escapes(std::move(value_));
        } else if (type_ == "b") {
            const std::string_view flag = trim_ascii(value_);
            if (flag.empty()) return;
            cell.type = XlsxCellType::boolean;
            if (flag == "1" || flag == "true") {
                cell.text = "TRUE";
                cell.number = 1;
            } else if (flag == "0" || flag == "false") {
                cell.text = "FALSE";
            } else {
                throw CellProblem(row_, column_, tr({"“{0}”不是逻辑值（应为 0 或 1）", "'{0}' is not a boolean (0 or 1)"}, flag));
            }
        } else if (type_ == "e") {
            cell.type = XlsxCellType::error;
            cell.text = trim_ascii(value_);
        } else if (type_ == "d") {
            const std::string_view text = trim_ascii(value_);
            if (text.empty()) return;
            cell.date = true;
            if (const auto serial = iso_date_serial(text)) {
                cell.type = XlsxCellType::number;
                cell.number = *serial;
                cell.text = number_text(*serial);
            } else {
                cell.text = text;
            }
        } else if (type_ == "n") {
            const std::string_view text = trim_ascii(value_);
            if (text.empty()) return;  // e.g. a formula without a cached value
            const auto number = parse_number(text);
            if (!number)
                throw CellProblem(row_, column_, tr({"“{0}”不是数字", "'{0}' is not a number"}, text.substr(0, 64)));
            cell.type = XlsxCellType::number;
            cell.number = *number;
            cell.text = number_text(*number);
            cell.date = style_ < book_.date_styles.size() && book_.date_styles[style_];
        } else {
            cell.text = decode_office_escapes(std::move(value_));  // a type from the future: keep its text
        }
        if (cell.text.empty()) return;
        row_bytes_ += cell.text.size();
        if (row_bytes_ > book_.limits.max_row_bytes) too_much_text();
        cells.push_back(std::move(cell));
    }

    void end_row() {
        if (!in_row_) return;
        in_row_ = false;
        in_cell_ = false;
        last_row_ = row_;
        if (cells.empty()) return;
        std::stable_sort(cells.begin(), cells.end(), [](const XlsxCell& a, const XlsxCell& b) { return a.column < b.column; });
        for (std::size_t i = 1; i < cells.size(); ++i)
            if (cells[i].column == cells[i - 1].column)
                throw CellProblem(row_, cells[i].column, tr({"单元格 {0} 出现了两次", "the cell {0} appears twice"},
                                                            cell_reference(row_, cells[i].column)));
        row_ready = true;
        suspend();
    }

    const XlsxBook& book_;
    bool in_data_ = false;
    bool in_row_ = false;
    bool row_known_ = false;
    std::uint32_t row_ = 0;
    std::uint32_t last_row_ = 0;
    std::uint32_t next_column_ = 1;
    std::uint64_t row_bytes_ = 0;
    // The cell being read.
    bool in_cell_ = false;
    std::uint32_t column_ = 1;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    std::string inline_;
    bool has_value_ = false;
    bool has_inline_ = false;
    bool formula_ = false;
    bool in_value_ = false;
    bool in_inline_ = false;
    bool in_text_ = false;
    int phonetic_depth_ = 0;
};

ZipLimits zip_limits(const XlsxLimits& limits) {
    ZipLimits zip;
    zip.max_part_bytes = limits.max_part_bytes;
    zip.max_total_bytes = limits.max_total_bytes;
    zip.max_ratio = limits.max_ratio;
    zip.max_entries = limits.max_parts;
    return zip;
}

bool is_compound_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[8] = {};
    in.read(magic, sizeof magic);
    return in.gcount() == 8 && std::string_view(magic, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

}  // namespace

struct XlsxWorkbook::Impl {
    std::shared_ptr<const XlsxBook> book;
};

struct XlsxWorkbook::SheetReader::Impl {
    Impl(std::shared_ptr<const XlsxBook> shared, std::size_t sheet_index, ZipEntry part)
        : book(std::move(shared)), index(sheet_index), cells(*book), xml(std::move(part), cells) {}
    std::shared_ptr<const XlsxBook> book;
    std::size_t index;
    SheetCells cells;
    XmlStream xml;
    bool done = false;
};

XlsxWorkbook XlsxWorkbook::open(const std::filesystem::path& path, const XlsxLimits& limits) {
    const std::string name = path.string();
    // A problem of the whole file is placed at its start, as for CSV (FILE:1:1).
    const auto refuse = [&](std::string message) { throw InputRefused(Diagnostic{name, 1, 1, {}, std::move(message)}); };
    if (is_compound_file(path))
        refuse(tr({"这是旧版 Excel（.xls）文件或加密的工作簿，请在 Excel 或 WPS 中另存为未加密的 .xlsx",
                   "this is a legacy .xls file or an encrypted workbook: save it as an unencrypted .xlsx in Excel or WPS"}));
    try {
        ZipArchive zip = ZipArchive::open(path, zip_limits(limits));
        WorkbookParts parts = read_workbook_parts(zip);
        if (parts.sheets.empty()) refuse(tr({"工作簿中没有工作表", "the workbook has no worksheets"}));
        std::vector<bool> date_styles;
        if (parts.styles && zip.find(*parts.styles)) date_styles = read_date_styles(open_part(zip, *parts.styles));
        SharedStrings strings;
        if (!parts.shared_strings) {
            // No relationship names it: some writers still put it in the usual place.
            const auto folder = parts.workbook.substr(0, parts.workbook.rfind('/') + 1);
            if (zip.find(folder + "sharedStrings.xml")) parts.shared_strings = folder + "sharedStrings.xml";
        }
        if (parts.shared_strings) strings = SharedStrings::read(open_part(zip, *parts.shared_strings), limits.max_shared_strings);
        auto book = std::make_shared<XlsxBook>(XlsxBook{name, limits, std::move(zip), std::move(parts.sheets),
                                                        std::move(strings), std::move(date_styles)});
        return XlsxWorkbook(std::make_unique<Impl>(Impl{std::move(book)}));
    } catch (const ArchiveProblem& problem) {
        refuse(problem.what());
    }
    throw Error("unreachable");
}

XlsxWorkbook::XlsxWorkbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook::~XlsxWorkbook() = default;

const std::string& XlsxWorkbook::name() const { return impl_->book->name; }
std::size_t XlsxWorkbook::sheet_count() const { return impl_->book->sheets.size(); }
const std::string& XlsxWorkbook::sheet_name(std::size_t index) const { return impl_->book->sheets.at(index).name; }
bool XlsxWorkbook::sheet_hidden(std::size_t index) const { return impl_->book->sheets.at(index).hidden; }

std::optional<std::size_t> XlsxWorkbook::sheet_index(std::string_view name) const {
    const auto& sheets = impl_->book->sheets;
    for (std::size_t i = 0; i < sheets.size(); ++i)
        if (sheets[i].name == name) return i;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < sheets.size(); ++i)  // Excel's sheet names ignore case
        if (std::equal(sheets[i].name.begin(), sheets[i].name.end(), name.begin(), name.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }))
            return i;
    return std::nullopt;
}

XlsxWorkbook::SheetReader XlsxWorkbook::sheet(std::size_t index) const {
    const auto& book = impl_->book;
    if (index >= book->sheets.size()) throw Error(fmt::format("no worksheet {} in {}", index, book->name));
    try {
        return SheetReader(std::make_unique<SheetReader::Impl>(book, index, open_part(book->zip, book->sheets[index].part)));
    } catch (const ArchiveProblem& problem) {
        throw InputRefused(book->at(index, 1, 1, problem.what()));
    }
}

Diagnostic XlsxWorkbook::at(std::size_t sheet, std::uint32_t row, std::uint32_t column, std::string message) const {
    return impl_->book->at(sheet, row, column, std::move(message));
}

XlsxWorkbook::SheetReader::SheetReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWorkbook::SheetReader::SheetReader(SheetReader&&) noexcept = default;
XlsxWorkbook::SheetReader::~SheetReader() = default;

bool XlsxWorkbook::SheetReader::next_row(std::vector<XlsxCell>& cells) {
    cells.clear();
    Impl& reader = *impl_;
    if (reader.done) return false;
    try {
        for (;;) {
            reader.cells.row_ready = false;
            const bool more = reader.xml.next();
            if (reader.cells.row_ready) {
                reader.cells.row_ready = false;
                cells.swap(reader.cells.cells);
                return true;
            }
            if (!more) {
                reader.done = true;
                return false;
            }
        }
    } catch (const CellProblem& problem) {
        reader.done = true;
        throw InputRefused(reader.book->at(reader.index, problem.row, problem.column, problem.what()));
    } catch (const ArchiveProblem& problem) {
        reader.done = true;
        throw InputRefused(reader.book->at(reader.index, reader.cells.row(), reader.cells.column(), problem.what()));
    }
}

double XlsxWorkbook::SheetReader::progress() const { return impl_->done ? 1.0 : impl_->xml.progress(); }

}  // namespace exemplar
