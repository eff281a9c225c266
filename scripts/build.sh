#!/usr/bin/env bash
# Configures (once) and builds Exemplar in build/ with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEXEMPLAR_WERROR=ON
fi
cmake --build build --parallel "$(nproc)"
