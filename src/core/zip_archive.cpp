#include "core/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "core/translate.h"

namespace exemplar {

namespace {

constexpr std::uint64_t ratio_checked_above = 1ull << 20;  // small parts may compress well without being bombs

std::string libzip_text(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

// What a libzip error means for the person holding the file.
std::string damaged(int code, const std::string& part) {
    switch (code) {
        case ZIP_ER_ENCRNOTSUPP:
        case ZIP_ER_NOPASSWD:
        case ZIP_ER_WRONGPASSWD:
            return tr({"“{0}”已加密，请另存为未加密的 .xlsx", "'{0}' is encrypted: save the workbook as an unencrypted .xlsx"}, part);
        case ZIP_ER_COMPNOTSUPP:
            return tr({"“{0}”使用了不支持的压缩方式，请用 Excel 或 WPS 重新保存为 .xlsx",
                       "'{0}' uses an unsupported compression method: save the workbook again as .xlsx in Excel or WPS"},
                      part);
        case ZIP_ER_CRC:
            return tr({"文件已损坏：“{0}”的校验和不符", "the file is damaged: the checksum of '{0}' does not match"}, part);
        case ZIP_ER_ZLIB:
        case ZIP_ER_COMPRESSED_DATA:
            return tr({"文件已损坏：“{0}”的压缩数据有误", "the file is damaged: the packed data of '{0}' is corrupt"}, part);
        case ZIP_ER_MEMORY:
            return tr({"读取“{0}”时内存不足", "out of memory while reading '{0}'"}, part);
        default:
            return tr({"文件已损坏：读取“{0}”出错（{1}）", "the file is damaged: error reading '{0}' ({1})"}, part,
                      libzip_text(code));
    }
}

}  // namespace

std::string size_text(std::uint64_t bytes) {
    constexpr std::uint64_t mib = 1ull << 20;
    if (bytes < mib) return fmt::format("{} KiB", std::max<std::uint64_t>(1, (bytes + 512) / 1024));
    const std::uint64_t tenths = (bytes * 10 + mib / 2) / mib;
    return tenths % 10 == 0 ? fmt::format("{} MiB", tenths / 10) : fmt::format("{}.{} MiB", tenths / 10, tenths % 10);
}

struct ZipArchive::State {
    zip_t* zip = nullptr;
    ZipLimits limits;
    std::uint64_t total_read = 0;
    ~State() {
        if (zip != nullptr) zip_discard(zip);
    }
};

struct ZipEntry::File {
    zip_file_t* file = nullptr;
    ~File() {
        if (file != nullptr) zip_fclose(file);
    }
};

ZipArchive::ZipArchive(std::shared_ptr<State> state) : state_(std::move(state)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

ZipArchive ZipArchive::open(const std::filesystem::path& path, const ZipLimits& limits) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw ArchiveProblem(tr({"这是一个文件夹，不是文件", "is a folder, not a file"}));
    char magic[4] = {};
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw ArchiveProblem(tr({"无法打开文件", "cannot open the file"}));
        in.read(magic, sizeof magic);
        if (in.gcount() < 4 || magic[0] != 'P' || magic[1] != 'K')
            throw ArchiveProblem(tr({"这不是 .xlsx 文件（.xlsx 是 zip 压缩包，这个文件不是）",
                                     "not an .xlsx file (an .xlsx file is a zip archive, and this is not one)"}));
    }
    auto state = std::make_shared<State>();
    state->limits = limits;
    int code = 0;
    state->zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (state->zip == nullptr) {
        switch (code) {
            case ZIP_ER_NOZIP:
            case ZIP_ER_INCONS:
            case ZIP_ER_EOF:
            case ZIP_ER_SEEK:
            case ZIP_ER_READ:
                throw ArchiveProblem(tr({"文件已损坏或不完整（zip 压缩包的目录缺失或有误），请重新保存或重新复制",
                                         "the file is damaged or incomplete (its zip directory is missing or wrong): save or copy it again"}));
            case ZIP_ER_OPEN:
                throw ArchiveProblem(tr({"无法打开文件", "cannot open the file"}));
            case ZIP_ER_MULTIDISK:
                throw ArchiveProblem(tr({"不支持分卷压缩包", "split (multi-disk) zip archives are not supported"}));
            default:
                throw ArchiveProblem(tr({"无法读取 zip 压缩包（{0}）", "cannot read the zip archive ({0})"}, libzip_text(code)));
        }
    }
    const zip_int64_t entries = zip_get_num_entries(state->zip, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries)
        throw ArchiveProblem(tr({"压缩包中的文件太多（{0} 个，上限 {1} 个），不像是正常的工作簿",
                                 "the archive holds too many files ({0}; at most {1}): not an ordinary workbook"},
                                entries, limits.max_entries));
    return ZipArchive(std::move(state));
}

std::optional<std::uint64_t> ZipArchive::find(std::string_view name) const {
    const std::string text(name);
    zip_int64_t index = zip_name_locate(state_->zip, text.c_str(), ZIP_FL_ENC_RAW);
    if (index < 0) index = zip_name_locate(state_->zip, text.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_RAW);
    if (index < 0) return std::nullopt;
    return static_cast<std::uint64_t>(index);
}

ZipEntry ZipArchive::open_entry(std::uint64_t index) const {
    const ZipLimits& limits = state_->limits;
    zip_stat_t stat;
    zip_stat_init(&stat);
    const char* raw_name = zip_get_name(state_->zip, index, ZIP_FL_ENC_RAW);
    const std::string name = raw_name != nullptr ? raw_name : "?";
    if (zip_stat_index(state_->zip, index, 0, &stat) != 0)
        throw ArchiveProblem(damaged(zip_error_code_zip(zip_get_error(state_->zip)), name));
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE)
        throw ArchiveProblem(tr({"“{0}”已加密，请另存为未加密的 .xlsx", "'{0}' is encrypted: save the workbook as an unencrypted .xlsx"}, name));
    const std::uint64_t size = (stat.valid & ZIP_STAT_SIZE) != 0 ? stat.size : 0;
    const std::uint64_t packed = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
    if (size > limits.max_part_bytes)
        throw ArchiveProblem(tr({"“{0}”解压后有 {1}，超过上限 {2}（文件过大，或是“压缩炸弹”）",
                                 "'{0}' unpacks to {1}, over the limit of {2} (too big, or a zip bomb)"},
                                name, size_text(size), size_text(limits.max_part_bytes)));
    if (size > ratio_checked_above && static_cast<double>(size) > static_cast<double>(packed) * limits.max_ratio)
        throw ArchiveProblem(tr({"“{0}”的压缩比超过 {1} 倍，像是“压缩炸弹”，拒绝读取",
                                 "'{0}' is compressed more than {1} times: it looks like a zip bomb, refused"},
                                name, limits.max_ratio));
    auto file = std::make_unique<ZipEntry::File>();
    file->file = zip_fopen_index(state_->zip, index, 0);
    if (file->file == nullptr) throw ArchiveProblem(damaged(zip_error_code_zip(zip_get_error(state_->zip)), name));
    return ZipEntry(state_, std::move(file), name, size, packed);
}

