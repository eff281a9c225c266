#!/usr/bin/env bash
# Renders the pictures of docs/user-guide.md from the demo office: pages of
# the report, a report card and a questionnaire, as LibreOffice prints them.
#   bash scripts/docs-pictures.sh      (after scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
LANG=zh_CN.UTF-8 build/src/cli/exemplar demo --out "$work/demo" > /dev/null
cp "$work/demo/report.xlsx" "$work/report.xlsx"
cp "$work/demo/cards/XS005-周文华.xlsx" "$work/card.xlsx"
cp "$work/demo/questionnaires/XS005-周文华-测评表.xlsx" "$work/questionnaire.xlsx"
libreoffice --headless "-env:UserInstallation=file://$work/lo" --convert-to pdf --outdir "$work" \
  "$work/report.xlsx" "$work/card.xlsx" "$work/questionnaire.xlsx" > /dev/null
mkdir -p docs/images
render() {  # PDF, page, name
  pdftoppm -png -r 90 -f "$2" -l "$2" -singlefile "$work/$1" "$work/page"
  convert "$work/page.png" -trim -bordercolor white -border 12 -colors 64 "docs/images/$3.png"
}
render report.pdf 1 report-notes
render report.pdf 2 report-summary
render report.pdf 3 report-departments
render card.pdf 1 report-card
render questionnaire.pdf 1 questionnaire-instructions
render questionnaire.pdf 2 questionnaire-self-review
pages=$(pdfinfo "$work/questionnaire.pdf" | awk '/^Pages:/ {print $2}')
render questionnaire.pdf "$pages" questionnaire-ballot
ls -la docs/images
