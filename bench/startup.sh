#!/usr/bin/env bash
# Start-up benchmark: `l2o audit` of the Northwind SFDX project as a whole process, as a CI check runs it,
# with and without the class-data-sharing archive that the build records (deploy/target/l2o-all.jsa), and
# `l2o --version` as the floor of JVM start-up. Runs are interleaved so that a busy machine slows both alike.
# Usage: bench/startup.sh [RUNS]   (default 15). Prints the median and best wall time of each, and their ratio.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-15}
JAR="$ROOT/deploy/target/l2o-all.jar"
ARCHIVE="$ROOT/deploy/target/l2o-all.jsa"
OUT="$ROOT/bench/target/startup"
mkdir -p "$OUT"

mvn -B -q -o -f "$ROOT/pom.xml" package -DskipTests
[ -f "$ARCHIVE" ] || { echo "startup: no $ARCHIVE (built with -Dl2o.cds.skip=true?)" >&2; exit 2; }

audit=(audit --blueprint "$ROOT/examples/northwind/blueprint.yaml" --source "sfdx:$ROOT/examples/northwind"
       --out "$OUT/report" --format json)

seconds() { # command... -> wall seconds of one run (exit 1 is the example's planted drift)
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

: > "$OUT/plain.txt"; : > "$OUT/cds.txt"; : > "$OUT/version.txt"
for _ in $(seq "$RUNS"); do
  seconds java -Xshare:auto -jar "$JAR" "${audit[@]}" >> "$OUT/plain.txt"
  seconds java -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" "${audit[@]}" >> "$OUT/cds.txt"
  seconds java -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" --version >> "$OUT/version.txt"
done

stats() { # file -> "median best"
  sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", m, v[1] }'
}
read -r plain_median plain_best < <(stats "$OUT/plain.txt")
read -r cds_median cds_best < <(stats "$OUT/cds.txt")
read -r version_median version_best < <(stats "$OUT/version.txt")
printf 'startup: %d runs each, %d cores\n' "$RUNS" "$(nproc)"
printf 'startup: l2o audit sfdx:northwind, no archive    median %s s  best %s s\n' "$plain_median" "$plain_best"
printf 'startup: l2o audit sfdx:northwind, with archive  median %s s  best %s s\n' "$cds_median" "$cds_best"
printf 'startup: l2o --version, with archive              median %s s  best %s s\n' "$version_median" "$version_best"
printf 'startup: ratio with/without archive (median)     %.2f\n' "$(echo "scale=4; $cds_median / $plain_median" | bc)"
