#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, checks the
# bundled forms and plan, prints the self-review questionnaire, then runs a
# whole cycle on the 60-person sample office (roster, cycle, answers, results).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exemplar=build/src/cli/exemplar
sample=tests/e2e/office60
out=demo-output
export LANG=zh_CN.UTF-8

echo
"$exemplar" form validate forms/five-exemplars.yaml forms/five-exemplars-ballot.yaml
"$exemplar" plan validate templates/plans/*.yaml
echo
"$exemplar" form show forms/five-exemplars.yaml

echo
echo "== 示例单位：60 人的一次测评 =="
rm -rf "$out"
mkdir -p "$out"
db="$out/demo.db"
"$exemplar" --db "$db" roster import "$sample/roster.csv"
"$exemplar" --db "$db" cycle create 2026年度 --plan templates/plans/annual.yaml --unit 行署办公室 --deadline 2026-12-31
"$exemplar" --db "$db" responses import 2026年度 "$sample/responses.csv"
"$exemplar" --db "$db" cycle show 2026年度
"$exemplar" --db "$db" results 2026年度
"$exemplar" --db "$db" results 2026年度 --csv > "$out/results.csv"
echo
echo "数据库：$db；人事导入表（CSV）：$out/results.csv"
