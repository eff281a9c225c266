// Importing a roster file (SPEC §4): adds and updates people by 工号 and
// creates nested departments by path. People missing from the file stay as
// they are. All or nothing: any problem refuses the whole file.
#pragma once

#include <vector>

#include "core/database.h"
#include "core/roster.h"
#include "core/progress.h"
#include "core/table_reader.h"

namespace exemplar {

struct RosterChanges {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int departments_added = 0;
};

enum class RosterAction { add, update, unchanged };

struct RosterPreviewRow {
    std::size_t row = 0;  // in the file (the header is row 1)
    RosterAction action = RosterAction::add;
    Person person;        // as the import would leave them (id 0 when added)
};

// What import_roster would do with the file, written nowhere: its rows and
// every located problem (FILE:ROW:COLUMN, sorted). Importable when there are
// no problems. The same checks as import_roster, which runs them again.
struct RosterPreview {
    std::vector<RosterPreviewRow> rows;
    std::vector<Diagnostic> problems;
    bool importable() const { return problems.empty(); }
};
RosterPreview preview_roster(const Database& db, TableReader& table, ProgressObserver* progress = nullptr);

// Throws InputRefused with every problem located, leaving the database as it was.
RosterChanges import_roster(Database& db, TableReader& table, ProgressObserver* progress = nullptr);

}  // namespace exemplar
