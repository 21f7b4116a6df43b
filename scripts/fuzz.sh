#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time (fuzz_validate: default
# 60 s; the fuzz_blockscanner differential check: 30 s), seeded with the example workspace's spec
# files. Exits non-zero when a fuzzer finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/pipewright-ccache}"
# Hash paths relative to the checkout, so a fresh clone in another folder reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
# Debug info would otherwise put the build folder into every hash (ccache hash_dir).
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target fuzz_validate fuzz_blockscanner
seeds=build/fuzz/seeds
rm -rf "$seeds" build/fuzz/crashes && mkdir -p "$seeds" build/fuzz/crashes
i=0
for f in resources/examples/*/buildspec*.yml resources/examples/*/appspec.yml \
         resources/examples/*/pipeline.yml resources/examples/*/.pipewright/workspace.yml; do
    [ -f "$f" ] || continue
    for k in 0 1 2 3; do printf "\\x$(printf %02x $k)" | cat - "$f" > "$seeds/seed_${i}_${k}"; done
    i=$((i + 1))
done
build/fuzz/tests/fuzz/fuzz_validate -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1 "$seeds" 2>&1 | tail -n 15
# The block-style fast path must give yaml-cpp's events exactly; it aborts on any difference.
build/fuzz/tests/fuzz/fuzz_blockscanner -max_total_time=30 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1 "$seeds" 2>&1 | tail -n 15
