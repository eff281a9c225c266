// 部门汇总, 民主测评, 自评差异 and 信度分析: the report's analyses beyond the
// one-row-a-person tables.
#include <algorithm>
#include <numeric>

#include "core/name_order.h"
#include "core/report_sheets.h"
#include "core/translate.h"

namespace exemplar::report {

namespace {

using xlsx::Style;

constexpr double table_row_height = 20;
constexpr double dense_row_height = 17;  // long tables of blocks of rows: more of them on a page

// Title, the unit and cycle under it, and where the table starts.
lxw_row_t sheet_heading(xlsx::Sheet& sheet, lxw_col_t last_col, std::string_view title, const std::string& subtitle) {
    sheet.merge(0, 0, 0, last_col, title, Style::title);
    sheet.merge(1, 0, 1, last_col, subtitle, Style::subtitle);
    sheet.set_height(1, 18);
    return 2;
}

void header_row(xlsx::Sheet& sheet, lxw_row_t row, lxw_col_t first_col, const std::vector<std::string>& headers) {
    for (std::size_t c = 0; c < headers.size(); ++c)
        sheet.text(row, static_cast<lxw_col_t>(first_col + c), headers[c], Style::header);
    sheet.set_height(row, 24);
}

void note_row(xlsx::Sheet& sheet, lxw_row_t row, lxw_col_t last_col, std::string_view text) {
    sheet.merge(row, 0, row, last_col, text, Style::note);
}

std::string relation_name(Relation relation) {
    switch (relation) {
        case Relation::self: return tr({"自评", "self-review"});
        case Relation::head: return tr({"上级", "head"});
        case Relation::peer: return tr({"同事", "peer"});
    }
    return {};
}

std::string relations_text(const std::vector<Relation>& relations) {
    const std::string separator = tr({"、", ", "});
    std::string text;
    for (const Relation r : relations) text += (text.empty() ? "" : separator) + relation_name(r);
    return text;
}

// Merges a person's id, name and department over their rows (or writes them when there is one row).
void person_cells(xlsx::Sheet& sheet, lxw_row_t first, lxw_row_t last, const ScoringMember& member) {
    sheet.merge(first, 0, last, 0, member.person_id, Style::text_center);
    sheet.merge(first, 1, last, 1, member.name, Style::text_center);
    sheet.merge(first, 2, last, 2, member.department, Style::text);
}

// Where a chart goes (its top row; the options place it from column A, as
// libxlsxwriter resolves offsets with the final column widths) and the rows
// of the table it draws: categories in column A, values in `values_col`.
struct ChartPlace {
    lxw_row_t at_row;
    lxw_row_t first, last;
    lxw_col_t values_col;
};

// Mean T by department, the first department at the top as in the table.
void department_bar_chart(xlsx::Sheet& sheet, const ChartPlace& place, lxw_chart_options options) {
    const std::string name(departments_sheet);
    lxw_chart_font title_font = xlsx::chart_font(12, true, true);
    lxw_chart_font axis_font = xlsx::chart_font(9);
    lxw_chart* bar = sheet.book().add_chart(LXW_CHART_BAR);
    lxw_chart_series* series = chart_add_series(bar, nullptr, nullptr);
    chart_series_set_categories(series, name.c_str(), place.first, 0, place.last, 0);
    chart_series_set_values(series, name.c_str(), place.first, place.values_col, place.last, place.values_col);
    const std::string series_name = tr({"平均总分", "Mean total"});
    chart_series_set_name(series, series_name.c_str());
    chart_series_set_labels(series);
    chart_series_set_labels_num_format(series, "0.00");
    chart_series_set_labels_font(series, &axis_font);
    lxw_chart_fill fill{};
    fill.color = 0x4472C4;
    chart_series_set_fill(series, &fill);
    const std::string title = tr({"各部门平均总分", "Mean total by department"});
    chart_title_set_name(bar, title.c_str());
    chart_title_set_name_font(bar, &title_font);
    chart_legend_set_position(bar, LXW_CHART_LEGEND_NONE);
    chart_axis_set_min(bar->x_axis, 0);
    chart_axis_set_max(bar->x_axis, 100);
    chart_axis_set_num_font(bar->x_axis, &axis_font);
    chart_axis_set_num_font(bar->y_axis, &axis_font);
    chart_axis_set_reverse(bar->y_axis);       // the first department at the top
    chart_axis_set_crossing_max(bar->y_axis);  // and the value axis still at the bottom
    xlsx::check(worksheet_insert_chart_opt(sheet.get(), place.at_row, 0, bar, &options), "部门汇总 bar chart");
}

// The unit's dimension means.
void unit_radar_chart(xlsx::Sheet& sheet, const ChartPlace& place, lxw_chart_options options) {
    const std::string name(departments_sheet);
    lxw_chart_font title_font = xlsx::chart_font(12, true, true);
    lxw_chart_font axis_font = xlsx::chart_font(9);
    lxw_chart* radar = sheet.book().add_chart(LXW_CHART_RADAR_WITH_MARKERS);
    lxw_chart_series* series = chart_add_series(radar, nullptr, nullptr);
    chart_series_set_categories(series, name.c_str(), place.first, 0, place.last, 0);
    chart_series_set_values(series, name.c_str(), place.first, place.values_col, place.last, place.values_col);
    const std::string series_name = tr({"全单位平均分", "Unit mean"});
    chart_series_set_name(series, series_name.c_str());
    lxw_chart_line line{};
    line.color = 0xC00000;
    line.width = 2;
    chart_series_set_line(series, &line);
    const std::string title = tr({"全单位各维度平均分", "Unit mean by dimension"});
    chart_title_set_name(radar, title.c_str());
    chart_title_set_name_font(radar, &title_font);
    chart_legend_set_position(radar, LXW_CHART_LEGEND_NONE);
    chart_axis_set_min(radar->y_axis, 0);
    chart_axis_set_max(radar->y_axis, 100);
    chart_axis_set_num_font(radar->y_axis, &axis_font);
    chart_axis_set_num_font(radar->x_axis, &axis_font);
    xlsx::check(worksheet_insert_chart_opt(sheet.get(), place.at_row, 0, radar, &options), "部门汇总 radar chart");
}

}  // namespace

TallyColumns tally_columns(const Form& peer_form) {
    TallyColumns columns;
    for (const Item& item : peer_form.items) {
        const Scale& scale = peer_form.scale_of(item);
        if (scale.favorable.empty()) continue;
        for (const ScaleOption& option : scale.options)
            if (std::find(columns.labels.begin(), columns.labels.end(), option.label) == columns.labels.end())
                columns.labels.push_back(option.label);
    }
    return columns;
}

lxw_row_t write_tally_header(xlsx::Sheet& sheet, lxw_row_t row, lxw_col_t first_col, const TallyColumns& columns) {
    std::vector<std::string> headers{tr({"题号", "Item"}), tr({"测评项目", "Dimension"})};
    for (const std::string& label : columns.labels) headers.push_back(tr({"{0}（票）", "{0} (votes)"}, label));
    headers.push_back(tr({"有效票数", "Valid votes"}));
    headers.push_back(tr({"好评率", "Favorable rate"}));
    header_row(sheet, row, first_col, headers);
    return row + 1;
}

lxw_row_t write_tally_rows(xlsx::Sheet& sheet, lxw_row_t row, lxw_col_t first_col, const TallyColumns& columns,
                           const Form& peer_form, const PersonResult& person, double row_height) {
    for (const ItemTally& tally : person.tallies) {
        const Item& item = peer_form.items[tally.item];
        const Scale& scale = peer_form.scale_of(item);
        lxw_col_t col = first_col;
        sheet.text(row, col++, item.id, Style::text_center);
        sheet.text(row, col++, peer_form.dimensions[item.dimension].name, Style::text);
        for (const std::string& label : columns.labels) {
            std::optional<long long> count;
            for (std::size_t o = 0; o < scale.options.size() && o < tally.counts.size(); ++o)
                if (scale.options[o].label == label) count = tally.counts[o];
            // A label of another scale is no option of this item: empty, not 0.
            sheet.integer(row, col++, count, Style::integer);
        }
        sheet.integer(row, col++, tally.answers, Style::integer);
        sheet.number(row, col++, tally.favorable_rate, Style::score);
        sheet.set_height(row, row_height);
        ++row;
    }
    return row;
}

std::string gap_flag(const PersonResult& person, std::string_view dimension_id) {
    for (const std::string& flag : person.flags)
        for (const std::string_view prefix : {"BLIND_SPOT:", "HIDDEN_STRENGTH:"})
            if (flag.size() == prefix.size() + dimension_id.size() && flag.starts_with(prefix) && flag.ends_with(dimension_id))
                return flag;
    return {};
}

std::string gap_flag_meaning(std::string_view flag) {
    if (flag.starts_with("BLIND_SPOT:")) return tr({"自评明显高于他评", "Self-review well above others' ratings"});
    if (flag.starts_with("HIDDEN_STRENGTH:")) return tr({"自评明显低于他评", "Self-review well below others' ratings"});
    return {};
}

void write_departments(xlsx::Workbook& book, const Context& context) {
    const CycleResults& results = *context.data.results;
    const Plan& plan = context.data.cycle->plan;
    xlsx::Sheet sheet(book, departments_sheet);

    std::vector<std::string> headers{tr({"部门", "Department"}), tr({"人数", "People"}), tr({"完成率", "Completion"})};
    for (const DimensionColumn& d : results.dimensions) headers.push_back(d.name);
    headers.push_back(tr({"平均总分", "Mean total"}));
    for (const Grade& grade : plan.grades) headers.push_back(tr({"{0}人数", "{0} (people)"}, grade.name));
    const auto last_col = static_cast<lxw_col_t>(headers.size() - 1);

    lxw_row_t row = sheet_heading(sheet, last_col, tr({"各部门测评情况汇总", "Evaluation summary by department"}),
                                  unit_and_cycle(*context.data.cycle));
    const lxw_row_t header = row;
    header_row(sheet, row++, 0, headers);

    // By path 按姓氏笔画 (stroke order), parents before their sub-departments.
    const NameOrder names;
    std::vector<std::size_t> order(results.departments.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::string> keys;
    for (const DepartmentResult& d : results.departments) keys.push_back(names.sort_key(d.department));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        return results.departments[a].department < results.departments[b].department;
    });
    const lxw_row_t first_department = row;
    for (const std::size_t index : order) {
        const DepartmentResult& d = results.departments[index];
        lxw_col_t col = 0;
        sheet.text(row, col++, d.department, Style::text);
        sheet.integer(row, col++, d.people, Style::integer);
        sheet.number(row, col++, d.completion, Style::percent);
        for (const auto& mean : d.mean_scores) sheet.number(row, col++, mean, Style::score);
        sheet.number(row, col++, d.mean_total, Style::score);
        for (const int count : d.grade_counts) sheet.integer(row, col++, count, Style::integer);
        sheet.set_height(row, table_row_height);
        ++row;
    }
    const lxw_row_t last_department = row - 1;
    note_row(sheet, row++, last_col,
             tr({"完成率 = 被评价人在本部门的已提交测评 ÷ 全部测评；平均分只计有得分的人员，空白表示无法计算。",
                 "Completion = submitted evaluations of the department's people ÷ all their evaluations; means count only "
                 "people with a score; an empty cell means the value cannot be calculated."}));

