#!/usr/bin/env bash
# Installs a headless VS Code (code-server's VS Code server build) plus the
# Debian packages needed to drive it from headless Chromium, so that the
# extension's end-to-end suite can run without a desktop VS Code / Electron.
#
#   bash scripts/vscode-server/install.sh            # idempotent
#   bash scripts/vscode-server/install.sh --force    # reinstall code-server
#   bash scripts/vscode-server/install.sh --verify   # also start the server once
#
# Installs into <project>/.cache/code-server/ (git-ignored), never into the
# project's own dependencies. Must run as root (apt-get) with Node 20.
#
# Environment:
#   CODE_SERVER_VERSION   default 4.100.3 (VS Code 1.100.3)
#   VSCODE_SERVER_CACHE   default <project>/.cache/code-server
set -euo pipefail

die() { echo "install.sh: ERROR: $*" >&2; exit 1; }
log() { echo "install.sh: $*"; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${VSCODE_SERVER_CACHE:-$ROOT/.cache/code-server}"
CS_DIR="$CACHE/node_modules/code-server"
VSCODE_DIR="$CS_DIR/lib/vscode"
SERVER_MAIN="$VSCODE_DIR/out/server-main.js"
MARKER="$CACHE/.installed-code-server-$CS_VERSION"

FORCE=0
VERIFY=0
for a in "$@"; do
  case "$a" in
    --force) FORCE=1 ;;
    --verify) VERIFY=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown argument: $a" ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
export CI="${CI:-true}"

# ---------------------------------------------------------------- Node 20
command -v node >/dev/null || die "node not found on PATH (code-server $CS_VERSION needs Node 20)"
command -v npm >/dev/null || die "npm not found on PATH"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = "20" ] || die "code-server $CS_VERSION requires Node 20, found $(node -v)"

# ---------------------------------------------------------------- apt packages
# chromium: the browser that renders the workbench (driven by playwright-core)
# libkrb5-dev, pkg-config, python3, make, g++: native modules of VS Code (kerberos, node-pty, spdlog...)
# ripgrep: replaces the ripgrep binary that @vscode/ripgrep would download
# fonts-dejavu-core: readable text in screenshots
APT_PKGS=(chromium libkrb5-dev pkg-config ripgrep python3 make g++ tar gzip fonts-dejavu-core)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages (${missing[*]}) and not root: run 'apt-get install -y ${missing[*]}' as root"
  log "installing Debian packages: ${missing[*]}"
  apt-get update -q >/dev/null || die "apt-get update failed"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
else
  log "Debian packages present: ${APT_PKGS[*]}"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt install"
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after apt install"

# ---------------------------------------------------------------- already installed?
installed_ok() {
  [ -f "$MARKER" ] && [ -f "$SERVER_MAIN" ] \
    && [ -x "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" ] \
    && [ -d "$VSCODE_DIR/node_modules/node-pty/build/Release" ] \
    && [ -d "$VSCODE_DIR/extensions/node_modules/typescript" ]
}

verify_server() {
  # Starts the server once on a free port and waits for it to listen.
  node "$HERE/lib/verify-server.js" "$SERVER_MAIN"
}

if [ "$FORCE" = 0 ] && installed_ok; then
  log "code-server $CS_VERSION already installed in $CACHE"
  if [ "$VERIFY" = 1 ]; then verify_server || die "installed server does not start (rerun with --force)"; fi
  exit 0
fi

# ---------------------------------------------------------------- ripgrep tarball
# @vscode/ripgrep@1.15.11 (pinned by code-server's lib/vscode/npm-shrinkwrap.json)
# downloads ripgrep-v13.0.0-10-<target>.tar.gz from GitHub in its postinstall,
# unless the file already sits in <os.tmpdir()>/vscode-ripgrep-cache-1.15.11/.
# It runs `tar xvf <file> -C bin/` and expects bin/rg, so the tarball holds a
# top-level `rg`: Debian's /usr/bin/rg (same ripgrep 13.0.0).
RG_PKG_VERSION=1.15.11
RG_VERSION=v13.0.0-10
case "$(node -p 'process.arch')" in
  x64) RG_TARGET=x86_64-unknown-linux-musl ;;
  arm64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(node -p 'process.arch')" ;;
esac
TMPROOT="$(node -p 'require("os").tmpdir()')"
RG_CACHE="$TMPROOT/vscode-ripgrep-cache-$RG_PKG_VERSION"
RG_TAR="$RG_CACHE/ripgrep-$RG_VERSION-$RG_TARGET.tar.gz"
mkdir -p "$RG_CACHE"
if ! tar tzf "$RG_TAR" 2>/dev/null | grep -qx 'rg'; then
  stage="$(mktemp -d)"
  cp /usr/bin/rg "$stage/rg"
  chmod 755 "$stage/rg"
  tar czf "$RG_TAR" -C "$stage" rg
  rm -rf "$stage"
  log "prepared $RG_TAR from /usr/bin/rg"
fi

# ---------------------------------------------------------------- code-server
log "installing code-server $CS_VERSION into $CACHE (takes a few minutes)"
rm -rf "$CACHE/node_modules" "$CACHE/package-lock.json" "$CACHE"/.installed-code-server-*
mkdir -p "$CACHE"
cat > "$CACHE/package.json" <<EOF
{
  "name": "vscode-server-cache",
  "private": true,
  "description": "Headless VS Code for end-to-end tests; written by scripts/vscode-server/install.sh",
  "dependencies": { "code-server": "$CS_VERSION" },
  "allowScripts": { "code-server": true }
}
EOF

# code-server's postinstall refuses to run as root without unsafe-perm, and runs
# nested `npm install`s in lib/vscode and lib/vscode/extensions whose native
# modules and @vscode/ripgrep need their own install scripts: allow them all
# for this one install (the folder holds nothing but code-server's tree).
LOG="$CACHE/npm-install.log"
if ! (cd "$CACHE" && \
      npm_config_unsafe_perm=true \
      npm_config_yes=true \
      npm_config_ignore_scripts=false \
      npm_config_dangerously_allow_all_scripts=true \
      npm_config_audit=false npm_config_fund=false \
      npm_config_update_notifier=false \
      npm install --no-package-lock --foreground-scripts >"$LOG" 2>&1); then
  tail -n 60 "$LOG" >&2
  die "npm install code-server@$CS_VERSION failed (full log: $LOG)"
fi

[ -f "$SERVER_MAIN" ] || { tail -n 40 "$LOG" >&2; die "$SERVER_MAIN missing after install (log: $LOG)"; }
[ -x "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" ] || { tail -n 40 "$LOG" >&2; die "ripgrep postinstall did not produce bin/rg (log: $LOG)"; }
[ -d "$VSCODE_DIR/node_modules/node-pty/build/Release" ] || { tail -n 40 "$LOG" >&2; die "node-pty native module was not built: install scripts did not run? (log: $LOG)"; }

verify_server || die "code-server installed but the server does not start (log: $LOG)"
date -u +%FT%TZ > "$MARKER"
log "code-server $CS_VERSION installed: $SERVER_MAIN"
