#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int error) {
    if (error == ENOSPC) throw Refused(tr({"{0}：磁盘已满", "{0}: the disk is full"}, path.string()));
    if (error == ENOENT) throw Refused(tr({"{0}：文件夹不存在", "{0}: the folder does not exist"}, path.string()));
    if (error == EACCES || error == EPERM || error == EROFS)
        throw Refused(tr({"{0}：没有写入权限", "{0}: no permission to write"}, path.string()));
    throw Refused(tr({"{0}：无法写入（{1}）", "{0}: cannot write ({1})"}, path.string(), std::strerror(error)));
}

void sync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    std::random_device random;
    const std::filesystem::path folder = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) fail(folder, ENOENT);
    temporary_ = folder / ("." + target_.filename().string() + "." + std::to_string(random()) + ".tmp");
    // Create it owner-only now, so the content is never readable by others.
    const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail(target_, errno);
    ::close(fd);
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove(temporary_, ignored);
    }
}

void AtomicFile::commit() {
    const int fd = ::open(temporary_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) fail(target_, errno);
    ::fchmod(fd, 0600);
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        fail(target_, error);
    }
    ::close(fd);
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(target_, errno);
    committed_ = true;
    sync_path(target_.has_parent_path() ? target_.parent_path() : std::filesystem::path("."), O_RDONLY | O_DIRECTORY);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    AtomicFile file(target);
    const int fd = ::open(file.temporary_path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) fail(target, errno);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            fail(target, error);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) fail(target, errno);
    file.commit();
}

}  // namespace exemplar
