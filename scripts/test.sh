#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test suite. Used by CI (.ci/run).
# Order: build, the bounded fuzz run, the corpus conformance report, then CTest, whose summary
# line closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/pipewright-ccache}"
# Hash paths relative to the checkout, so a fresh clone in another folder reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
# Debug info would otherwise put the build folder into every hash (ccache hash_dir).
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
jobs="${PIPEWRIGHT_JOBS:-$(nproc)}"
corpus="$(cd .. && pwd)/shared/corpus"

cmake --preset dev -DPIPEWRIGHT_CORPUS_DIR="$corpus" >/dev/null
cmake --build --preset dev -j "$jobs"

if [ "${PIPEWRIGHT_SKIP_FUZZ:-0}" != 1 ]; then
    echo "== fuzzing the loader and validators for ${PIPEWRIGHT_FUZZ_SECONDS:-60} s"
    bash scripts/fuzz.sh "${PIPEWRIGHT_FUZZ_SECONDS:-60}"
fi

if [ -f "$corpus/MANIFEST.json" ]; then
    echo "== conformance over $corpus"
    build/dev/tests/conformance/pipewright-conformance "$corpus" \
        --disagreements tests/conformance/disagreements.txt || true
fi

ctest --preset dev -j "$jobs"
