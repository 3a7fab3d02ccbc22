#!/usr/bin/env bash
# Installs what Candor needs to build, run and test, and does nothing when it is all there.
# Usage: scripts/setup.sh run|test
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-run}
# libdbus-1-dev: the desktop keyring (Secret Service) that holds signing keys.
packages=(pkg-config build-essential libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libxdo-dev libdbus-1-dev)
if [ "$purpose" = test ]; then
  packages+=(xvfb webkit2gtk-driver xclip dbus x11-utils poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing; install it with rustup (https://rustup.rs) and run this again" >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install.
stamp=node_modules/.candor-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

if [ "$purpose" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: cargo install tauri-driver"
  cargo install --locked tauri-driver --version '^2'
fi
