#include "core/questionnaire_layout.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/name_order.h"
#include "core/translate.h"
#include "core/utf8.h"

namespace exemplar {

namespace {

// Column widths of the evaluation sheets: id, question, answer.
constexpr double id_width = 7;
constexpr double question_width = 62;
constexpr double answer_width = 14;

std::string chinese_ordinal(std::size_t n) {
    static const char* const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    return n >= 1 && n <= 10 ? numerals[n - 1] : std::to_string(n);
}

// Points for a wrapped row: lines needed at ~2 columns a Chinese character.
double wrapped_height(const std::string& text, double width) {
    const double columns = static_cast<double>(display_width(text));
    const double lines = std::max(1.0, std::ceil(columns / std::max(1.0, width - 2)));
    return 16.0 * lines + 4;
}

std::string person_text(const CycleMember& m) { return m.name + "（" + m.code + "）"; }

class SheetBuilder {
public:
    explicit SheetBuilder(std::string name) { sheet_.name = safe_sheet_name(std::move(name)); }
    void cell(std::uint32_t row, std::uint32_t column, std::string text, CellRole role, std::uint32_t merge_to = 0) {
        sheet_.cells.push_back({row, column, std::move(text), role, merge_to});
    }
    void height(std::uint32_t row, double points) { sheet_.row_heights.emplace_back(row, points); }
    LayoutSheet& sheet() { return sheet_; }

private:
    LayoutSheet sheet_;
};

// The self-review or a head evaluation: questions grouped by exemplar and facet.
LayoutSheet evaluation_sheet(const Cycle& cycle, const Form& form, std::size_t rater, std::size_t ratee, Relation relation,
                             std::string name) {
    SheetBuilder b(std::move(name));
    const Use use = relation == Relation::self ? Use::self : Use::others;
    const CycleMember& person = cycle.members[ratee];
    const std::string title = relation == Relation::self
                                  ? tr({"{0}{1}“五种表率”自评表", "{0} {1}: self-review on the five exemplars"}, cycle.unit_name, cycle.name)
                                  : tr({"{0}{1}“五种表率”上级评价表", "{0} {1}: head's evaluation on the five exemplars"}, cycle.unit_name, cycle.name);
    b.cell(1, 1, title, CellRole::title, 3);
    b.height(1, 30);
    b.cell(2, 1, tr({"被评价人", "rated"}), CellRole::header);
    b.cell(2, 2, person_text(person) + "  " + person.department + "  " + person.position, CellRole::subtitle);
    b.cell(2, 3, person.code, CellRole::identity);
    if (relation != Relation::self) {
        b.cell(3, 1, tr({"评价人", "rater"}), CellRole::header);
        b.cell(3, 2, person_text(cycle.members[rater]), CellRole::subtitle);
    }
    b.cell(4, 1, tr({"题号", "item"}), CellRole::header);
    b.cell(4, 2, tr({"题目", "question"}), CellRole::header);
    b.cell(4, 3, tr({"答案", "answer"}), CellRole::header);
    b.sheet().header_rows = 4;
    std::uint32_t row = 5;
    for (std::size_t d = 0; d < form.dimensions.size(); ++d) {
        const Dimension& dimension = form.dimensions[d];
        b.cell(row, 1, tr({"{0}、{1}", "{0}. {1}"}, current_language() == Language::chinese ? chinese_ordinal(d + 1) : std::to_string(d + 1), dimension.name),
               CellRole::heading, 3);
        ++row;
        const auto add_items = [&](const std::vector<std::size_t>& items) {
            for (const std::size_t index : items) {
                const Item& item = form.items[index];
                std::string wording = Form::wording(item, use);
                if (!item.required) wording += tr({"（选答）", " (optional)"});
                b.cell(row, 1, item.id, CellRole::identity);
                b.cell(row, 2, wording, CellRole::text);
                b.height(row, wrapped_height(wording, question_width));
                b.sheet().answers.push_back({row, 3, ratee, relation, item.id, item.scale});
                ++row;
            }
        };
        if (dimension.facets.empty()) {
            add_items(dimension.items);
        } else {
            for (std::size_t f = 0; f < dimension.facets.size(); ++f) {
                b.cell(row, 1, tr({"（{0}）{1}", "({0}) {1}"}, current_language() == Language::chinese ? chinese_ordinal(f + 1) : std::to_string(f + 1),
                                  dimension.facets[f].name),
                       CellRole::heading, 3);
                ++row;
                add_items(dimension.facets[f].items);
            }
        }
    }
    bool heading = false;
    for (const Comment& comment : form.comments) {
        const std::string& wording = use == Use::self ? comment.self_wording : comment.other_wording;
        if (wording.empty()) continue;
        if (!heading) {
            b.cell(row, 1, tr({"意见建议（请填写文字）", "Comments (write text)"}), CellRole::heading, 3);
            ++row;
            heading = true;
        }
        b.cell(row, 1, comment.id, CellRole::identity);
        b.cell(row, 2, wording, CellRole::text);
        b.height(row, 60);
        b.sheet().answers.push_back({row, 3, ratee, relation, comment.id, std::nullopt});
        ++row;
    }
    b.sheet().column_widths = {id_width, question_width, answer_width};
    return b.sheet();
}

// The peer ballot: a row per colleague, a column per item.
LayoutSheet ballot_sheet(const Cycle& cycle, const Form& form, std::size_t rater, std::vector<std::size_t> ratees) {
    SheetBuilder b(tr({"民主测评", "peer ballot"}));
    const std::uint32_t last_column = static_cast<std::uint32_t>(2 + form.items.size());
    b.cell(1, 1, tr({"{0}{1}“五种表率”民主测评票", "{0} {1}: peer ballot on the five exemplars"}, cycle.unit_name, cycle.name), CellRole::title,
           last_column);
    b.height(1, 30);
    b.cell(2, 1, tr({"评价人：{0}。请对下列每位同事逐项选择等次；本票匿名统计，不单独显示。",
                     "Rater: {0}. Choose a grade for each colleague and item; ballots are counted anonymously."},
                    person_text(cycle.members[rater])),
           CellRole::subtitle, last_column);
    b.height(2, 22);
    b.cell(3, 1, tr({"工号", "id"}), CellRole::header);
    b.cell(3, 2, tr({"姓名", "name"}), CellRole::header);
    double tallest = 20;
    for (std::size_t i = 0; i < form.items.size(); ++i) {
        const Item& item = form.items[i];
        const std::string& wording = Form::wording(item, Use::others);
        b.cell(3, static_cast<std::uint32_t>(3 + i), wording, CellRole::header);
        b.cell(4, static_cast<std::uint32_t>(3 + i), item.id, CellRole::identity);
        tallest = std::max(tallest, wrapped_height(wording, 14));
    }
    b.height(3, tallest);
    b.sheet().header_rows = 4;
    const NameOrder order;
    std::sort(ratees.begin(), ratees.end(), [&](std::size_t x, std::size_t y) {
        const int c = order.compare(cycle.members[x].name, cycle.members[y].name);
        return c != 0 ? c < 0 : cycle.members[x].code < cycle.members[y].code;
    });
    std::uint32_t row = 5;
    for (const std::size_t ratee : ratees) {
        b.cell(row, 1, cycle.members[ratee].code, CellRole::identity);
        b.cell(row, 2, cycle.members[ratee].name, CellRole::text);
        for (std::size_t i = 0; i < form.items.size(); ++i)
            b.sheet().answers.push_back({row, static_cast<std::uint32_t>(3 + i), ratee, Relation::peer, form.items[i].id, form.items[i].scale});
        ++row;
    }
    b.sheet().column_widths = {10, 12};
    b.sheet().column_widths.resize(2 + form.items.size(), 14);
    return b.sheet();
}

LayoutSheet instructions_sheet(const Cycle& cycle, std::size_t rater, const std::vector<LayoutSheet>& sheets) {
    SheetBuilder b(tr({"填写说明", "instructions"}));
    const CycleMember& me = cycle.members[rater];
    b.cell(1, 1, tr({"{0}{1}“五种表率”测评表", "{0}{1}: evaluation on the five exemplars"}, cycle.unit_name, cycle.name), CellRole::title, 2);
    b.height(1, 30);
    std::uint32_t row = 3;
    const auto line = [&](std::string label, std::string text, CellRole role = CellRole::text) {
        b.cell(row, 1, std::move(label), CellRole::header);
        b.height(row, wrapped_height(text, 80));
        b.cell(row, 2, std::move(text), role);
        ++row;
    };
    line(tr({"填表人", "rater"}), person_text(me) + "  " + me.department + "  " + me.position, CellRole::subtitle);
    b.cell(row - 1, 3, me.code, CellRole::identity);
    if (cycle.deadline) line(tr({"截止日期", "deadline"}), *cycle.deadline);
    line(tr({"填写方法", "how"}),
         tr({"在各工作表的“答案”格中点击右侧下拉箭头选择答案（也可直接输入选项文字）；意见建议格中直接输入文字。其他格子已锁定，请勿修改。",
             "In each sheet, pick an answer from the drop-down list of every answer cell (or type the option's words); type text in the comment cells. "
             "Other cells are locked: do not change them."}));
    line(tr({"交回方式", "return"}),
         tr({"填好后直接保存本文件（可用 Excel、WPS 或 LibreOffice），不要改动表格结构，交回人事（办公室）。未答完的题目可以以后补答再交。",
             "Save this file when done (Excel, WPS or LibreOffice), keep its layout, and return it to HR (the office). Unanswered items can be "
             "completed and the file returned again later."}));
    line(tr({"保密", "privacy"}),
         tr({"民主测评按人汇总统计，任何报表都不显示单张测评票。", "Peer ballots are only counted together: no report ever shows a single ballot."}));
    ++row;
    b.cell(row, 1, tr({"本文件包括", "contents"}), CellRole::heading, 2);
    ++row;
    for (const LayoutSheet& sheet : sheets) {
        b.cell(row, 1, sheet.name, CellRole::text);
        b.cell(row, 2, tr({"{0} 个答案格", "{0} answer cells"}, sheet.answers.size()), CellRole::text);
        ++row;
    }
    ++row;
    b.cell(row, 1, tr({"选项含义", "the options"}), CellRole::heading, 2);
    ++row;
    std::set<std::string> shown;
    for (const Relation relation : all_relations) {
        const Form* form = cycle.form_for(relation);
        if (form == nullptr) continue;
        for (const Scale& scale : form->scales) {
            if (!shown.insert(form->id + "/" + scale.id).second) continue;
            std::string labels;
            for (const ScaleOption& option : scale.options) labels += (labels.empty() ? "" : tr({"、", ", "})) + option.label;
            const bool frequency = std::find_if(form->items.begin(), form->items.end(), [&](const Item& item) {
                                       return &form->scale_of(item) == &scale && item.reverse;
                                   }) != form->items.end();
            std::string meaning = frequency ? tr({"按题目所述情况出现的频繁程度选择", "how often what the question describes happens"})
                                  : scale.favorable.empty() ? tr({"按题目描述与实际相符的程度选择", "how well the question describes reality"})
                                                            : tr({"按实际表现选择等次", "the grade the colleague's conduct deserves"});
            b.cell(row, 1, labels, CellRole::text, 0);
            b.cell(row, 2, meaning, CellRole::text);
            b.height(row, wrapped_height(labels, 24) + 2);
            ++row;
        }
    }
    b.sheet().column_widths = {24, 80, 10};
    return b.sheet();
}

}  // namespace

std::string safe_sheet_name(std::string name) {
    for (char& c : name)
        if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\') c = '_';
    // Excel allows 31 characters; cut at a character boundary.
    std::string cut;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size() && characters < 31;) {
        std::size_t length = 1;
        const unsigned char b = static_cast<unsigned char>(name[i]);
        if (b >= 0xF0) length = 4;
        else if (b >= 0xE0) length = 3;
        else if (b >= 0xC0) length = 2;
        cut += name.substr(i, length);
        i += length;
        ++characters;
    }
    if (!cut.empty() && cut.front() == '\'') cut.front() = '_';
    return cut;
}

