package dev.l2o.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.Motion;
import dev.l2o.metrics.LifecycleMetrics;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageStat;
import dev.l2o.metrics.StageMetricsCalculator;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecyclesTest {
    private static final Blueprint BLUEPRINT = TestBlueprints.parse("""
            opportunityLifecycle:
              pipeline: New Business
              stages:
                - key: qualification
                - key: won
                  crm: { salesforce: Closed Won }
                  closed: true
                  won: true
                - key: lost
                  crm: { salesforce: Closed Lost }
                  closed: true
            lifecycles:
              - name: renewals
                motion: renewal
                pipeline: Renewal
                stages:
                  - key: renewal-review
                    label: Renewal Review
                  - key: negotiation
                  - key: renewed
                    crm: { salesforce: Closed Won }
                    closed: true
                    won: true
                  - key: churned
                    crm: { salesforce: Closed Lost }
                    closed: true
              - name: expansion
                motion: expansion
                pipeline: Expansion
                stages:
                  - key: upsell
            """);

    private static SnapshotBuilder org() {
        return SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "New Business", true, p -> p
                        .stage("Qualification")
                        .stage("Closed Won", s -> s.closedWon())
                        .stage("Closed Lost", s -> s.closedLost()))
                .pipeline("Opportunity", "Renewal", false, p -> p
                        .stage("Renewal Review")
                        .stage("Closed Won", s -> s.closedWon())
                        .stage("Closed Lost", s -> s.closedLost()));
    }

    private static StageEvent row(String record, String stage, int day) {
        return new StageEvent("Opportunity", record, stage, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day),
                null, null, null, null);
    }

    @Test
    void eachLifecycleCountsTheRecordsThatVisitAStageOnlyItsPipelineHas() {
        // given
        Snapshot snapshot = org().history(List.of(
                row("N1", "Qualification", 1), row("N1", "Closed Won", 5),
                row("N2", "Qualification", 1), row("N2", "Closed Lost", 5),
                row("R1", "Renewal Review", 1), row("R1", "Closed Won", 3),
                row("R2", "Closed Won", 9), row("R2", "Renewal Review", 2),
                row("R3", "Renewal Review", 2), row("R3", "Closed Lost", 4))).build();
        LifecycleMetrics metrics = StageMetricsCalculator.computeAll(BLUEPRINT, snapshot, SnapshotBuilder.AS_OF);

        // when
        Lifecycles lifecycles = Lifecycles.of(BLUEPRINT, snapshot, metrics);

        // then
        assertThat(lifecycles.entries()).extracting(Lifecycles.Entry::name, Lifecycles.Entry::motion, Lifecycles.Entry::pipeline,
                        Lifecycles.Entry::won, Lifecycles.Entry::closed, Lifecycles.Entry::rateUnavailable)
                .containsExactly(
                        tuple("opportunityLifecycle", Motion.NEW_BUSINESS, "New Business", 1L, 2L, null),
                        tuple("renewals", Motion.RENEWAL, "Renewal", 2L, 3L, null),
                        tuple("expansion", Motion.EXPANSION, null, 0L, 0L, "the CRM has no pipeline for this lifecycle"));
        assertThat(lifecycles.entries().get(1).rate()).isEqualTo(2.0 / 3);
        assertThat(lifecycles.entries().get(1).stagesFound()).containsExactly("renewal-review", "renewed", "churned");
        assertThat(lifecycles.entries().get(1).stagesMissing()).containsExactly("negotiation");
        assertThat(lifecycles.hasPostSale()).isTrue();
    }

    @Test
    void eachLifecycleIsMeasuredOverItsOwnRecordsOnly() {
        // given
        Snapshot snapshot = org().history(List.of(
                row("N1", "Qualification", 1), row("N1", "Closed Won", 5),
                row("R1", "Renewal Review", 1), row("R1", "Closed Won", 3),
                row("R2", "Renewal Review", 2))).build();

        // when
        LifecycleMetrics metrics = StageMetricsCalculator.computeAll(BLUEPRINT, snapshot, SnapshotBuilder.AS_OF);

        // then: new business sees N1 alone and no renewal stage; the renewal lifecycle its two records
        StageMetrics newBusiness = metrics.primary();
        StageMetrics renewals = metrics.of("renewals").orElseThrow();
        assertThat(newBusiness.records()).isEqualTo(1);
        assertThat(newBusiness.ignoredRows()).isEqualTo(3);
        assertThat(newBusiness.stages()).extracting(StageStat::stage).containsExactly("qualification", "won", "lost");
        assertThat(newBusiness.stage("qualification").orElseThrow().medianDays()).isEqualTo(4.0);
        assertThat(renewals.records()).isEqualTo(2);
        assertThat(renewals.openRecords()).isEqualTo(1);
        assertThat(renewals.wonRecords()).isEqualTo(1);
        assertThat(renewals.stage("renewal-review").orElseThrow().entered()).isEqualTo(2);
        assertThat(renewals.stage("renewal-review").orElseThrow().medianDays()).isEqualTo(2.0);
        assertThat(renewals.stage("renewal-review").orElseThrow().openStays()).isEqualTo(1);
        assertThat(renewals.benchmarks()).isEmpty();
        assertThat(metrics.of("expansion").orElseThrow().records()).isZero();
    }

    @Test
    void withoutHistoryOrClosedRecordsTheRateSaysWhyItIsMissing() {
        // given
        Snapshot withoutHistory = org().withoutHistory().build();
        Snapshot openOnly = org().history(List.of(row("R1", "Renewal Review", 1))).build();

        // when
        Lifecycles none = Lifecycles.of(BLUEPRINT, withoutHistory,
                StageMetricsCalculator.computeAll(BLUEPRINT, withoutHistory, SnapshotBuilder.AS_OF));
        Lifecycles open = Lifecycles.of(BLUEPRINT, openOnly, StageMetricsCalculator.computeAll(BLUEPRINT, openOnly, SnapshotBuilder.AS_OF));

        // then
        assertThat(none.entries().get(1).rateUnavailable()).isEqualTo("stage history is not available");
        assertThat(open.entries().get(1).rateUnavailable()).isEqualTo("no closed records in pipeline 'Renewal'");
        assertThat(open.entries().get(1).rate()).isNull();
    }
}
