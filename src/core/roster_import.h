// Importing a roster file (SPEC §4): adds and updates people by 工号 and
// creates nested departments by path. People missing from the file stay as
// they are. All or nothing: any problem refuses the whole file.
#pragma once

#include <vector>

#include "core/database.h"
#include "core/progress.h"
#include "core/table_reader.h"

namespace exemplar {

struct RosterChanges {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int departments_added = 0;
};

// Throws InputRefused with every problem located, leaving the database as it was.
RosterChanges import_roster(Database& db, TableReader& table, ProgressObserver* progress = nullptr);

}  // namespace exemplar
