#include "core/xlsx_exact_numbers.h"

#include <charconv>
#include <memory>
#include <vector>

#include <zip.h>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar::xlsx {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& why) {
    throw Refused(tr({"{0}：无法写入工作簿（{1}）", "{0}: cannot write the workbook ({1})"}, file.string(), why));
}

struct ArchiveCloser {
    void operator()(zip_t* archive) const {
        if (archive != nullptr) zip_discard(archive);
    }
};

std::string read_entry(zip_t* archive, zip_uint64_t index, const std::filesystem::path& file) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, index, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) fail(file, zip_strerror(archive));
    std::string data(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* entry = zip_fopen_index(archive, index, 0);
    if (entry == nullptr) fail(file, zip_strerror(archive));
    const zip_int64_t read = zip_fread(entry, data.data(), stat.size);
    zip_fclose(entry);
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) fail(file, "short read");
    return data;
}

// libxlsxwriter writes a number cell as <c r="E7" s="3"><v>…</v></c>.
std::string patched(const std::string& xml, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(xml.size() + values.size() * 4);
    std::size_t at = 0;
    for (;;) {
        const std::size_t cell = xml.find("<c r=\"", at);
        if (cell == std::string::npos) break;
        const std::size_t ref_start = cell + 6;
        const std::size_t ref_end = xml.find('"', ref_start);
        if (ref_end == std::string::npos) break;
        const auto it = values.find(xml.substr(ref_start, ref_end - ref_start));
        const std::size_t tag_end = xml.find('>', ref_end);
        const std::size_t cell_end = xml.find("</c>", ref_end);
        const std::size_t value_start = xml.find("<v>", ref_end);
        // Only a number cell: no type attribute, a value of its own.
        const bool number_cell = tag_end != std::string::npos && xml.compare(tag_end - 1, 1, "/") != 0 &&
                                 xml.substr(ref_end, tag_end - ref_end).find(" t=") == std::string::npos;
        if (it == values.end() || !number_cell || cell_end == std::string::npos || value_start == std::string::npos ||
            value_start > cell_end) {
            out.append(xml, at, ref_end - at);
            at = ref_end;
            continue;
        }
        const std::size_t value_end = xml.find("</v>", value_start);
        out.append(xml, at, value_start + 3 - at);
        out += it->second;
        at = value_end;
    }
    out.append(xml, at, std::string::npos);
    return out;
}

}  // namespace

bool written_exactly(double value) {
    char text[64];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 16).ptr;
    double back = 0;
    std::from_chars(text, end, back);
    return back == value;
}

void restore_exact_numbers(const std::filesystem::path& file, const ExactNumbers& numbers) {
    if (numbers.empty()) return;
    int error = 0;
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open(file.c_str(), 0, &error));
    if (!archive) {
        zip_error_t why;
        zip_error_init_with_code(&why, error);
        const std::string message = zip_error_strerror(&why);
        zip_error_fini(&why);
        fail(file, message);
    }
    std::vector<std::unique_ptr<std::string>> buffers;  // alive until zip_close
    for (const auto& [part, values] : numbers) {
        const zip_int64_t index = zip_name_locate(archive.get(), part.c_str(), 0);
        if (index < 0) fail(file, part + " is missing");
        buffers.push_back(std::make_unique<std::string>(patched(read_entry(archive.get(), static_cast<zip_uint64_t>(index), file), values)));
        zip_source_t* source = zip_source_buffer(archive.get(), buffers.back()->data(), buffers.back()->size(), 0);
        if (source == nullptr) fail(file, zip_strerror(archive.get()));
        if (zip_file_replace(archive.get(), static_cast<zip_uint64_t>(index), source, 0) != 0) {
            zip_source_free(source);
            fail(file, zip_strerror(archive.get()));
        }
    }
    if (zip_close(archive.get()) != 0) fail(file, zip_strerror(archive.get()));
    archive.release();  // closed
}

}  // namespace exemplar::xlsx