ZipEntry::ZipEntry(std::shared_ptr<ZipArchive::State> archive, std::unique_ptr<File> file, std::string name,
                   std::uint64_t declared_size, std::uint64_t packed_size)
    : archive_(std::move(archive)),
      file_(std::move(file)),
      name_(std::move(name)),
      declared_size_(declared_size),
      packed_size_(packed_size) {}
ZipEntry::ZipEntry(ZipEntry&&) noexcept = default;
ZipEntry& ZipEntry::operator=(ZipEntry&&) noexcept = default;
ZipEntry::~ZipEntry() = default;

std::size_t ZipEntry::read(char* buffer, std::size_t size) {
    if (!file_ || file_->file == nullptr || size == 0) return 0;
    const zip_int64_t n = zip_fread(file_->file, buffer, size);
    if (n < 0) throw ArchiveProblem(damaged(zip_error_code_zip(zip_file_get_error(file_->file)), name_));
    const auto count = static_cast<std::uint64_t>(n);
    read_ += count;
    archive_->total_read += count;
    const ZipLimits& limits = archive_->limits;
    if (read_ > limits.max_part_bytes)
        throw ArchiveProblem(tr({"“{0}”解压后超过上限 {1}（文件过大，或是“压缩炸弹”）",
                                 "'{0}' unpacks to more than the limit of {1} (too big, or a zip bomb)"},
                                name_, size_text(limits.max_part_bytes)));
    if (read_ > declared_size_)
        throw ArchiveProblem(tr({"“{0}”解压后比文件头记录的 {1} 字节更大：文件已损坏或被篡改",
                                 "'{0}' unpacks to more than the {1} bytes its header declares: the file is damaged or forged"},
                                name_, declared_size_));
    if (read_ > ratio_checked_above && static_cast<double>(read_) > static_cast<double>(packed_size_) * limits.max_ratio)
        throw ArchiveProblem(tr({"“{0}”的压缩比超过 {1} 倍，像是“压缩炸弹”，拒绝读取",
                                 "'{0}' is compressed more than {1} times: it looks like a zip bomb, refused"},
                                name_, limits.max_ratio));
    if (archive_->total_read > limits.max_total_bytes)
        throw ArchiveProblem(tr({"工作簿解压后总计超过上限 {0}（文件过大，或是“压缩炸弹”）",
                                 "the workbook unpacks to more than the limit of {0} in all (too big, or a zip bomb)"},
                                size_text(limits.max_total_bytes)));
    return static_cast<std::size_t>(count);
}

double ZipEntry::progress() const {
    if (declared_size_ == 0) return 1.0;
    const double fraction = static_cast<double>(read_) / static_cast<double>(declared_size_);
    return fraction > 1.0 ? 1.0 : fraction;
}

}  // namespace exemplar
