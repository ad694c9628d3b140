#!/usr/bin/env bash
# Benchmark 5: voice agents (module benchmarks/, package io.switchboard.bench.agents).
#   bench/agents.sh                      both parts with their defaults
#   TURNS=500 CALLS="2 4 8 16" SECONDS_MEASURED=60 bench/agents.sh
# (a) AgentLatency: the framework's own added latency per turn (end of the caller's speech ->
#     first agent audio on the caller's leg, minus model time) at p50/p99, with instant models.
# (b) AgentCapacity: raw Silero and RNNoise costs, then concurrent calls with Silero VAD + RNNoise
#     on real-time 20 ms frames: CPU per session-second and sessions per core.
#     Then the same without noise suppression (Silero VAD only), CALLS_WITHOUT_NS="8 16".
# Builds the module first (no tests run); writes bench/results/agents-latency.txt,
# agents-capacity.txt and agents-capacity-vad-only.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$repo_dir/scripts/jdk.sh"
(cd "$repo_dir" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
run() {
  CLASSPATH="$repo_dir/benchmarks/target/classes:$repo_dir/benchmarks/target/lib/*" \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx2g "$@"
}
{
  echo "load before: $(load_now); $(nproc) cores"
  run io.switchboard.bench.agents.AgentLatency "${TURNS:-200}" "${WARMUP_TURNS:-30}"
  echo "load after: $(load_now)"
} 2>&1 | grep -v '^\[' | tee "$OUT/agents-latency.txt"
{
  echo "load before: $(load_now); $(nproc) cores"
  run io.switchboard.bench.agents.AgentCapacity "${CALLS:-2 4 8}" "${SECONDS_MEASURED:-30}"
  echo "load after: $(load_now)"
} 2>&1 | grep -v '^\[' | tee "$OUT/agents-capacity.txt"
{
  echo "load before: $(load_now); $(nproc) cores"
  run io.switchboard.bench.agents.AgentCapacity "${CALLS_WITHOUT_NS:-8 16}" "${SECONDS_MEASURED:-30}" none
  echo "load after: $(load_now)"
} 2>&1 | grep -v '^\[' | tee "$OUT/agents-capacity-vad-only.txt"
