#include "fuzz_target.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <system_error>

#include "core/table_reader.h"

namespace exemplar::fuzz {

std::vector<const Target*>& targets() {
    static std::vector<const Target*> all;
    return all;
}

void fuzz_check(bool condition, std::string_view what) {
    if (!condition) throw BrokenPromise(std::string(what));
}

void check_located(const std::vector<Diagnostic>& diagnostics, std::string_view file) {
    fuzz_check(!diagnostics.empty(), "a refusal says why");
    for (const Diagnostic& d : diagnostics) {
        // The message is built only for a failure: this runs for every input.
        if (d.file != file) fuzz_check(false, "a diagnostic names the file it is about: " + d.to_string());
        if (d.message.empty()) fuzz_check(false, "a diagnostic has a message: " + d.to_string());
        if (d.line < 0 || d.column < 0) fuzz_check(false, "a diagnostic has a position: " + d.to_string());
    }
}

namespace {

// This process's folder: libFuzzer's -jobs/-fork workers each have their own.
// Never destroyed (the removal at exit runs after static destructors).
const std::filesystem::path& folder() {
    static const std::filesystem::path* const path = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "exemplar-fuzz-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        const auto* made = new std::filesystem::path(pattern);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(folder(), ignored);
        });
        return made;
    }();
    return *path;
}

}  // namespace

std::filesystem::path scratch_path(std::string_view file_name) { return folder() / file_name; }

std::filesystem::path write_input(std::string_view file_name, Input input) {
    const std::filesystem::path path = scratch_path(file_name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(input.data()), static_cast<std::streamsize>(input.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
    return path;
}

namespace {
volatile unsigned checksum_sink;  // so the bytes read are not optimised away
}  // namespace

std::size_t drain_table(TableReader& table) {
    std::vector<std::string_view> cells;
    std::size_t rows = 0;
    std::size_t last_row = 0;
    unsigned checksum = 0;
    while (table.next_row(cells)) {
        ++rows;
        fuzz_check(table.row_number() > last_row, "rows come in order");
        last_row = table.row_number();
        const double progress = table.progress();
        fuzz_check(progress >= 0 && progress <= 1, "progress lies in 0..1");
        for (const std::string_view cell : cells) {
            for (const char c : cell) checksum += static_cast<unsigned char>(c);  // every byte readable
            const std::string_view trimmed = trim_cell(cell);
            fuzz_check(trimmed.size() <= cell.size(), "trimming never grows a cell");
        }
    }
    for (const Diagnostic& problem : table.problems()) {
        fuzz_check(problem.file == table.name(), "a table's problems are located in its file: " + problem.to_string());
        fuzz_check(!problem.message.empty(), "a problem has a message");
    }
    const Diagnostic at = table.at(last_row + 1, cells.size() + 1, "x");
    fuzz_check(at.file == table.name() && at.message == "x", "a table locates a message");
    checksum_sink = checksum;
    return rows;
}

std::string as_text(Input input) { return std::string(reinterpret_cast<const char*>(input.data()), input.size()); }

}  // namespace exemplar::fuzz
