#!/usr/bin/env bash
# .ci/run installs a tier's prerequisites from .ci/install-<tier>.sh; the `test:rails` tier needs Ruby (install-ruby.sh).
exec "$(dirname "$0")/install-ruby.sh"
