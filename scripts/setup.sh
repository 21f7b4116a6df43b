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
)
# KF6 syntax highlighting is optional; install it where the distribution offers it.
optional=(libkf6syntaxhighlighting-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
for p in "${optional[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    apt-cache show "$p" >/dev/null 2>&1 && missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present"
fi
