// A CSV file as `exemplar roster import` reads it: open_table (which picks
// the reader by content, refuses legacy .xls, web pages and UTF-16), every
// row read with the table's promises checked, then the roster preview and
// the roster import into the nine-person office (rolled back). The preview
// and the import run the same checks, so they must agree.
#include "core/error.h"
#include "core/roster_import.h"
#include "core/table_reader.h"
#include "fuzz_office.h"
#include "fuzz_target.h"

using namespace exemplar;
using namespace exemplar::fuzz;

EXEMPLAR_FUZZ_TARGET_WITH_INIT(csv_table, make_fuzz_office) {
    const auto path = write_input("table.csv", input);
    try {
        auto table = open_table(path);
        drain_table(*table);
    } catch (const InputRefused& refused) {
        check_located(refused.diagnostics(), path.string());
        return Outcome::refused;  // the whole file: the same every time it is opened
    }

    FuzzOffice& office = fuzz_office(false);
    auto preview_table = open_table(path);
    const RosterPreview preview = preview_roster(office.db, *preview_table);
    if (!preview.importable()) check_located(preview.problems, path.string());

    Transaction rollback(office.db);  // never committed
    auto import_table = open_table(path);
    try {
        const RosterChanges changes = import_roster(office.db, *import_table);
        fuzz_check(preview.importable(), "the import takes a file the preview refused");
        fuzz_check(static_cast<std::size_t>(changes.added + changes.updated + changes.unchanged) == preview.rows.size(),
                   "the import does what the preview showed");
    } catch (const InputRefused& refused) {
        check_located(refused.diagnostics(), path.string());
        fuzz_check(!preview.importable(), "the import refuses a file the preview accepted: " + refused.diagnostics().front().to_string());
    }
    return preview.importable() ? Outcome::accepted : Outcome::refused;
}
