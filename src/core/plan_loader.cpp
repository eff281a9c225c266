#include "core/plan_loader.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/data_paths.h"
#include "core/form_catalog.h"
#include "core/form_loader.h"
#include "core/identifiers.h"
#include "core/translate.h"
#include "core/yaml_document.h"
#include "core/yaml_reader.h"

namespace exemplar {

namespace {

std::string number_text(double value) { return fmt::format("{}", value); }

class PlanReader {
public:
    PlanReader(const YamlDocument& document, std::vector<Diagnostic>& diagnostics)
        : yaml_(document, diagnostics), diagnostics_(diagnostics) {}

    // Structure only; the nodes of form ids and dimension keys are kept for
    // check_forms(), which may run even when this found problems.
    std::optional<Plan> read() {
        const YAML::Node& root = yaml_.document().root();
        const auto entries = yaml_.entries(root, {"plan", "forms", "relation_weights", "dimension_weights", "peer_scope",
                                                  "min_peers", "trim_extremes", "grades", "top_grade_quota"});
        if (!root.IsMap()) return std::nullopt;
        if (const auto* e = yaml_.find(entries, "plan", root, true)) {
            if (const auto id = yaml_.text(*e)) {
                if (!is_file_id(*id))
                    yaml_.error(e->value, tr({"方案编号“{0}”只能包含小写字母 a–z、数字和“-”", "plan id '{0}' may hold only a–z, 0–9 and '-'"}, *id));
                plan_.id = *id;
            }
        }
        if (const auto* e = yaml_.find(entries, "forms", root, true)) read_forms(*e);
        if (const auto* e = yaml_.find(entries, "relation_weights", root, true)) read_relation_weights(*e);
        if (const auto* e = yaml_.find(entries, "dimension_weights", root, true)) read_dimension_weights(*e);
        if (const auto* e = yaml_.find(entries, "peer_scope", root, false)) {
            if (const auto scope = yaml_.text(*e)) {
                if (*scope == "department")
                    plan_.peer_scope = PeerScope::department;
                else if (*scope == "unit")
                    plan_.peer_scope = PeerScope::unit;
                else
                    yaml_.error(e->value, tr({"peer_scope 只能是 department 或 unit，而不是“{0}”", "peer_scope must be department or unit, not '{0}'"}, *scope));
            }
        }
        if (const auto* e = yaml_.find(entries, "min_peers", root, false)) {
            if (const auto value = yaml_.integer(*e)) {
                if (*value < 1 || *value > 1000000)
                    yaml_.error(e->value, tr({"min_peers 必须是不小于 1 的整数", "min_peers must be an integer of at least 1"}));
                else
                    plan_.min_peers = static_cast<int>(*value);
            }
        }
        if (const auto* e = yaml_.find(entries, "trim_extremes", root, false))
            plan_.trim_extremes = yaml_.boolean(*e).value_or(false);
        if (const auto* e = yaml_.find(entries, "grades", root, true)) read_grades(*e);
        if (const auto* e = yaml_.find(entries, "top_grade_quota", root, false)) {
            if (const auto quota = yaml_.number(*e)) {
                if (*quota < 0 || *quota > 1)
                    yaml_.error(e->value, tr({"top_grade_quota 必须在 0 到 1 之间", "top_grade_quota must lie between 0 and 1"}));
                plan_.top_grade_quota = *quota;
            }
        }
        if (!diagnostics_.empty()) return std::nullopt;
        return plan_;
    }

    bool has_mapping() const { return yaml_.document().root().IsMap(); }

    // Problems found in the form files, reported after the plan's own.
    const std::vector<Diagnostic>& form_diagnostics() const { return form_diagnostics_; }

