#include "core/data_paths.h"

#include <cstdlib>
#include <system_error>

namespace exemplar {

namespace {
std::filesystem::path installed_data_dir() {
    std::error_code error;
    const auto program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return {};
    return program.parent_path().parent_path() / "share" / "exemplar";
}
}  // namespace

std::filesystem::path bundled_data_dir() {
    if (const char* dir = std::getenv("EXEMPLAR_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
    std::error_code error;
    if (const auto installed = installed_data_dir();
        !installed.empty() && std::filesystem::is_directory(installed / "forms", error))
        return installed;
    return EXEMPLAR_SOURCE_DATA_DIR;
}

std::filesystem::path bundled_forms_dir() { return bundled_data_dir() / "forms"; }
std::filesystem::path bundled_templates_dir() { return bundled_data_dir() / "templates"; }

}  // namespace exemplar
