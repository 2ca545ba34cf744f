package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.model.ByteStageHistory;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageHistory;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lifecycle measured from one read of the history: the same figures whichever way the rows arrive (a file
 * read as bytes, as events, grouped by record), whether they are held in memory or spilled, and whether the records
 * are walked on one thread or in two halves on two, with records of two lifecycles mixed in random order.
 */
class OnePassLifecyclesTest {
    private static final Blueprint BLUEPRINT = TestBlueprints.parse("""
            opportunityLifecycle:
              pipeline: New Business
              stages:
                - key: qualification
                - key: negotiation
                  crm: { salesforce: Negotiation/Review }
                  maxDaysInStage: 20
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
                  - key: renewal-negotiation
                    crm: { salesforce: Negotiation/Review }
                  - key: renewed
                    crm: { salesforce: Closed Won }
                    closed: true
                    won: true
                  - key: churned
                    crm: { salesforce: Closed Lost }
                    closed: true
            """);
    private static final Instant DAY_ZERO = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AS_OF = DAY_ZERO.plusSeconds(380 * 86_400L);

    @TempDir
    Path temp;

    @Test
    void everyWayOfReadingGivesEachLifecycleTheSameFigures() throws IOException {
        // given: 4,000 records, a quarter of them renewals (they pass Renewal Review), rows shuffled
        Path file = generated(temp.resolve("OpportunityHistory.csv"), 4_000);
        OpportunityHistoryCsv bytes = OpportunityHistoryCsv.open(file, "OpportunityHistory.csv");
        StageHistory events = StageHistories.filter(bytes, row -> true, bytes.description());
        StageHistory grouped = groupedByRecord(events);
        Snapshot org = org().build();
        SpillPolicy inMemory = new SpillPolicy(1L << 30, 1L << 30, temp);
        SpillPolicy spilled = new SpillPolicy(100_000, 1, temp);

        // when
        LifecycleMetrics expected = StageMetricsCalculator.computeAll(BLUEPRINT, org.withHistory(events), AS_OF, inMemory);

        // then
        assertThat(events).isNotInstanceOf(ByteStageHistory.class);
        StageMetrics primary = expected.primary();
        StageMetrics renewals = expected.of("renewals").orElseThrow();
        assertThat(primary.records()).isEqualTo(3_000);
        assertThat(renewals.records()).isEqualTo(1_000);
        assertThat(primary.rows() + primary.ignoredRows()).isEqualTo(renewals.rows() + renewals.ignoredRows());
        assertThat(renewals.ignoredRows()).isEqualTo(primary.rows() + laterThanAsOf(events));
        assertThat(renewals.stages()).extracting(StageStat::stage)
                .containsExactly("renewal-review", "renewal-negotiation", "renewed", "churned");
        assertThat(primary.stages()).extracting(StageStat::stage).containsExactly("qualification", "negotiation", "won", "lost");
        assertThat(StageMetricsCalculator.computeAll(BLUEPRINT, org.withHistory(bytes), AS_OF, inMemory)).isEqualTo(expected);
        assertThat(StageMetricsCalculator.computeAll(BLUEPRINT, org.withHistory(bytes), AS_OF, spilled)).isEqualTo(expected);
        assertThat(StageMetricsCalculator.computeAll(BLUEPRINT, org.withHistory(events), AS_OF, spilled)).isEqualTo(expected);
        assertThat(StageMetricsCalculator.computeAll(BLUEPRINT, org.withHistory(grouped), AS_OF, inMemory)).isEqualTo(expected);
        assertThat(StageMetricsCalculator.computeAll(BLUEPRINT, org.withHistory(bytes), AS_OF, inMemory, 1, null)).isEqualTo(expected);
        assertThat(StageMetricsCalculator.computeAll(BLUEPRINT, org.withHistory(events), AS_OF, inMemory, 1, null)).isEqualTo(expected);
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aRenewalRowLaterThanAsOfDoesNotMoveTheRecordToRenewals() {
        // given: a record that enters Renewal Review only after the as-of time
        List<StageEvent> rows = List.of(
                row("006A", "Qualification", 1), row("006A", "Negotiation/Review", 10),
                row("006A", "Renewal Review", 400));
        Snapshot snapshot = org().history(rows).build();

        // when
        LifecycleMetrics metrics = StageMetricsCalculator.computeAll(BLUEPRINT, snapshot, AS_OF);

        // then: as of then, it was a new-business deal in negotiation
        assertThat(metrics.primary().records()).isEqualTo(1);
        assertThat(metrics.primary().rows()).isEqualTo(2);
        assertThat(metrics.of("renewals").orElseThrow().records()).isZero();
        assertThat(metrics.of("renewals").orElseThrow().ignoredRows()).isEqualTo(3);
    }

    @Test
    void anOpportunityOnlyInSharedStagesBelongsToTheLifecycleOfItsRecordTypesSalesProcess() {
        // given: two opportunities through the stages both sales processes share; the first's record type uses Renewal
        List<StageEvent> rows = List.of(
                row("006A", "Negotiation/Review", 1), row("006A", "Closed Won", 10),
                row("006B", "Negotiation/Review", 2), row("006B", "Closed Won", 12));
        Snapshot snapshot = org().record("Opportunity", "006A", "Opportunity.Renewal", Map.of())
                .record("Opportunity", "006B", null, Map.of()).history(rows).build();

        // when
        LifecycleMetrics metrics = StageMetricsCalculator.computeAll(BLUEPRINT, snapshot, AS_OF);

        // then
        assertThat(metrics.primary().records()).isEqualTo(1);
        assertThat(metrics.primary().rows()).isEqualTo(2);
        assertThat(metrics.of("renewals").orElseThrow().records()).isEqualTo(1);
        assertThat(metrics.of("renewals").orElseThrow().rows()).isEqualTo(2);
    }

    private static SnapshotBuilder org() {
        return SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "New Business", true, p -> p
                        .stage("Qualification")
                        .stage("Negotiation/Review")
                        .stage("Closed Won", s -> s.closedWon())
                        .stage("Closed Lost", s -> s.closedLost()))
                .pipeline("Opportunity", "Renewal", false, p -> p
                        .stage("Renewal Review")
                        .stage("Negotiation/Review")
                        .stage("Closed Won", s -> s.closedWon())
                        .stage("Closed Lost", s -> s.closedLost()));
    }

