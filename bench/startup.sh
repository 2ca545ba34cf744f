#!/usr/bin/env bash
# Start-up benchmark: `l2o audit` of the Northwind SFDX project as a whole process, as a CI check runs it, against the
# same run without the start-up work (issue 14.2), and `l2o --version` as the floor of JVM start-up. Runs are
# interleaved so that a busy machine slows all alike. The variants:
#   baseline       no class-data-sharing archive, both JIT compilers, blueprint checked against the schema
#                  (L2O_NO_CACHE=1): what `java -jar l2o-all.jar` did before the archive and the cache
#   archive        the archive the build records (deploy/target/l2o-all.jsa), otherwise as the baseline
#   new blueprint  archive and C1 only, as the launcher runs `audit`, but a blueprint not validated before
#   improved       as `./l2o audit` runs it: archive, C1 only, the blueprint found in the validated-blueprint cache
#   --version      as `./l2o --version` runs it
# What is in the code (logging set up without XML, one subcommand's picocli model, the lazy HTML template and CEL
# runtime, string concatenation without invokedynamic, a reused XML parser) is in every variant: the ratio does not
# count it.
# Usage: bench/startup.sh [RUNS]   (default 15). Prints the median and best wall time of each, and the ratio.
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
cache="$OUT/cache"
rm -rf "$cache"
export XDG_CACHE_HOME="$cache"
c1=(-XX:TieredStopAtLevel=1) # the launcher's flag for short commands (./l2o)

seconds() { # command... -> wall seconds of one run (exit 1 is the example's planted drift)
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

# one run fills the cache, as the first CI run of a blueprint does
java -XX:SharedArchiveFile="$ARCHIVE" "${c1[@]}" -jar "$JAR" "${audit[@]}" > /dev/null 2>&1 || [ $? -eq 1 ]
variants=(baseline archive new improved version)
for variant in "${variants[@]}"; do : > "$OUT/$variant.txt"; done
for _ in $(seq "$RUNS"); do
  seconds env L2O_NO_CACHE=1 java -Xshare:auto -jar "$JAR" "${audit[@]}" >> "$OUT/baseline.txt"
  seconds env L2O_NO_CACHE=1 java -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" "${audit[@]}" >> "$OUT/archive.txt"
  seconds env L2O_NO_CACHE=1 java -XX:SharedArchiveFile="$ARCHIVE" "${c1[@]}" -jar "$JAR" "${audit[@]}" >> "$OUT/new.txt"
  seconds java -XX:SharedArchiveFile="$ARCHIVE" "${c1[@]}" -jar "$JAR" "${audit[@]}" >> "$OUT/improved.txt"
  seconds java -XX:SharedArchiveFile="$ARCHIVE" "${c1[@]}" -jar "$JAR" --version >> "$OUT/version.txt"
done

stats() { # file -> "median best"
  sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", m, v[1] }'
}
declare -A median best
for variant in "${variants[@]}"; do
  read -r "median[$variant]" "best[$variant]" < <(stats "$OUT/$variant.txt")
done
printf 'startup: %d runs each, %d cores, load average %s\n' "$RUNS" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
line() { printf 'startup: %-58s median %s s  best %s s\n' "$1" "${median[$2]}" "${best[$2]}"; }
line "l2o audit sfdx:northwind, baseline (no archive, no cache)" baseline
line "the same with the archive" archive
line "archive + C1, blueprint not validated before" new
line "improved: archive + C1 + validated blueprint (./l2o)" improved
line "l2o --version, archive + C1" version
printf 'startup: ratio improved/baseline (median)                   %.2f\n' "$(echo "scale=4; ${median[improved]} / ${median[baseline]}" | bc)"
