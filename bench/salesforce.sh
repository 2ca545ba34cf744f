#!/usr/bin/env bash
# Audits a generated Salesforce org (1,000 fields, 300 flows, 1.5 million history rows by default) through
# the simulator with the real connector, in a 512 MB heap. Usage: bench/salesforce.sh [fields flows rows]
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor run, so that the class path names the modules' target folders (nothing is installed)
mvn -B -q -o -pl connector-salesforce-simulator -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/bench-classpath.txt"
classpath="connector-salesforce-simulator/target/test-classes:connector-salesforce-simulator/target/classes:$(cat target/bench-classpath.txt)"
exec java -Xmx512m ${JAVA_OPTS:-} -cp "$classpath" dev.l2o.salesforce.bench.SalesforceBenchmark "$@"
