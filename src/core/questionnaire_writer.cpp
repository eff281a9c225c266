#include "core/questionnaire_writer.h"

#include <map>

#include "core/atomic_file.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/questionnaire_seal.h"
#include "core/translate.h"
#include "core/xlsx_reader.h"
#include "core/xlsx_writer.h"

namespace exemplar {

namespace {

constexpr const char* hidden_sheet_name = "_exemplar";
constexpr const char* protection_password = "exemplar";  // ASCII (STACK.md); the seal, not this, guards the file

xlsx::Style style_of(CellRole role) {
    switch (role) {
        case CellRole::title: return xlsx::Style::title;
        case CellRole::subtitle: return xlsx::Style::text_wrap;
        case CellRole::heading: return xlsx::Style::section;
        case CellRole::header: return xlsx::Style::header;
        case CellRole::identity: return xlsx::Style::text_center;
        case CellRole::note: return xlsx::Style::note;
        case CellRole::text: return xlsx::Style::text_wrap;
    }
    return xlsx::Style::text;
}

// Inline lists over 255 bytes crash libxlsxwriter 1.1.4 (STACK.md): longer
// ones point at a column of the hidden sheet instead.
struct ListSource {
    std::vector<std::string> labels;
    std::string range;  // "=_exemplar!$P$2:$P$6" when not inline
};

void add_drop_down(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, ListSource& list) {
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.show_input = LXW_VALIDATION_ON;
    validation.show_error = LXW_VALIDATION_ON;
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    static const std::string error_title = "请从列表中选择";
    static const std::string error_message = "请点击右侧的下拉箭头，从列表中选择一个答案。";
    validation.error_title = const_cast<char*>(error_title.c_str());
    validation.error_message = const_cast<char*>(error_message.c_str());
    std::vector<const char*> items;
    std::size_t bytes = 0;
    for (const std::string& label : list.labels) {
        items.push_back(label.c_str());
        bytes += label.size() + 1;
    }
    items.push_back(nullptr);
    if (bytes <= 250) {
        validation.value_list = const_cast<char**>(items.data());
    } else {
        validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        validation.value_formula = const_cast<char*>(list.range.c_str());
    }
    xlsx::check(worksheet_data_validation_cell(sheet, row, col, &validation), "data validation");
}

}  // namespace

std::filesystem::path write_questionnaire(const std::filesystem::path& folder, const Cycle& cycle, const QuestionnaireLayout& layout,
                                          std::span<const std::uint8_t> secret) {
    const std::filesystem::path target = folder / layout.file_name;
    AtomicFile file(target);
    xlsx::Workbook book(file.temporary_path());
    book.set_properties(layout.sheets.empty() ? std::string() : layout.sheets.front().cells.front().text,
                        tr({"“五种表率”测评表", "questionnaire on the five exemplars"}));

    lxw_format* answer_format = book.add_format();
    format_set_unlocked(answer_format);
    format_set_border(answer_format, LXW_BORDER_THIN);
    format_set_align(answer_format, LXW_ALIGN_CENTER);
    format_set_align(answer_format, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(answer_format, 0xFFF9E5);
    format_set_text_wrap(answer_format);
    lxw_format* comment_format = book.add_format();
    format_set_unlocked(comment_format);
    format_set_border(comment_format, LXW_BORDER_THIN);
    format_set_align(comment_format, LXW_ALIGN_LEFT);
    format_set_align(comment_format, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(comment_format, 0xFFF9E5);
    format_set_text_wrap(comment_format);

    // The label lists of every scale used, kept in the hidden sheet as well.
    std::map<std::pair<Relation, std::size_t>, ListSource> lists;
    for (const auto& [sheet, cell] : layout.all_answers()) {
        if (!cell.scale) continue;
        const auto key = std::make_pair(cell.relation, *cell.scale);
        if (lists.count(key)) continue;
        ListSource list;
        for (const ScaleOption& option : cycle.form_for(cell.relation)->scales[*cell.scale].options) list.labels.push_back(option.label);
        lists.emplace(key, std::move(list));
    }
    std::uint32_t list_column = 16;  // P onwards in the hidden sheet
    for (auto& [key, list] : lists) {
        const std::string column = cell_reference(1, list_column);
        const std::string letters = column.substr(0, column.size() - 1);
        list.range = "=" + std::string(hidden_sheet_name) + "!$" + letters + "$2:$" + letters + "$" + std::to_string(1 + list.labels.size());
        ++list_column;
    }

    for (const LayoutSheet& layout_sheet : layout.sheets) {
        xlsx::Sheet sheet(book, layout_sheet.name);
        for (std::size_t c = 0; c < layout_sheet.column_widths.size(); ++c)
            sheet.set_width(static_cast<lxw_col_t>(c), layout_sheet.column_widths[c]);
        for (const auto& [row, height] : layout_sheet.row_heights) sheet.set_height(row - 1, height);
        for (const LayoutCell& cell : layout_sheet.cells) {
            const auto row = static_cast<lxw_row_t>(cell.row - 1);
            const auto col = static_cast<lxw_col_t>(cell.column - 1);
            if (cell.merge_to_column > cell.column)
                sheet.merge(row, col, row, static_cast<lxw_col_t>(cell.merge_to_column - 1), cell.text, style_of(cell.role));
            else
                sheet.text(row, col, cell.text, style_of(cell.role));
        }
        for (const AnswerCell& cell : layout_sheet.answers) {
            const auto row = static_cast<lxw_row_t>(cell.row - 1);
            const auto col = static_cast<lxw_col_t>(cell.column - 1);
            xlsx::check(worksheet_write_blank(sheet.get(), row, col, cell.scale ? answer_format : comment_format), "answer cell");
            if (cell.scale) add_drop_down(sheet.get(), row, col, lists.at({cell.relation, *cell.scale}));
        }
        if (layout_sheet.header_rows > 0) worksheet_repeat_rows(sheet.get(), 0, static_cast<lxw_row_t>(layout_sheet.header_rows - 1));
        sheet.print_setup(layout_sheet.column_widths.size() > 4, true);
        lxw_protection protection{};
        protection.format_columns = LXW_TRUE;  // people may widen a column to read a long question
        protection.format_rows = LXW_TRUE;
        worksheet_protect(sheet.get(), protection_password, &protection);
    }

    // The hidden sheet: answer-cell table (A–F), identification (H–I), sheets (K–M), label lists (P…).
    const QuestionnaireSeal seal = seal_of(cycle, layout);
    xlsx::Sheet hidden(book, hidden_sheet_name);
    const char* header[6] = {"sheet", "cell", "rater_id", "ratee_id", "relation", "item"};
    for (lxw_col_t c = 0; c < 6; ++c) hidden.text(0, c, header[c], xlsx::Style::plain);
    for (std::size_t r = 0; r < seal.table.size(); ++r)
        for (lxw_col_t c = 0; c < 6; ++c) hidden.text(static_cast<lxw_row_t>(r + 1), c, seal.table[r][c], xlsx::Style::plain);
    hidden.text(0, 7, "key", xlsx::Style::plain);
    hidden.text(0, 8, "value", xlsx::Style::plain);
    lxw_row_t row = 1;
    for (const auto& [key, value] : seal.metadata) {
        hidden.text(row, 7, key, xlsx::Style::plain);
        hidden.text(row, 8, value, xlsx::Style::plain);
        ++row;
    }
    hidden.text(row, 7, seal_key, xlsx::Style::plain);
    hidden.text(row, 8, hmac_sha256_hex(secret, seal.canonical_text()), xlsx::Style::plain);
    hidden.text(0, 10, "sheet", xlsx::Style::plain);
    hidden.text(0, 11, "identity", xlsx::Style::plain);
    hidden.text(0, 12, "content", xlsx::Style::plain);
    for (std::size_t s = 0; s < seal.sheets.size(); ++s) {
        hidden.text(static_cast<lxw_row_t>(s + 1), 10, seal.sheets[s].sheet, xlsx::Style::plain);
        hidden.text(static_cast<lxw_row_t>(s + 1), 11, seal.sheets[s].identity, xlsx::Style::plain);
        hidden.text(static_cast<lxw_row_t>(s + 1), 12, seal.sheets[s].content, xlsx::Style::plain);
    }
    lxw_col_t column = 15;
    for (const auto& [key, list] : lists) {
        hidden.text(0, column, "list", xlsx::Style::plain);
        for (std::size_t i = 0; i < list.labels.size(); ++i) hidden.text(static_cast<lxw_row_t>(i + 1), column, list.labels[i], xlsx::Style::plain);
        ++column;
    }
    worksheet_hide(hidden.get());
    worksheet_protect(hidden.get(), protection_password, nullptr);
    book.close();
    file.commit();
    return target;
}

std::vector<std::filesystem::path> write_questionnaires(const Database& db, const Cycle& cycle, const std::filesystem::path& folder,
                                                        std::optional<std::size_t> rater, ProgressObserver* progress) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw Refused(tr({"无法创建文件夹 {0}：{1}", "cannot create the folder {0}: {1}"}, folder.string(), error.message()));
    const std::vector<std::uint8_t> secret = load_cycle_secret(db, cycle);
    std::vector<std::vector<PlannedAssignment>> by_rater(cycle.members.size());
    for (const PlannedAssignment& a : plan_assignments(cycle.members, cycle.plan)) by_rater[a.rater].push_back(a);
    std::vector<std::filesystem::path> written;
    for (std::size_t r = 0; r < cycle.members.size(); ++r) {
        if (rater && *rater != r) continue;
        if (by_rater[r].empty()) continue;
        report_progress(progress, "questionnaires", static_cast<double>(r), static_cast<double>(cycle.members.size()));
        written.push_back(write_questionnaire(folder, cycle, questionnaire_layout(cycle, r, by_rater[r]), secret));
    }
    return written;
}

}  // namespace exemplar
