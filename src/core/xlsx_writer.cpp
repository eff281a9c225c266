#include "core/xlsx_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <map>

#include "core/error.h"
#include "core/json_writer.h"
#include "core/translate.h"
#include "core/utf8.h"
#include "core/xlsx_finish.h"

namespace exemplar::xlsx {

namespace {

constexpr lxw_color_t border_color = 0x000000;

// libdeflate level 1 for the sheets Exemplar writes: tens of MB of
// repetitive XML packed to about a seventh (as small as zlib's level 2, at
// less than half its time; libxlsxwriter's zlib level 6: an eighth, at eight
// times the time).
constexpr int deflate_level = 1;
constexpr lxw_color_t header_fill = 0xE7E6E6;

// Excel column width for text of this many display columns (a CJK character
// is two) in 宋体 11, with a little room either side.
double width_for(double display_columns) { return display_columns * 1.1 + 2.0; }
// For counting wrapped lines: what a column of this width holds, a little less generously guessed.
double display_columns_in(double width) { return std::max(1.0, (width - 1.5) / 1.05); }

double line_height(Style style) {
    switch (style) {
        case Style::title: return 30;
        case Style::subtitle:
        case Style::note: return 13.5;
        case Style::section: return 17;
        default: return 14.5;
    }
}

std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    return 4;
}

// The characters of the value written with `decimals` fixed decimals: its
// whole digits counted, the text made only where rounding might carry.
std::size_t fixed_width(double value, int decimals) {
    const double magnitude = std::fabs(value);
    const std::size_t sign = std::signbit(value) ? 1 : 0;
    const std::size_t point_and_decimals = decimals > 0 ? 1 + static_cast<std::size_t>(decimals) : 0;
    if (magnitude < 1e15) {
        std::size_t digits = 1;
        double next_power = 10;
        while (magnitude >= next_power) {
            ++digits;
            next_power *= 10;
        }
        // Rounding to the decimals adds at most half their last place: far from the next power, no carry.
        constexpr double last_place[] = {1, 0.1, 0.01};
        if (decimals >= 0 && decimals <= 2 && magnitude + last_place[decimals] < next_power) return sign + digits + point_and_decimals;
    }
    char shown[400];
    return static_cast<std::size_t>(std::to_chars(shown, shown + sizeof shown, value, std::chars_format::fixed, decimals).ptr - shown);
}

// The display width of the widest line.
double widest_line(std::string_view text) {
    double widest = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        widest = std::max(widest, static_cast<double>(display_width(text.substr(start, end - start))));
        start = end + 1;
    }
    return widest;
}

int lines_when_wrapped(std::string_view text, double width) {
    const double room = display_columns_in(width);
    int lines = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const double w = static_cast<double>(display_width(text.substr(start, end - start)));
        lines += std::max(1, static_cast<int>(std::ceil(w / room - 1e-9)));
        start = end + 1;
    }
    return lines;
}

bool has_wide_characters(std::string_view text) { return display_width(text) != utf8_length(text); }

}  // namespace

std::string cell_text(std::string_view text) {
    if (text.size() <= max_cell_characters) return std::string(text);  // ≤ 32,767 bytes: ≤ 32,767 code units
    std::size_t units = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t length = std::min(utf8_sequence_length(static_cast<unsigned char>(text[at])), text.size() - at);
        const std::size_t needed = length == 4 ? 2 : 1;  // UTF-16 code units
        if (units + needed > max_cell_characters) break;
        units += needed;
        at += length;
    }
    return std::string(text.substr(0, at));
}

std::string sheet_name(std::string_view name) {
    std::string cleaned;
    for (const char c : name) cleaned += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    while (!cleaned.empty() && cleaned.front() == '\'') cleaned.erase(0, 1);
    while (!cleaned.empty() && cleaned.back() == '\'') cleaned.pop_back();
    std::size_t at = 0;
    std::size_t characters = 0;
    while (at < cleaned.size() && characters < max_sheet_name_characters) {
        at += std::min(utf8_sequence_length(static_cast<unsigned char>(cleaned[at])), cleaned.size() - at);
        ++characters;
    }
    cleaned.resize(at);
    return cleaned.empty() ? std::string("Sheet") : cleaned;
}

