// The HR administrator password, set on first start of the desktop app and
// stored only as a salted hash in the database's settings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/database.h"

namespace exemplar {

bool has_admin_password(const Database& db);

// nullopt when acceptable, else why not (at least 8 characters).
std::optional<std::string> admin_password_problem(std::string_view password);

// Sets (or replaces) the password; refused when it is too weak.
void set_admin_password(Database& db, std::string_view password);

bool check_admin_password(const Database& db, std::string_view password);

}  // namespace exemplar