    // The unit's dimension means: the mean of P over everyone with a P.
    ++row;
    const lxw_row_t means_section = row;
    sheet.text(row++, 0, tr({"全单位各维度平均分", "Unit mean by dimension"}), Style::section);
    header_row(sheet, row++, 0, {tr({"维度", "Dimension"}), tr({"平均分", "Mean"}), tr({"有得分人数", "People with a score"})});
    const lxw_row_t first_mean = row;
    for (std::size_t d = 0; d < results.dimensions.size(); ++d) {
        double sum = 0;
        long long count = 0;
        for (const PersonResult& person : results.people)
            if (person.scores[d]) sum += *person.scores[d], ++count;
        sheet.text(row, 0, results.dimensions[d].name, Style::text);
        sheet.number(row, 1, count > 0 ? std::optional<double>(sum / static_cast<double>(count)) : std::nullopt, Style::score);
        sheet.integer(row, 2, count, Style::integer);
        sheet.set_height(row, table_row_height);
        ++row;
    }
    const lxw_row_t last_mean = row - 1;
    sheet.fit_columns(6, 36);

    // The charts beside the means table: mean T by department, then the unit's profile.
    const double means_pixels = sheet.column_pixels(0, 2);
    constexpr double chart_height = 300;  // px
    const double bar_height = std::max(chart_height, 70.0 + 26.0 * static_cast<double>(results.departments.size()));
    const auto mean_total_col = static_cast<lxw_col_t>(3 + results.dimensions.size());
    double x = means_pixels + 25;
    if (!results.departments.empty()) {
        lxw_chart_options bar{};
        bar.x_offset = static_cast<std::int32_t>(x);
        bar.y_offset = 4;
        bar.x_scale = 520.0 / 480;
        bar.y_scale = bar_height / 288;
        department_bar_chart(sheet, {means_section, first_department, last_department, mean_total_col}, bar);
        x += 520 + 20;
    }
    if (!results.dimensions.empty()) {
        lxw_chart_options radar{};
        radar.x_offset = static_cast<std::int32_t>(x);
        radar.y_offset = 4;
        radar.x_scale = 420.0 / 480;
        radar.y_scale = chart_height / 288;
        unit_radar_chart(sheet, {means_section, first_mean, last_mean, 1}, radar);
    }

