#!/usr/bin/env bash
# Audits a generated Salesforce org (1,000 fields, 300 flows, 1.5 million history rows by default) through
# the simulator with the real connector, in a 512 MB heap. Usage: bench/salesforce.sh [fields flows rows]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl connector-salesforce -am test-compile -DskipTests
mvn -B -q -o -pl connector-salesforce dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="connector-salesforce/target/classes:connector-salesforce/target/test-classes:connector-core/target/classes:$(cat connector-salesforce/target/bench-classpath.txt)"
exec java -Xmx512m ${JAVA_OPTS:-} -cp "$classpath" dev.l2o.salesforce.bench.SalesforceBenchmark "$@"
