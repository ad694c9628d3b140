#!/usr/bin/env bash
# Installs the real programs the tests talk to: SIPp (sip-tester), baresip, sox, espeak-ng,
# libopus, FFmpeg (an independent Opus decoder for recordings) and Chromium (a WebRTC peer for
# the data channel and livekit-client tests) from Debian. Safe to run again: it installs only
# what is missing.
set -euo pipefail
declare -A pkg_for=([sipp]=sip-tester [baresip]=baresip-core [sox]=sox [espeak-ng]=espeak-ng [ffmpeg]=ffmpeg
  [chromium]=chromium)
missing=()
for cmd in "${!pkg_for[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${pkg_for[$cmd]}")
done
[[ -e /usr/lib/x86_64-linux-gnu/libopus.so.0 || -e /usr/lib/aarch64-linux-gnu/libopus.so.0 ]] || missing+=(libopus0)
if ((${#missing[@]})); then
  echo "install-test-tools: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-test-tools: not root; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# LiveKit's real Node SDKs and livekit-client for the browser, pinned by each lock file.
shopt -s nullglob
for lock in */src/test/node/package-lock.json */src/test/browser/package-lock.json; do
  dir="$(dirname "$lock")"
  if [[ ! -d "$dir/node_modules" || "$lock" -nt "$dir/node_modules" ]]; then
    echo "install-test-tools: npm ci in $dir" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done
