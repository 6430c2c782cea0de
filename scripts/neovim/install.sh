#!/usr/bin/env bash
# Installs Debian's Neovim (0.7.2 on Debian 12) for the headless LSP check
# (scripts/neovim/lsp-check-example.lua). Idempotent; run as root.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  echo "neovim/install.sh: $(nvim --version | head -1) already installed"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "neovim/install.sh: ERROR: not root; run 'apt-get install -y neovim' as root" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null || { echo "neovim/install.sh: ERROR: apt-get update failed" >&2; exit 1; }
apt-get install -y -q --no-install-recommends neovim >/dev/null || { echo "neovim/install.sh: ERROR: apt-get install neovim failed" >&2; exit 1; }
echo "neovim/install.sh: installed $(nvim --version | head -1)"
