#!/usr/bin/env bash
# Fuzzes one reader of user files with Jazzer for longer than CI does (CI replays the seed corpus and a few hundred
# derived inputs; see README.md, "Reliability").
# Usage: bench/fuzz.sh TARGET [SECONDS]   (default 300 seconds)
# Targets: blueprint, opportunity-history, lead-history, snapshot, formula, flow, validation-rule, assignment-rules,
#          custom-field, business-process, custom-object (a metadata-format objects/X.object).
# A finding (an exception other than a user error with a one-line reason, a hang past 30 s, running out of memory)
# fails the run; Jazzer saves the input as a crash file in the test's Inputs folder under src/test/resources, where
# it becomes a regression test once committed. The inputs it generates stay in <module>/.cifuzz-corpus (ignored by git).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${1:-}
SECONDS_TO_FUZZ=${2:-300}

case "$TARGET" in
  blueprint)           MODULE=rules;                TEST='BlueprintLoaderFuzzTest#blueprint' ;;
  opportunity-history) MODULE=connector-core;       TEST='HistoryCsvFuzzTest#opportunityHistory' ;;
  lead-history)        MODULE=connector-core;       TEST='HistoryCsvFuzzTest#leadHistory' ;;
  snapshot)            MODULE=connector-core;       TEST='SnapshotReaderFuzzTest#snapshot' ;;
  formula)             MODULE=connector-salesforce; TEST='FormulaParserFuzzTest#formula' ;;
  flow)                MODULE=connector-salesforce; TEST='SfdxMetadataFuzzTest#flow' ;;
  validation-rule)     MODULE=connector-salesforce; TEST='SfdxMetadataFuzzTest#validationRule' ;;
  assignment-rules)    MODULE=connector-salesforce; TEST='SfdxMetadataFuzzTest#assignmentRules' ;;
  custom-field)        MODULE=connector-salesforce; TEST='SfdxMetadataFuzzTest#customField' ;;
  business-process)    MODULE=connector-salesforce; TEST='SfdxMetadataFuzzTest#businessProcess' ;;
  custom-object)       MODULE=connector-salesforce; TEST='SfdxMetadataFuzzTest#customObject' ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac

CLASS=${TEST%%#*}
export JAZZER_FUZZ=1
status=0
# JUnit's @Timeout on a fuzz test would time the whole fuzzing run (Jazzer runs every input in one JUnit method call:
# github.com/CodeIntelligenceTesting/jazzer/issues/930), so it is turned off here; Jazzer reads the annotation itself
# and gives libFuzzer the same limit for each input, which is what a hang is.
mvn -B -q -o -f "$ROOT/pom.xml" verify -pl "$MODULE" -am \
  -Dtest="$TEST" -Dsurefire.failIfNoSpecifiedTests=false -Dmdep.analyze.skip=true \
  -Djunit.jupiter.execution.timeout.mode=disabled \
  -Djazzer.max_duration="${SECONDS_TO_FUZZ}s" || status=$?
# libFuzzer's statistics and any finding are in the test's captured output
OUTPUT=$(ls "$ROOT/$MODULE"/target/surefire-reports/*."$CLASS"-output.txt 2>/dev/null | head -1 || true)
if [ -n "$OUTPUT" ]; then
  grep -E '^#[0-9]+|Done|ERROR|Exception|crash-|timeout' "$OUTPUT" | tail -n 15 || true
fi
exit "$status"