    // Finds, loads and checks the forms the plan names; fills `load`.
    void check_forms(const std::filesystem::path& plan_folder, const std::filesystem::path& bundled_forms, PlanLoad& load) {
        for (const Relation relation : all_relations) {
            const auto& form_id = plan_.form_for(relation);
            if (!form_id) continue;
            const YAML::Node& at = form_nodes_[index_of(relation)];
            const FormSearch search = find_form(*form_id, {plan_folder, bundled_forms});
            if (!search.found()) {
                yaml_.error(at, tr({"找不到表单“{0}”（在方案所在文件夹和内置表单中都没有）",
                                    "form '{0}' was not found (neither in the plan's folder nor among the bundled forms)"},
                                   *form_id));
                continue;
            }
            if (search.files.size() > 1) {
                yaml_.error(at, tr({"表单“{0}”同时由 {1} 和 {2} 定义", "form '{0}' is defined by both {1} and {2}"}, *form_id,
                                   search.files[0].string(), search.files[1].string()));
                continue;
            }
            // A form used for two relations is loaded, and its problems reported, once.
            auto cached = loaded_.find(search.files.front());
            if (cached == loaded_.end()) {
                cached = loaded_.emplace(search.files.front(), load_form_file(search.files.front())).first;
                const auto& problems = cached->second.diagnostics;
                form_diagnostics_.insert(form_diagnostics_.end(), problems.begin(), problems.end());
            }
            FormLoad form = cached->second;
            if (!form.form) {
                yaml_.error(at, tr({"表单“{0}”（{1}）有错误", "form '{0}' ({1}) has errors"}, *form_id, search.files.front().string()));
                continue;
            }
            const Use use = relation == Relation::self ? Use::self : Use::others;
            if (!form.form->usable_for(use)) {
                if (use == Use::self)
                    yaml_.error(at, tr({"表单“{0}”并非每道题都有 self 措辞，不能用于自评", "form '{0}' lacks 'self' wording on some items, so it cannot be used for self-review"}, *form_id));
                else
                    yaml_.error(at, tr({"表单“{0}”并非每道题都有 other 措辞，不能用于{1}", "form '{0}' lacks 'other' wording on some items, so it cannot be used for {1} ratings"},
                                       *form_id, relation == Relation::head ? tr({"上级评价", "head"}) : tr({"同事测评", "peer"})));
            }
            load.form_files[index_of(relation)] = search.files.front();
            load.forms[index_of(relation)] = std::move(form.form);
        }
        bool all_forms_loaded = true;
        for (const Relation relation : all_relations)
            if (plan_.form_for(relation) && !load.forms[index_of(relation)]) all_forms_loaded = false;
        if (!all_forms_loaded) return;
        for (std::size_t i = 0; i < plan_.dimension_weights.size(); ++i) {
            const std::string& dimension = plan_.dimension_weights[i].first;
            const bool known = std::any_of(load.forms.begin(), load.forms.end(), [&](const auto& form) {
                return form && form->dimension(dimension) != nullptr;
            });
            if (!known)
                yaml_.error(dimension_nodes_[i], tr({"方案的表单中没有维度“{0}”", "dimension '{0}' is in none of the plan's forms"}, dimension));
        }
    }

private:
    void read_forms(const YamlReader::Entry& entry) {
        const auto entries = yaml_.entries(entry.value, {"self", "head", "peer"}, &entry.key_node);
        if (!entry.value.IsMap()) return;
        for (const auto& form_entry : entries) {
            const auto id = yaml_.text(form_entry);
            if (!id) continue;
            if (!is_file_id(*id)) {
                yaml_.error(form_entry.value, tr({"表单编号“{0}”只能包含小写字母 a–z、数字和“-”", "form id '{0}' may hold only a–z, 0–9 and '-'"}, *id));
                continue;
            }
            const Relation relation = *parse_relation(form_entry.key);
            plan_.forms[index_of(relation)] = *id;
            form_nodes_[index_of(relation)] = form_entry.value;
        }
        if (entries.empty() && entry.value.size() == 0)
            yaml_.error(entry.key_node, tr({"方案至少要为一种关系指定表单", "the plan must name a form for at least one relation"}));
    }

    void read_relation_weights(const YamlReader::Entry& entry) {
        const auto entries = yaml_.entries(entry.value, {"self", "head", "peer"}, &entry.key_node);
        for (const auto& weight_entry : entries) {
            const auto weight = yaml_.number(weight_entry);
            if (!weight) continue;
            if (*weight < 0) yaml_.error(weight_entry.value, tr({"权重不能为负数", "a weight cannot be negative"}));
            plan_.relation_weights[index_of(*parse_relation(weight_entry.key))] = *weight;
        }
    }

