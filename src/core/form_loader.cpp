#include "core/form_loader.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/answers.h"
#include "core/identifiers.h"
#include "core/translate.h"
#include "core/yaml_document.h"
#include "core/yaml_reader.h"

namespace exemplar {

namespace {

std::string number_text(double value) { return fmt::format("{}", value); }

class FormReader {
public:
    FormReader(const YamlDocument& document, std::vector<Diagnostic>& diagnostics)
        : yaml_(document, diagnostics), diagnostics_(diagnostics) {}

    std::optional<Form> read() {
        const YAML::Node& root = yaml_.document().root();
        const auto entries = yaml_.entries(root, {"form", "version", "title", "scales", "dimensions", "comments"});
        if (!root.IsMap()) return std::nullopt;

        if (const auto* entry = yaml_.find(entries, "form", root, true)) {
            if (const auto id = yaml_.text(*entry)) {
                if (!is_file_id(*id))
                    yaml_.error(entry->value, tr({"表单编号“{0}”只能包含小写字母 a–z、数字和“-”",
                                                  "form id '{0}' may hold only a–z, 0–9 and '-'"},
                                                 *id));
                form_.id = *id;
            }
        }
        if (const auto* entry = yaml_.find(entries, "version", root, true)) {
            if (const auto version = yaml_.integer(*entry)) {
                if (*version < 1)
                    yaml_.error(entry->value, tr({"版本号必须是正整数", "the version must be a positive integer"}));
                form_.version = *version;
            }
        }
        if (const auto* entry = yaml_.find(entries, "title", root, true)) read_nonempty_text(*entry, form_.title);
        if (const auto* entry = yaml_.find(entries, "scales", root, true)) read_scales(*entry);
        if (const auto* entry = yaml_.find(entries, "dimensions", root, true)) read_dimensions(*entry);
        if (const auto* entry = yaml_.find(entries, "comments", root, false)) read_comments(*entry);
        check_wording();
        if (!diagnostics_.empty()) return std::nullopt;
        return std::move(form_);
    }

private:
    bool read_nonempty_text(const YamlReader::Entry& entry, std::string& out) {
        const auto value = yaml_.text(entry);
        if (!value) return false;
        if (value->empty()) {
            yaml_.error(entry.value, tr({"“{0}”不能为空", "'{0}' must not be empty"}, entry.key));
            return false;
        }
        out = *value;
        return true;
    }

    // Records an element id, refusing bad spellings and ids used before.
    bool claim_id(const YamlReader::Entry& entry, std::string& out) {
        const auto id = yaml_.text(entry);
        if (!id) return false;
        if (!is_element_id(*id)) {
            yaml_.error(entry.value, tr({"编号“{0}”只能包含字母、数字、“_”和“-”", "id '{0}' may hold only A–Z, a–z, 0–9, '_' and '-'"}, *id));
            return false;
        }
        const auto [it, inserted] = ids_.emplace(*id, yaml_.line_of(entry.value));
        if (!inserted) {
            yaml_.error(entry.value, tr({"编号“{0}”重复（第一次在第 {1} 行）", "id '{0}' is used twice (first on line {1})"}, *id, it->second));
            return false;
        }
        out = *id;
        return true;
    }

    void read_scales(const YamlReader::Entry& scales_entry) {
        const YAML::Node& scales = scales_entry.value;
        if (!yaml_.expect_map(scales, &scales_entry.key_node)) return;
        std::vector<std::string> seen;
        for (auto it = scales.begin(); it != scales.end(); ++it) {
            const YAML::Node key = it->first;
            Scale scale;
            if (!key.IsScalar() || !is_element_id(key.Scalar())) {
                yaml_.error(key, tr({"量表编号“{0}”只能包含字母、数字、“_”和“-”", "scale id '{0}' may hold only A–Z, a–z, 0–9, '_' and '-'"},
                                    key.IsScalar() ? key.Scalar() : std::string("…")));
                continue;
            }
            scale.id = key.Scalar();
            if (std::find(seen.begin(), seen.end(), scale.id) != seen.end()) {
                yaml_.error(key, tr({"量表“{0}”重复定义", "scale '{0}' is defined twice"}, scale.id));
                continue;
            }
            seen.push_back(scale.id);
            read_scale(key, it->second, scale);
            form_.scales.push_back(std::move(scale));
        }
        if (scales.size() == 0) yaml_.error(scales_entry.key_node, tr({"至少需要一个量表", "at least one scale is needed"}));
    }