    // One page when it fits without shrinking much (charts are never cut by a page break), else one page wide.
    double height = 0;  // points
    for (lxw_row_t r = 0; r < means_section; ++r) height += sheet.row_height(r);
    double means_height = 0;
    for (lxw_row_t r = means_section; r <= last_mean; ++r) means_height += sheet.row_height(r);
    height += std::max(means_height, bar_height * 0.75 + 10);
    const double width = std::max(sheet.column_pixels(0, last_col), x + 420);  // px
    const double scale = std::min({1.0, 10.69 * 96 / width, 6.97 * 72 / height});
    sheet.print_setup(true, true);
    if (scale >= 0.6) worksheet_fit_to_pages(sheet.get(), 1, 1);
    worksheet_freeze_panes(sheet.get(), header + 1, 0);
}

void write_votes(xlsx::Workbook& book, const Context& context) {
    const ScoringInput& input = *context.data.input;
    const CycleResults& results = *context.data.results;
    const Plan& plan = context.data.cycle->plan;
    const Form* peer_form = input.forms[index_of(Relation::peer)];
    xlsx::Sheet sheet(book, votes_sheet, xlsx::SheetCells::table);  // rows for everyone: kept compactly, written in the background
    const TallyColumns columns = peer_form ? tally_columns(*peer_form) : TallyColumns{};
    const auto last_col = static_cast<lxw_col_t>(3 + 2 + columns.labels.size() + 2 - 1);

    lxw_row_t row = sheet_heading(sheet, last_col, tr({"民主测评票数统计", "Peer ballot vote counts"}),
                                  unit_and_cycle(*context.data.cycle));
    if (peer_form == nullptr || columns.labels.empty()) {
        note_row(sheet, row, last_col,
                 peer_form == nullptr
                     ? tr({"本考核方案没有民主测评（同事测评）。", "This evaluation plan has no peer ballot."})
                     : tr({"民主测评表中没有设定好评选项的题目，无票数可统计。",
                           "No item of the peer ballot form has favorable options set, so there are no votes to count."}));
        sheet.fit_columns();
        sheet.print_setup(true, true);
        return;
    }
    const bool any = std::any_of(results.people.begin(), results.people.end(),
                                 [](const PersonResult& p) { return p.peer_group_defined && !p.tallies.empty(); });
    note_row(sheet, row++, last_col,
             any ? tr({"只统计同事测评有效份数不少于 {0} 份的人员；表中为各选项票数合计，好评率 = 好评票数 ÷ 有效票数，"
                       "不列示任何个人的投票。人员顺序同“汇总”表。",
                       "Only people with at least {0} valid peer ballots are counted. The table shows the total votes for each "
                       "option; favorable rate = favorable votes ÷ valid votes. No individual's vote is shown. People are in "
                       "the order of the 汇总 sheet."},
                      plan.min_peers)
                 : tr({"没有人的同事测评有效份数达到 {0} 份，不显示票数（保护匿名）。",
                       "No one has {0} valid peer ballots, so no votes are shown (to protect anonymity)."},
                      plan.min_peers));
    if (!any) {
        sheet.fit_columns();
        sheet.print_setup(true, true);
        return;
    }
    const lxw_row_t header = row;
    header_row(sheet, row, 0, {tr({"工号", "Staff ID"}), tr({"姓名", "Name"}), tr({"部门", "Department"})});
    row = write_tally_header(sheet, row, 3, columns);

    for (const std::size_t index : context.table.people) {  // the order of 汇总
        const PersonResult& person = results.people[index];
        if (!person.peer_group_defined || person.tallies.empty()) continue;
        const lxw_row_t first = row;
        row = write_tally_rows(sheet, row, 3, columns, *peer_form, person, dense_row_height);
        person_cells(sheet, first, row - 1, input.members[person.member]);
        sheet.keep_together(first, row - 1);
    }
    sheet.set_width(last_col, 9);
    sheet.fit_columns(6, 30);
    sheet.repeat_rows(header, header);
    sheet.print_setup(false, true);  // portrait: a long list of narrow blocks
    worksheet_freeze_panes(sheet.get(), header + 1, 0);
}

