// libFuzzer's entry points for the one target linked beside this file
// (tests/fuzz/CMakeLists.txt builds fuzz_<name> from <name>_fuzz.cpp).
#include <cstdio>
#include <cstdlib>

#include "core/translate.h"
#include "fuzz_target.h"

namespace {

const exemplar::fuzz::Target& the_target() {
    const auto& all = exemplar::fuzz::targets();
    if (all.size() != 1) {
        std::fprintf(stderr, "a fuzzer links exactly one target (found %zu)\n", all.size());
        std::abort();
    }
    return *all.front();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    exemplar::set_language(exemplar::Language::english);
    if (const auto initialize = the_target().initialize) initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    the_target().one_input(exemplar::fuzz::Input(data, size));
    return 0;
}
