// Replays every file of tests/fuzz/corpus/<target>/ and
// tests/fuzz/regressions/<target>/ through the fuzz targets' own one-input
// functions (fuzz_target.h), so a normal ctest run — gcc, no libFuzzer —
// checks the seed corpora and every input that once found a bug.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "core/translate.h"
#include "fuzz_target.h"
#include "support/temp_dir.h"

namespace exemplar::fuzz {
namespace {

const std::filesystem::path fuzz_dir = std::filesystem::path(EXEMPLAR_SOURCE_DIR) / "tests" / "fuzz";

std::vector<std::filesystem::path> files_in(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> target_names() {
    std::vector<std::string> names;
    for (const Target* target : targets()) names.emplace_back(target->name);
    return names;
}

const Target& target_named(const std::string& name) {
    for (const Target* target : targets())
        if (name == target->name) return *target;
    throw std::logic_error("no fuzz target " + name);
}

struct Replayed {
    std::size_t files = 0;
    std::size_t accepted = 0;
};

// Runs each file; a broken promise or an unexpected exception fails the test, naming the file.
Replayed replay(const Target& target, const std::filesystem::path& folder) {
    Replayed replayed;
    for (const auto& file : files_in(folder)) {
        const std::string bytes = testing::read_file(file);
        const Input input(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++replayed.files;
        try {
            if (target.one_input(input) == Outcome::accepted) ++replayed.accepted;
        } catch (const std::exception& e) {
            ADD_FAILURE() << file.string() << ": " << e.what();
        } catch (...) {
            ADD_FAILURE() << file.string() << ": an exception that is no std::exception";
        }
    }
    return replayed;
}

class FuzzCorpus : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        set_language(Language::english);
        const Target& target = target_named(GetParam());
        if (target.initialize) target.initialize();
    }
};

TEST_P(FuzzCorpus, SeedCorpusRunsCleanAndReachesPastTheFirstRefusal) {
    const Replayed replayed = replay(target_named(GetParam()), fuzz_dir / "corpus" / GetParam());
    std::printf("%s: %zu seed files, %zu accepted\n", GetParam().c_str(), replayed.files, replayed.accepted);
    EXPECT_GT(replayed.files, 0u) << "no seed corpus for " << GetParam();
    EXPECT_GT(replayed.accepted, 0u) << "no input of the seed corpus of " << GetParam() << " is accepted";
}

TEST_P(FuzzCorpus, RegressionsRunClean) { replay(target_named(GetParam()), fuzz_dir / "regressions" / GetParam()); }

INSTANTIATE_TEST_SUITE_P(Targets, FuzzCorpus, ::testing::ValuesIn(target_names()),
                         [](const ::testing::TestParamInfo<std::string>& target) { return target.param; });

}  // namespace
}  // namespace exemplar::fuzz