void write_gaps(xlsx::Workbook& book, const Context& context) {
    const ScoringInput& input = *context.data.input;
    const CycleResults& results = *context.data.results;
    xlsx::Sheet sheet(book, gaps_sheet, xlsx::SheetCells::table);  // rows for everyone: kept compactly, written in the background
    const std::vector<std::string> headers{tr({"工号", "Staff ID"}),
                                           tr({"姓名", "Name"}),
                                           tr({"部门", "Department"}),
                                           tr({"维度", "Dimension"}),
                                           tr({"自评得分", "Self-review score"}),
                                           tr({"他评得分", "Others' score"}),
                                           tr({"差值", "Gap"}),
                                           tr({"标记", "Flag"}),
                                           tr({"说明", "Meaning"})};
    const auto last_col = static_cast<lxw_col_t>(headers.size() - 1);
    lxw_row_t row = sheet_heading(sheet, last_col, tr({"自评与他评差异分析", "Self-review against others' ratings"}),
                                  unit_and_cycle(*context.data.cycle));

    // Dimensions where a gap can exist: in the self form and in a head or peer form.
    const Form* self = input.forms[index_of(Relation::self)];
    std::vector<std::size_t> dimensions;
    for (std::size_t d = 0; d < results.dimensions.size(); ++d) {
        const std::string& id = results.dimensions[d].id;
        const bool others = std::any_of(all_relations.begin() + 1, all_relations.end(), [&](Relation r) {
            const Form* form = input.forms[index_of(r)];
            return form != nullptr && form->dimension(id) != nullptr;
        });
        if (self != nullptr && self->dimension(id) != nullptr && others) dimensions.push_back(d);
    }
    if (dimensions.empty()) {
        note_row(sheet, row, last_col,
                 tr({"本考核方案的自评表与他评表没有共同的维度，无法比较自评与他评。",
                     "The self-review form of this evaluation plan shares no dimension with the forms for rating others, "
                     "so self-review cannot be compared with others' ratings."}));
        sheet.fit_columns();
        sheet.print_setup(true, true);
        return;
    }
    note_row(sheet, row++, last_col,
             tr({"他评得分为上级评价和民主测评按权重的加权得分；差值 = 自评得分 − 他评得分，相差 15 分及以上时标记：BLIND_SPOT 表示自评明显高于他评，"
                 "HIDDEN_STRENGTH 表示自评明显低于他评。空白表示无法计算。人员按姓氏笔画排列。",
                 "The others' score is the weighted score of the head's evaluation and the peer ballot; gap = self-review "
                 "score − others' score. A gap of 15 points or more is flagged: BLIND_SPOT means the self-review is well "
                 "above others' ratings, HIDDEN_STRENGTH well below. An empty cell means the value cannot be calculated. "
                 "People are listed in order of the strokes of their surnames."}));
    const lxw_row_t header = row;
    header_row(sheet, row++, 0, headers);
    for (const std::size_t index : people_by_name(input, results)) {
        const PersonResult& person = results.people[index];
        const lxw_row_t first = row;
        for (const std::size_t d : dimensions) {
            const std::string flag = gap_flag(person, results.dimensions[d].id);
            sheet.text(row, 3, results.dimensions[d].name, Style::text);
            sheet.number(row, 4, person.groups[index_of(Relation::self)][d], Style::score);
            sheet.number(row, 5, person.others[d], Style::score);
            sheet.number(row, 6, person.gaps[d], Style::score);
            sheet.text(row, 7, flag, Style::text);
            sheet.text(row, 8, gap_flag_meaning(flag), Style::text);
            sheet.set_height(row, dense_row_height);
            ++row;
        }
        person_cells(sheet, first, row - 1, input.members[person.member]);
        sheet.keep_together(first, row - 1);
    }
    const lxw_row_t last_row = row - 1;

    // Flagged rows in colour.
    const std::string flag_cell = "$H" + std::to_string(header + 2);
    for (const auto& [prefix, fill, font] : {std::tuple<const char*, lxw_color_t, lxw_color_t>{"BLIND_SPOT", 0xFFC7CE, 0x9C0006},
                                             {"HIDDEN_STRENGTH", 0xDDEBF7, 0x1F4E79}}) {
        lxw_format* format = book.add_format();
        format_set_bg_color(format, fill);
        format_set_font_color(format, font);
        std::string formula = "=LEFT(" + flag_cell + "," + std::to_string(std::string_view(prefix).size()) + ")=\"" + prefix + "\"";
        lxw_conditional_format rule{};
        rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
        rule.value_string = formula.data();
        rule.format = format;
        xlsx::check(worksheet_conditional_format_range(sheet.get(), header + 1, 3, last_row, last_col, &rule), "自评差异 colours");
    }
    sheet.fit_columns(6, 30);
    sheet.repeat_rows(header, header);
    sheet.print_setup(true, true);
    worksheet_freeze_panes(sheet.get(), header + 1, 0);
}

