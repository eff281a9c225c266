// Writes a zip archive (the container of an .xlsx), entry after entry, from
// data already compressed (raw deflate, or stored) with its CRC-32 and
// sizes, then the central directory. Entries carry libxlsxwriter's date
// (1980-01-01 00:00). No zip64: an archive that would need it (4 GiB or
// more, or over 65,535 entries) is refused rather than written wrong.
//
//   ZipWriter zip(path);
//   zip.add("xl/workbook.xml", ZipWriter::deflated, crc, size, {chunk1, chunk2});
//   zip.finish();  // throws Refused when the file cannot be written
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace exemplar {

class ZipWriter {
public:
    static constexpr std::uint16_t stored = 0;
    static constexpr std::uint16_t deflated = 8;

    // Creates or empties the file. Throws Refused when it cannot be opened.
    explicit ZipWriter(std::filesystem::path file);
    ~ZipWriter();  // closes the file, finished or not
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // `data`: the entry's bytes as stored (compressed by `method`), in order.
    void add(std::string_view name, std::uint16_t method, std::uint32_t crc, std::uint64_t size,
             const std::vector<std::string_view>& data);
    // The central directory; flushes and closes the file.
    void finish();

private:
    struct Entry {
        std::string name;
        std::uint16_t method;
        std::uint32_t crc;
        std::uint32_t compressed_size;
        std::uint32_t size;
        std::uint32_t offset;
    };
    void write(std::string_view bytes);
    void write_out(std::string_view bytes);
    void flush();
    [[noreturn]] void too_large() const;

    std::filesystem::path file_;
    int fd_ = -1;
    std::string buffer_;
    std::uint64_t offset_ = 0;  // bytes written so far, buffered included
    std::vector<Entry> entries_;
};

}  // namespace exemplar
