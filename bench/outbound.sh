#!/usr/bin/env bash
# Benchmark: outbound calls set up per second and time to answer. A SIPp callee on loopback
# answers every INVITE at once and hangs up after HOLD_MS; bench/outbound_load.py places calls
# with CreateSIPParticipant (wait_until_answered, one room per call) at each rate for
# STEP_SECONDS, timing each request until the callee has answered and is in the room.
#   bench/outbound.sh                          default steps
#   RATES="10 50" STEP_SECONDS=10 bench/outbound.sh
# Writes bench/results/outbound/<rate>.json and prints one table row per step.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUT="$OUT/outbound"
mkdir -p "$OUT"
RATES="${RATES:-10 25 50 100 150 200}"
STEP_SECONDS="${STEP_SECONDS:-20}"
PAUSE_SECONDS="${PAUSE_SECONDS:-20}"
HOLD_MS="${HOLD_MS:-1000}"
CARRIER_PORT="${CARRIER_PORT:-25070}"

start_server
trap stop_server EXIT
# With -bg SIPp forks and its first process exits with 99.
sipp -sf "$bench_dir/sipp/outbound_uas.xml" -i 127.0.0.1 -p "$CARRIER_PORT" -mp 26100 -d "$HOLD_MS" \
  -nostdin -bg -trace_err -error_file "$OUT/sipp_errors.log" >"$OUT/sipp.out" 2>&1 || true
SIPP_PID="$(sed -n 's/.*PID=\[\([0-9]*\)\].*/\1/p' "$OUT/sipp.out")" # -bg prints "Background mode - PID=[n]"
trap 'kill "$SIPP_PID" 2>/dev/null || true; stop_server' EXIT

printf '| target cps | achieved cps | calls | answered | failed | time to answer p50 / p95 / p99 / max (ms) | server CPU %% | load before |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for rate in $RATES; do
  wait_for_quiet "${QUIET:-1.5}" "${QUIET_TIMEOUT:-300}"
  load="$(load_now)"
  cpu0=$(cpu_seconds "$SERVER_PID"); t0=$(date +%s.%N)
  python3 "$bench_dir/outbound_load.py" "http://127.0.0.1:$HTTP_PORT" "$CARRIER_PORT" "$rate" "$STEP_SECONDS" \
    "$OUT/step-$rate.json" >/dev/null
  cpu1=$(cpu_seconds "$SERVER_PID"); t1=$(date +%s.%N)
  server_cpu=$(echo "($cpu1 - $cpu0) / ($t1 - $t0) * 100" | bc -l)
  python3 -c '
import json, sys
s = json.load(open(sys.argv[1])); a = s["answer_ms"]
print("| %d | %.1f | %d | %d | %d | %.0f / %.0f / %.0f / %.0f | %.0f | %s |" % (s["target_cps"], s["achieved_cps"],
  s["calls"], s["answered"], s["failed"], a["p50"], a["p95"], a["p99"], a["max"], float(sys.argv[2]), sys.argv[3]))
' "$OUT/step-$rate.json" "$server_cpu" "$load"
  sleep "$PAUSE_SECONDS"
done
