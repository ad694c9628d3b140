# Shared by the benchmark scripts: start and stop a fresh Switchboard, provision it, sample CPU.
# Source it; set HTTP_PORT, SIP_PORT, RTP_PORTS and OUT (results directory) first, or take the defaults.
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
HTTP_PORT="${HTTP_PORT:-17880}"
SIP_PORT="${SIP_PORT:-15060}"
RTP_PORTS="${RTP_PORTS:-20000-39999}"  # the load generator uses 40000 and up
OUT="${OUT:-$repo_dir/bench/results}"
mkdir -p "$OUT"

# Starts Switchboard on loopback with an empty data directory; sets SERVER_PID.
start_server() {
  local data; data="$(mktemp -d /tmp/switchboard-bench.XXXXXX)"
  "$repo_dir/switchboard" dev --bind 127.0.0.1 --http-port "$HTTP_PORT" --sip-port "$SIP_PORT" \
    --rtp-ports "$RTP_PORTS" --data-dir "$data" >"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 180); do
    if curl -sf "http://127.0.0.1:$HTTP_PORT/" >/dev/null; then
      python3 "$bench_dir/provision.py" "http://127.0.0.1:$HTTP_PORT" "$@" >/dev/null
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; see $OUT/server.log" >&2; return 1; }
    sleep 1
  done
  echo "server did not become ready; see $OUT/server.log" >&2
  return 1
}

stop_server() {
  if [[ -n "${SERVER_PID:-}" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# CPU seconds (user + system) a process has used so far, from /proc/PID/stat.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"
}

# One line describing the machine's load right now.
load_now() {
  cut -d' ' -f1-3 /proc/loadavg
}

# UDP receive-buffer drops so far, summed over the host (from /proc/net/snmp).
udp_rcvbuf_errors() {
  awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) col[$i] = i; h = 1 } else print $col["RcvbufErrors"] }' /proc/net/snmp
}

# Waits (up to $2 seconds, default 1800) until the 1-minute load average is below $1 (default
# 1.0): the machine is shared, and figures taken under other people's builds mean little.
wait_for_quiet() {
  local max="${1:-1.0}" timeout="${2:-1800}" waited=0
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$max" 'BEGIN { exit !(l >= m) }'; do
    if (( waited >= timeout )); then
      echo "load still $(load_now) after ${timeout}s; measuring anyway" >&2
      return 0
    fi
    sleep 15; waited=$((waited + 15))
  done
}