void check(lxw_error error, std::string_view what) {
    if (error != LXW_NO_ERROR)
        throw Error(tr({"写入工作簿失败（{0}）：{1}", "writing the workbook failed ({0}): {1}"}, what, lxw_strerror(error)));
}

std::string column_name(lxw_col_t col) {
    std::string letters;
    for (unsigned n = static_cast<unsigned>(col) + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

std::string cell_name(lxw_row_t row, lxw_col_t col) { return column_name(col) + std::to_string(row + 1); }

lxw_chart_font chart_font(double size, bool bold, bool title) {
    lxw_chart_font font{};
    font.name = const_cast<char*>(title ? title_font : body_font);
    font.size = size;
    font.bold = bold ? LXW_TRUE : LXW_FALSE;
    font.charset = 134;  // GB2312
    return font;
}

Workbook::Workbook(const std::filesystem::path& file) : pool_(deflate_level), file_(file) {
    workbook_ = workbook_new(file.c_str());
    if (workbook_ == nullptr) throw Refused(tr({"{0}：无法创建工作簿", "{0}: cannot create the workbook"}, file.string()));
    strings_ = SharedStrings(workbook_->sst);

    const auto make = [&](Style style) {
        lxw_format* f = workbook_add_format(workbook_);
        formats_[static_cast<std::size_t>(style)] = f;
        if (style == Style::plain) return f;
        if (style == Style::plain_score) {
            format_set_num_format(f, "0.00");
            return f;
        }
        format_set_font_name(f, style == Style::title || style == Style::section ? title_font : body_font);
        format_set_font_charset(f, 134);
        format_set_font_size(f, 11);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        return f;
    };
    const auto bordered = [](lxw_format* f) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, border_color);
        return f;
    };

    lxw_format* f = make(Style::title);
    format_set_font_size(f, 18);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_text_wrap(f);

    f = make(Style::subtitle);
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_text_wrap(f);

    f = make(Style::section);
    format_set_font_size(f, 12);
    format_set_align(f, LXW_ALIGN_LEFT);

    f = bordered(make(Style::header));
    format_set_bold(f);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_text_wrap(f);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, header_fill);

    f = bordered(make(Style::text));
    format_set_align(f, LXW_ALIGN_LEFT);
    format_set_indent(f, 1);

    f = bordered(make(Style::text_center));
    format_set_align(f, LXW_ALIGN_CENTER);

    f = bordered(make(Style::text_wrap));
    format_set_align(f, LXW_ALIGN_LEFT);
    format_set_indent(f, 1);
    format_set_text_wrap(f);

    f = bordered(make(Style::label));
    format_set_bold(f);
    format_set_align(f, LXW_ALIGN_LEFT);
    format_set_indent(f, 1);

    f = bordered(make(Style::score));
    format_set_num_format(f, "0.00");
    format_set_align(f, LXW_ALIGN_RIGHT);

    f = bordered(make(Style::integer));
    format_set_num_format(f, "0");
    format_set_align(f, LXW_ALIGN_CENTER);

    f = bordered(make(Style::percent));
    format_set_num_format(f, "0.0%");
    format_set_align(f, LXW_ALIGN_RIGHT);

    f = bordered(make(Style::score_center));
    format_set_num_format(f, "0.00");
    format_set_align(f, LXW_ALIGN_CENTER);

    f = make(Style::note);
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_LEFT);
    format_set_text_wrap(f);

    make(Style::plain);
    make(Style::plain_score);
}

Workbook::~Workbook() {
    // Not closed: a failure or a cancel. Discard everything, write nothing.
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

lxw_format* Workbook::add_format() {
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, body_font);
    format_set_font_charset(f, 134);
    return f;
}

lxw_chart* Workbook::add_chart(std::uint8_t type) {
    lxw_chart* chart = workbook_add_chart(workbook_, type);
    if (chart == nullptr) throw Error(tr({"无法创建图表", "cannot create a chart"}));
    return chart;
}

void Workbook::set_properties(const std::string& title, const std::string& subject) {
    title_ = title;
    subject_ = subject;
    properties_.title = title_.data();
    properties_.subject = subject_.data();
    // A literal (static storage) in the user's language, like tr() without arguments.
    static constexpr Text author = {"Exemplar 五种表率测评", "Exemplar five-exemplars evaluation"};
    properties_.author = const_cast<char*>((current_language() == Language::chinese ? author.zh : author.en).data());
    check(workbook_set_properties(workbook_, &properties_), "properties");
}