    void read_scale(const YAML::Node& key, const YAML::Node& node, Scale& scale) {
        const auto entries = yaml_.entries(node, {"options", "favorable"}, &key);
        if (!node.IsMap()) return;
        const auto* options_entry = yaml_.find(entries, "options", node, true);
        if (options_entry == nullptr) return;
        const YAML::Node& options = options_entry->value;
        if (!yaml_.expect_list(options, &options_entry->key_node)) return;

        std::vector<YAML::Node> option_nodes;
        bool complete = true;
        for (const YAML::Node& option_node : options) {
            const auto option_entries = yaml_.entries(option_node, {"label", "value", "points"});
            if (!option_node.IsMap()) {
                complete = false;
                continue;
            }
            ScaleOption option;
            bool ok = true;
            if (const auto* e = yaml_.find(option_entries, "label", option_node, true)) {
                if (read_nonempty_text(*e, option.label)) {
                    if (scale.option_with_label(option.label) != nullptr) {
                        yaml_.error(e->value, tr({"选项“{0}”在量表“{1}”中重复", "label '{0}' appears twice in scale '{1}'"}, option.label, scale.id));
                        ok = false;
                    }
                } else {
                    ok = false;
                }
            } else {
                ok = false;
            }
            if (const auto* e = yaml_.find(option_entries, "value", option_node, true)) {
                if (const auto value = yaml_.number(*e)) {
                    option.value = *value;
                    if (scale.option_with_value(*value) != nullptr) {
                        yaml_.error(e->value, tr({"分值 {0} 在量表“{1}”中重复", "value {0} appears twice in scale '{1}'"}, number_text(*value), scale.id));
                        ok = false;
                    }
                } else {
                    ok = false;
                }
            } else {
                ok = false;
            }
            if (const auto* e = yaml_.find(option_entries, "points", option_node, false)) {
                if (const auto points = yaml_.number(*e)) {
                    if (*points < 0 || *points > 100)
                        yaml_.error(e->value, tr({"得分 {0} 不在 0 到 100 之间", "points {0} are not between 0 and 100"}, number_text(*points)));
                    option.points = *points;
                } else {
                    ok = false;
                }
            }
            if (!ok) {
                complete = false;
                continue;
            }
            scale.options.push_back(std::move(option));
            option_nodes.push_back(option_node);
        }
        if (options.size() < 2)
            yaml_.error(options_entry->key_node, tr({"量表“{0}”至少需要两个选项", "scale '{0}' needs at least two options"}, scale.id));
        if (options.size() > max_scale_options)
            yaml_.error(options_entry->key_node, tr({"量表“{0}”最多只能有 {1} 个选项", "scale '{0}' may have at most {1} options"}, scale.id,
                                                    max_scale_options));

        // points: all options or none
        const auto with_points = std::count_if(scale.options.begin(), scale.options.end(),
                                               [](const ScaleOption& o) { return o.points.has_value(); });
        if (with_points > 0 && static_cast<std::size_t>(with_points) < scale.options.size()) {
            for (std::size_t i = 0; i < scale.options.size(); ++i)
                if (!scale.options[i].points)
                    yaml_.error(option_nodes[i], tr({"量表“{0}”的部分选项给了 points，选项“{1}”也必须给出（要么全部给出，要么都不给）",
                                                     "scale '{0}' gives points for some options: give them for '{1}' too (all options or none)"},
                                                    scale.id, scale.options[i].label));
        }

        if (const auto* e = yaml_.find(entries, "favorable", node, false)) read_favorable(*e, scale);
        if (complete && scale.options.size() >= 2) compute_scores(scale);
    }

    void read_favorable(const YamlReader::Entry& entry, Scale& scale) {
        if (!yaml_.expect_list(entry.value, &entry.key_node)) return;
        for (const YAML::Node& label_node : entry.value) {
            const auto label = yaml_.text(label_node);
            if (!label) continue;
            if (scale.option_with_label(*label) == nullptr) {
                yaml_.error(label_node, tr({"“{0}”不是量表“{1}”的选项", "'{0}' is not a label of scale '{1}'"}, *label, scale.id));
                continue;
            }
            if (scale.is_favorable(*label)) {
                yaml_.error(label_node, tr({"“{0}”重复列出", "'{0}' is listed twice"}, *label));
                continue;
            }
            scale.favorable.push_back(*label);
        }
    }

    static void compute_scores(Scale& scale) {
        const auto [lo_it, hi_it] = std::minmax_element(
            scale.options.begin(), scale.options.end(),
            [](const ScaleOption& a, const ScaleOption& b) { return a.value < b.value; });
        const double lo = lo_it->value;
        const double hi = hi_it->value;
        for (ScaleOption& option : scale.options)
            option.score = option.points ? *option.points : (option.value - lo) / (hi - lo) * 100.0;
        const auto [min_it, max_it] = std::minmax_element(
            scale.options.begin(), scale.options.end(),
            [](const ScaleOption& a, const ScaleOption& b) { return a.score < b.score; });
        scale.lowest_score = min_it->score;
        scale.highest_score = max_it->score;
    }

