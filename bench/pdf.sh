#!/usr/bin/env bash
# report.pdf benchmark: renders the two demo reports (Northwind on Salesforce, Brightwave on HubSpot) with
# PdfReportWriter in a fresh JVM and prints the first rendering (cold: class loading, font parsing, JIT) and the
# median of warm renderings. Usage: bench/pdf.sh [REPEATS]   (default 10). Needs the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
REPEATS=${1:-10}
# One reactor run: the modules resolve to their target folders, so nothing is installed or read from ~/.m2.
mvn -B -q -o -pl deploy -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/target/pdf-bench-classpath.txt" -Denforcer.skip
CP="$ROOT/deploy/target/test-classes:$ROOT/deploy/target/classes:$(cat "$ROOT/target/pdf-bench-classpath.txt")"
cd deploy
java -Xmx512m -Dl2o.repoRoot="$ROOT" -cp "$CP" dev.l2o.report.PdfRenderingBenchmark "$REPEATS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