void Workbook::close() {
    for (const auto& sheet : sheets_) sheet->done = true;
    number_styles();
    std::vector<TableSheet> tables;
    for (const auto& record : sheets_) {
        if (!record->table) continue;
        TableSheet sheet = record->queued;
        sheet.rowmin = record->sheet->dim_rowmin;
        sheet.rowmax = record->sheet->dim_rowmax;
        sheet.colmin = record->sheet->dim_colmin;
        sheet.colmax = record->sheet->dim_colmax;
        tables.push_back(std::move(sheet));
    }
    closed_ = true;
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;  // workbook_close frees it, whatever it returns
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR)
        throw Refused(tr({"{0}：无法写入工作簿（{1}）", "{0}: cannot write the workbook ({1})"}, file_.string(), lxw_strerror(error)));
    finish_package(file_, tables, exact_, pool_);
}

std::size_t Workbook::add_sheet(lxw_worksheet* sheet, SheetCells cells) {
    auto record = std::make_unique<SheetRecord>();
    record->sheet = sheet;
    record->part = "xl/worksheets/sheet" + std::to_string(sheets_.size() + 1) + ".xml";
    record->table = cells == SheetCells::table;
    sheets_.push_back(std::move(record));
    return sheets_.size() - 1;
}

void Workbook::sheet_done(std::size_t sheet) {
    if (closed_) return;
    sheets_[sheet]->done = true;
    number_styles();
}

void Workbook::number_styles() {
    std::size_t through = numbered_;
    for (std::size_t i = numbered_; i < sheets_.size() && sheets_[i]->done; ++i)
        if (sheets_[i]->table) through = i + 1;
    // Without a table sheet, libxlsxwriter numbers them all itself, as it writes.
    for (; numbered_ < through; ++numbered_) {
        SheetRecord& record = *sheets_[numbered_];
        record.cells.finish();
        const std::vector<lxw_format*>& formats = record.cells.formats_in_order();
        if (!record.table) {
            for (lxw_format* format : formats)
                if (format != nullptr) lxw_format_get_xf_index(format);
            record.cells = CellTable();  // done with
            continue;
        }
        record.styles.clear();
        for (lxw_format* format : formats) record.styles.push_back(format != nullptr ? lxw_format_get_xf_index(format) : 0);
        record.queued = TableSheet{};  // anew, should an earlier attempt have failed half-way
        record.queued.part = record.part;
        record.queued.table = &record.cells;
        queue_table(pool_, record.queued, record.cells, record.styles);
    }
}

void Workbook::note_exact(const std::string& part, std::string cell, double value) {
    exact_[part][std::move(cell)] = shortest_number_text(value);
}

void Workbook::forget_exact(const std::string& part, lxw_row_t row, lxw_col_t col) {
    if (const auto it = exact_.find(part); it != exact_.end() && !it->second.empty()) it->second.erase(cell_name(row, col));
}

Sheet::Sheet(Workbook& book, std::string_view name, SheetCells cells) : book_(book), name_(sheet_name(name)) {
    sheet_ = workbook_add_worksheet(book.get(), name_.c_str());
    if (sheet_ == nullptr)
        throw Error(tr({"无法添加工作表“{0}”", "cannot add the worksheet '{0}'"}, name_));
    index_ = book.add_sheet(sheet_, cells);
    part_ = book.part_of(index_);
    (cells == SheetCells::table ? table_ : formats_) = &book.cells_of(index_);
}

Sheet::~Sheet() {
    if (std::uncaught_exceptions() > 0) return;  // the workbook is being abandoned
    try {
        book_.sheet_done(index_);
    } catch (...) {
        // Numbered and queued at close() instead, where a failure is reported.
    }
}

void Sheet::check_cell(lxw_error error, lxw_row_t row, lxw_col_t col) const {
    if (error != LXW_NO_ERROR) check(error, name_ + "!" + cell_name(row, col));
}

void Sheet::measure(lxw_col_t col, std::string_view shown, Style style) {
    if (!measured(style)) return;
    double width = widest_line(shown);
    // Headers wrap: a long Chinese header takes two lines rather than widening its column.
    if (style == Style::header && has_wide_characters(shown)) width = std::min(width, 8.0);
    if (style == Style::text_wrap) width = std::min(width, 60.0);
    widen(col, width);
}

