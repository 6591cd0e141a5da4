#!/usr/bin/env bash
# Installs the Ruby tier's prerequisites (Debian packages: Ruby 3.1 + ActiveRecord 6.1 + sqlite3).
# Idempotent: does nothing when Ruby can already load active_record and sqlite3.
set -euo pipefail

if command -v ruby >/dev/null 2>&1 && ruby -e 'require "active_record"; require "sqlite3"' >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends ruby ruby-activerecord ruby-sqlite3
ruby -e 'require "active_record"; require "sqlite3"; puts "ruby #{RUBY_VERSION}, activerecord #{ActiveRecord::VERSION::STRING}"'
