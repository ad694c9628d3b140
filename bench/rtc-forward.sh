#!/usr/bin/env bash
# Benchmark 6: WebRTC audio forwarding (JMH, module benchmarks/, RtcForwardBenchmark): one Opus
# packet through TrackFanout/DownTrack to N subscribers, each SRTP-protected with its own keys,
# optionally sent over loopback UDP; and the raw SRTP cost of one packet beside it.
#   bench/rtc-forward.sh                      1 fork, 3 x 1 s warm-up, 5 x 1 s measured
#   bench/rtc-forward.sh -p subscribers=100   any JMH arguments
# Results: bench/results/rtc-forward/jmh.json and jmh.txt.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export OUT="${OUT:-$dir/results/rtc-forward}"
args=("$@")
(( ${#args[@]} )) || args=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
exec "$dir/jmh.sh" RtcForward "${args[@]}"
