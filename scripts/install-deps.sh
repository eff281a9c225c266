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
  libgtest-dev      # the test suites
  python3-yaml python3-icu  # the independent reference scorer of the end-to-end test
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
