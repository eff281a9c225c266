// The database a command works on: --db PATH, or the per-user default.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/database.h"

namespace exemplar::cli {

std::filesystem::path database_path(const std::string& option);

// Opens (migrating as needed) the database for a command that must find one.
Database open_existing(const std::string& option);

// Runs a command that may create the database; when the command fails and
// the database was created by it, the new file is removed again, so a
// refused command leaves no trace.
int with_new_or_existing(const std::string& option, const std::function<int(Database&)>& command);

}  // namespace exemplar::cli
