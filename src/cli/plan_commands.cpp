#include "cli/plan_commands.h"

#include <iostream>

#include "cli/terminal.h"
#include "core/json_writer.h"
#include "core/plan_loader.h"
#include "core/translate.h"

namespace exemplar::cli {

int plan_validate(const std::vector<std::string>& files) {
    int status = exit_ok;
    for (const std::string& file : files) {
        const PlanLoad loaded = load_plan_file(file);
        if (!loaded.plan) {
            print_diagnostics(loaded.diagnostics);
            status = exit_refused;
            continue;
        }
        const Plan& plan = *loaded.plan;
        std::string forms;
        for (const Relation relation : all_relations) {
            const auto& form = loaded.forms[index_of(relation)];
            if (!form) continue;
            if (!forms.empty()) forms += tr({"，", ", "});
            forms += tr({"{0} {1}（第 {2} 版，权重 {3}）", "{0} {1} (version {2}, weight {3})"},
                        current_language() == Language::chinese ? std::string(relation_chinese(relation))
                                                                 : std::string(relation_code(relation)),
                        form->id, form->version, shortest_number_text(plan.weight_of(relation)));
        }
        std::cout << tr({"{0}：有效（方案 {1}：{2}）", "{0}: valid (plan {1}: {2})"}, file, plan.id, forms) << '\n';
    }
    return status;
}

}  // namespace exemplar::cli
