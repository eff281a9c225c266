// Report cards: one printable workbook per person with their own results
// only — scores by group, total, ranks and grade, a radar chart of self
// against others, gaps, aggregated vote tallies and their own comments.
// Nothing per peer rater, ever.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/report_sheets.h"
#include "core/report_workbook.h"
#include "core/results_table.h"
#include "core/translate.h"
#include "core/xlsx_writer.h"

namespace exemplar {

namespace {

using xlsx::Style;

constexpr lxw_col_t last_col = 7;  // A–H
constexpr double row_height = 20;
// The temporary name AtomicFile adds (".", ".<random>.tmp") must fit in 255 bytes too.
constexpr std::size_t max_file_name_bytes = 200;

// The card's one sheet; its chart refers to it by name.
std::string card_sheet_name() { return tr({"测评结果", "Results"}); }

std::size_t utf8_lead_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    return 4;
}

class CardWriter {
public:
    CardWriter(xlsx::Sheet& sheet, const ReportData& data, const PersonResult& person,
               const std::map<std::string, std::string>* comments)
        : sheet_(sheet), data_(data), person_(person), member_(data.input->members[person.member]), comments_(comments) {}

    void write() {
        const Cycle& cycle = *data_.cycle;
        std::string title = tr({"{0}{1}“五种表率”测评个人报告", "{0} {1}: personal report of the five-exemplars evaluation"},
                               cycle.unit_name, cycle.name);
        if (cycle.unit_name.empty() && title.starts_with(' ')) title.erase(0, 1);  // English without a unit
        sheet_.merge(0, 0, 0, last_col, title, Style::title);
        sheet_.merge(1, 0, 1, last_col, tr({"报表生成时间：{0}", "Generated: {0}"}, data_.generated_at), Style::subtitle);
        sheet_.set_height(1, 18);
        row_ = 2;
        details();
        overall();
        scores();
        tallies();
        own_comments();
        ++row_;
        sheet_.merge(row_, 0, row_, last_col,
                     tr({"本报告只含本人的测评结果。民主测评只统计票数合计，不含任何评价人的个人评价；空白表示无法计算，并非 0 分。",
                         "This report holds the person's own results only. The peer ballot is counted only in aggregate, "
                         "with no individual rater's rating; an empty cell means the value cannot be calculated, not 0."}),
                     Style::note);
    }

private:
    void section(const std::string& title) {
        static constexpr const char* numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
        const std::size_t n = std::min<std::size_t>(sections_++, 8);
        ++row_;
        sheet_.text(row_, 0, tr({"{0}、{1}", "{2}. {1}"}, numerals[n], title, n + 1), Style::section);
        sheet_.set_height(row_, 22);
        ++row_;
    }

    // label (A) | value (B–D) | label (E–F) | value (G–H)
    void pairs(std::string_view label1, const TableCell& value1, std::string_view label2, const TableCell& value2) {
        sheet_.text(row_, 0, label1, Style::label);
        sheet_.merge_cell(row_, 1, row_, 3, value1, Style::text_center, Style::score_center, Style::integer);
        sheet_.merge(row_, 4, row_, 5, label2, Style::label);
        sheet_.merge_cell(row_, 6, row_, last_col, value2, Style::text_center, Style::score_center, Style::integer);
        sheet_.set_height(row_, row_height);
        ++row_;
    }

    static TableCell number(const std::optional<double>& v) { return v ? TableCell(*v) : TableCell(); }
    static TableCell integer(const std::optional<int>& v) { return v ? TableCell(static_cast<long long>(*v)) : TableCell(); }

    void details() {
        section(tr({"基本信息", "Personal details"}));
        pairs(tr({"工号", "Staff ID"}), member_.person_id, tr({"姓名", "Name"}), member_.name);
        pairs(tr({"部门", "Department"}), member_.department, tr({"职务", "Position"}), member_.position);
    }

