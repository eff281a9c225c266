// xlsx_table(): the first worksheet of a workbook as a TableReader (declared
// in xlsx_reader.h).
#include <chrono>
#include <limits>

#include <fmt/format.h>

#include "core/csv_reader.h"
#include "core/error.h"
#include "core/translate.h"
#include "core/utf8.h"
#include "core/xlsx_reader.h"

namespace exemplar {

namespace {

// A date cell as people wrote it: YYYY-MM-DD from its serial number (1900 date system).
std::string date_text(const XlsxCell& cell) {
    if (cell.type != XlsxCellType::number || cell.number < 1 || cell.number > 2958465) return cell.text;
    using namespace std::chrono;
    const year_month_day day{sys_days{year{1899} / December / 30} + days{static_cast<int>(cell.number)}};
    return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

class XlsxTable final : public TableReader {
public:
    explicit XlsxTable(XlsxWorkbook book) : book_(std::move(book)), sheet_(book_.sheet(0)) {}

    bool next_row(std::vector<std::string_view>& cells) override {
        cells.clear();
        if (stopped_) return false;
        try {
            if (!sheet_.next_row(cells_)) {
                stopped_ = true;
                return false;
            }
        } catch (const InputRefused& refused) {
            problems_.insert(problems_.end(), refused.diagnostics().begin(), refused.diagnostics().end());
            stopped_ = true;
            return false;
        }
        row_ = cells_.front().row;
        if (header_row_ == 0) header_row_ = row_;
        const std::size_t width = cells_.back().column;
        texts_.resize(width);
        for (std::string& text : texts_) text.clear();
        for (XlsxCell& cell : cells_) {
            check(cell);
            texts_[cell.column - 1] = std::move(cell.text);
        }
        cells.assign(texts_.begin(), texts_.end());
        return true;
    }

    std::size_t row_number() const override { return row_; }
    bool row_has_problems() const override {
        return !problems_.empty() && static_cast<std::size_t>(problems_.back().line) == row_;
    }
    std::vector<Diagnostic> problems() const override { return problems_; }

    Diagnostic at(std::size_t row, std::size_t column, std::string message) const override {
        // Row 1 means the header, wherever the header is (blank rows above it are skipped).
        if (row == 1 && header_row_ > 1) row = header_row_;
        const auto clamp = [](std::size_t n) {
            return static_cast<std::uint32_t>(std::min<std::size_t>(n, std::numeric_limits<std::uint32_t>::max()));
        };
        return book_.at(0, clamp(row), clamp(column), std::move(message));
    }
    const std::string& name() const override { return book_.name(); }
    double progress() const override { return stopped_ ? 1.0 : sheet_.progress(); }

private:
    void check(const XlsxCell& cell) {
        // Exchange files hold ids, names, words and answers: never an error value or a date.
        if (cell.type == XlsxCellType::error) {
            problems_.push_back(book_.at(0, cell.row, cell.column,
                                         tr({"单元格是 Excel 错误值 {0}，请填写实际内容", "the cell holds the Excel error {0}: type the value itself"},
                                            cell.text)));
            return;
        }
        if (cell.date) {
            problems_.push_back(book_.at(0, cell.row, cell.column,
                                         tr({"单元格是日期（{0}），这里应填写文字或编号；请把单元格格式设为“文本”后重新输入",
                                             "the cell holds a date ({0}) where text or an id belongs: format the cell as text and type it again"},
                                            date_text(cell))));
            return;
        }
        for (const char c : cell.text) {
            if (is_forbidden_control(static_cast<unsigned char>(c))) {
                problems_.push_back(book_.at(0, cell.row, cell.column,
                                             tr({"单元格中有不允许的控制字符 U+{0:04X}", "the cell holds a control character U+{0:04X}"},
                                                static_cast<unsigned char>(c))));
                break;
            }
        }
        if (cell.text.size() > max_cell_characters && utf8_length(cell.text) > max_cell_characters)
            problems_.push_back(book_.at(0, cell.row, cell.column,
                                         tr({"单元格超过 {0} 个字符", "the cell is longer than {0} characters"}, max_cell_characters)));
    }

    XlsxWorkbook book_;
    XlsxWorkbook::SheetReader sheet_;
    std::vector<XlsxCell> cells_;
    std::vector<std::string> texts_;
    std::vector<Diagnostic> problems_;
    std::size_t row_ = 0;
    std::size_t header_row_ = 0;
    bool stopped_ = false;
};

}  // namespace

std::unique_ptr<TableReader> xlsx_table(const std::filesystem::path& path) {
    return std::make_unique<XlsxTable>(XlsxWorkbook::open(path));
}

}  // namespace exemplar
