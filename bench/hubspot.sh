#!/usr/bin/env bash
# HubSpot benchmark: a generated portal (default 100,000 deals with stage history) served by the simulator
# in its own JVM at the HubSpot Free/Starter burst limit (100 requests per 10 s), audited by the real connector
# in a second JVM with a small heap. Prints requests made vs the minimum, request rate vs the limit, 429s,
# wall time and peak heap. Usage: bench/hubspot.sh [DEALS] [LIMIT] [WINDOW_SECONDS]   (takes ~210 s at defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
DEALS=${1:-100000}
LIMIT=${2:-100}
WINDOW=${3:-10}
HEAP=${BENCH_HEAP:-256m}
# one reactor run, so that the class path names the modules' target folders (nothing is installed)
mvn -B -q -o -pl connector-hubspot -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/bench-classpath.txt"
CP="connector-hubspot/target/test-classes:connector-hubspot/target/classes:$(cat target/bench-classpath.txt)"
PORT=${BENCH_PORT:-18765}
java -Xmx512m -cp "$CP" dev.l2o.hubspot.HubSpotBenchmark serve "$DEALS" "$LIMIT" "$WINDOW" "$PORT" > target/bench-simulator.log 2>&1 &
SIMULATOR=$!
trap 'kill $SIMULATOR 2>/dev/null; wait $SIMULATOR 2>/dev/null || true; tail -1 target/bench-simulator.log' EXIT
for _ in $(seq 1 100); do grep -q '^http' target/bench-simulator.log 2>/dev/null && break; sleep 0.2; done
BASE_URL=$(grep -m1 '^http' target/bench-simulator.log)
java -Xmx"$HEAP" -cp "$CP" dev.l2o.hubspot.HubSpotBenchmark run "$BASE_URL" "$DEALS" "$LIMIT" "$WINDOW"