    private static StageEvent row(String record, String stage, int day) {
        return new StageEvent("Opportunity", record, stage, DAY_ZERO.plusSeconds(86_400L * day), null, null, null, null);
    }

    private static long laterThanAsOf(StageHistory history) {
        long[] count = {0};
        history.forEach(row -> count[0] += row.at().isAfter(AS_OF) ? 1 : 0);
        return count[0];
    }

    /** The same rows grouped by record (stable: a record's rows keep their order), declared so. */
    private static StageHistory groupedByRecord(StageHistory history) {
        List<StageEvent> rows = new ArrayList<>();
        history.forEach(rows::add);
        rows.sort(Comparator.comparing(StageEvent::recordId));
        return HistoryFixtures.historyOf(true, rows, history.description());
    }

    /**
     * Records walking Qualification → Negotiation/Review → Closed Won or Lost (some still open); every fourth record
     * a renewal that starts in Renewal Review instead, so that only its first row tells it apart. Days step by
     * random amounts; a few rows fall after the as-of time. Lines are shuffled.
     */
    private static Path generated(Path file, int records) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        List<String> lines = new ArrayList<>();
        for (int record = 0; record < records; record++) {
            String id = "006" + String.format("%012d", record);
            List<String> stages = new ArrayList<>(List.of(record % 4 == 0 ? "Renewal Review" : "Qualification",
                    "Negotiation/Review"));
            int end = random.nextInt(3);
            if (end > 0) {
                stages.add(end == 1 ? "Closed Won" : "Closed Lost");
            }
            int day = random.nextInt(300);
            for (String stage : stages) {
                Instant at = DAY_ZERO.plusSeconds(86_400L * day + random.nextInt(86_400));
                String amount = random.nextInt(3) == 0 ? "" : Integer.toString(1_000 + random.nextInt(90_000));
                lines.add(id + "," + stage + "," + amount + "," + at.toString().replace("Z", "+0000"));
                day += 1 + random.nextInt(60);
            }
        }
        for (int i = lines.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, swap);
        }
        lines.add(0, "OpportunityId,StageName,Amount,CreatedDate");
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
