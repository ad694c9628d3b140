#!/usr/bin/env bash
# Benchmark 5c: what krisp_enabled (RNNoise on a phone leg) costs per call
# (benchmarks/, io.switchboard.bench.agents.KrispFilterCost): thread CPU per 20 ms frame at
# 8, 16 and 48 kHz after a JIT warm-up. Writes bench/results/krisp-filter-cost.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$repo_dir/scripts/jdk.sh"
(cd "$repo_dir" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
{
  echo "load before: $(load_now); $(nproc) cores"
  CLASSPATH="$repo_dir/benchmarks/target/classes:$repo_dir/benchmarks/target/lib/*" \
    "$JAVA_HOME/bin/java" -Xms256m -Xmx1g io.switchboard.bench.agents.KrispFilterCost
  echo "load after: $(load_now)"
} 2>&1 | grep -v '^\[' | tee "$OUT/krisp-filter-cost.txt"
