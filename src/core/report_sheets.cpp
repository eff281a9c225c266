// 说明, 汇总 and HR导入: what the report is, one row a person, and the same
// rows for HR systems.
#include "core/report_sheets.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "core/name_order.h"

namespace exemplar::report {

namespace {

using xlsx::Style;

constexpr double table_row_height = 20;

std::string relation_title(Relation relation) {
    switch (relation) {
        case Relation::self: return "自评";
        case Relation::head: return "上级评价";
        case Relation::peer: return "民主测评（同事）";
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
    void header(std::initializer_list<std::string_view> cells) {
        lxw_col_t col = 0;
        for (const std::string_view cell : cells) sheet_.text(row_, col++, cell, Style::header);
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
    if (!cycle.unit_name.empty()) text += "单位：" + cycle.unit_name + "　　";
    return text + "考核周期：" + cycle.name;
}

std::vector<std::size_t> people_by_name(const ScoringInput& input, const CycleResults& results) {
    const NameOrder names;
    std::vector<std::string> keys(results.people.size());
    for (std::size_t i = 0; i < results.people.size(); ++i) keys[i] = names.sort_key(input.members[results.people[i].member].name);
    std::vector<std::size_t> order(results.people.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        return input.members[results.people[a].member].person_id < input.members[results.people[b].member].person_id;
    });
    return order;
}

void write_notes(xlsx::Workbook& book, const Context& context) {
    const Cycle& cycle = *context.data.cycle;
    const Plan& plan = cycle.plan;
    const CycleResults& results = *context.data.results;
    xlsx::Sheet sheet(book, notes_sheet);
    NotesWriter notes(sheet);
    constexpr lxw_col_t last = NotesWriter::last_col;

    sheet.merge(0, 0, 0, last, context.title, Style::title);
    sheet.merge(1, 0, 1, last, "测评说明　　报表生成时间：" + context.data.generated_at, Style::subtitle);
    sheet.set_height(1, 18);
    notes.row() = 2;

    notes.section("一、基本情况");
    notes.pair("单位", cycle.unit_name.empty() ? "（未设定）" : cycle.unit_name);
    notes.pair("考核周期", cycle.name);
    notes.pair("考核方案", plan.id);
    notes.pair("周期创建时间", cycle.created_at);
    notes.pair("截止日期", cycle.deadline.value_or("（未设定）"));
    notes.pair("周期状态", cycle.closed_at ? "已关闭（" + *cycle.closed_at + "），结果不再变化" : "进行中（尚未关闭，结果可能变化）");
    notes.pair("报表生成时间", context.data.generated_at);

    notes.section("二、评价关系、权重与表单");
    notes.header({"评价关系", "权重", "表单编号", "版本", "表单名称"});
    for (const Relation relation : all_relations) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, relation_title(relation), Style::text);
        sheet.number(row, 1, plan.weight_of(relation), Style::score);
        if (const Form* form = cycle.form_for(relation)) {
            sheet.text(row, 2, form->id, Style::text);
            sheet.integer(row, 3, form->version, Style::integer);
            sheet.text(row, 4, form->title, Style::text);
        } else {
            sheet.text(row, 2, "（未使用）", Style::text);
            sheet.blank(row, 3, Style::integer);
            sheet.blank(row, 4, Style::text);
        }
        sheet.set_height(row, table_row_height);
        ++row;
    }

    notes.section("三、维度与权重");
    notes.header({"维度编号", "维度名称", "权重"});
    for (const DimensionColumn& dimension : results.dimensions) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, dimension.id, Style::text);
        sheet.text(row, 1, dimension.name, Style::text);
        sheet.number(row, 2, dimension.weight, Style::score);
        sheet.set_height(row, table_row_height);
        ++row;
    }
    notes.note("权重为 0 的维度只列示得分，不计入总分。");

    notes.section("四、等次与名额");
    notes.header({"等次", "最低分", "说明"});
    sheet.merge(notes.row() - 1, 2, notes.row() - 1, last, "说明", Style::header);
    for (std::size_t g = 0; g < plan.grades.size(); ++g) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, plan.grades[g].name, Style::text_center);
        sheet.number(row, 1, plan.grades[g].min, Style::score);
        sheet.merge(row, 2, row, last,
                    g == 0 && plan.grades.size() > 1
                        ? "总分达到最低分，且单位排名在名额之内（不超过参评人数的 " + percent_text(plan.top_grade_quota) + "）"
                        : "总分达到最低分",
                    Style::text_wrap);
        sheet.set_height(row, table_row_height);
        ++row;
    }

    notes.section("五、计分规则");
    notes.pair("同事测评范围", plan.peer_scope == PeerScope::department ? "本部门" : "全单位");
    notes.pair("同事测评最少份数", fmt::format("{} 份（少于此数不计同事得分、不显示票数，以保护匿名）", plan.min_peers));
    notes.pair("去掉最高最低分", plan.trim_extremes ? "是（某组评价超过 5 份时，去掉一个最高分和一个最低分）" : "否");
    notes.pair("优秀名额比例", percent_text(plan.top_grade_quota));
    notes.note("维度得分为各评价关系得分按权重的加权平均；总分为各维度得分按权重的加权平均。"
               "分数按原值保存，显示两位小数；空白单元格表示无法计算，并非 0 分。同事测评只统计合计，不列示任何个人的评价。");

    notes.section("六、数据统计");
    notes.header({"项目", "数量"});
    const auto count = [&](std::string_view label, std::size_t value) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, label, Style::text);
        sheet.integer(row, 1, static_cast<long long>(value), Style::integer);
        sheet.set_height(row, table_row_height);
        ++row;
    };
    count("参评人数", cycle.members.size());
    count("测评任务数", context.data.assignments);
    count("已提交任务数", context.data.submitted_assignments);
    count("已作答题数", context.data.answers);

    notes.section("七、标记说明");
    notes.header({"标记", "含义"});
    sheet.merge(notes.row() - 1, 1, notes.row() - 1, last, "含义", Style::header);
    const std::pair<std::string, std::string> legend[] = {
        {"INSUFFICIENT_PEERS", fmt::format("同事测评有效份数少于 {} 份：不计同事得分，也不显示票数", plan.min_peers)},
        {"NO_HEAD", "没有上级评价（无上级负责人）"},
        {"INCOMPLETE", "有以本人为被评价人的测评尚未提交"},
        {"QUOTA_TIE", "并列排名超出“" + (plan.grades.empty() ? std::string("第一等次") : plan.grades.front().name) +
                          "”名额，并列者均保留该等次"},
        {"BLIND_SPOT:维度", "该维度自评得分比他评得分高 15 分及以上"},
        {"HIDDEN_STRENGTH:维度", "该维度自评得分比他评得分低 15 分及以上"},
    };
    for (const auto& [flag, meaning] : legend) {
        lxw_row_t& row = notes.row();
        sheet.text(row, 0, flag, Style::text);
        sheet.merge(row, 1, row, last, meaning, Style::text_wrap);
        sheet.set_height(row, table_row_height);
        ++row;
    }
    if (!plan.grades.empty())
        notes.note("“汇总”表中，等次“" + plan.grades.front().name + "”以绿色标出" +
                   (plan.grades.size() > 1 ? "，“" + plan.grades.back().name + "”以红色标出" : std::string()) +
                   "；有标记的人员整行以浅黄色标出。多个标记以“;”分隔。");

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
    xlsx::Sheet sheet(book, summary_sheet);
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
    xlsx::Sheet sheet(book, hr_import_sheet);
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
