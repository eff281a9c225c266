// A zip archive opened read-only (libzip), with the checks an archive from
// an unknown sender needs: a part's declared and actual unpacked size, the
// total unpacked from one archive, the compression ratio (zip bombs, also
// when a header lies about the size), the number of entries, and encrypted
// entries. Problems are thrown as ArchiveProblem, a message the caller
// locates (the whole file, or a sheet).
//
//   ZipArchive zip = ZipArchive::open("book.xlsx", limits);
//   if (auto entry = zip.find("xl/workbook.xml")) {
//       ZipEntry part = zip.open_entry(*entry);
//       char buffer[65536];
//       while (std::size_t n = part.read(buffer, sizeof buffer)) use(buffer, n);
//   }
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace exemplar {

// A problem inside an archive; its message is in the user's language and
// names the part. Callers turn it into a located diagnostic.
class ArchiveProblem : public Error {
public:
    using Error::Error;
};

struct ZipLimits {
    std::uint64_t max_part_bytes = 512ull << 20;  // unpacked size of one entry
    std::uint64_t max_total_bytes = 2ull << 30;   // unpacked from all entries read
    double max_ratio = 1000;                      // unpacked ÷ packed, checked for entries over 1 MiB
    std::uint64_t max_entries = 10'000;
};

class ZipEntry;

// A size for messages: "512 KiB", "1.5 MiB", "2 MiB".
std::string size_text(std::uint64_t bytes);

class ZipArchive {
public:
    // Throws ArchiveProblem when the file cannot be opened, is not a zip
    // archive, is damaged or truncated, or has too many entries.
    static ZipArchive open(const std::filesystem::path& path, const ZipLimits& limits);

    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ~ZipArchive();

    // The index of the entry with this name (exactly, else ignoring ASCII case).
    std::optional<std::uint64_t> find(std::string_view name) const;
    // Opens an entry for reading. Throws ArchiveProblem for an encrypted
    // entry, an unsupported compression method, or declared sizes over the limits.
    ZipEntry open_entry(std::uint64_t index) const;

private:
    friend class ZipEntry;
    struct State;
    explicit ZipArchive(std::shared_ptr<State> state);
    std::shared_ptr<State> state_;
};

// One entry being unpacked; keeps its archive open while it lives.
class ZipEntry {
public:
    ZipEntry(ZipEntry&&) noexcept;
    ZipEntry& operator=(ZipEntry&&) noexcept;
    ~ZipEntry();

    // Reads up to `size` unpacked bytes; 0 at the end. Throws ArchiveProblem
    // for damaged data (bad CRC, bad deflate stream) or when the bytes
    // unpacked so far pass a limit or the size the header declared.
    std::size_t read(char* buffer, std::size_t size);
    const std::string& name() const { return name_; }
    // 0..1 of the declared unpacked size read so far.
    double progress() const;

private:
    friend class ZipArchive;
    struct File;
    ZipEntry(std::shared_ptr<ZipArchive::State> archive, std::unique_ptr<File> file, std::string name,
             std::uint64_t declared_size, std::uint64_t packed_size);
    std::shared_ptr<ZipArchive::State> archive_;
    std::unique_ptr<File> file_;
    std::string name_;
    std::uint64_t declared_size_ = 0;
    std::uint64_t packed_size_ = 0;
    std::uint64_t read_ = 0;
};

}  // namespace exemplar
