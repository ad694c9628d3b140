#!/usr/bin/env bash
# Benchmark 1: SIP signalling throughput. SIPp places INVITE/100/180/200/ACK/BYE calls (PCMU
# offer, no RTP, each call in its own room) against a fresh Switchboard at a fixed rate per step,
# stepping the rate up until more than 1 % of calls fail or SIPp cannot reach the rate.
#   bench/signalling.sh                       default steps
#   RATES="100 200" STEP_SECONDS=20 bench/signalling.sh
#   DEPARTURE_TIMEOUT=1 bench/signalling.sh   rooms close 1 s after their caller left (default 20 s)
# Each step first waits (up to QUIET_TIMEOUT s) for the 1-minute load to drop below QUIET (1.5).
# Writes bench/results/signalling/<step>.json and prints one table row per step.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUT="$OUT/signalling${DEPARTURE_TIMEOUT:+-departure$DEPARTURE_TIMEOUT}"
mkdir -p "$OUT"
RATES="${RATES:-25 50 100 150 200 300 400 500 700 1000}"
STEP_SECONDS="${STEP_SECONDS:-30}"
PAUSE_SECONDS="${PAUSE_SECONDS:-25}"
HOLD_MS="${HOLD_MS:-0}"
scenario="$bench_dir/sipp/signalling.xml"

provision_args=()
[[ -n "${DEPARTURE_TIMEOUT:-}" ]] && provision_args=(--departure-timeout "$DEPARTURE_TIMEOUT")
start_server "${provision_args[@]}"
trap stop_server EXIT

run_sipp() { # rate calls tag
  local rate=$1 calls=$2 tag=$3
  (cd "$OUT" && rm -f "$tag".csv "$tag"_rtt.csv signalling_*_rtt.csv signalling_*_errors.log &&
    /usr/bin/time -f "%U %S %e" -o "$tag.time" \
      sipp -sf "$scenario" -i 127.0.0.1 -p 25060 -mp 26000 -r "$rate" -m "$calls" -l $((rate * 10)) \
        -d "$HOLD_MS" -nostdin -trace_stat -stf "$tag.csv" -fd 1 -trace_rtt -rtt_freq 1 -trace_err \
        127.0.0.1:"$SIP_PORT" >"$tag.sipp.out" 2>&1 || true
    mv signalling_*_rtt.csv "$tag"_rtt.csv 2>/dev/null || true
    mv signalling_*_errors.log "$tag"_errors.log 2>/dev/null || true)
}

echo "warm-up: 50 cps for 10 s" >&2
run_sipp 50 500 warmup
sleep "$PAUSE_SECONDS"

printf '| target cps | achieved cps | calls | failed | retrans | setup p50/p95/p99 ms | answer p50/p95/p99/max ms | bye p50/p99 ms | server CPU %% | SIPp CPU %% | load before |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for rate in $RATES; do
  wait_for_quiet "${QUIET:-1.5}" "${QUIET_TIMEOUT:-600}"
  calls=$((rate * STEP_SECONDS))
  load="$(load_now)"
  cpu0=$(cpu_seconds "$SERVER_PID"); t0=$(date +%s.%N)
  run_sipp "$rate" "$calls" "step-$rate"
  cpu1=$(cpu_seconds "$SERVER_PID"); t1=$(date +%s.%N)
  summary="$(python3 "$bench_dir/sipp_summary.py" "$OUT/step-$rate.csv" "$OUT/step-${rate}_rtt.csv")"
  read -r su ss se < <(tail -1 "$OUT/step-$rate.time")
  server_cpu=$(echo "($cpu1 - $cpu0) / ($t1 - $t0) * 100" | bc -l)
  sipp_cpu=$(echo "($su + $ss) / $se * 100" | bc -l)
  echo "$summary" | python3 -c '
import json, sys
s = json.load(sys.stdin); c = s["counters"]; t = s["timers_ms"]
rate, load, server_cpu, sipp_cpu, out = sys.argv[1:6]
s.update(target_cps=int(rate), load_before=load, server_cpu_percent=float(server_cpu), sipp_cpu_percent=float(sipp_cpu))
open(out, "w").write(json.dumps(s, indent=1))
g = lambda n, k: "%g" % t[n][k] if n in t else "-"
print("| %s | %.1f | %d | %d | %d | %s/%s/%s | %s/%s/%s/%s | %s/%s | %.0f | %.0f | %s |" % (
  rate, s["achieved_cps"], c["TotalCallCreated"], c["FailedCall(C)"], c["Retransmissions(C)"],
  g("setup","p50"), g("setup","p95"), g("setup","p99"), g("answer","p50"), g("answer","p95"), g("answer","p99"), g("answer","max"),
  g("bye","p50"), g("bye","p99"), float(server_cpu), float(sipp_cpu), load))
failed = c["FailedCall(C)"] / max(1, c["TotalCallCreated"])
sys.exit(3 if failed > 0.01 or s["achieved_cps"] < 0.9 * int(rate) else 0)
' "$rate" "$load" "$server_cpu" "$sipp_cpu" "$OUT/step-$rate.json" || { echo "stopping: >1 % failed or rate not reached at $rate cps" >&2; break; }
  sleep "$PAUSE_SECONDS"
done
