#include "core/form_text.h"

#include <sstream>

#include <fmt/format.h>

#include "core/json_writer.h"
#include "core/translate.h"

namespace exemplar {

namespace {

// 一, 二, … 十, then digits: the numbering of official Chinese documents.
std::string chinese_ordinal(std::size_t n) {
    static const char* const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    return n >= 1 && n <= 10 ? numerals[n - 1] : std::to_string(n);
}

std::string dimension_heading(std::size_t n, const Dimension& dimension) {
    return tr({"{0}、{1}（{2}）", "{0}. {1} ({2})"},
              current_language() == Language::chinese ? chinese_ordinal(n) : std::to_string(n), dimension.name,
              dimension.id);
}

std::string facet_heading(std::size_t n, const Facet& facet) {
    return tr({"（{0}）{1}", "({0}) {1}"},
              current_language() == Language::chinese ? chinese_ordinal(n) : std::to_string(n), facet.name);
}

void write_item(std::ostream& out, const Form& form, const Item& item, Use use, const std::string& indent) {
    std::string notes;
    if (item.reverse) notes += tr({"〔反向计分〕", " [reverse-scored]"});
    if (!item.required) notes += tr({"〔选答〕", " [optional]"});
    if (item.weight != 1) notes += tr({"〔权重 {0}〕", " [weight {0}]"}, shortest_number_text(item.weight));
    out << indent << item.id << "  " << Form::wording(item, use) << notes << '\n';
    std::string options;
    for (const ScaleOption& option : form.scale_of(item).options) options += (options.empty() ? "□" : "  □") + option.label;
    out << indent << std::string(item.id.size() + 2, ' ') << options << '\n';
}

}  // namespace

std::string form_as_text(const Form& form, Use use) {
    std::ostringstream out;
    out << form.title << '\n';
    out << tr({"表单 {0} · 第 {1} 版 · {2} · 共 {3} 道题", "form {0} · version {1} · {2} · {3} items"}, form.id,
                    form.version, use == Use::self ? tr({"自评用语", "self-review wording"}) : tr({"他评用语", "wording for rating others"}),
                    form.items.size())
              << "\n\n";

    out << tr({"量表", "Scales"}) << '\n';
    for (const Scale& scale : form.scales) {
        std::string options;
        for (const ScaleOption& option : scale.options) {
            if (!options.empty()) options += tr({"｜", " | "});
            options += tr({"{0} = {1}（{2} 分）", "{0} = {1} ({2} points)"}, option.label, shortest_number_text(option.value),
                          fmt::format("{:.4g}", option.score));
        }
        out << "  " << scale.id << tr({"：", ": "}) << options << '\n';
        if (!scale.favorable.empty()) {
            std::string labels;
            for (const std::string& label : scale.favorable) labels += (labels.empty() ? "" : tr({"、", ", "})) + label;
            out << "    " << tr({"好评选项：{0}", "favorable: {0}"}, labels) << '\n';
        }
    }
    out << '\n';

    for (std::size_t d = 0; d < form.dimensions.size(); ++d) {
        const Dimension& dimension = form.dimensions[d];
        out << dimension_heading(d + 1, dimension) << '\n';
        if (dimension.facets.empty()) {
            for (const std::size_t index : dimension.items) write_item(out, form, form.items[index], use, "    ");
        } else {
            for (std::size_t f = 0; f < dimension.facets.size(); ++f) {
                out << "  " << facet_heading(f + 1, dimension.facets[f]) << '\n';
                for (const std::size_t index : dimension.facets[f].items) write_item(out, form, form.items[index], use, "    ");
            }
        }
        out << '\n';
    }

    bool heading_printed = false;
    for (const Comment& comment : form.comments) {
        const std::string& wording = use == Use::self ? comment.self_wording : comment.other_wording;
        if (wording.empty()) continue;
        if (!heading_printed) out << tr({"意见建议（填写文字，不计分）", "Comments (free text, not scored)"}) << '\n';
        heading_printed = true;
        out << "    " << comment.id << "  " << wording << '\n';
    }
    return out.str();
}

}  // namespace exemplar
