// Where the database lives by default: $XDG_DATA_HOME/exemplar/exemplar.db,
// else ~/.local/share/exemplar/exemplar.db.
#pragma once

#include <filesystem>

namespace exemplar {

std::filesystem::path default_database_path();

}  // namespace exemplar
