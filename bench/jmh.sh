#!/usr/bin/env bash
# Benchmark 4: JMH microbenchmarks of the media hot path (module benchmarks/).
#   bench/jmh.sh                         every benchmark, 1 fork, 5 x 1 s warm-up, 10 x 1 s measured
#   bench/jmh.sh RoomTick -p participants=10     any JMH arguments (a regex selects benchmarks)
# Builds the module first (no tests run), writes bench/results/jmh.json and the JMH text report.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$repo_dir/scripts/jdk.sh"
(cd "$repo_dir" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
args=("$@")
(( ${#args[@]} )) || args=(-f 1 -wi 5 -w 1s -i 10 -r 1s)
echo "load before: $(load_now)" | tee "$OUT/jmh.txt"
CLASSPATH="$repo_dir/benchmarks/target/classes:$repo_dir/benchmarks/target/lib/*" \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED org.openjdk.jmh.Main \
  -jvmArgsAppend --enable-native-access=ALL-UNNAMED -rf json -rff "$OUT/jmh.json" "${args[@]}" | tee -a "$OUT/jmh.txt"
echo "load after: $(load_now)" | tee -a "$OUT/jmh.txt"