void Sheet::widen_by_number(lxw_col_t col, std::size_t characters, Style style) {
    // Digits, a sign, a point: one column each, one line (as measure() would find).
    const double width = static_cast<double>(characters);
    widen(col, style == Style::text_wrap ? std::min(width, 60.0) : width);
}

void Sheet::widen(lxw_col_t col, double display_width) {
    if (content_.size() <= col) content_.resize(static_cast<std::size_t>(col) + 1, 0);
    content_[col] = std::max(content_[col], display_width);
}

void Sheet::note_wrapped(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col, std::string_view value, Style style) {
    const bool wraps = style == Style::header || style == Style::text_wrap || style == Style::note ||
                       style == Style::title || style == Style::subtitle;
    if (wraps) wrapped_.push_back({row, first_col, last_col, std::string(value), style});
}

void Sheet::text(lxw_row_t row, lxw_col_t col, std::string_view value, Style style) {
    std::string cut;
    if (value.size() > max_cell_characters) value = cut = cell_text(value);  // ≤ 32,767 bytes: no more code units
    const std::string_view safe = value;
    if (table_ != nullptr) {
        check_cell(table_->string(row, col, safe, book_.shared_strings(), book_.format(style)), row, col);
    } else {
        check_cell(worksheet_write_string(sheet_, row, col, std::string(safe).c_str(), book_.format(style)), row, col);
        formats_->blank(row, col, book_.format(style));
        book_.forget_exact(part_, row, col);
    }
    measure(col, safe, style);
    note_wrapped(row, col, col, safe, style);
}

void Sheet::number(lxw_row_t row, lxw_col_t col, std::optional<double> value, Style style) {
    if (!value || !std::isfinite(*value)) {
        blank(row, col, style);
        return;
    }
    if (table_ != nullptr) {
        check_cell(table_->number(row, col, *value, book_.format(style)), row, col);  // exact: CellTable writes it so
    } else {
        check_cell(worksheet_write_number(sheet_, row, col, *value, book_.format(style)), row, col);
        formats_->blank(row, col, book_.format(style));
        if (!written_exactly(*value)) book_.note_exact(part_, cell_name(row, col), *value);
    }
    if (!measured(style)) return;
    // As shown: "{:.1f}%", "{:.0f}" or "{:.2f}".
    const double scaled = style == Style::percent ? *value * 100 : *value;
    const int decimals = style == Style::percent ? 1 : style == Style::integer ? 0 : 2;
    widen_by_number(col, fixed_width(scaled, decimals) + (style == Style::percent ? 1 : 0), style);
}

void Sheet::integer(lxw_row_t row, lxw_col_t col, std::optional<long long> value, Style style) {
    if (!value) {
        blank(row, col, style);
        return;
    }
    if (table_ != nullptr) {
        check_cell(table_->number(row, col, static_cast<double>(*value), book_.format(style)), row, col);
    } else {
        check_cell(worksheet_write_number(sheet_, row, col, static_cast<double>(*value), book_.format(style)), row, col);
        formats_->blank(row, col, book_.format(style));
    }
    if (!measured(style)) return;
    char shown[24];
    widen_by_number(col, static_cast<std::size_t>(std::to_chars(shown, shown + sizeof shown, *value).ptr - shown), style);
}

void Sheet::cell(lxw_row_t row, lxw_col_t col, const TableCell& value, Style text_style, Style number_style,
                 Style integer_style) {
    if (const auto* s = std::get_if<std::string>(&value))
        text(row, col, *s, text_style);
    else if (const auto* d = std::get_if<double>(&value))
        number(row, col, *d, number_style);
    else if (const auto* n = std::get_if<long long>(&value))
        integer(row, col, *n, integer_style);
    else
        blank(row, col, text_style);
}

void Sheet::blank(lxw_row_t row, lxw_col_t col, Style style) {
    // libxlsxwriter writes a blank only when it has a format; unformatted it is simply no cell.
    if (style == Style::plain || style == Style::plain_score) return;
    if (table_ != nullptr) {
        check_cell(table_->blank(row, col, book_.format(style)), row, col);
    } else {
        check_cell(worksheet_write_blank(sheet_, row, col, book_.format(style)), row, col);
        formats_->blank(row, col, book_.format(style));
        book_.forget_exact(part_, row, col);
    }
    if (content_.size() <= col) content_.resize(static_cast<std::size_t>(col) + 1, 0);
}

