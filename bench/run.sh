#!/usr/bin/env bash
# Stage-metrics benchmark: l2o against DuckDB on a deterministic, shuffled OpportunityHistory.csv.
# Usage: bench/run.sh [ROWS]   (default 2000000). Needs the local Maven repository (offline) and /usr/bin/time.
# Prints both wall times, their ratio, peak RSS, and whether the figures agree exactly (diff of both outputs).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${1:-2000000}
OUT="$ROOT/bench/target/run"
mkdir -p "$OUT"

mvn -B -q -o -f "$ROOT/pom.xml" package -DskipTests
mvn -B -q -o -f "$ROOT/bench/pom.xml" package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"

CSV="$OUT/OpportunityHistory-$ROWS.csv"
if [ ! -f "$CSV" ]; then
  java -Xmx2g -cp "$CP" dev.l2o.bench.GenerateHistory "$CSV" "$ROWS"
fi
# Warm the page cache so that neither contender pays for the first read of the file.
cat "$CSV" > /dev/null

run() { # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" > "$OUT/$name.tsv" 2> "$OUT/$name.time"
  grep -E '^(l2o|duckdb):' "$OUT/$name.time" || true
}
run l2o java -Xmx256m -cp "$CP" dev.l2o.bench.L2oMetrics "$CSV"
run duckdb java -cp "$CP" dev.l2o.bench.DuckDbMetrics "$CSV"
# The whole command as a user runs it: JVM start, blueprint, SFDX project, CSV, metrics, JSON out.
/usr/bin/time -v java -Xmx256m -jar "$ROOT/deploy/target/l2o-all.jar" metrics --source "sfdx:$ROOT/examples/northwind" \
  --blueprint "$ROOT/examples/northwind/blueprint.yaml" --history-csv "$CSV" --as-of 2025-01-01T00:00:00Z --format json \
  > "$OUT/cli.json" 2> "$OUT/cli.time"

wall() { # seconds from "Elapsed (wall clock) time (h:mm:ss or m:ss): m:ss.ss"
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$OUT/$1.time"
}
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/$1.time"; }
cpu() { awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$OUT/$1.time"; }

L2O=$(wall l2o); DUCK=$(wall duckdb)
echo "rows: $ROWS"
echo "l2o    (-Xmx256m): wall ${L2O}s, cpu $(cpu l2o)s, peak RSS $(rss l2o) MB"
echo "duckdb           : wall ${DUCK}s, cpu $(cpu duckdb)s, peak RSS $(rss duckdb) MB"
echo "l2o metrics CLI  : wall $(wall cli)s, cpu $(cpu cli)s, peak RSS $(rss cli) MB (whole process, -Xmx256m)"
echo "load average     : $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v a="$L2O" -v b="$DUCK" 'BEGIN { printf "ratio l2o/duckdb: %.2f\n", a / b }'
if diff "$OUT/l2o.tsv" "$OUT/duckdb.tsv" > "$OUT/diff.txt"; then
  echo "figures: identical ($(($(wc -l < "$OUT/l2o.tsv") - 4)) stages, records, win rate, sales-cycle median)"
else
  echo "figures: DIFFER"; cat "$OUT/diff.txt"; exit 1
fi
