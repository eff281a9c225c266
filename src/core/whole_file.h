// Input files read into memory, refused with a message located at 1:1 when
// they cannot be read (a folder, no permission, a read error).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace exemplar {

// The whole file.
std::string read_whole_file(const std::filesystem::path& path);

// Its first `bytes` bytes (fewer when it is shorter): enough to tell what kind of file it is.
std::string read_file_start(const std::filesystem::path& path, std::size_t bytes);

}  // namespace exemplar
