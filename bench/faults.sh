#!/usr/bin/env bash
# Fault matrix of both live connectors: runs SalesforceFaultMatrixTest (connector-salesforce-simulator) and
# HubSpotFaultMatrixTest (connector-hubspot), which inject every fault into every phase of a fetch against the
# simulators, then prints both matrices and their figures: cells, recovered, incomplete (exit 3), refused
# (exit 2), false greens (must be 0), crashes, extra requests and requests beyond the retry policy (must be 0).
# The tests fail on any cell off its expectation; the tables are printed either way. Takes two to four minutes
# (the build included) on a loaded 2-core machine.
# Usage: bench/faults.sh
set -uo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -ntp verify -pl connector-salesforce-simulator,connector-hubspot -am \
  -Dtest='SalesforceFaultMatrixTest,HubSpotFaultMatrixTest' -Dsurefire.failIfNoSpecifiedTests=false
STATUS=$?
for REPORT in connector-salesforce-simulator/target/fault-matrix/salesforce.md connector-hubspot/target/fault-matrix/hubspot.md; do
  if [ -f "$REPORT" ]; then cat "$REPORT"; echo; else echo "missing $REPORT"; STATUS=1; fi
done
cat connector-salesforce-simulator/target/fault-matrix/salesforce.txt connector-hubspot/target/fault-matrix/hubspot.txt 2>/dev/null \
  | awk -F', ' '{ for (i = 1; i <= NF; i++) { n = split($i, w, " "); v = w[n]; k = $i; sub(/^[a-z]+: /, "", k); sub(/ [0-9]+$/, "", k);
                   if (v ~ /^[0-9]+$/) total[k] += v } }
         END { printf "both connectors: cells %d, recovered %d, incomplete (exit 3) %d, refused (exit 2) %d, false greens %d, crashes (exit 4) %d, requests beyond the policy %d\n",
               total["cells"], total["recovered"], total["incomplete (exit 3)"], total["refused (exit 2)"], total["false greens"], total["crashes (exit 4)"], total["requests beyond the policy"] }'
exit $STATUS
