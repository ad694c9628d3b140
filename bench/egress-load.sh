#!/usr/bin/env bash
# Benchmark 5: concurrent recordings per core (module benchmarks/, io.switchboard.bench.egress.RecordingLoad).
#   bench/egress-load.sh                       Ogg Opus mono, stereo and WAV at 50, 100 and 200 rooms, 15 s each
#   FORMATS="ogg" ROOMS="100 300" SECONDS_PER_STEP=20 bench/egress-load.sh
# Each step runs N rooms of two 8 kHz talkers on the media clock, measures the process's CPU with
# no recording and then with one room-composite recording per room. Waits (up to WAIT s) for the
# 1-minute load to drop below MAX_LOAD first: the machine is shared. Writes bench/results/egress.jsonl.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$repo_dir/scripts/jdk.sh"
(cd "$repo_dir" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
FORMATS="${FORMATS:-ogg ogg-stereo wav}"
ROOMS="${ROOMS:-50 100 200}"
SECONDS_PER_STEP="${SECONDS_PER_STEP:-15}"
: >"$OUT/egress.jsonl"
for format in $FORMATS; do
  wait_for_quiet "${MAX_LOAD:-1.5}" "${WAIT:-900}"
  echo "load before $format: $(load_now)" >&2
  CLASSPATH="$repo_dir/benchmarks/target/classes:$repo_dir/benchmarks/target/lib/*" \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    io.switchboard.bench.egress.RecordingLoad \
    "$format" "$SECONDS_PER_STEP" $ROOMS | tee -a "$OUT/egress.jsonl"
done
