#!/usr/bin/env bash
# Installs what the browser tier (npm run test:e2e) needs: Debian's Chromium (never a browser Playwright downloads) and
# PostgreSQL for the stack half of the test (.ci/install-postgres.sh). Idempotent; fails loudly when it cannot install.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  echo "install-e2e: found $("$CHROMIUM" --version 2>/dev/null) at $CHROMIUM"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-e2e: $CHROMIUM not found and not root: install Chromium (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
  start=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] || { echo "install-e2e: apt-get installed chromium but $CHROMIUM is missing" >&2; exit 1; }
  echo "install-e2e: installed $("$CHROMIUM" --version 2>/dev/null) in $(( $(date +%s) - start )) s"
fi

.ci/install-postgres.sh
