#!/usr/bin/env bash
# Installs the PostgreSQL server (15+) the integration tier needs, unless initdb is already there.
# Idempotent and quiet; Debian keeps the binaries under /usr/lib/postgresql/<version>/bin (off PATH),
# and scripts/stack finds them there by itself.
set -euo pipefail

find_initdb() {
  command -v initdb 2>/dev/null && return 0
  ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 | grep . && return 0
  return 1
}

if initdb_path=$(find_initdb); then
  echo "install-postgres: found $("$initdb_path" --version) at $initdb_path"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-postgres: initdb not found and not root: install PostgreSQL 15+ (Debian: sudo apt-get install postgresql)" >&2
  exit 1
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# The Debian package would start its own cluster on 5432; policy-rc.d (exit 101) stops that.
policy=/usr/sbin/policy-rc.d
restore_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && restore_policy=true
fi
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
if $restore_policy; then rm -f "$policy"; fi

initdb_path=$(find_initdb) || { echo "install-postgres: postgresql installed but initdb not found" >&2; exit 1; }
echo "install-postgres: installed $("$initdb_path" --version) in $(( $(date +%s) - start )) s"
