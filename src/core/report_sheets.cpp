// 说明, 汇总 and HR导入: what the report is, one row a person, and the same
// rows for HR systems.
#include "core/report_sheets.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/translate.h"

namespace exemplar::report {

namespace {

using xlsx::Style;

constexpr double table_row_height = 20;

std::string relation_title(Relation relation) {
    switch (relation) {
        case Relation::self: return tr({"自评", "Self-review"});
        case Relation::head: return tr({"上级评价", "Head's evaluation"});
        case Relation::peer: return tr({"民主测评（同事）", "Peer ballot (colleagues)"});
    }
    return {};
}

std::string percent_text(double share) { return fmt::format("{:g}%", share * 100); }

bool is_score_code(std::string_view code) {
    return code == "total" || code == "self_total" || code == "head_total" || code == "peer_total";
}
Style text_style_of(std::string_view code) {
    if (code == "person_id" || code == "name" || code == "grade") return Style::text_center;
    if (code == "flags") return Style::text_wrap;
    return Style::text;
}

// An Excel string literal inside a formula.
std::string formula_string(std::string_view text) {
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

// 说明 is a document: label | value rows, sections, small tables.
class NotesWriter {
public:
    NotesWriter(xlsx::Sheet& sheet) : sheet_(sheet) {}

    void section(std::string_view text) {
        ++row_;  // a blank line before each section
        sheet_.text(row_, 0, text, Style::section);
        sheet_.set_height(row_, 22);
        ++row_;
    }
    void pair(std::string_view label, std::string_view value) {
        sheet_.text(row_, 0, label, Style::label);
        sheet_.merge(row_, 1, row_, last_col, value, Style::text_wrap);
        sheet_.set_height(row_, table_row_height);
        ++row_;
    }
    void header(std::initializer_list<std::string> cells) {
        lxw_col_t col = 0;
        for (const std::string& cell : cells) sheet_.text(row_, col++, cell, Style::header);
        sheet_.set_height(row_, table_row_height);
        ++row_;
    }
    void note(std::string_view text) {
        sheet_.merge(row_, 0, row_, last_col, text, Style::note);
        ++row_;
    }
    lxw_row_t& row() { return row_; }
    static constexpr lxw_col_t last_col = 4;

private:
    xlsx::Sheet& sheet_;
    lxw_row_t row_ = 0;
};

}  // namespace

std::string unit_and_cycle(const Cycle& cycle) {
    std::string text;
    if (!cycle.unit_name.empty()) text += tr({"单位：{0}　　", "Unit: {0}    "}, cycle.unit_name);
    return text + tr({"考核周期：{0}", "Evaluation cycle: {0}"}, cycle.name);
}

void write_notes(xlsx::Workbook& book, const Context& context) {
    const Cycle& cycle = *context.data.cycle;
    const Plan& plan = cycle.plan;
    const CycleResults& results = *context.data.results;
    xlsx::Sheet sheet(book, notes_sheet);
    NotesWriter notes(sheet);
    constexpr lxw_col_t last = NotesWriter::last_col;

    sheet.merge(0, 0, 0, last, context.title, Style::title);
    sheet.merge(1, 0, 1, last, tr({"测评说明　　报表生成时间：{0}", "About this report    Generated: {0}"}, context.data.generated_at),
                Style::subtitle);
    sheet.set_height(1, 18);
    notes.row() = 2;

    const std::string not_set = tr({"（未设定）", "(not set)"});
    notes.section(tr({"一、基本情况", "1. Overview"}));
    notes.pair(tr({"单位", "Unit"}), cycle.unit_name.empty() ? not_set : cycle.unit_name);
    notes.pair(tr({"考核周期", "Evaluation cycle"}), cycle.name);
    notes.pair(tr({"考核方案", "Evaluation plan"}), plan.id);
    notes.pair(tr({"周期创建时间", "Cycle created"}), cycle.created_at);
    notes.pair(tr({"截止日期", "Deadline"}), cycle.deadline.value_or(not_set));
    notes.pair(tr({"周期状态", "Cycle status"}),
               cycle.closed_at ? tr({"已关闭（{0}），结果不再变化", "Closed ({0}); the results are final"}, *cycle.closed_at)
                               : tr({"进行中（尚未关闭，结果可能变化）", "Open (not yet closed; the results may still change)"}));
    notes.pair(tr({"报表生成时间", "Report generated"}), context.data.generated_at);

    notes.section(tr({"二、评价关系、权重与表单", "2. Relations, weights and forms"}));
    notes.header({tr({"评价关系", "Relation"}), tr({"权重", "Weight"}), tr({"表单编号", "Form ID"}), tr({"版本", "Version"}),
                  tr({"表单名称", "Form title"})});
    for (const Relation relation : all_relations) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, relation_title(relation), Style::text);
        sheet.number(row, 1, plan.weight_of(relation), Style::score);
        if (const Form* form = cycle.form_for(relation)) {
            sheet.text(row, 2, form->id, Style::text);
            sheet.integer(row, 3, form->version, Style::integer);
            sheet.text(row, 4, form->title, Style::text);
        } else {
            sheet.text(row, 2, tr({"（未使用）", "(not used)"}), Style::text);
            sheet.blank(row, 3, Style::integer);
            sheet.blank(row, 4, Style::text);
        }
        sheet.set_height(row, table_row_height);
        ++row;
    }

