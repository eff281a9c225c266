#include "cli/form_commands.h"

#include <iostream>

#include <fmt/format.h>

#include "cli/terminal.h"
#include "core/form_json.h"
#include "core/form_loader.h"
#include "core/form_text.h"
#include "core/json_writer.h"
#include "core/translate.h"

namespace exemplar::cli {

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
    std::cout << form_as_text(form, use);
    return exit_ok;
}

}  // namespace exemplar::cli