std::string safe_file_name(std::string name) {
    for (char& c : name)
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|' ||
            static_cast<unsigned char>(c) < 0x20)
            c = '_';
    if (name.empty() || name.front() == '.') name.insert(name.begin(), '_');
    return name;
}

std::vector<std::pair<std::size_t, AnswerCell>> QuestionnaireLayout::all_answers() const {
    std::vector<std::pair<std::size_t, AnswerCell>> all;
    for (std::size_t s = 0; s < sheets.size(); ++s)
        for (const AnswerCell& cell : sheets[s].answers) all.emplace_back(s, cell);
    return all;
}

QuestionnaireLayout questionnaire_layout(const Cycle& cycle, std::size_t rater, const std::vector<PlannedAssignment>& assignments_of_rater) {
    QuestionnaireLayout layout;
    layout.rater = rater;
    const CycleMember& me = cycle.members[rater];
    layout.file_name = safe_file_name(me.code + "-" + me.name + "-测评表.xlsx");  // the name offices know (issue: 工号-姓名-测评表.xlsx)
    std::vector<LayoutSheet> sheets;
    std::vector<std::size_t> subordinates;
    std::vector<std::size_t> colleagues;
    bool self = false;
    for (const PlannedAssignment& a : assignments_of_rater) {
        if (a.rater != rater) continue;
        if (a.relation == Relation::self) self = true;
        if (a.relation == Relation::head) subordinates.push_back(a.ratee);
        if (a.relation == Relation::peer) colleagues.push_back(a.ratee);
    }
    if (self) sheets.push_back(evaluation_sheet(cycle, *cycle.form_for(Relation::self), rater, rater, Relation::self, tr({"自评", "self-review"})));
    const NameOrder order;
    std::sort(subordinates.begin(), subordinates.end(), [&](std::size_t x, std::size_t y) {
        const int c = order.compare(cycle.members[x].name, cycle.members[y].name);
        return c != 0 ? c < 0 : cycle.members[x].code < cycle.members[y].code;
    });
    std::set<std::string> names;
    for (const std::size_t ratee : subordinates) {
        std::string name = tr({"上级评价-{0}", "head-{0}"}, cycle.members[ratee].name);
        if (!names.insert(safe_sheet_name(name)).second) name += "-" + cycle.members[ratee].code;
        names.insert(safe_sheet_name(name));
        sheets.push_back(evaluation_sheet(cycle, *cycle.form_for(Relation::head), rater, ratee, Relation::head, name));
    }
    if (!colleagues.empty()) sheets.push_back(ballot_sheet(cycle, *cycle.form_for(Relation::peer), rater, colleagues));
    layout.sheets.push_back(instructions_sheet(cycle, rater, sheets));
    for (LayoutSheet& sheet : sheets) layout.sheets.push_back(std::move(sheet));
    return layout;
}

}  // namespace exemplar
