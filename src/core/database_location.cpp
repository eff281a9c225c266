#include "core/database_location.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace exemplar {

std::filesystem::path default_database_path() {
    if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data == '/')
        return std::filesystem::path(data) / "exemplar" / "exemplar.db";
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') {
        const passwd* entry = getpwuid(getuid());
        home = entry != nullptr ? entry->pw_dir : "/tmp";
    }
    return std::filesystem::path(home) / ".local" / "share" / "exemplar" / "exemplar.db";
}

}  // namespace exemplar
