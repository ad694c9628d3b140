#!/usr/bin/env bash
# Benchmarks 2 and 3: concurrent bridged calls with RTP, and the one-way latency the bridge adds.
# For each N, a fresh Switchboard takes N G.711 calls in rooms of two from the Java load
# generator (benchmarks/ module, io.switchboard.bench.load.CallLoad), which measures what each
# caller hears while the server's CPU is read from /proc.
#   bench/media-load.sh                    N = 10 50 100 200, 10 s warm-up, 30 s measured
#   CALLS="20 400" MEASURE=60 bench/media-load.sh
# Each step first waits (up to QUIET_TIMEOUT s) for the 1-minute load to drop below QUIET (1.5).
# Writes bench/results/media/calls-N.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$repo_dir/scripts/jdk.sh"
OUT="$OUT/media"
mkdir -p "$OUT"
CALLS="${CALLS:-10 50 100 200}"
MEASURE="${MEASURE:-30}"
WARMUP="${WARMUP:-10}"
RATE="${RATE:-20}"
(cd "$repo_dir" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
trap stop_server EXIT
for n in $CALLS; do
  wait_for_quiet "${QUIET:-1.5}" "${QUIET_TIMEOUT:-600}"
  start_server
  echo "== $n calls (load $(load_now))" >&2
  CLASSPATH="$repo_dir/benchmarks/target/classes:$repo_dir/benchmarks/target/lib/*" \
    "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m io.switchboard.bench.load.CallLoad \
    --server "127.0.0.1:$SIP_PORT" --calls "$n" --rate "$RATE" --warmup "$WARMUP" --measure "$MEASURE" \
    --server-pid "$SERVER_PID" --rtp-base 40000 --label "$n calls" --out "$OUT/calls-$n.json" >/dev/null
  python3 "$bench_dir/media_summary.py" "$OUT/calls-$n.json" | tail -1
  stop_server
  sleep 5
done
