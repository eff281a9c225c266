#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, then runs the
# main job on the bundled demo office (`exemplar demo`): a fresh database,
# the roster, the default plan, a cycle with simulated answers, the Excel
# report, report cards, offline questionnaires and the HR import sheet, all
# in demo-output/ (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-demo-output}"
bash scripts/install-deps.sh
bash scripts/build.sh
export LANG=zh_CN.UTF-8
echo
build/src/cli/exemplar form validate forms/five-exemplars.yaml forms/five-exemplars-ballot.yaml
build/src/cli/exemplar plan validate templates/plans/annual.yaml
echo
build/src/cli/exemplar demo --out "$out"
echo
build/src/cli/exemplar --db "$out/demo.db" cycle show 2026年度
