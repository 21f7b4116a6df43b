#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test suite. Used by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/pipewright-ccache}"
jobs="${PIPEWRIGHT_JOBS:-$(nproc)}"

cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"