void Sheet::merge(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
                  std::string_view value, Style style) {
    const std::string safe = cell_text(value);
    if (first_row == last_row && first_col == last_col) {
        text(first_row, first_col, safe, style);
        return;
    }
    if (table_ != nullptr) {
        check_cell(table_->merge(first_row, first_col, last_row, last_col, safe, book_.shared_strings(), book_.format(style)),
                   first_row, first_col);
    } else {
        check_cell(worksheet_merge_range(sheet_, first_row, first_col, last_row, last_col, safe.c_str(), book_.format(style)),
                   first_row, first_col);
        for (lxw_row_t r = first_row; r <= last_row; ++r) {
            for (lxw_col_t c = first_col; c <= last_col; ++c) {
                formats_->blank(r, c, book_.format(style));
                book_.forget_exact(part_, r, c);
            }
        }
    }
    if (first_col == last_col) measure(first_col, safe, style);
    if (first_row == last_row) note_wrapped(first_row, first_col, last_col, safe, style);
    if (content_.size() <= last_col) content_.resize(static_cast<std::size_t>(last_col) + 1, 0);
}

void Sheet::merge_cell(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
                       const TableCell& value, Style text_style, Style number_style, Style integer_style) {
    if (const auto* s = std::get_if<std::string>(&value)) {
        merge(first_row, first_col, last_row, last_col, *s, text_style);
        return;
    }
    const Style style = std::holds_alternative<double>(value) ? number_style
                        : std::holds_alternative<long long>(value) ? integer_style
                                                                   : text_style;
    if (first_row != last_row || first_col != last_col) {
        if (table_ != nullptr) {
            check_cell(table_->merge(first_row, first_col, last_row, last_col, {}, book_.shared_strings(), book_.format(style)),
                       first_row, first_col);
        } else {
            check_cell(worksheet_merge_range(sheet_, first_row, first_col, last_row, last_col, "", book_.format(style)), first_row,
                       first_col);
            for (lxw_row_t r = first_row; r <= last_row; ++r)
                for (lxw_col_t c = first_col; c <= last_col; ++c) formats_->blank(r, c, book_.format(style));
        }
    }
    cell(first_row, first_col, value, text_style, number_style, integer_style);
}

void Sheet::set_width(lxw_col_t col, double width) {
    if (fixed_.size() <= col) fixed_.resize(static_cast<std::size_t>(col) + 1);
    fixed_[col] = width;
    if (content_.size() <= col) content_.resize(static_cast<std::size_t>(col) + 1, 0);
    if (widths_.size() <= col) widths_.resize(static_cast<std::size_t>(col) + 1, 0);
    widths_[col] = width;
    check(worksheet_set_column(sheet_, col, col, width, nullptr), name_ + " column width");
}

void Sheet::set_height(lxw_row_t row, double height) {
    if (heights_.size() <= row) heights_.resize(static_cast<std::size_t>(row) + 1, unset_height);
    double& h = heights_[row];
    h = std::max(h == unset_height ? 0.0 : h, height);
    if (table_ != nullptr)
        check(table_->set_row(row, h, sheet_->dim_colmin), name_ + " row height");
    else
        check(worksheet_set_row(sheet_, row, h, nullptr), name_ + " row height");
}

void Sheet::fit_columns(double min_width, double max_width) {
    widths_.resize(content_.size(), 0);
    for (std::size_t c = 0; c < content_.size(); ++c) {
        widths_[c] = (c < fixed_.size() && fixed_[c]) ? *fixed_[c] : std::clamp(width_for(content_[c]), min_width, max_width);
        check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths_[c], nullptr),
              name_ + " column width");
    }
    for (const Wrapped& w : wrapped_) {
        double width = 0;
        for (std::size_t c = w.first_col; c <= w.last_col && c < widths_.size(); ++c) width += widths_[c];
        // Sentences merged across a table may meet a wider font than guessed: leave them room.
        const bool prose = w.style == Style::note || w.style == Style::subtitle || w.style == Style::title;
        const int lines = lines_when_wrapped(w.text, prose ? width * 0.9 : width);
        const double needed = lines * line_height(w.style) + (w.style == Style::title ? 10 : 5);
        // A single line of ordinary text needs no explicit height.
        if (lines > 1 || w.style == Style::title || has_height(w.row)) set_height(w.row, needed);
    }
}

