#include "cli/database_option.h"

#include "core/database_location.h"
#include "core/schema.h"

namespace exemplar::cli {

std::filesystem::path database_path(const std::string& option) {
    return option.empty() ? default_database_path() : std::filesystem::path(option);
}

Database open_existing(const std::string& option) {
    Database db = Database::open(database_path(option), Database::Mode::existing);
    migrate(db);
    return db;
}

namespace {
void remove_database_files(const std::filesystem::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path.string() + suffix, ignored);
}
}  // namespace

int with_new_or_existing(const std::string& option, const std::function<int(Database&)>& command) {
    const std::filesystem::path path = database_path(option);
    bool created = false;
    int status = 0;
    try {
        Database db = Database::open(path, Database::Mode::create);
        created = db.created();
        migrate(db);
        status = command(db);
    } catch (...) {  // the database is closed by now
        if (created) remove_database_files(path);
        throw;
    }
    if (status != 0 && created) remove_database_files(path);
    return status;
}

}  // namespace exemplar::cli
