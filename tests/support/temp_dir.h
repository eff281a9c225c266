// A fresh folder per test, removed when the test ends.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace exemplar::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes `content` to a file of that name inside the folder; returns its path.
    std::filesystem::path write(std::string_view name, std::string_view content) const;

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path);

}  // namespace exemplar::testing
