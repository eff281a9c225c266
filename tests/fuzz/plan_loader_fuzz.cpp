// A plan file (SPEC §3) as `exemplar plan validate` and `cycle create --plan`
// read it: load_plan_file, with the forms it names looked up beside it (a
// folder of its own) and among the bundled forms; then, for a plan that
// loads, a cycle created from it for the nine-person office (rolled back, so
// every input meets the same database). A refused plan is located.
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/plan_loader.h"
#include "fuzz_office.h"
#include "fuzz_target.h"

using namespace exemplar;
using namespace exemplar::fuzz;

EXEMPLAR_FUZZ_TARGET_WITH_INIT(plan_loader, make_fuzz_office) {
    const auto path = write_input("plan.yaml", input);
    const PlanLoad loaded = load_plan_file(path);
    if (!loaded.plan) {
        // A plan's forms are reported in their own files (the bundled forms are valid).
        check_located(loaded.diagnostics, path.string());
        return Outcome::refused;
    }
    fuzz_check(loaded.diagnostics.empty(), "a loaded plan comes without diagnostics");
    bool any_form = false;
    for (const Relation relation : all_relations) {
        fuzz_check(loaded.plan->form_for(relation).has_value() == loaded.forms[index_of(relation)].has_value(),
                   "every form the plan names is loaded");
        any_form = any_form || loaded.forms[index_of(relation)].has_value();
    }
    fuzz_check(any_form, "a plan names at least one form");
    fuzz_check(!loaded.plan->grades.empty(), "a plan has grades");

    FuzzOffice& office = fuzz_office(false);
    Transaction rollback(office.db);  // never committed
    try {
        const CycleCreated created = create_cycle(office.db, "fuzz", path);
        fuzz_check(created.cycle.members.size() == office.cycle.members.size(), "the cycle holds every active member");
        // The cycle keeps its own copy of the plan and forms, read back when it is loaded.
        const Cycle stored = load_cycle(office.db, "fuzz");
        fuzz_check(stored.plan == *loaded.plan, "a stored cycle reads back the plan it was created with");
    } catch (const InputRefused& refused) {
        fuzz_check(false, "a plan that loads is not refused by cycle create: " +
                              (refused.diagnostics().empty() ? std::string() : refused.diagnostics().front().to_string()));
    }
    return Outcome::accepted;
}