double Sheet::column_pixels(lxw_col_t first, lxw_col_t last) const {
    double pixels = 0;
    for (std::size_t c = first; c <= last; ++c) {
        const double w = c < widths_.size() && widths_[c] > 0 ? widths_[c] : 8.43;  // Excel's default width
        pixels += std::floor(7 * w + 5);  // Excel: trunc(7w + 5) px with an 11 pt default font
    }
    return pixels;
}

double Sheet::row_height(lxw_row_t row) const {
    return has_height(row) ? heights_[row] : 15.0;
}

void Sheet::keep_together(lxw_row_t first_row, lxw_row_t last_row) { blocks_.emplace_back(first_row, last_row); }

void Sheet::repeat_rows(lxw_row_t first_row, lxw_row_t last_row) {
    repeated_ = {first_row, last_row};
    check(worksheet_repeat_rows(sheet_, first_row, last_row), name_ + " print titles");
}

void Sheet::print_setup(bool landscape, bool fit_width) {
    worksheet_set_paper(sheet_, 9);  // A4
    if (landscape)
        worksheet_set_landscape(sheet_);
    else
        worksheet_set_portrait(sheet_);
    constexpr double left = 0.5, right = 0.5, top = 0.6, bottom = 0.7;  // inches
    worksheet_set_margins(sheet_, left, right, top, bottom);
    worksheet_center_horizontally(sheet_);
    const std::string footer = tr({"&C第 &P 页 共 &N 页", "&CPage &P of &N"});
    check(worksheet_set_footer(sheet_, footer.c_str()), name_ + " footer");
    if (!fit_width) return;
    worksheet_fit_to_pages(sheet_, 1, 0);
    if (blocks_.empty()) return;
    // Page breaks between the blocks. LibreOffice (and WPS) keep manual breaks
    // under "fit to"; Excel ignores them there and breaks where it must.
    // Rows a page holds, at the largest scale a renderer may choose: Excel's,
    // a column of width w being trunc(7w + 5) px (LibreOffice lays columns out
    // wider, so shrinks more and has room to spare).
    const double paper_width = landscape ? 11.69 : 8.27, paper_height = landscape ? 8.27 : 11.69;
    const double table_pixels = widths_.empty() ? 1.0 : column_pixels(0, static_cast<lxw_col_t>(widths_.size() - 1));
    const double scale = std::min(1.0, (paper_width - left - right) * 96 / std::max(table_pixels, 1.0));
    const auto height_of = [&](lxw_row_t row) { return row_height(row); };
    const double page = (paper_height - top - bottom) * 72 / scale * 0.95;  // points of rows a page holds
    double repeated = 0;
    if (repeated_) for (lxw_row_t r = repeated_->first; r <= repeated_->second; ++r) repeated += height_of(r);
    lxw_row_t last_row = 0;
    if (!heights_.empty()) last_row = static_cast<lxw_row_t>(heights_.size() - 1);
    for (const auto& [first, last] : blocks_) last_row = std::max(last_row, last);

    std::map<lxw_row_t, lxw_row_t> block_at;  // first row → last row
    for (const auto& [first, last] : blocks_) block_at[first] = last;
    std::vector<lxw_row_t> breaks;
    double used = 0;
    for (lxw_row_t row = 0; row <= last_row;) {
        lxw_row_t end = row;
        if (const auto it = block_at.find(row); it != block_at.end()) end = it->second;
        double height = 0;
        for (lxw_row_t r = row; r <= end; ++r) height += height_of(r);
        if (used + height > page && used > repeated + 1e-9 && row > 0) {
            breaks.push_back(row);
            used = repeated;
        }
        used += height;
        row = end + 1;
    }
    if (breaks.empty() || breaks.size() > 1000) return;
    breaks.push_back(0);  // terminator
    check(worksheet_set_h_pagebreaks(sheet_, breaks.data()), name_ + " page breaks");
}

}  // namespace exemplar::xlsx
