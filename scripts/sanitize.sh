#!/usr/bin/env bash
# CI's sanitizer stage (docs/reliability.md, docs/fuzzing.md): builds
# everything — core, CLI, desktop app, every test and the libFuzzer targets —
# with clang, AddressSanitizer and UBSan in build-asan (one build serves both),
# runs the whole test suite there (core, CLI, GUI under Xvfb, end-to-end
# Python tests, which run the instrumented binaries), then every fuzz target
# for FUZZ_SECONDS (default 30) each, two at a time (scripts/fuzz.sh).
#
#   bash scripts/sanitize.sh            # FUZZ_SECONDS=0 skips fuzzing
#
# Any sanitizer report fails the run: UBSan and ASan abort the program
# (a test then fails on the signal), and LeakSanitizer reports leaks at exit.
# Leaks inside GTK, GLib, fontconfig and friends are suppressed by
# tests/sanitizer/lsan.supp (each entry says why); leaks in our code are not.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

build=build-asan
started=$(date +%s)
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DEXEMPLAR_FUZZ=ON
fi
cmake --build "$build" --parallel "$(nproc)"
built=$(date +%s)

# abort_on_error: a report ends the program with SIGABRT, which no test
# mistakes for exit status 1 ("input refused"). detect_leaks is ASan's
# default on Linux; stated here because it is the point.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="abort_on_error=1:halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
# Instrumented programs run about three times slower: tests that take a long
# run for a hang (e2e.bad_inputs) allow this much more time. No test asserts speed.
export EXEMPLAR_TEST_TIME_SCALE=4
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"
tested=$(date +%s)

fuzz_seconds="${FUZZ_SECONDS:-30}"
if [ "$fuzz_seconds" != "0" ]; then
  FUZZ_BUILD="$build" bash scripts/fuzz.sh "$fuzz_seconds"
fi
finished=$(date +%s)
echo "sanitize: build $((built - started)) s, tests $((tested - built)) s, fuzzing $((finished - tested)) s, $((finished - started)) s in all"
