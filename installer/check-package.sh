#!/usr/bin/env bash
# Builds the .deb, checks it with lintian (overrides only with a written
# reason, see installer/lintian/), installs it with apt, runs `exemplar demo`
# from the installed files, starts `exemplar-gui` under Xvfb, and removes the
# package cleanly. Run by CI after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd build && rm -f exemplar_*.deb && cpack -G DEB > "$work/cpack.log")
deb=$(ls build/exemplar_*.deb)
echo "package: $deb"

echo "== lintian"
lintian --tag-display-limit 0 --fail-on error,warning "$deb"

echo "== install"
$sudo apt-get install -y -qq --no-install-recommends "./$deb" > "$work/install.log"
test -x /usr/bin/exemplar
test -x /usr/bin/exemplar-gui
test -f /usr/share/exemplar/forms/five-exemplars.yaml

echo "== exemplar demo from the installed files"
(cd "$work" && HOME="$work" LANG=zh_CN.UTF-8 /usr/bin/exemplar demo --out "$work/demo")
test -s "$work/demo/report.xlsx"

echo "== exemplar-gui starts and stays up under Xvfb"
status=0
HOME="$work" timeout 8 xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/exemplar-gui > "$work/gui.log" 2>&1 || status=$?
if [ "$status" -ne 124 ]; then
  echo "exemplar-gui ended by itself (status $status):"
  cat "$work/gui.log"
  exit 1
fi

echo "== remove"
$sudo apt-get remove -y -qq exemplar > "$work/remove.log"
if [ -e /usr/bin/exemplar ] || [ -e /usr/bin/exemplar-gui ] || [ -e /usr/share/exemplar ]; then
  echo "files left after removal"
  exit 1
fi
echo "package check passed"
