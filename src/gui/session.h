// What the desktop app is working on: the open database, the chosen cycle
// and who signed in. Owned by the main frame; panels get a reference.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/cycle.h"
#include "core/database.h"

namespace exemplar::gui {

enum class Role { nobody, staff, head, hr };

struct Session {
    std::unique_ptr<Database> db;            // null until a database is open
    std::filesystem::path db_path;
    std::optional<Cycle> cycle;              // the cycle chosen on the sign-in page
    Role role = Role::nobody;
    std::optional<std::size_t> member;       // the signed-in person (staff, head)

    bool open() const { return db != nullptr; }
    void sign_out() {
        role = Role::nobody;
        member.reset();
    }
};

}  // namespace exemplar::gui
