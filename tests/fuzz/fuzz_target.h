// The fuzz targets of docs/fuzzing.md. Each target is one function that takes
// one input (the bytes of a file a user could hand the program) and feeds it
// through the entry points the CLI uses. The same function serves two mains:
//
//   - libfuzzer_main.cpp: LLVMFuzzerTestOneInput, one executable per target
//     (fuzz_<name>), built with clang and -fsanitize=fuzzer,address,undefined
//     when EXEMPLAR_FUZZ is on;
//   - corpus_replay_test.cpp: a GoogleTest that replays every file of
//     tests/fuzz/corpus/<name>/ and tests/fuzz/regressions/<name>/ through it,
//     so a plain ctest run with gcc covers the corpus and every bug once found.
//
// A target file defines its function with EXEMPLAR_FUZZ_TARGET(name) { … }.
// Inputs the program refuses (InputRefused with located messages) are fine;
// anything else escaping, or a broken promise checked with fuzz_check, is a
// bug: under libFuzzer it terminates the process (a crash file is written),
// under GoogleTest the replay test fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace exemplar {
class TableReader;
}

namespace exemplar::fuzz {

// What became of one input; the replay test checks that each corpus holds
// inputs that are accepted, so the fuzzer starts past the first refusal.
enum class Outcome { accepted, refused };

using Input = std::span<const std::uint8_t>;

struct Target {
    const char* name;                // fuzz_<name>, corpus/<name>/, regressions/<name>/
    void (*initialize)();            // once per process, before the first input (may be null)
    Outcome (*one_input)(Input input);
};

// Every target linked into this program, in registration order.
std::vector<const Target*>& targets();

struct Registration {
    explicit Registration(const Target& target) { targets().push_back(&target); }
};

// A broken promise of the code under test: throws BrokenPromise, which no
// target catches (libFuzzer: a crash; GoogleTest: a failure naming `what`).
struct BrokenPromise : std::logic_error {
    using std::logic_error::logic_error;
};
void fuzz_check(bool condition, std::string_view what);

// Every diagnostic of a refusal is located in `file` and says something.
void check_located(const std::vector<Diagnostic>& diagnostics, std::string_view file);

// A file of this process's own temporary folder (made on first use, removed
// at exit), holding `input`; for APIs that take a path as the CLI does.
std::filesystem::path write_input(std::string_view file_name, Input input);
std::filesystem::path scratch_path(std::string_view file_name);  // a path there, nothing written

std::string as_text(Input input);

// Reads every row of a table (as the imports do), touching every byte of
// every cell, and checks the table's promises: rows in order, progress in
// 0..1, problems located in the table's file. Returns the rows read.
std::size_t drain_table(TableReader& table);

}  // namespace exemplar::fuzz

#define EXEMPLAR_FUZZ_TARGET_WITH_INIT(target_name, init_function)                                          \
    static ::exemplar::fuzz::Outcome target_name##_one_input(::exemplar::fuzz::Input input);              \
    static const ::exemplar::fuzz::Target target_name##_target{#target_name, init_function,                \
                                                                &target_name##_one_input};                 \
    static const ::exemplar::fuzz::Registration target_name##_registration{target_name##_target};         \
    static ::exemplar::fuzz::Outcome target_name##_one_input(::exemplar::fuzz::Input input)

#define EXEMPLAR_FUZZ_TARGET(target_name) EXEMPLAR_FUZZ_TARGET_WITH_INIT(target_name, nullptr)
