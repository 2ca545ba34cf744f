#!/usr/bin/env bash
# Cluster chaos: NODES `l2o serve` nodes (one JVM each) on an embedded PostgreSQL serve one audit on a short cron
# while, in turn, the node working on a run is killed with SIGKILL (a fresh node takes its place), PostgreSQL is
# restarted during a run, and the working node is frozen with SIGSTOP past the cluster check-in. Stops once RUNS
# runs are recorded and prints the tally: every fire time recorded once, no run lost, never two attempts working at
# once. Exits 1 when a guarantee broke. Usage: bench/chaos.sh [NODES] [RUNS] [CRON] [WORK_MS]
# (takes ~4 minutes at the defaults; ChaosIT runs a short version in `mvn verify`)
set -euo pipefail
cd "$(dirname "$0")/.."
NODES=${1:-3}
RUNS=${2:-24}
CRON=${3:-"0/3 * * * * ?"}
WORK=${4:-1500}
# one reactor run, so that the class path names the modules' target folders (nothing is installed)
mvn -B -q -o -pl deploy -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/chaos-classpath.txt"
CP="deploy/target/test-classes:deploy/target/classes:$(cat target/chaos-classpath.txt)"
FOLDER="$PWD/target/chaos-$(date +%Y%m%dT%H%M%S)"
echo "working folder (nodes' logs, journal): $FOLDER"
java -Xmx256m -Dlogback.configurationFile=cluster-node-logback.xml -Dsurefire.test.class.path="$CP" \
  -cp "$CP" dev.l2o.schedule.ChaosMain "$NODES" "$RUNS" "$CRON" "$WORK" "$FOLDER"