    void read_dimensions(const YamlReader::Entry& entry) {
        if (!yaml_.expect_list(entry.value, &entry.key_node)) return;
        if (entry.value.size() == 0) yaml_.error(entry.key_node, tr({"至少需要一个维度", "at least one dimension is needed"}));
        for (const YAML::Node& node : entry.value) read_dimension(node);
    }

    void read_dimension(const YAML::Node& node) {
        const auto entries = yaml_.entries(node, {"id", "name", "facets", "items"});
        if (!node.IsMap()) return;
        Dimension dimension;
        const std::size_t index = form_.dimensions.size();
        if (const auto* e = yaml_.find(entries, "id", node, true)) claim_id(*e, dimension.id);
        if (const auto* e = yaml_.find(entries, "name", node, true)) read_nonempty_text(*e, dimension.name);
        const auto* facets = yaml_.find(entries, "facets", node, false);
        const auto* items = yaml_.find(entries, "items", node, false);
        form_.dimensions.push_back(std::move(dimension));
        if (facets != nullptr && items != nullptr) {
            const auto* later = yaml_.line_of(facets->key_node) > yaml_.line_of(items->key_node) ? facets : items;
            yaml_.error(later->key_node, tr({"维度只能有 facets 或 items 之一，不能两者都有",
                                             "a dimension has either facets or items, not both"}));
        } else if (facets != nullptr) {
            if (yaml_.expect_list(facets->value, &facets->key_node))
                for (const YAML::Node& facet_node : facets->value) read_facet(facet_node, index);
        } else if (items != nullptr) {
            read_items(*items, index, no_facet);
        }
        const Dimension& done = form_.dimensions[index];
        if (facets == nullptr || items == nullptr) {
            if (done.items.empty() && (facets == nullptr || facets->value.IsSequence()) &&
                (items == nullptr || items->value.IsSequence()))
                yaml_.error(node, tr({"维度“{0}”没有题目", "dimension '{0}' has no items"}, done.id));
        }
    }

    void read_facet(const YAML::Node& node, std::size_t dimension_index) {
        const auto entries = yaml_.entries(node, {"id", "name", "items"});
        if (!node.IsMap()) return;
        Facet facet;
        if (const auto* e = yaml_.find(entries, "id", node, true)) claim_id(*e, facet.id);
        if (const auto* e = yaml_.find(entries, "name", node, true)) read_nonempty_text(*e, facet.name);
        auto& facets = form_.dimensions[dimension_index].facets;
        const std::size_t facet_index = facets.size();
        facets.push_back(std::move(facet));
        if (const auto* e = yaml_.find(entries, "items", node, true)) {
            read_items(*e, dimension_index, facet_index);
            const Facet& done = form_.dimensions[dimension_index].facets[facet_index];
            if (done.items.empty() && e->value.IsSequence())
                yaml_.error(node, tr({"方面“{0}”没有题目", "facet '{0}' has no items"}, done.id));
        }
    }

    void read_items(const YamlReader::Entry& entry, std::size_t dimension_index, std::size_t facet_index) {
        if (!yaml_.expect_list(entry.value, &entry.key_node)) return;
        for (const YAML::Node& node : entry.value) {
            const auto entries = yaml_.entries(node, {"id", "self", "other", "scale", "reverse", "weight", "required", "source"});
            if (!node.IsMap()) continue;
            Item item;
            item.dimension = dimension_index;
            item.facet = facet_index;
            if (const auto* e = yaml_.find(entries, "id", node, true)) claim_id(*e, item.id);
            if (const auto* e = yaml_.find(entries, "self", node, false)) read_nonempty_text(*e, item.self_wording);
            if (const auto* e = yaml_.find(entries, "other", node, false)) read_nonempty_text(*e, item.other_wording);
            if (const auto* e = yaml_.find(entries, "scale", node, true)) {
                if (const auto scale_id = yaml_.text(*e)) {
                    const auto found = std::find_if(form_.scales.begin(), form_.scales.end(),
                                                    [&](const Scale& s) { return s.id == *scale_id; });
                    if (found == form_.scales.end())
                        yaml_.error(e->value, tr({"未定义的量表“{0}”", "unknown scale '{0}'"}, *scale_id));
                    else
                        item.scale = static_cast<std::size_t>(found - form_.scales.begin());
                }
            }
            if (const auto* e = yaml_.find(entries, "reverse", node, false))
                item.reverse = yaml_.boolean(*e).value_or(false);
            if (const auto* e = yaml_.find(entries, "weight", node, false)) {
                if (const auto weight = yaml_.number(*e)) {
                    if (*weight <= 0) yaml_.error(e->value, tr({"权重必须大于 0", "the weight must be greater than 0"}));
                    item.weight = *weight;
                }
            }
            if (const auto* e = yaml_.find(entries, "required", node, false))
                item.required = yaml_.boolean(*e).value_or(true);
            if (const auto* e = yaml_.find(entries, "source", node, false)) read_nonempty_text(*e, item.source);

            item_nodes_.push_back(node);
            const std::size_t index = form_.items.size();
            form_.items.push_back(std::move(item));
            Dimension& dimension = form_.dimensions[dimension_index];
            dimension.items.push_back(index);
            if (facet_index != no_facet) dimension.facets[facet_index].items.push_back(index);
        }
    }

