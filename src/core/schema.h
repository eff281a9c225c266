// The database schema, created and upgraded by numbered migrations. A file
// made by a newer Exemplar is refused rather than damaged.
#pragma once

#include "core/database.h"

namespace exemplar {

// The schema version this build writes.
int latest_schema_version();

// Brings the database to the latest schema, each migration in its own
// transaction. Refuses files that are not Exemplar databases or that come
// from a newer version.
void migrate(Database& db);

// Stops at `target` (for tests that build a database of an older version).
void migrate(Database& db, int target);

}  // namespace exemplar
