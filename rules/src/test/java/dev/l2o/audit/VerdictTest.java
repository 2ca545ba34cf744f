package dev.l2o.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.maturity.Maturity;
import dev.l2o.metrics.RecordSample;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.SourceInfo;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final Optional<Severity> AT_ERROR = Optional.of(Severity.ERROR);
    private static final Optional<Severity> AT_WARNING = Optional.of(Severity.WARNING);
    private static final Optional<Severity> NEVER = Optional.empty();
    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    private static Finding finding(Severity severity) {
        return new Finding("L2O-STAGE-MISSING", severity, Dimension.LIFECYCLE, DriftKind.MISSING,
                "salesforce:Opportunity.StageName#Discovery", null, "Discovery is missing.", null, null, 1, List.of(), null);
    }

    @Test
    void aCompleteRunWithoutFindingsPasses() {
        assertThat(Verdict.of(true, List.of(), AT_ERROR)).isEqualTo(Verdict.PASSED);
    }

    @Test
    void aFindingAtTheThresholdFails() {
        assertThat(Verdict.of(true, List.of(finding(Severity.ERROR)), AT_ERROR)).isEqualTo(Verdict.FINDINGS);
    }

    @Test
    void aFindingAboveTheThresholdFails() {
        assertThat(Verdict.of(true, List.of(finding(Severity.ERROR)), AT_WARNING)).isEqualTo(Verdict.FINDINGS);
    }

    @Test
    void findingsBelowTheThresholdPass() {
        assertThat(Verdict.of(true, List.of(finding(Severity.WARNING), finding(Severity.INFO)), AT_ERROR))
                .isEqualTo(Verdict.PASSED);
    }

    @Test
    void theThresholdNeverPassesEveryCompleteRun() {
        assertThat(Verdict.of(true, List.of(finding(Severity.ERROR)), NEVER)).isEqualTo(Verdict.PASSED);
    }

    @Test
    void anIncompleteRunBeatsFindings() {
        assertThat(Verdict.of(false, List.of(finding(Severity.ERROR)), AT_ERROR)).isEqualTo(Verdict.INCOMPLETE);
    }

    @Test
    void anIncompleteRunIsIncompleteEvenWithoutFindingsAndAtNever() {
        assertThat(Verdict.of(false, List.of(), NEVER)).isEqualTo(Verdict.INCOMPLETE);
    }

    @Test
    void findingsOnlyInTheBaselinePass() {
        // given
        AuditReport report = report(true, List.of(), List.of(finding(Severity.ERROR)));

        // when
        Verdict verdict = Verdict.of(report, AT_ERROR);

        // then
        assertThat(verdict).isEqualTo(Verdict.PASSED);
    }

    @Test
    void anAuditIsJudgedByItsCountedFindings() {
        // given
        AuditReport report = report(true, List.of(finding(Severity.WARNING)), List.of(finding(Severity.ERROR)));

        // when
        Verdict atError = Verdict.of(report, AT_ERROR);
        Verdict atWarning = Verdict.of(report, AT_WARNING);

        // then
        assertThat(atError).isEqualTo(Verdict.PASSED);
        assertThat(atWarning).isEqualTo(Verdict.FINDINGS);
    }

    @Test
    void anIncompleteAuditIsIncomplete() {
        assertThat(Verdict.of(report(false, List.of(), List.of()), NEVER)).isEqualTo(Verdict.INCOMPLETE);
    }

    @Test
    void onePerFindingJudgementServesWritersThatMarkSingleFindings() {
        assertThat(Verdict.fails(finding(Severity.WARNING), AT_WARNING)).isTrue();
        assertThat(Verdict.fails(finding(Severity.INFO), AT_WARNING)).isFalse();
        assertThat(Verdict.fails(finding(Severity.ERROR), NEVER)).isFalse();
    }

    @Test
    void onlyPassedPasses() {
        assertThat(Verdict.PASSED.passed()).isTrue();
        assertThat(Verdict.FINDINGS.passed()).isFalse();
        assertThat(Verdict.INCOMPLETE.passed()).isFalse();
    }

    private static AuditReport report(boolean complete, List<Finding> counted, List<Finding> baselined) {
        StageMetrics metrics = new StageMetrics(AS_OF, false, null, 0, 0, 0, 0, 0, 0, List.of(), List.of(), null, null,
                null, null, null, List.of(), List.of(), RecordSample.none(), 0, List.of());
        return new AuditReport(AuditReport.SCHEMA_VERSION, "test", "verdict", "blueprint.yaml",
                new SourceInfo("sfdx", "org", Map.of()), "salesforce", AS_OF, complete,
                complete ? List.of() : List.of("the history could not be read"), counted, baselined, List.of(), List.of(),
                metrics, new Maturity(0, List.of(), false), new SnapshotFacts(0, 0, 0, 0, 0, 0, 0, 0, 0, null));
    }
}