void write_reliability(xlsx::Workbook& book, const Context& context) {
    const std::vector<FormReliability>& reliability = context.reliability.get();
    xlsx::Sheet sheet(book, reliability_sheet);
    constexpr lxw_col_t last_col = 6;
    lxw_row_t row = sheet_heading(sheet, last_col, tr({"问卷信度分析", "Questionnaire reliability"}),
                                  unit_and_cycle(*context.data.cycle));

    sheet.text(row++, 0, tr({"一、各维度 Cronbach's α 系数", "1. Cronbach's α by dimension"}), Style::section);
    header_row(sheet, row++, 0,
               {tr({"表单", "Form"}), tr({"版本", "Version"}), tr({"评价关系", "Relations"}), tr({"维度", "Dimension"}),
                tr({"题目数", "Items"}), tr({"完整样本数", "Complete cases"}), tr({"α系数", "α"})});
    for (const FormReliability& form : reliability) {
        for (const DimensionReliability& d : form.dimensions) {
            sheet.text(row, 0, form.form->id, Style::text);
            sheet.integer(row, 1, form.form->version, Style::integer);
            sheet.text(row, 2, relations_text(form.relations), Style::text_center);
            sheet.text(row, 3, form.form->dimensions[d.dimension].name, Style::text);
            sheet.integer(row, 4, d.items, Style::integer);
            sheet.integer(row, 5, d.complete_cases, Style::integer);
            sheet.number(row, 6, d.alpha, Style::score);
            sheet.set_height(row, table_row_height);
            ++row;
        }
    }
    note_row(sheet, row++, last_col,
             tr({"合并使用同一表单的各评价关系计算；完整样本为答完该维度全部题目的已提交测评。一般认为 α ≥ 0.70 信度较好；"
                 "空白表示无法计算（题目少于 2 道、完整样本少于 2 份或总方差为 0）。",
                 "Computed over all the relations that use the same form; a complete case is a submitted evaluation that "
                 "answers every item of the dimension. α ≥ 0.70 is generally taken as good reliability; an empty cell means "
                 "the value cannot be calculated (fewer than 2 items, fewer than 2 complete cases, or a total variance of 0)."}));

    ++row;
    sheet.text(row++, 0, tr({"二、题目统计", "2. Item statistics"}), Style::section);
    header_row(sheet, row++, 0,
               {tr({"表单", "Form"}), tr({"题号", "Item"}), tr({"维度", "Dimension"}), tr({"样本量", "N"}), tr({"平均分", "Mean"}),
                tr({"标准差", "SD"}), tr({"校正题总相关", "Corrected item–total correlation"})});
    for (const FormReliability& form : reliability) {
        for (const ItemStatistics& s : form.items) {
            const Item& item = form.form->items[s.item];
            sheet.text(row, 0, form.form->id, Style::text);
            sheet.text(row, 1, item.id, Style::text_center);
            sheet.text(row, 2, form.form->dimensions[item.dimension].name, Style::text);
            sheet.integer(row, 3, s.n, Style::integer);
            sheet.number(row, 4, s.mean, Style::score);
            sheet.number(row, 5, s.sd, Style::score);
            sheet.number(row, 6, s.item_total_correlation, Style::score);
            sheet.set_height(row, table_row_height);
            ++row;
        }
    }
    note_row(sheet, row, last_col,
             tr({"得分为 0–100 分制（反向题已换算）；校正题总相关为该题与同维度其他题目之和的相关系数。",
                 "Scores are on a 0–100 scale (reverse-scored items converted); the corrected item–total correlation is the "
                 "correlation of an item with the sum of the other items of its dimension."}));
    sheet.fit_columns(6, 30);
    sheet.print_setup(false, true);
}

}  // namespace exemplar::report