    void read_comments(const YamlReader::Entry& entry) {
        if (!yaml_.expect_list(entry.value, &entry.key_node)) return;
        for (const YAML::Node& node : entry.value) {
            const auto entries = yaml_.entries(node, {"id", "self", "other"});
            if (!node.IsMap()) continue;
            Comment comment;
            if (const auto* e = yaml_.find(entries, "id", node, true)) claim_id(*e, comment.id);
            if (const auto* e = yaml_.find(entries, "self", node, false)) read_nonempty_text(*e, comment.self_wording);
            if (const auto* e = yaml_.find(entries, "other", node, false)) read_nonempty_text(*e, comment.other_wording);
            if (comment.self_wording.empty() && comment.other_wording.empty() && yaml_.find(entries, "self", node, false) == nullptr &&
                yaml_.find(entries, "other", node, false) == nullptr)
                yaml_.error(node, tr({"意见题“{0}”既没有 self 也没有 other 措辞", "comment '{0}' has neither 'self' nor 'other' wording"}, comment.id));
            form_.comments.push_back(std::move(comment));
        }
    }

    // A form must be complete for at least one use (self-review or rating others).
    void check_wording() {
        if (form_.usable_for(Use::self) || form_.usable_for(Use::others)) return;
        std::size_t missing_self = 0;
        std::size_t missing_other = 0;
        for (const Item& item : form_.items) {
            if (item.self_wording.empty() && !item.other_wording.empty()) ++missing_self;
            if (item.other_wording.empty() && !item.self_wording.empty()) ++missing_other;
        }
        const bool report_self = missing_self <= missing_other;
        for (std::size_t i = 0; i < form_.items.size(); ++i) {
            const Item& item = form_.items[i];
            if (item.self_wording.empty() && item.other_wording.empty())
                yaml_.error(item_nodes_[i], tr({"题目“{0}”既没有 self 也没有 other 措辞", "item '{0}' has neither 'self' nor 'other' wording"}, item.id));
            else if (report_self && item.self_wording.empty())
                yaml_.error(item_nodes_[i], tr({"题目“{0}”缺少 self 措辞：用于自评时每道题都需要 self，用于他评时每道题都需要 other",
                                                "item '{0}' has no 'self' wording: self-review needs 'self' on every item, rating others needs 'other' on every item"},
                                               item.id));
            else if (!report_self && item.other_wording.empty())
                yaml_.error(item_nodes_[i], tr({"题目“{0}”缺少 other 措辞：用于他评时每道题都需要 other，用于自评时每道题都需要 self",
                                                "item '{0}' has no 'other' wording: rating others needs 'other' on every item, self-review needs 'self' on every item"},
                                               item.id));
        }
    }

    YamlReader yaml_;
    std::vector<Diagnostic>& diagnostics_;
    Form form_;
    std::map<std::string, int> ids_;  // id → line of first use
    std::vector<YAML::Node> item_nodes_;
};

FormLoad read(std::optional<YamlDocument> document, std::vector<Diagnostic> diagnostics) {
    FormLoad result;
    if (document) result.form = FormReader(*document, diagnostics).read();
    sort_by_position(diagnostics);
    result.diagnostics = std::move(diagnostics);
    if (!result.diagnostics.empty()) result.form.reset();
    return result;
}

}  // namespace

FormLoad parse_form(std::string display_name, std::string text) {
    std::vector<Diagnostic> diagnostics;
    auto document = YamlDocument::parse(std::move(display_name), std::move(text), diagnostics);
    return read(std::move(document), std::move(diagnostics));
}

FormLoad load_form_file(const std::filesystem::path& path) {
    std::vector<Diagnostic> diagnostics;
    auto document = YamlDocument::read_file(path, diagnostics);
    return read(std::move(document), std::move(diagnostics));
}

}  // namespace exemplar
