// A file that appears under its name only when complete: written to a
// temporary file beside the target, flushed to disk, then renamed. Until
// commit(), destroying it removes the temporary file, so a failure or a
// cancel never leaves a half-written file under the target name.
//   AtomicFile out(target);
//   write_everything_to(out.temporary_path());
//   out.commit();
#pragma once

#include <filesystem>
#include <string_view>

namespace exemplar {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    const std::filesystem::path& temporary_path() const { return temporary_; }
    const std::filesystem::path& target() const { return target_; }

    // fsyncs the temporary file, renames it onto the target (owner-only
    // permissions: reports hold personal data) and fsyncs the folder.
    // Throws Refused with a readable message on failure.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

// Writes bytes atomically (see AtomicFile).
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace exemplar
