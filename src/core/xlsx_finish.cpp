#include "core/xlsx_finish.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>

#include <zip.h>

#include "core/error.h"
#include "core/parallel_deflate.h"
#include "core/translate.h"
#include "core/zip_writer.h"

namespace exemplar::xlsx {

namespace {

// A piece of a sheet's rows: about 1 MB of XML, enough pieces to keep every core busy.
constexpr std::size_t cells_a_piece = 32768;
constexpr std::size_t merges_a_piece = 16384;

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& why) {
    throw Refused(tr({"{0}：无法写入工作簿（{1}）", "{0}: cannot write the workbook ({1})"}, file.string(), why));
}

struct ArchiveCloser {
    void operator()(zip_t* archive) const {
        if (archive != nullptr) zip_discard(archive);
    }
};

// An entry of libxlsxwriter's file: kept as stored, or made anew from pieces.
struct Entry {
    std::string name;
    std::uint16_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
    std::string stored;
    bool made = false;
    std::vector<DeflatePool::Ticket> pieces;
};

// `compressed`: the bytes as stored (ZIP_FL_COMPRESSED), else unpacked.
std::string read_entry(zip_t* archive, zip_uint64_t index, std::uint64_t size, bool compressed, const std::filesystem::path& file) {
    std::string data(static_cast<std::size_t>(size), '\0');
    zip_file_t* entry = zip_fopen_index(archive, index, compressed ? ZIP_FL_COMPRESSED : 0);
    if (entry == nullptr) fail(file, zip_strerror(archive));
    const zip_int64_t read = size == 0 ? 0 : zip_fread(entry, data.data(), size);
    zip_fclose(entry);
    if (read < 0 || static_cast<std::uint64_t>(read) != size) fail(file, "short read");
    return data;
}

// A table sheet's frame as libxlsxwriter wrote it, cut where the table's XML goes.
struct Frame {
    std::string head;    // … <dimension ref="…"/> … <sheetData> (or <sheetData/>)
    std::string middle;  // </sheetData> … up to where <mergeCells> goes, and its start tag
    std::string tail;    // </mergeCells> and the rest
};

[[noreturn]] void unexpected(const std::string& part, std::string_view what) {
    throw Error("finishing the workbook: " + part + " is not as libxlsxwriter writes it (" + std::string(what) + ")");
}

Frame cut_frame(const std::string& xml, const TableSheet& sheet) {
    const CellTable& table = *sheet.table;
    Frame frame;
    const std::string dimension_tag = "<dimension ref=\"";
    const std::size_t dimension = xml.find(dimension_tag);
    if (dimension == std::string::npos) unexpected(sheet.part, "no <dimension>");
    const std::size_t ref = dimension + dimension_tag.size();
    const std::size_t ref_end = xml.find('"', ref);
    const std::size_t data = xml.find("<sheetData", ref_end);
    if (ref_end == std::string::npos || data == std::string::npos) unexpected(sheet.part, "no <sheetData>");
    if (xml.compare(data, 12, "<sheetData/>") != 0)
        unexpected(sheet.part, "a sheet whose cells Exemplar keeps has cells written by libxlsxwriter");
    const std::size_t data_end = data + 12;

    std::size_t merges_at = std::string::npos;  // libxlsxwriter's order: … autoFilter, mergeCells, conditionalFormatting …
    for (const char* next : {"<conditionalFormatting", "<dataValidations", "<hyperlinks", "<printOptions", "<pageMargins"})
        merges_at = std::min(merges_at, xml.find(next, data_end));
    if (merges_at == std::string::npos) unexpected(sheet.part, "no <pageMargins>");
    if (table.merge_count() > 0 && xml.find("<mergeCells", data_end) < merges_at) unexpected(sheet.part, "<mergeCells> already");

    const bool rows = !table.empty();
    frame.head = xml.substr(0, ref) + table.dimension(sheet.rowmin, sheet.rowmax, sheet.colmin, sheet.colmax) +
                 xml.substr(ref_end, data - ref_end) + (rows ? "<sheetData>" : "<sheetData/>");
    frame.middle = (rows ? "</sheetData>" : "") + xml.substr(data_end, merges_at - data_end);
    if (table.merge_count() > 0) {
        frame.middle += "<mergeCells count=\"" + std::to_string(table.merge_count()) + "\">";
        frame.tail = "</mergeCells>";
    }
    frame.tail += xml.substr(merges_at);
    return frame;
}

}  // namespace

