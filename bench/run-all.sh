#!/usr/bin/env bash
# Runs every benchmark in turn, each after waiting for the shared machine to be quiet
# (1-minute load below QUIET, default 1.5, waiting at most QUIET_TIMEOUT s). Results land in bench/results/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
QUIET="${QUIET:-1.5}"
QUIET_TIMEOUT="${QUIET_TIMEOUT:-600}"
wait_for_quiet "$QUIET" "$QUIET_TIMEOUT"; "$here/media-load.sh"
wait_for_quiet "$QUIET" "$QUIET_TIMEOUT"; "$here/signalling.sh"
wait_for_quiet "$QUIET" "$QUIET_TIMEOUT"; "$here/jmh.sh"
