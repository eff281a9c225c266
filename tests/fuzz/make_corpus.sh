#!/usr/bin/env bash
# Rebuilds the seed corpora tests/fuzz/corpus/<target>/ from real files
# (docs/fuzzing.md): the bundled forms, plans and templates, the rosters and
# answers of tests/e2e/office60 and templates/demo, workbooks written by
# openpyxl and LibreOffice (tests/data/xlsx), some of the bad-input corpus
# (tests/data/bad), and questionnaires written by the product for the fuzz
# office, blank and filled by openpyxl and LibreOffice.
#
#   bash tests/fuzz/make_corpus.sh [BUILD]    # BUILD: any build folder with tests (default build-asan)
#
# Run it again when the bundled forms or plan change: the questionnaires are
# sealed for the cycle fuzz_office.h makes from them.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build-asan}"
corpus=tests/fuzz/corpus
bad=tests/data/bad
office60=tests/e2e/office60
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

ninja -C "$build" exemplar_fuzz_seed_questionnaires >/dev/null
rm -rf "$corpus"
mkdir -p "$corpus"/{form_loader,plan_loader,csv_table,xlsx_reader,questionnaire_import,report_template}

# Copies FILE into a corpus under a name saying where it came from (bad-forms-alias-bomb.yaml).
put() {
  local target="$1" file="$2" name="${3:-}"
  [ -z "$name" ] && name=$(echo "$file" | sed -e 's|^tests/data/||' -e 's|^tests/||' -e 's|/|-|g')
  cp "$file" "$corpus/$target/$name"
}

# Forms: the bundled ones, the forms the bad plans use, every bad form.
for f in forms/*.yaml $bad/plans/wording/*.yaml $bad/forms/*.yaml; do put form_loader "$f"; done

# Plans: the bundled plan, the e2e office's, every bad plan.
for f in templates/plans/*.yaml $office60/plan.yaml $bad/plans/*.yaml; do put plan_loader "$f"; done

# Report templates: the bundled default and every bad template.
for f in templates/reports/*.yaml $bad/templates/*.yaml; do put report_template "$f"; done

# CSV tables: rosters (good and bad), the start of the e2e answers, files open_table refuses.
put csv_table templates/demo/roster.csv
put csv_table $office60/roster.csv
put csv_table $office60/responses-update.csv
head -n 120 $office60/responses.csv > "$corpus/csv_table/e2e-office60-responses-head.csv"
for f in $bad/roster/*.csv $bad/roster/*.xls; do put csv_table "$f"; done
for f in bom-crlf-unknown-item nul-in-cell utf16le-bom gbk extra-fields; do put csv_table "$bad/responses/$f.csv"; done

# The product's questionnaires for the fuzz office (fuzz_office.h), and its simulated answers.
"$build/tests/fuzz/exemplar_fuzz_seed_questionnaires" "$scratch/q" >/dev/null
mapfile -t questionnaires < <(ls "$scratch"/q/*.xlsx)
for q in "${questionnaires[@]}"; do
  cp "$q" "$corpus/questionnaire_import/blank-$(basename "$q" | cut -d- -f1).xlsx"
done
# Filled by another program (openpyxl), as offices return them: all answers, or only the self-review.
answers="$scratch/q/answers.csv"
tool=tests/tools/questionnaire_tool.py
# The simulated answers (Chinese header and relation words) in the tool's columns: all, and the self-reviews only.
/usr/bin/python3 - "$answers" "$scratch/all.csv" "$scratch/self.csv" <<'EOF'
import csv, sys
codes = {"自评": "self", "上级": "head", "同事": "peer"}
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))[1:]
for path, keep in ((sys.argv[2], lambda r: True), (sys.argv[3], lambda r: codes[r[2]] == "self")):
    with open(path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["rater_id", "ratee_id", "relation", "item", "answer"])
        for r in rows:
            if keep(r):
                w.writerow([r[0], r[1], codes[r[2]], r[3], r[4]])
EOF
for i in 0 1 2 4; do
  q="${questionnaires[$i]}"
  id=$(basename "$q" | cut -d- -f1)
  /usr/bin/python3 $tool fill "$q" "$scratch/all.csv" "$corpus/questionnaire_import/filled-openpyxl-$id.xlsx" >/dev/null
done
for i in 3 5; do
  q="${questionnaires[$i]}"
  id=$(basename "$q" | cut -d- -f1)
  /usr/bin/python3 $tool fill "$q" "$scratch/self.csv" "$corpus/questionnaire_import/self-only-openpyxl-$id.xlsx" >/dev/null
done
# Filled, then re-saved by LibreOffice (rich-text runs, explicit types).
if command -v libreoffice >/dev/null; then
  mkdir -p "$scratch/lo"
  libreoffice --headless "-env:UserInstallation=file://$scratch/lo-profile" --convert-to xlsx --outdir "$scratch/lo" \
    "$corpus/questionnaire_import/filled-openpyxl-$(basename "${questionnaires[1]}" | cut -d- -f1).xlsx" >/dev/null 2>&1
  for f in "$scratch"/lo/*.xlsx; do cp "$f" "$corpus/questionnaire_import/filled-libreoffice-$(basename "$f" | sed 's/filled-openpyxl-//')"; done
fi
# Long-format answers for the same cycle (CSV), and answer files of the bad-input corpus.
head -n 200 "$answers" > "$corpus/questionnaire_import/long-format-answers.csv"
for f in truncated.xlsx formula-error-answer.xlsx no-such-assignment.xlsx unknown-item.csv; do put questionnaire_import "$bad/responses/$f"; done

# Workbooks: openpyxl's and LibreOffice's, a product questionnaire, bad rosters and answer files,
# and three of them re-packed without compression (mutations then reach the XML directly).
for f in tests/data/xlsx/*.xlsx $bad/roster/*.xlsx; do put xlsx_reader "$f"; done
for f in extra-cell leading-zero-id date-as-rater formula-no-cache-rater duplicate-header; do put xlsx_reader "$bad/responses/$f.xlsx"; done
cp "${questionnaires[5]}" "$corpus/xlsx_reader/questionnaire-$(basename "${questionnaires[5]}" | cut -d- -f1).xlsx"
/usr/bin/python3 - "$corpus/xlsx_reader" <<'EOF'
import sys, zipfile, pathlib
folder = pathlib.Path(sys.argv[1])
for name in ["xlsx-openpyxl.xlsx", "xlsx-libreoffice.xlsx"] + [p.name for p in folder.glob("questionnaire-*.xlsx")]:
    source = folder / name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(folder / ("stored-" + name), "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename), compress_type=zipfile.ZIP_STORED)
EOF

# Two questionnaires re-packed without compression: the seal covers only the hidden sheet, so
# mutations of the visible sheets' XML still import, reaching the answer checks.
/usr/bin/python3 - "$corpus/questionnaire_import" blank-A06.xlsx filled-openpyxl-A03.xlsx <<'EOF'
import sys, zipfile, pathlib
folder = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    with zipfile.ZipFile(folder / name) as zin, zipfile.ZipFile(folder / ("stored-" + name), "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename), compress_type=zipfile.ZIP_STORED)
EOF

chmod 644 "$corpus"/*/*  # the product writes its files owner-only
for target in "$corpus"/*; do
  echo "$(basename "$target"): $(ls "$target" | wc -l) files, $(du -sh "$target" | cut -f1)"
done
