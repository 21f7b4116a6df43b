#!/usr/bin/env bash
# Installs the Debian 12 packages Pipewright needs to build, test and run. Idempotent:
# packages already present are skipped, so a second run costs one dpkg query.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  clang libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
  libyaml-cpp-dev libarchive-dev libsqlite3-dev
  libgtest-dev libbenchmark-dev
  xvfb xauth x11-utils fonts-dejavu-core
  appstream desktop-file-utils dpkg-dev file zip unzip
  curl python3 wrk acl
)
# Optional: KF6 syntax highlighting, where the distribution offers it (Debian 12 does not).
optional=(libkf6syntaxhighlighting-dev)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
fi
for p in "${optional[@]}"; do
  if ! installed "$p" && apt-cache show "$p" >/dev/null 2>&1; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done"
else
  echo "setup: all packages present"
fi