    void read_dimension_weights(const YamlReader::Entry& entry) {
        if (!yaml_.expect_map(entry.value, &entry.key_node)) return;
        std::set<std::string> seen;
        for (auto it = entry.value.begin(); it != entry.value.end(); ++it) {
            const YAML::Node key = it->first;
            if (!key.IsScalar() || !is_element_id(key.Scalar())) {
                yaml_.error(key, tr({"维度编号“{0}”只能包含字母、数字、“_”和“-”", "dimension id '{0}' may hold only A–Z, a–z, 0–9, '_' and '-'"},
                                    key.IsScalar() ? key.Scalar() : std::string("…")));
                continue;
            }
            if (!seen.insert(key.Scalar()).second) {
                yaml_.error(key, tr({"维度“{0}”的权重重复", "dimension '{0}' has two weights"}, key.Scalar()));
                continue;
            }
            const auto weight = yaml_.number(it->second, &key);
            if (!weight) continue;
            if (*weight < 0) yaml_.error(it->second, tr({"权重不能为负数", "a weight cannot be negative"}));
            plan_.dimension_weights.emplace_back(key.Scalar(), *weight);
            dimension_nodes_.push_back(key);
        }
    }

    void read_grades(const YamlReader::Entry& entry) {
        if (!yaml_.expect_list(entry.value, &entry.key_node)) return;
        if (entry.value.size() == 0) {
            yaml_.error(entry.key_node, tr({"至少需要一个等次", "at least one grade is needed"}));
            return;
        }
        YAML::Node last_min;
        bool complete = true;
        for (const YAML::Node& node : entry.value) {
            const auto entries = yaml_.entries(node, {"name", "min"});
            if (!node.IsMap()) {
                complete = false;
                continue;
            }
            Grade grade;
            const auto* name = yaml_.find(entries, "name", node, true);
            const auto* min = yaml_.find(entries, "min", node, true);
            const auto name_text = name ? yaml_.text(*name) : std::nullopt;
            const auto min_value = min ? yaml_.number(*min) : std::nullopt;
            if (!name_text || !min_value) {
                complete = false;
                continue;
            }
            if (name_text->empty()) {
                yaml_.error(name->value, tr({"等次名称不能为空", "a grade needs a name"}));
                complete = false;
                continue;
            }
            if (std::any_of(plan_.grades.begin(), plan_.grades.end(), [&](const Grade& g) { return g.name == *name_text; })) {
                yaml_.error(name->value, tr({"等次“{0}”重复", "grade '{0}' is listed twice"}, *name_text));
                complete = false;
            }
            if (!plan_.grades.empty() && !(*min_value < plan_.grades.back().min))
                yaml_.error(min->value, tr({"等次的最低分必须从高到低严格递减：{0} 不小于上一个等次的 {1}",
                                            "grade minimums must strictly decrease: {0} is not below the previous {1}"},
                                           number_text(*min_value), number_text(plan_.grades.back().min)));
            grade.name = *name_text;
            grade.min = *min_value;
            plan_.grades.push_back(std::move(grade));
            last_min = min->value;
        }
        if (complete && !plan_.grades.empty() && plan_.grades.back().min != 0)
            yaml_.error(last_min, tr({"最后一个等次的最低分必须是 0", "the last grade's min must be 0"}));
    }

    YamlReader yaml_;
    std::vector<Diagnostic>& diagnostics_;
    Plan plan_;
    std::array<YAML::Node, 3> form_nodes_;
    std::vector<YAML::Node> dimension_nodes_;
    std::vector<Diagnostic> form_diagnostics_;
    std::map<std::filesystem::path, FormLoad> loaded_;
};

}  // namespace

PlanLoad parse_plan(std::string display_name, std::string text) {
    PlanLoad load;
    auto document = YamlDocument::parse(std::move(display_name), std::move(text), load.diagnostics);
    if (document) load.plan = PlanReader(*document, load.diagnostics).read();
    sort_by_position(load.diagnostics);
    if (!load.diagnostics.empty()) load.plan.reset();
    return load;
}

PlanLoad load_plan_file(const std::filesystem::path& path, std::optional<std::filesystem::path> bundled_forms) {
    PlanLoad load;
    auto document = YamlDocument::read_file(path, load.diagnostics);
    if (document) {
        PlanReader reader(*document, load.diagnostics);
        load.plan = reader.read();
        if (reader.has_mapping()) {
            const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
            reader.check_forms(folder, bundled_forms.value_or(bundled_forms_dir()), load);
        }
        sort_by_position(load.diagnostics);
        load.diagnostics.insert(load.diagnostics.end(), reader.form_diagnostics().begin(), reader.form_diagnostics().end());
    }
    if (!load.diagnostics.empty()) {
        load.plan.reset();
        for (auto& form : load.forms) form.reset();
    }
    return load;
}

}  // namespace exemplar
