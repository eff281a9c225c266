// A form file (SPEC §2) as `exemplar form validate` and `form show` read it:
// load_form_file, then, for a form that loads, what `form show` prints (text
// in each wording the form supports, and JSON). A loaded form keeps every
// index it holds inside its own lists; a refused one is located.
#include "core/form_json.h"
#include "core/form_loader.h"
#include "core/form_text.h"
#include "fuzz_target.h"

using namespace exemplar;
using namespace exemplar::fuzz;

namespace {

void check_indexes(const Form& form) {
    fuzz_check(!form.dimensions.empty() && !form.scales.empty(), "a form has dimensions and scales");
    for (const Item& item : form.items) {
        fuzz_check(item.scale < form.scales.size(), "an item's scale is one of the form's");
        fuzz_check(item.dimension < form.dimensions.size(), "an item's dimension is one of the form's");
        if (item.facet != no_facet)
            fuzz_check(item.facet < form.dimensions[item.dimension].facets.size(), "an item's facet is one of its dimension's");
    }
    for (const Dimension& dimension : form.dimensions) {
        for (const std::size_t item : dimension.items) fuzz_check(item < form.items.size(), "a dimension's items are the form's");
        for (const Facet& facet : dimension.facets)
            for (const std::size_t item : facet.items) fuzz_check(item < form.items.size(), "a facet's items are the form's");
    }
    for (const Scale& scale : form.scales) fuzz_check(scale.options.size() >= 2, "a scale has at least two options");
}

}  // namespace

EXEMPLAR_FUZZ_TARGET(form_loader) {
    const auto path = write_input("form.yaml", input);
    const FormLoad loaded = load_form_file(path);
    if (!loaded.form) {
        check_located(loaded.diagnostics, path.string());
        return Outcome::refused;
    }
    fuzz_check(loaded.diagnostics.empty(), "a loaded form comes without diagnostics");
    const Form& form = *loaded.form;
    check_indexes(form);
    for (const Use use : {Use::self, Use::others})
        if (form.usable_for(use)) fuzz_check(!form_as_text(form, use).empty(), "form show prints the form");
    fuzz_check(!form_to_json(form).empty(), "form show --json prints the form");
    return Outcome::accepted;
}
