#include "cli/form_commands.h"

#include <iostream>

#include <fmt/format.h>

#include "cli/terminal.h"
#include "core/form_json.h"
#include "core/form_loader.h"
#include "core/json_writer.h"
#include "core/translate.h"

namespace exemplar::cli {

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

void print_item(const Form& form, const Item& item, Use use, const std::string& indent) {
    std::string notes;
    if (item.reverse) notes += tr({"〔反向计分〕", " [reverse-scored]"});
    if (!item.required) notes += tr({"〔选答〕", " [optional]"});
    if (item.weight != 1) notes += tr({"〔权重 {0}〕", " [weight {0}]"}, shortest_number_text(item.weight));
    std::cout << indent << item.id << "  " << Form::wording(item, use) << notes << '\n';
    std::string options;
    for (const ScaleOption& option : form.scale_of(item).options) options += (options.empty() ? "□" : "  □") + option.label;
    std::cout << indent << std::string(item.id.size() + 2, ' ') << options << '\n';
}

void print_form(const Form& form, Use use) {
    std::cout << form.title << '\n';
    std::cout << tr({"表单 {0} · 第 {1} 版 · {2} · 共 {3} 道题", "form {0} · version {1} · {2} · {3} items"}, form.id,
                    form.version, use == Use::self ? tr({"自评用语", "self-review wording"}) : tr({"他评用语", "wording for rating others"}),
                    form.items.size())
              << "\n\n";

    std::cout << tr({"量表", "Scales"}) << '\n';
    for (const Scale& scale : form.scales) {
        std::string options;
        for (const ScaleOption& option : scale.options) {
            if (!options.empty()) options += tr({"｜", " | "});
            options += tr({"{0} = {1}（{2} 分）", "{0} = {1} ({2} points)"}, option.label, shortest_number_text(option.value),
                          fmt::format("{:.4g}", option.score));
        }
        std::cout << "  " << scale.id << tr({"：", ": "}) << options << '\n';
        if (!scale.favorable.empty()) {
            std::string labels;
            for (const std::string& label : scale.favorable) labels += (labels.empty() ? "" : tr({"、", ", "})) + label;
            std::cout << "    " << tr({"好评选项：{0}", "favorable: {0}"}, labels) << '\n';
        }
    }
    std::cout << '\n';

    for (std::size_t d = 0; d < form.dimensions.size(); ++d) {
        const Dimension& dimension = form.dimensions[d];
        std::cout << dimension_heading(d + 1, dimension) << '\n';
        if (dimension.facets.empty()) {
            for (const std::size_t index : dimension.items) print_item(form, form.items[index], use, "    ");
        } else {
            for (std::size_t f = 0; f < dimension.facets.size(); ++f) {
                std::cout << "  " << facet_heading(f + 1, dimension.facets[f]) << '\n';
                for (const std::size_t index : dimension.facets[f].items) print_item(form, form.items[index], use, "    ");
            }
        }
        std::cout << '\n';
    }

    bool heading_printed = false;
    for (const Comment& comment : form.comments) {
        const std::string& wording = use == Use::self ? comment.self_wording : comment.other_wording;
        if (wording.empty()) continue;
        if (!heading_printed) std::cout << tr({"意见建议（填写文字，不计分）", "Comments (free text, not scored)"}) << '\n';
        heading_printed = true;
        std::cout << "    " << comment.id << "  " << wording << '\n';
    }
}

}  // namespace

int form_validate(const std::vector<std::string>& files) {
    int status = exit_ok;
    for (const std::string& file : files) {
        const FormLoad loaded = load_form_file(file);
        if (!loaded.form) {
            print_diagnostics(loaded.diagnostics);
            status = exit_refused;
            continue;
        }
        const Form& form = *loaded.form;
        std::string uses;
        if (form.usable_for(Use::self)) uses += tr({"自评", "self-review"});
        if (form.usable_for(Use::others))
            uses += (uses.empty() ? "" : tr({"、", ", "})) + tr({"他评", "rating others"});
        std::cout << tr({"{0}：有效（{1}，表单 {2} 第 {3} 版，{4} 个维度，{5} 道题，可用于{6}）",
                         "{0}: valid ({1}, form {2} version {3}, {4} dimensions, {5} items, usable for {6})"},
                        file, form.title, form.id, form.version, form.dimensions.size(), form.items.size(), uses)
                  << '\n';
    }
    return status;
}

int form_show(const std::string& file, bool json, std::optional<Use> wording) {
    const FormLoad loaded = load_form_file(file);
    if (!loaded.form) {
        print_diagnostics(loaded.diagnostics);
        return exit_refused;
    }
    const Form& form = *loaded.form;
    if (json) {
        std::cout << form_to_json(form);
        return exit_ok;
    }
    const Use use = wording.value_or(form.usable_for(Use::self) ? Use::self : Use::others);
    if (!form.usable_for(use)) {
        print_error(tr({"表单“{0}”没有完整的{1}措辞", "form '{0}' has no complete {1} wording"}, form.id,
                       use == Use::self ? tr({"自评", "self-review"}) : tr({"他评", "rating-others"})));
        return exit_refused;
    }
    print_form(form, use);
    return exit_ok;
}

}  // namespace exemplar::cli
