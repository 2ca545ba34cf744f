#!/usr/bin/env bash
# The nightly-audit figure (issue 14): API calls of an incremental audit of an org or portal where 1 % of the
# deals changed, against a full audit of the same, through the simulators with the real connectors.
# Usage: bench/incremental.sh [SF_FIELDS SF_FLOWS SF_HISTORY_ROWS HUBSPOT_DEALS SHARE]
# (defaults 1000 300 150000 10000 0.01: a few minutes; calls do not depend on the machine's speed)
set -euo pipefail
cd "$(dirname "$0")/.."
FIELDS=${1:-1000}
FLOWS=${2:-300}
ROWS=${3:-150000}
DEALS=${4:-10000}
SHARE=${5:-0.01}
# one reactor run each, so that the class path names the modules' target folders (nothing is installed)
mvn -B -q -o -pl connector-salesforce-simulator -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/bench-classpath-salesforce.txt"
mvn -B -q -o -pl connector-hubspot -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/bench-classpath-hubspot.txt"
java -Xmx512m -cp "connector-salesforce-simulator/target/test-classes:connector-salesforce-simulator/target/classes:$(cat target/bench-classpath-salesforce.txt)" \
  dev.l2o.salesforce.bench.SalesforceIncrementalBenchmark "$FIELDS" "$FLOWS" "$ROWS" "$SHARE"
java -Xmx512m -cp "connector-hubspot/target/test-classes:connector-hubspot/target/classes:$(cat target/bench-classpath-hubspot.txt)" \
  dev.l2o.hubspot.HubSpotIncrementalBenchmark "$DEALS" "$SHARE"
