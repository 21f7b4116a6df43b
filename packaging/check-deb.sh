#!/usr/bin/env bash
# Builds the .deb with CPack from BUILD_DIR, unpacks it into a scratch folder and checks that
# it carries the binaries, icon, desktop entry and metainfo, and that the unpacked binaries run.
set -euo pipefail
build_dir="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$scratch/out" >/dev/null)
deb="$(ls "$scratch"/out/*.deb | head -n 1)"
dpkg-deb -x "$deb" "$scratch/root"
for f in usr/bin/pipewright usr/bin/pipewright-cli \
         usr/share/applications/io.github.pipewright.Pipewright.desktop \
         usr/share/metainfo/io.github.pipewright.Pipewright.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.pipewright.Pipewright.svg; do
    [ -e "$scratch/root/$f" ] || { echo "missing from package: $f"; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q libqt6 || { echo "package declares no Qt dependency"; exit 1; }
"$scratch/root/usr/bin/pipewright-cli" --version
QT_QPA_PLATFORM=offscreen "$scratch/root/usr/bin/pipewright" --version
echo "package ok: $(basename "$deb")"