    notes.section(tr({"三、维度与权重", "3. Dimensions and weights"}));
    notes.header({tr({"维度编号", "Dimension ID"}), tr({"维度名称", "Dimension"}), tr({"权重", "Weight"})});
    for (const DimensionColumn& dimension : results.dimensions) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, dimension.id, Style::text);
        sheet.text(row, 1, dimension.name, Style::text);
        sheet.number(row, 2, dimension.weight, Style::score);
        sheet.set_height(row, table_row_height);
        ++row;
    }
    notes.note(tr({"权重为 0 的维度只列示得分，不计入总分。",
                   "Dimensions weighted 0 are shown with their scores but do not count towards the total."}));

    notes.section(tr({"四、等次与名额", "4. Grades and quota"}));
    const std::string condition = tr({"说明", "Condition"});
    notes.header({tr({"等次", "Grade"}), tr({"最低分", "Minimum score"}), condition});
    sheet.merge(notes.row() - 1, 2, notes.row() - 1, last, condition, Style::header);
    for (std::size_t g = 0; g < plan.grades.size(); ++g) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, plan.grades[g].name, Style::text_center);
        sheet.number(row, 1, plan.grades[g].min, Style::score);
        sheet.merge(row, 2, row, last,
                    g == 0 && plan.grades.size() > 1
                        ? tr({"总分达到最低分，且单位排名在名额之内（不超过参评人数的 {0}）",
                              "Total at or above the minimum score, and unit rank within the quota (at most {0} of the people "
                              "evaluated)"},
                             percent_text(plan.top_grade_quota))
                        : tr({"总分达到最低分", "Total at or above the minimum score"}),
                    Style::text_wrap);
        sheet.set_height(row, table_row_height);
        ++row;
    }

    notes.section(tr({"五、计分规则", "5. Scoring rules"}));
    notes.pair(tr({"同事测评范围", "Peers"}),
               plan.peer_scope == PeerScope::department ? tr({"本部门", "Own department"}) : tr({"全单位", "Whole unit"}));
    notes.pair(tr({"同事测评最少份数", "Minimum peer ballots"}),
               tr({"{0} 份（少于此数不计同事得分、不显示票数，以保护匿名）",
                   "{0} (with fewer, no peer score is counted and no votes are shown, to protect anonymity)"},
                  plan.min_peers));
    notes.pair(tr({"去掉最高最低分", "Highest and lowest dropped"}),
               plan.trim_extremes ? tr({"是（某组评价超过 5 份时，去掉一个最高分和一个最低分）",
                                        "Yes (where a group has more than 5 ratings, the highest and the lowest are dropped)"})
                                  : tr({"否", "No"}));
    notes.pair(tr({"优秀名额比例", "Top grade quota"}), percent_text(plan.top_grade_quota));
    notes.note(tr({"维度得分为各评价关系得分按权重的加权平均；总分为各维度得分按权重的加权平均。"
                   "分数按原值保存，显示两位小数；空白单元格表示无法计算，并非 0 分。同事测评只统计合计，不列示任何个人的评价。",
                   "A dimension score is the weighted mean of the relations' scores; the total is the weighted mean of the "
                   "dimension scores. Scores are kept unrounded and shown with two decimals; an empty cell means the value "
                   "cannot be calculated, not 0. Peer ratings are counted only in aggregate; no individual's rating is shown."}));

    notes.section(tr({"六、数据统计", "6. Counts"}));
    notes.header({tr({"项目", "Item"}), tr({"数量", "Count"})});
    const auto count = [&](std::string_view label, std::size_t value) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, label, Style::text);
        sheet.integer(row, 1, static_cast<long long>(value), Style::integer);
        sheet.set_height(row, table_row_height);
        ++row;
    };
    count(tr({"参评人数", "People evaluated"}), cycle.members.size());
    count(tr({"测评任务数", "Assignments"}), context.data.assignments);
    count(tr({"已提交任务数", "Submitted assignments"}), context.data.submitted_assignments);
    count(tr({"已作答题数", "Answered items"}), context.data.answers);

    notes.section(tr({"七、标记说明", "7. Flags"}));
    const std::string meaning_header = tr({"含义", "Meaning"});
    notes.header({tr({"标记", "Flag"}), meaning_header});
    sheet.merge(notes.row() - 1, 1, notes.row() - 1, last, meaning_header, Style::header);
    const std::string dimension = tr({"维度", "<dimension>"});
    const std::pair<std::string, std::string> legend[] = {
        {"INSUFFICIENT_PEERS", tr({"同事测评有效份数少于 {0} 份：不计同事得分，也不显示票数",
                                   "Fewer than {0} valid peer ballots: no peer score is counted and no votes are shown"},
                                  plan.min_peers)},
        {"NO_HEAD", tr({"没有上级评价（无上级负责人）", "No head's evaluation (no head above the person)"})},
        {"INCOMPLETE", tr({"有以本人为被评价人的测评尚未提交", "Some evaluations of the person are not yet submitted"})},
        {"QUOTA_TIE", tr({"并列排名超出“{0}”名额，并列者均保留该等次",
                          "Tied ranks go beyond the quota of “{0}”; everyone tied keeps that grade"},
                         plan.grades.empty() ? tr({"第一等次", "the top grade"}) : plan.grades.front().name)},
        {"BLIND_SPOT:" + dimension, tr({"该维度自评得分比他评得分高 15 分及以上",
                                        "In this dimension, the self-review score is 15 or more points above the others' score"})},
        {"HIDDEN_STRENGTH:" + dimension, tr({"该维度自评得分比他评得分低 15 分及以上",
                                             "In this dimension, the self-review score is 15 or more points below the others' score"})},
    };
    for (const auto& [flag, meaning] : legend) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, flag, Style::text);
        sheet.merge(row, 1, row, last, meaning, Style::text_wrap);
        sheet.set_height(row, table_row_height);
        ++row;
    }
    if (!plan.grades.empty())
        notes.note(tr({"“汇总”表中，等次“{0}”以绿色标出", "In the 汇总 sheet, the grade “{0}” is shown in green"},
                      plan.grades.front().name) +
                   (plan.grades.size() > 1 ? tr({"，“{0}”以红色标出", " and “{0}” in red"}, plan.grades.back().name)
                                           : std::string()) +
                   tr({"；有标记的人员整行以浅黄色标出。多个标记以“;”分隔。",
                       "; the rows of people with flags are shaded light yellow. Several flags are separated by “;”."}));

    sheet.set_width(0, 22);
    sheet.set_width(1, 16);
    sheet.set_width(2, 22);
    sheet.set_width(3, 10);
    sheet.set_width(4, 30);
    sheet.fit_columns();
    sheet.print_setup(false, true);
    worksheet_fit_to_pages(sheet.get(), 1, 1);  // one page, like a cover note
    worksheet_gridlines(sheet.get(), LXW_HIDE_ALL_GRIDLINES);
}

