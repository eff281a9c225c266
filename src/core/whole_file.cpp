#include "core/whole_file.h"

#include <fstream>
#include <system_error>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar {

namespace {

[[noreturn]] void refuse(const std::filesystem::path& path, std::string message) {
    throw InputRefused(Diagnostic{path.string(), 1, 1, {}, std::move(message)});
}

std::ifstream open_to_read(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) refuse(path, tr({"这是一个文件夹，不是文件", "is a folder, not a file"}));
    std::ifstream in(path, std::ios::binary);
    if (!in) refuse(path, tr({"无法打开文件", "cannot open the file"}));
    return in;
}

}  // namespace

std::string read_whole_file(const std::filesystem::path& path) {
    std::ifstream in = open_to_read(path);
    std::string text;
    // Read straight into place when the size is known (no copy through a buffer); a pipe grows as it comes.
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error) {
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), static_cast<std::streamsize>(size));
        text.resize(static_cast<std::size_t>(in.gcount()));
    }
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) refuse(path, tr({"读取文件时出错", "error while reading the file"}));
    return text;
}

std::string read_file_start(const std::filesystem::path& path, std::size_t bytes) {
    std::ifstream in = open_to_read(path);
    std::string start(bytes, '\0');
    in.read(start.data(), static_cast<std::streamsize>(bytes));
    if (in.bad()) refuse(path, tr({"读取文件时出错", "error while reading the file"}));
    start.resize(static_cast<std::size_t>(in.gcount()));
    return start;
}

}  // namespace exemplar