    void overall() {
        const CycleResults& results = *data_.results;
        const auto ranked = std::count_if(results.people.begin(), results.people.end(),
                                          [](const PersonResult& p) { return p.total.has_value(); });
        long long department_ranked = 0;
        for (const PersonResult& p : results.people)
            if (p.total && data_.input->members[p.member].department == member_.department) ++department_ranked;
        section(tr({"总体结果", "Overall result"}));
        pairs(tr({"总分", "Total"}), number(person_.total), tr({"等次", "Grade"}),
              person_.grade ? TableCell(*person_.grade) : TableCell());
        pairs(tr({"单位排名", "Unit rank"}), integer(person_.rank_unit), tr({"单位参评人数", "Ranked in the unit"}),
              static_cast<long long>(ranked));
        pairs(tr({"部门排名", "Department rank"}), integer(person_.rank_department),
              tr({"部门参评人数", "Ranked in the department"}), department_ranked);
        pairs(tr({"同事测评有效份数", "Valid peer ballots"}), static_cast<long long>(person_.peer_count),
              tr({"同事测评最少份数", "Minimum peer ballots"}), static_cast<long long>(data_.cycle->plan.min_peers));
        const std::string separator = tr({"；", "; "});
        std::string flags;
        for (const std::string& flag : person_.flags) flags += (flags.empty() ? "" : separator) + flag_text(flag);
        sheet_.text(row_, 0, tr({"提示", "Notes"}), Style::label);
        sheet_.merge(row_, 1, row_, last_col, flags.empty() ? tr({"无", "None"}) : flags, Style::text_wrap);
        sheet_.set_height(row_, row_height);
        ++row_;
    }

    // A flag in words, for the person reading their own card.
    std::string flag_text(const std::string& flag) const {
        const auto dimension_name = [&](std::string_view id) {
            for (const DimensionColumn& d : data_.results->dimensions)
                if (d.id == id) return d.name;
            return std::string(id);
        };
        if (flag == "INSUFFICIENT_PEERS")
            return tr({"同事测评有效份数少于 {0} 份", "fewer than {0} valid peer ballots"}, data_.cycle->plan.min_peers);
        if (flag == "NO_HEAD") return tr({"无上级评价", "no head's evaluation"});
        if (flag == "INCOMPLETE") return tr({"有对本人的测评未提交", "some evaluations of the person are not submitted"});
        if (flag == "QUOTA_TIE") return tr({"并列超出名额，均保留该等次", "tied beyond the quota; everyone tied keeps the grade"});
        if (flag.starts_with("BLIND_SPOT:"))
            return tr({"{0}自评明显高于他评", "{0}: self-review well above others' ratings"},
                      dimension_name(std::string_view(flag).substr(11)));
        if (flag.starts_with("HIDDEN_STRENGTH:"))
            return tr({"{0}自评明显低于他评", "{0}: self-review well below others' ratings"},
                      dimension_name(std::string_view(flag).substr(16)));
        return flag;
    }

