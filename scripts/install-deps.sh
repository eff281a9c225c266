#!/usr/bin/env bash
# Installs every Debian 12 package that building and testing Exemplar needs.
# Idempotent: packages already present are left alone, and apt is not even
# asked when everything is installed.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  libyaml-cpp-dev   # forms, plans and report templates are YAML
  libcli11-dev      # the command line
  libfmt-dev        # message formatting in two languages
  libsqlite3-dev    # the database of rosters, cycles and answers
  libicu-dev        # names ordered 按姓氏笔画 (zh@collation=stroke)
  libxlsxwriter-dev # writing the report, report cards and questionnaires (.xlsx)
  libzip-dev        # reading .xlsx files (zip archives) …
  libexpat1-dev     # … and their XML, streamed
  zlib1g-dev        # CRC-32s of the report's parts
  libdeflate-dev    # compressing the report's large sheets ourselves, 2–3× zlib's speed
  libssl-dev        # HMAC-SHA256 seals of the offline questionnaires (libcrypto)
  libwxgtk3.2-dev   # the desktop app (wxWidgets 3.2, GTK 3)
  gettext           # msgfmt: the desktop app's Chinese catalog
  libgtest-dev      # the test suites
  python3-yaml python3-icu  # the independent reference scorer of the end-to-end test
  python3-openpyxl          # an independent reader of the workbooks in tests
  libreoffice-calc-nogui    # tests: files re-saved by another program, and PDF rendering
  poppler-utils imagemagick # tests and docs: PDF pages to pictures
  fonts-noto-cjk            # Chinese text in rendered pages and in the desktop app
  xvfb xauth                # the desktop app's tests drive real windows on a virtual screen
  lintian dpkg-dev          # the .deb: dependencies (dpkg-shlibdeps) and its check
  # The sanitizer suite and the fuzz targets (scripts/sanitize.sh, scripts/fuzz.sh): clang builds
  # with AddressSanitizer and UBSan; libclang-rt-14-dev holds their runtimes and libFuzzer
  # (only recommended by clang, so not pulled in with --no-install-recommends); llvm's
  # llvm-symbolizer turns sanitizer stack traces into FILE:LINE.
  clang libclang-rt-14-dev llvm
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
