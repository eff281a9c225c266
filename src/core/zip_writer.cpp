#include "core/zip_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar {

namespace {

constexpr std::uint64_t zip32_limit = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t max_entries = 0xFFFF;
constexpr std::uint16_t version = 20;    // 2.0: deflate
constexpr std::uint16_t dos_time = 0;     // 00:00:00
constexpr std::uint16_t dos_date = 0x21;  // 1980-01-01, as libxlsxwriter writes
constexpr std::size_t buffer_bytes = 1 << 20;

[[noreturn]] void fail(const std::filesystem::path& file, int error) {
    if (error == ENOSPC) throw Refused(tr({"{0}：磁盘已满", "{0}: the disk is full"}, file.string()));
    throw Refused(tr({"{0}：无法写入工作簿（{1}）", "{0}: cannot write the workbook ({1})"}, file.string(), std::strerror(error)));
}

void put16(std::string& out, std::uint16_t value) {
    out += static_cast<char>(value & 0xFF);
    out += static_cast<char>(value >> 8);
}

void put32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((value >> shift) & 0xFF);
}

}  // namespace

ZipWriter::ZipWriter(std::filesystem::path file) : file_(std::move(file)) {
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) fail(file_, errno);
    buffer_.reserve(buffer_bytes);
}

ZipWriter::~ZipWriter() {
    if (fd_ >= 0) ::close(fd_);
}

void ZipWriter::too_large() const {
    throw Refused(tr({"{0}：工作簿超过 4 GB，无法写入", "{0}: the workbook would be over 4 GB and cannot be written"},
                     file_.string()));
}

void ZipWriter::write_out(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(file_, errno);
        }
        done += static_cast<std::size_t>(n);
    }
}

void ZipWriter::flush() {
    write_out(buffer_);
    buffer_.clear();
}

void ZipWriter::write(std::string_view bytes) {
    offset_ += bytes.size();
    if (buffer_.size() + bytes.size() > buffer_bytes) flush();
    if (bytes.size() >= buffer_bytes)
        write_out(bytes);  // large: straight through
    else
        buffer_.append(bytes);
}

void ZipWriter::add(std::string_view name, std::uint16_t method, std::uint32_t crc, std::uint64_t size,
                    const std::vector<std::string_view>& data) {
    std::uint64_t compressed = 0;
    for (const std::string_view chunk : data) compressed += chunk.size();
    if (entries_.size() >= max_entries || size >= zip32_limit || compressed >= zip32_limit ||
        offset_ + 30 + name.size() + compressed >= zip32_limit)
        too_large();
    entries_.push_back({std::string(name), method, crc, static_cast<std::uint32_t>(compressed), static_cast<std::uint32_t>(size),
                        static_cast<std::uint32_t>(offset_)});
    std::string header;
    put32(header, 0x04034b50);  // local file header
    put16(header, version);
    put16(header, 0);  // flags
    put16(header, method);
    put16(header, dos_time);
    put16(header, dos_date);
    put32(header, crc);
    put32(header, static_cast<std::uint32_t>(compressed));
    put32(header, static_cast<std::uint32_t>(size));
    put16(header, static_cast<std::uint16_t>(name.size()));
    put16(header, 0);  // extra field
    header += name;
    write(header);
    for (const std::string_view chunk : data) write(chunk);
}

void ZipWriter::finish() {
    const std::uint64_t directory_offset = offset_;
    std::string directory;
    for (const Entry& entry : entries_) {
        put32(directory, 0x02014b50);  // central directory header
        put16(directory, version);     // made by: MS-DOS, 2.0
        put16(directory, version);
        put16(directory, 0);
        put16(directory, entry.method);
        put16(directory, dos_time);
        put16(directory, dos_date);
        put32(directory, entry.crc);
        put32(directory, entry.compressed_size);
        put32(directory, entry.size);
        put16(directory, static_cast<std::uint16_t>(entry.name.size()));
        put16(directory, 0);  // extra field
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, entry.offset);
        directory += entry.name;
    }
    if (directory_offset + directory.size() >= zip32_limit) too_large();
    const auto directory_size = static_cast<std::uint32_t>(directory.size());
    const auto count = static_cast<std::uint16_t>(entries_.size());
    put32(directory, 0x06054b50);  // end of central directory
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, count);
    put16(directory, count);
    put32(directory, directory_size);
    put32(directory, static_cast<std::uint32_t>(directory_offset));
    put16(directory, 0);  // comment
    write(directory);
    flush();
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(file_, errno);
}

}  // namespace exemplar
