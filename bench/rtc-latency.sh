#!/usr/bin/env bash
# Benchmark 6b: WebRTC audio forwarding end to end on loopback (benchmarks/, RtcForwardLatency):
# a publishing client's packets cross real transports (ICE, DTLS, SRTP) into the server side,
# are forwarded to N subscriber connections and timed at each receiving client.
#   bench/rtc-latency.sh                  1, 10 and 50 subscribers, 15 s each
#   bench/rtc-latency.sh 100 30           100 subscribers for 30 s
# Results: bench/results/rtc-forward/latency.txt
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$repo_dir/scripts/jdk.sh"
OUT="$repo_dir/bench/results/rtc-forward"
mkdir -p "$OUT"
(cd "$repo_dir" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
runs=("$@")
(( ${#runs[@]} )) || runs=("1 15" "10 15" "50 15")
[[ $# -eq 2 ]] && runs=("$1 $2")
: > "$OUT/latency.txt"
for run in "${runs[@]}"; do
  # shellcheck disable=SC2086
  CLASSPATH="$repo_dir/benchmarks/target/classes:$repo_dir/benchmarks/target/lib/*" \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED io.switchboard.bench.rtc.RtcForwardLatency $run 2>/dev/null \
    | grep -E '^(subscribers|latency|process)' | tee -a "$OUT/latency.txt"
done