void write_summary(xlsx::Workbook& book, const Context& context) {
    const CycleResults& results = *context.data.results;
    const Plan& plan = context.data.cycle->plan;
    const std::vector<ReportColumn> columns =
        expand_columns(context.report_template.summary, results.dimensions, ColumnHeaders::summary);
    xlsx::Sheet sheet(book, summary_sheet, xlsx::SheetCells::table);  // rows for everyone: kept compactly, written in the background
    const auto last_col = static_cast<lxw_col_t>(columns.empty() ? 0 : columns.size() - 1);

    sheet.merge(0, 0, 0, last_col, context.title, Style::title);
    for (std::size_t c = 0; c < columns.size(); ++c) sheet.text(1, static_cast<lxw_col_t>(c), columns[c].header, Style::header);
    sheet.set_height(1, 24);

    lxw_row_t row = 2;
    for (const auto& cells : context.table.rows) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const ReportColumn& column = columns[c];
            const Style number_style = column.dimension || is_score_code(column.code) ? Style::score : Style::integer;
            sheet.cell(row, static_cast<lxw_col_t>(c), cells[column.source], text_style_of(column.code), number_style,
                       Style::integer);
        }
        sheet.set_height(row, table_row_height);
        ++row;
    }
    const lxw_row_t last_row = row > 2 ? row - 1 : 1;

    worksheet_freeze_panes(sheet.get(), 2, 0);
    xlsx::check(worksheet_autofilter(sheet.get(), 1, 0, last_row, last_col), "汇总 autofilter");

    // Grades in colour (first green, last red, the ones between the second and the last amber), and rows with flags.
    const auto find = [&](std::string_view code) -> std::optional<lxw_col_t> {
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (columns[c].code == code) return static_cast<lxw_col_t>(c);
        return std::nullopt;
    };
    if (row > 2) {
        if (const auto grade_col = find("grade"); grade_col && !plan.grades.empty()) {
            const std::string grade_cell = "$" + xlsx::column_name(*grade_col) + "3";
            for (std::size_t g = 0; g < plan.grades.size(); ++g) {
                lxw_color_t fill = 0, font = 0;
                if (g == 0) {
                    fill = 0xC6EFCE, font = 0x006100;
                } else if (g + 1 == plan.grades.size()) {
                    fill = 0xFFC7CE, font = 0x9C0006;
                } else if (g >= 2) {
                    fill = 0xFFEB9C, font = 0x9C5700;
                } else {
                    continue;
                }
                lxw_format* format = book.add_format();
                format_set_bg_color(format, fill);
                format_set_font_color(format, font);
                format_set_bold(format);
                std::string formula = "=" + grade_cell + "=" + formula_string(plan.grades[g].name);
                lxw_conditional_format rule{};
                rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
                rule.value_string = formula.data();
                rule.format = format;
                xlsx::check(worksheet_conditional_format_range(sheet.get(), 2, *grade_col, last_row, *grade_col, &rule),
                            "汇总 grade colours");
            }
        }
        if (const auto flags_col = find("flags")) {
            lxw_format* format = book.add_format();
            format_set_bg_color(format, 0xFFF2CC);
            std::string formula = "=LEN($" + xlsx::column_name(*flags_col) + "3)>0";
            // Every column but the grade's, whose own colour must show (LibreOffice lets the later rule win).
            const auto grade_col = find("grade");
            std::string ranges;
            std::optional<std::pair<lxw_col_t, lxw_col_t>> first;
            const auto add_range = [&](lxw_col_t from, lxw_col_t to) {
                if (from > to) return;
                if (!first) first = std::make_pair(from, to);
                ranges += (ranges.empty() ? "" : " ") + xlsx::cell_name(2, from) + ":" + xlsx::cell_name(last_row, to);
            };
            if (grade_col && !plan.grades.empty()) {
                if (*grade_col > 0) add_range(0, static_cast<lxw_col_t>(*grade_col - 1));
                add_range(static_cast<lxw_col_t>(*grade_col + 1), last_col);
            } else {
                add_range(0, last_col);
            }
            if (first) {
                lxw_conditional_format rule{};
                rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
                rule.value_string = formula.data();
                rule.format = format;
                rule.multi_range = ranges.data();
                xlsx::check(worksheet_conditional_format_range(sheet.get(), 2, first->first, last_row, first->second, &rule),
                            "汇总 flag colours");
            }
        }
    }

    sheet.fit_columns(6, 32);
    sheet.repeat_rows(1, 1);
    sheet.print_setup(true, true);
}

void write_hr_import(xlsx::Workbook& book, const Context& context) {
    const CycleResults& results = *context.data.results;
    const std::vector<ReportColumn> columns =
        expand_columns(context.report_template.hr_import, results.dimensions, ColumnHeaders::hr_import);
    xlsx::Sheet sheet(book, hr_import_sheet, xlsx::SheetCells::table);  // rows for everyone: kept compactly, written in the background
    for (std::size_t c = 0; c < columns.size(); ++c) sheet.text(0, static_cast<lxw_col_t>(c), columns[c].header, Style::plain);
    lxw_row_t row = 1;
    for (const auto& cells : context.table.rows) {
        for (std::size_t c = 0; c < columns.size(); ++c)
            sheet.cell(row, static_cast<lxw_col_t>(c), cells[columns[c].source], Style::plain, Style::plain_score,
                       Style::plain);
        ++row;
    }
    sheet.fit_columns(6, 40);
    sheet.print_setup(true, true);  // print settings only: no cell formats
}

}  // namespace exemplar::report
