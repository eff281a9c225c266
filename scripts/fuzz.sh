#!/usr/bin/env bash
# Runs every libFuzzer target (docs/fuzzing.md) for SECONDS each (default 60),
# FUZZ_JOBS at a time (default 2), and exits non-zero when any of them finds a
# crash, a sanitizer error, a leak, a timeout or runs out of memory.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     # targets: form_loader plan_loader csv_table
#                                                   #   xlsx_reader questionnaire_import report_template
#
# The targets come from the build folder FUZZ_BUILD (default build-asan,
# configured and built by scripts/sanitize.sh, or by hand:
#   cmake -S . -B build-asan -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DEXEMPLAR_FUZZ=ON
#   ninja -C build-asan fuzz_form_loader …).
# What each run leaves in FUZZ_BUILD/fuzz/:
#   crashes/<target>/   the input that failed (crash-…, leak-…, timeout-…, oom-…): copy it to
#                       tests/fuzz/regressions/<target>/ and reproduce with
#                       FUZZ_BUILD/tests/fuzz/fuzz_<target> FILE
#   logs/<target>.log   libFuzzer's output, the sanitizer report at its end
#   corpus/<target>/    inputs found interesting so far (kept between runs; the seed corpus
#                       tests/fuzz/corpus/<target>/ and the regressions are read, never written)
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
all_targets=(form_loader plan_loader csv_table xlsx_reader questionnaire_import report_template)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
build="${FUZZ_BUILD:-build-asan}"
jobs="${FUZZ_JOBS:-2}"
work="$build/fuzz"

for target in "${targets[@]}"; do
  if [ ! -x "$build/tests/fuzz/fuzz_$target" ]; then
    echo "fuzz: $build/tests/fuzz/fuzz_$target is missing (build with -DEXEMPLAR_FUZZ=ON: scripts/sanitize.sh)" >&2
    exit 2
  fi
done

# One target: libFuzzer's own exit status is non-zero for every kind of failure.
run_target() {
  local target="$1"
  local crashes="$work/crashes/$target"
  mkdir -p "$work/corpus/$target" "$crashes" "$work/logs"
  local corpora=("$work/corpus/$target" "tests/fuzz/corpus/$target")
  [ -d "tests/fuzz/regressions/$target" ] && corpora+=("tests/fuzz/regressions/$target")
  local dictionary=()
  [ -f "tests/fuzz/dictionaries/$target.dict" ] && dictionary=("-dict=tests/fuzz/dictionaries/$target.dict")
  # -timeout: one input taking longer is a hang; -rss_limit_mb: the process (ASan included) growing
  # past this is a failure (a hostile file must not take the machine's memory).
  # Leak detection stays on: LeakSanitizer reports, libFuzzer keeps the input as leak-….
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1" \
    "$build/tests/fuzz/fuzz_$target" "${dictionary[@]}" \
      -max_total_time="$seconds" -timeout=25 -rss_limit_mb=3072 -print_final_stats=1 \
      -artifact_prefix="$crashes/" "${corpora[@]}" > "$work/logs/$target.log" 2>&1
  echo $? > "$work/logs/$target.status"
}

# Executions, coverage and features of a finished run, from libFuzzer's final lines.
summary() {
  local log="$work/logs/$1.log"
  local executions edges features corpus
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  edges=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%-22s %12s %8s %10s %14s' "$1" "${executions:-?}" "${edges:-?}" "${features:-?}" "${corpus:-?}"
}

echo "fuzz: ${#targets[@]} targets, ${seconds} s each, $jobs at a time ($(date -u '+%Y-%m-%d %H:%M UTC'))"
started=$(date +%s)
running=0
for target in "${targets[@]}"; do
  rm -f "$work/logs/$target.status"
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

failed=0
printf '%-22s %12s %8s %10s %14s  %s\n' target executions edges features corpus result
for target in "${targets[@]}"; do
  status=$(cat "$work/logs/$target.status" 2>/dev/null || echo "?")
  if [ "$status" = "0" ]; then
    result=ok
  else
    failed=1
    result="FAILED (exit $status): $(grep -m1 -E 'ERROR: |==ERROR|runtime error|Test unit written' "$work/logs/$target.log" | cut -c1-160)"
  fi
  echo "$(summary "$target")  $result"
done
echo "fuzz: $(( $(date +%s) - started )) s in all"

if [ "$failed" -ne 0 ]; then
  echo "fuzz: failures; inputs in $work/crashes/<target>/, logs in $work/logs/" >&2
  find "$work/crashes" -type f -newermt "@$started" -print >&2
  exit 1
fi
