#!/usr/bin/env bash
# Installs the Ruby tiers' prerequisites (Debian packages: Ruby 3.1, Active Record 6.1, sqlite3, Rails 6.1 railties, rake;
# for the Rails push tier Action Pack 6.1, pg, Rack and WEBrick).
# Idempotent: does nothing when Ruby can already load all of them.
set -euo pipefail

if command -v ruby >/dev/null 2>&1 && ruby -e 'require "active_record"; require "sqlite3"; require "rails"; require "rake"; require "action_controller"; require "pg"; require "rack"; require "webrick"' >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends ruby ruby-activerecord ruby-sqlite3 ruby-railties rake ruby-actionpack ruby-pg ruby-rack ruby-webrick
ruby -e 'require "active_record"; require "sqlite3"; require "pg"; require "action_controller"; require "webrick"; puts "ruby #{RUBY_VERSION}, activerecord #{ActiveRecord::VERSION::STRING}"'