    void scores() {
        const CycleResults& results = *data_.results;
        const ScoringInput& input = *data_.input;
        section(tr({"各维度得分", "Scores by dimension"}));
        const std::string headers[] = {tr({"维度", "Dimension"}),   tr({"自评", "Self-review"}),
                                       tr({"上级评价", "Head"}),     tr({"民主测评", "Peer ballot"}),
                                       tr({"他评", "Others"}),       tr({"综合得分", "Score"}),
                                       tr({"自评−他评", "Self − others"}), tr({"差异标记", "Gap"})};
        for (lxw_col_t c = 0; c <= last_col; ++c) sheet_.text(row_, c, headers[c], Style::header);
        sheet_.set_height(row_, 24);
        ++row_;
        const lxw_row_t first = row_;
        for (std::size_t d = 0; d < results.dimensions.size(); ++d) {
            sheet_.text(row_, 0, results.dimensions[d].name, Style::text);
            lxw_col_t col = 1;
            for (const Relation relation : all_relations)
                sheet_.number(row_, col++, input.forms[index_of(relation)] ? person_.groups[index_of(relation)][d] : std::nullopt,
                              Style::score);
            sheet_.number(row_, col++, person_.others[d], Style::score);
            sheet_.number(row_, col++, person_.scores[d], Style::score);
            sheet_.number(row_, col++, person_.gaps[d], Style::score);
            const std::string flag = report::gap_flag(person_, results.dimensions[d].id);
            sheet_.text(row_, col,
                        flag.starts_with("BLIND_SPOT:") ? tr({"自评偏高", "Self high"})
                        : flag.empty()                  ? std::string()
                                                        : tr({"自评偏低", "Self low"}),
                        Style::text_center);
            sheet_.set_height(row_, row_height);
            ++row_;
        }
        const lxw_row_t last = row_ - 1;
        sheet_.text(row_, 0, tr({"总分", "Total"}), Style::label);
        lxw_col_t col = 1;
        for (const Relation relation : all_relations) sheet_.number(row_, col++, person_.group_totals[index_of(relation)], Style::score);
        sheet_.blank(row_, col++, Style::score);
        sheet_.number(row_, col++, person_.total, Style::score);
        sheet_.blank(row_, col++, Style::score);
        sheet_.blank(row_, col, Style::text);
        sheet_.set_height(row_, row_height);
        ++row_;
        sheet_.merge(row_, 0, row_, last_col,
                     tr({"他评为上级评价与民主测评按权重的加权得分；自评与他评相差 15 分及以上时标记“自评偏高”或“自评偏低”。",
                         "Others is the weighted score of the head's evaluation and the peer ballot; where self-review and "
                         "others differ by 15 points or more, the gap is marked “Self high” or “Self low”."}),
                     Style::note);
        ++row_;

        // Radar: self against others per dimension.
        if (!results.dimensions.empty()) {
            xlsx::Workbook& book = sheet_.book();
            lxw_chart* radar = book.add_chart(LXW_CHART_RADAR_WITH_MARKERS);
            const std::string name = card_sheet_name();
            const auto add = [&](lxw_col_t col_of_values, const std::string& series_name, lxw_color_t color) {
                lxw_chart_series* series = chart_add_series(radar, nullptr, nullptr);
                chart_series_set_categories(series, name.c_str(), first, 0, last, 0);
                chart_series_set_values(series, name.c_str(), first, col_of_values, last, col_of_values);
                chart_series_set_name(series, series_name.c_str());
                lxw_chart_line line{};
                line.color = color;
                line.width = 2;
                chart_series_set_line(series, &line);
            };
            add(1, tr({"自评", "Self-review"}), 0xC00000);
            add(4, tr({"他评", "Others"}), 0x2F5597);
            lxw_chart_font title_font = xlsx::chart_font(12, true, true);
            lxw_chart_font font = xlsx::chart_font(9);
            const std::string title = tr({"自评与他评对比", "Self-review and others compared"});
            chart_title_set_name(radar, title.c_str());
            chart_title_set_name_font(radar, &title_font);
            chart_legend_set_position(radar, LXW_CHART_LEGEND_BOTTOM);
            chart_legend_set_font(radar, &font);
            chart_axis_set_min(radar->y_axis, 0);
            chart_axis_set_max(radar->y_axis, 100);
            chart_axis_set_num_font(radar->y_axis, &font);
            chart_axis_set_num_font(radar->x_axis, &font);
            lxw_chart_options place{};
            place.x_offset = 60;
            place.y_offset = 8;
            place.x_scale = 1.2;
            place.y_scale = 1.15;
            xlsx::check(worksheet_insert_chart_opt(sheet_.get(), row_, 0, radar, &place), "report card radar chart");
            // The chart is about 340 px (255 pt) high with its offset: leave rows for it.
            for (int i = 0; i < 13; ++i) sheet_.set_height(row_++, 20);
        }
    }

    void tallies() {
        const Form* peer_form = data_.input->forms[index_of(Relation::peer)];
        if (peer_form == nullptr) return;
        const report::TallyColumns columns = report::tally_columns(*peer_form);
        if (columns.labels.empty()) return;
        section(tr({"民主测评票数", "Peer ballot votes"}));
        if (!person_.peer_group_defined || person_.tallies.empty()) {
            sheet_.merge(row_, 0, row_, last_col,
                         tr({"同事测评有效份数为 {0} 份，少于 {1} 份，不计同事得分，也不显示票数（保护匿名）。",
                             "{0} valid peer ballots, fewer than {1}: no peer score is counted and no votes are shown (to "
                             "protect anonymity)."},
                            person_.peer_count, data_.cycle->plan.min_peers),
                         Style::note);
            sheet_.set_height(row_, row_height);
            ++row_;
            return;
        }
        row_ = report::write_tally_header(sheet_, row_, 0, columns);
        row_ = report::write_tally_rows(sheet_, row_, 0, columns, *peer_form, person_);
        sheet_.merge(row_, 0, row_, last_col,
                     tr({"好评率 = 好评票数 ÷ 有效票数；只列示票数合计。",
                         "Favorable rate = favorable votes ÷ valid votes; only vote totals are shown."}),
                     Style::note);
        ++row_;
    }

