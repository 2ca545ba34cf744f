#!/usr/bin/env bash
# Audits a generated Salesforce org (1,000 fields, 300 flows, 1.5 million history rows by default) through
# the simulator with the real connector, in a 512 MB heap. Usage: bench/salesforce.sh [fields flows rows]
# bench/salesforce.sh large-org [rows latencyMillis]: the large org of issue 14 (2,000 flows, 500 validation rules,
# 300 Opportunity fields), its metadata read one call at a time and on the connector's pool, then a full audit.
set -euo pipefail
cd "$(dirname "$0")/.."
main=dev.l2o.salesforce.bench.SalesforceBenchmark
if [[ "${1:-}" == large-org ]]; then
  main=dev.l2o.salesforce.bench.SalesforceLargeOrgBenchmark
  shift
fi
# one reactor run, so that the class path names the modules' target folders (nothing is installed)
mvn -B -q -o -pl connector-salesforce-simulator -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/bench-classpath.txt"
classpath="connector-salesforce-simulator/target/test-classes:connector-salesforce-simulator/target/classes:$(cat target/bench-classpath.txt)"
exec java -Xmx512m ${JAVA_OPTS:-} -cp "$classpath" "$main" "$@"
