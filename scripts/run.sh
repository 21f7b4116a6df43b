#!/usr/bin/env bash
# Installs what is missing, builds the app and opens the bundled example workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/pipewright-ccache}"
# Hash paths relative to the checkout, so a fresh clone in another folder reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
# Debug info would otherwise put the build folder into every hash (ccache hash_dir).
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
workspace="${1:-resources/examples/webapp}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display found; starting under xvfb-run (use a desktop session to see the window)"
    exec xvfb-run -a build/release/app/pipewright "$workspace"
fi
exec build/release/app/pipewright "$workspace"