void queue_table(DeflatePool& pool, TableSheet& sheet, const CellTable& table, const std::vector<int>& styles) {
    pool.start();  // a table sheet: large enough for threads, and deflated while the next sheets are written
    const auto add_rows = [&](std::size_t first, std::size_t end) {
        sheet.rows.push_back(
            pool.add([&table, &styles, first, end](std::string& out) { table.write_rows(out, first, end, styles); }));
    };
    std::size_t first = 0;
    std::size_t cells = 0;
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        cells += table.cells_in(row, row + 1) + 1;
        if (cells >= cells_a_piece) {
            add_rows(first, row + 1);
            first = row + 1;
            cells = 0;
        }
    }
    if (first < table.row_count()) add_rows(first, table.row_count());
    for (std::size_t m = 0; m < table.merge_count(); m += merges_a_piece)
        sheet.merges.push_back(pool.add([&table, m](std::string& out) { table.write_merges(out, m, m + merges_a_piece); }));
}

void finish_package(const std::filesystem::path& file, const std::vector<TableSheet>& sheets, const ExactNumbers& exact,
                    DeflatePool& pool) {
    if (sheets.empty() && exact.empty()) return;
    std::map<std::string, const TableSheet*> tables;
    for (const TableSheet& sheet : sheets) tables[sheet.part] = &sheet;

    // Everything libxlsxwriter wrote is read before the file is written anew.
    std::vector<Entry> entries;
    std::vector<std::unique_ptr<Frame>> frames;
    std::vector<std::unique_ptr<std::string>> patched;
    // On a failure, no piece may still be reading the frames once they go.
    struct StopOnFailure {
        DeflatePool& pool;
        int exceptions = std::uncaught_exceptions();
        ~StopOnFailure() {
            if (std::uncaught_exceptions() > exceptions) pool.cancel();
        }
    } stop{pool};
    {
        int error = 0;
        std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open(file.c_str(), ZIP_RDONLY, &error));
        if (!archive) {
            zip_error_t why;
            zip_error_init_with_code(&why, error);
            const std::string message = zip_error_strerror(&why);
            zip_error_fini(&why);
            fail(file, message);
        }
        const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
        std::size_t found = 0;
        for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
            zip_stat_t stat;
            zip_stat_init(&stat);
            if (zip_stat_index(archive.get(), i, 0, &stat) != 0) fail(file, zip_strerror(archive.get()));
            constexpr zip_uint64_t needed =
                ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD;
            if ((stat.valid & needed) != needed) fail(file, "incomplete zip entry");
            Entry entry;
            entry.name = stat.name;
            const auto table = tables.find(entry.name);
            const auto numbers = exact.find(entry.name);
            if (table != tables.end()) {
                ++found;
                const TableSheet& sheet = *table->second;
                frames.push_back(std::make_unique<Frame>(cut_frame(read_entry(archive.get(), i, stat.size, false, file), sheet)));
                const Frame& frame = *frames.back();
                entry.made = true;
                entry.pieces.push_back(pool.add([&frame](std::string& out) { out += frame.head; }));
                entry.pieces.insert(entry.pieces.end(), sheet.rows.begin(), sheet.rows.end());
                entry.pieces.push_back(pool.add([&frame](std::string& out) { out += frame.middle; }));
                entry.pieces.insert(entry.pieces.end(), sheet.merges.begin(), sheet.merges.end());
                entry.pieces.push_back(pool.add([&frame](std::string& out) { out += frame.tail; }));
            } else if (numbers != exact.end() && !numbers->second.empty()) {
                patched.push_back(std::make_unique<std::string>(
                    patch_exact_numbers(read_entry(archive.get(), i, stat.size, false, file), numbers->second)));
                entry.made = true;
                entry.pieces.push_back(pool.add([&text = *patched.back()](std::string& out) { out += text; }));
            } else {
                entry.method = stat.comp_method;
                entry.crc = stat.crc;
                entry.size = stat.size;
                entry.stored = read_entry(archive.get(), i, stat.comp_size, true, file);
            }
            entries.push_back(std::move(entry));
        }
        if (found != sheets.size()) throw Error("finishing the workbook: a sheet's part is missing");
    }

    pool.wait();
    std::vector<std::vector<DeflatePool::Ticket>> made;
    for (const Entry& entry : entries)
        if (entry.made) made.push_back(entry.pieces);
    const std::vector<DeflatedPart> parts = pool.take(made);
    ZipWriter zip(file);
    std::size_t next_part = 0;
    for (Entry& entry : entries) {
        if (!entry.made) {
            zip.add(entry.name, entry.method, entry.crc, entry.size, {entry.stored});
            continue;
        }
        const DeflatedPart& part = parts[next_part++];
        const std::vector<std::string_view> chunks(part.chunks.begin(), part.chunks.end());
        zip.add(entry.name, ZipWriter::deflated, part.crc, part.size, chunks);
    }
    zip.finish();
}

}  // namespace exemplar::xlsx
