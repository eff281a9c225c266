#include "core/table_reader.h"

#include <cctype>

#include "core/csv_table.h"
#include "core/error.h"
#include "core/translate.h"
#include "core/utf8.h"
#include "core/whole_file.h"
#include "core/xlsx_reader.h"

namespace exemplar {

namespace {

bool starts_with_bytes(std::string_view text, std::string_view magic) { return text.substr(0, magic.size()) == magic; }

}  // namespace

bool TableReader::next_rows(RowBlock& block) {
    if (!next_row(block.own_cells)) return false;
    block.own_rows.assign(1, RowBlock::Row{row_number(), 0, block.own_cells.size(), cells_as_before(), row_has_problems()});
    block.rows = block.own_rows;
    block.cells = block.own_cells;
    return true;
}

std::unique_ptr<TableReader> csv_table(std::string display_name, std::string text) {
    return read_ahead_csv_table(std::move(display_name), std::move(text));
}

std::unique_ptr<TableReader> open_table(const std::filesystem::path& path) {
    // What kind of file it is shows in its first bytes; a CSV file is then read on the table's own thread.
    const std::string text = read_file_start(path, 4096);
    const std::string name = path.string();
    const auto refuse = [&](std::string message) { throw InputRefused(Diagnostic{name, 1, 1, {}, std::move(message)}); };
    // Legacy .xls files (and encrypted .xlsx, which Office wraps the same way) are OLE2 compound files.
    if (starts_with_bytes(text, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        refuse(tr({"这是旧版 Excel（.xls）或加密的文件，请在 Excel/WPS 中另存为未加密的 .xlsx 或 CSV（UTF-8）",
                   "this is a legacy Excel (.xls) or encrypted file: save it as an unencrypted .xlsx or as CSV (UTF-8)"}));
    if (starts_with_bytes(text, "PK\x03\x04")) return xlsx_table(path);
    // Excel's "save as web page" and XML spreadsheets are often named .xls.
    const std::string_view head = trim_cell(std::string_view(text).substr(text.starts_with("\xEF\xBB\xBF") ? 3 : 0, 512));
    if (head.starts_with("<")) {
        std::string lower(head.substr(0, 64));
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower.starts_with("<html") || lower.starts_with("<!doctype") || lower.starts_with("<?xml") || lower.starts_with("<table"))
            refuse(tr({"这是网页或 XML 格式的表格（常被命名为 .xls），请在 Excel/WPS 中另存为 .xlsx 或 CSV（UTF-8）",
                       "this is a web page or XML spreadsheet (often named .xls): save it as .xlsx or as CSV (UTF-8) in Excel or WPS"}));
    }
    if (looks_like_utf16(text))
        refuse(tr({"文件是 UTF-16 编码，请另存为 UTF-8", "the file is UTF-16; save it as UTF-8"}));
    return read_ahead_csv_file(name, path);
}

std::string_view trim_spaces(std::string_view cell) {
    const auto is_space_at_front = [&](std::string_view s) -> std::size_t {
        if (s.empty()) return 0;
        const char c = s.front();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
        if (s.starts_with("\xE3\x80\x80")) return 3;  // U+3000 ideographic space
        return 0;
    };
    const auto is_space_at_back = [&](std::string_view s) -> std::size_t {
        if (s.empty()) return 0;
        const char c = s.back();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
        if (s.ends_with("\xE3\x80\x80")) return 3;
        return 0;
    };
    while (const std::size_t n = is_space_at_front(cell)) cell.remove_prefix(n);
    while (const std::size_t n = is_space_at_back(cell)) cell.remove_suffix(n);
    return cell;
}

}  // namespace exemplar