    void own_comments() {
        const Form* self_form = data_.input->forms[index_of(Relation::self)];
        if (self_form == nullptr || self_form->comments.empty()) return;
        section(tr({"本人自评意见", "Own comments in the self-review"}));
        for (const Comment& comment : self_form->comments) {
            sheet_.merge(row_, 0, row_, last_col, comment.self_wording.empty() ? comment.id : comment.self_wording,
                         Style::label);
            sheet_.set_height(row_, row_height);
            ++row_;
            std::string answer;
            if (comments_ != nullptr)
                if (const auto it = comments_->find(comment.id); it != comments_->end()) answer = it->second;
            sheet_.merge(row_, 0, row_, last_col, answer.empty() ? tr({"（未填写）", "(not filled in)"}) : answer, Style::text_wrap);
            sheet_.set_height(row_, 40);
            ++row_;
        }
    }

    xlsx::Sheet& sheet_;
    const ReportData& data_;
    const PersonResult& person_;
    const ScoringMember& member_;
    const std::map<std::string, std::string>* comments_;
    lxw_row_t row_ = 0;
    std::size_t sections_ = 0;
};

}  // namespace

std::string report_card_file_name(std::string_view person_id, std::string_view name) {
    std::string stem;
    const std::string raw = std::string(person_id) + "-" + std::string(name);
    for (std::size_t at = 0; at < raw.size();) {
        const auto c = static_cast<unsigned char>(raw[at]);
        const std::size_t length = std::min(utf8_lead_length(c), raw.size() - at);
        if (stem.size() + length > max_file_name_bytes - 5) break;  // room for ".xlsx"
        if (c < 0x20 || c == 0x7F || std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos)
            stem += '_';
        else
            stem.append(raw, at, length);
        at += length;
    }
    // Hidden files and names ending in a dot or space confuse some systems.
    if (!stem.empty() && stem.front() == '.') stem.front() = '_';
    while (!stem.empty() && (stem.back() == '.' || stem.back() == ' ')) stem.back() = '_';
    return stem + ".xlsx";
}

std::size_t write_report_cards(const std::filesystem::path& folder, const ReportData& data,
                               const std::vector<std::map<std::string, std::string>>& self_comments,
                               ProgressObserver* progress) {
    if (data.cycle == nullptr || data.input == nullptr || data.results == nullptr)
        throw Error("report cards: the cycle, its scoring input and its results are all needed");
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (!std::filesystem::is_directory(folder, error))
        throw Refused(tr({"{0}：无法创建文件夹", "{0}: cannot create the folder"}, folder.string()));

    const std::string step = tr({"写入个人报告", "writing report cards"});
    const std::vector<std::size_t> order = order_people(*data.input, *data.results);
    std::set<std::string> used;
    std::size_t written = 0;
    for (const std::size_t index : order) {
        report_progress(progress, step, static_cast<double>(written), static_cast<double>(order.size()));
        const PersonResult& person = data.results->people[index];
        const ScoringMember& member = data.input->members[person.member];
        std::string file_name = report_card_file_name(member.person_id, member.name);
        // Two people whose names differ only in replaced characters must not overwrite each other.
        for (int n = 2; !used.insert(file_name).second; ++n)
            file_name = file_name.substr(0, file_name.size() - 5) + fmt::format("({}).xlsx", n);

        AtomicFile file(folder / file_name);
        {
            xlsx::Workbook book(file.temporary_path());
            book.set_properties(tr({"{0} {1} 测评个人报告", "{0} {1}: personal evaluation report"}, member.person_id, member.name),
                                tr({"五种表率测评个人报告", "Five-exemplars evaluation: personal report"}));
            xlsx::Sheet sheet(book, card_sheet_name());
            const auto* comments = person.member < self_comments.size() ? &self_comments[person.member] : nullptr;
            CardWriter(sheet, data, person, comments).write();
            sheet.set_width(0, 17);
            for (lxw_col_t c = 1; c <= last_col; ++c) sheet.set_width(c, 11);
            sheet.fit_columns();
            sheet.print_setup(false, true);
            // One sheet of paper, unless long comments would make the print too small.
            std::size_t comment_length = 0;
            if (comments != nullptr)
                for (const auto& [id, text] : *comments) comment_length += text.size();
            if (comment_length < 1500) worksheet_fit_to_pages(sheet.get(), 1, 1);
            worksheet_gridlines(sheet.get(), LXW_HIDE_ALL_GRIDLINES);
            book.close();
        }
        file.commit();
        ++written;
    }
    report_progress(progress, step, static_cast<double>(written), static_cast<double>(order.size()));
    return written;
}

}  // namespace exemplar
