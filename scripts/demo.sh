#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, then checks the
# bundled forms and plan and prints the self-review questionnaire.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exemplar=build/src/cli/exemplar
echo
"$exemplar" form validate forms/five-exemplars.yaml forms/five-exemplars-ballot.yaml
"$exemplar" plan validate templates/plans/*.yaml
echo
LANG=zh_CN.UTF-8 "$exemplar" form show forms/five-exemplars.yaml
