package dev.l2o.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IncrementalFetchTest {
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant WATERMARK = Instant.parse("2026-03-01T02:00:07.250Z");
    private static final FetchRequest REQUEST = FetchRequest.everything();
    private static final String FINGERPRINT = IncrementalFetch.fingerprint(REQUEST, "");
    private static final Duration RETENTION = Duration.ofDays(15);

    private static Snapshot previous(String type, Map<String, String> changes, Completeness completeness) {
        Map<String, String> attributes = new TreeMap<>(Map.of("orgId", "00D000000000001", IncrementalFetch.WATERMARK, WATERMARK.toString(),
                IncrementalFetch.FINGERPRINT, FINGERPRINT));
        changes.forEach((key, value) -> {
            if (value == null) {
                attributes.remove(key);
            } else {
                attributes.put(key, value);
            }
        });
        return new Snapshot(new SourceInfo(type, "https://org.example", attributes), "salesforce", WATERMARK, completeness,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static IncrementalFetch.Plan plan(Snapshot previous, String orgId, String fingerprint, Instant now) {
        return IncrementalFetch.plan(PreviousSnapshot.of(previous), "salesforce", "orgId", orgId, fingerprint, now, RETENTION);
    }

    @Test
    void aCompleteSnapshotOfTheSameOrgAndRequestIsTheBaseFromItsWatermarkLessTheOverlapInWholeSeconds() {
        // given
        Snapshot previous = previous("salesforce", Map.of(), Completeness.full());

        // when
        IncrementalFetch.Plan plan = plan(previous, "00D000000000001", FINGERPRINT, NOW);

        // then
        assertThat(plan.incremental()).isTrue();
        assertThat(plan.base()).isSameAs(previous);
        assertThat(plan.since()).isEqualTo(Instant.parse("2026-03-01T01:45:07Z"));
    }

    @Test
    void everySnapshotThatCannotProveItsWatermarkGivesAFullFetchWithTheReason() {
        assertThat(IncrementalFetch.plan(PreviousSnapshot.absent("the previous snapshot file cannot be read: gzip"), "salesforce",
                "orgId", "00D000000000001", FINGERPRINT, NOW, RETENTION).reason()).isEqualTo("the previous snapshot file cannot be read: gzip");
        assertThat(plan(previous("sfdx", Map.of(), Completeness.full()), "00D000000000001", FINGERPRINT, NOW).reason())
                .isEqualTo("the previous snapshot was read from sfdx, not from a live salesforce source");
        assertThat(plan(previous("salesforce", Map.of(), Completeness.full()), "00D000000000002", FINGERPRINT, NOW).reason())
                .isEqualTo("the previous snapshot is of another org (orgId 00D000000000001, this one is 00D000000000002)");
        assertThat(plan(previous("salesforce", mapOfNull("orgId"), Completeness.full()), "00D000000000001", FINGERPRINT, NOW).reason())
                .isEqualTo("the previous snapshot does not record its orgId");
        assertThat(plan(previous("salesforce", Map.of(), Completeness.incomplete(List.of("limits"))), "00D000000000001", FINGERPRINT, NOW)
                .reason()).isEqualTo("the previous snapshot is incomplete");
        assertThat(plan(previous("salesforce", mapOfNull(IncrementalFetch.WATERMARK), Completeness.full()), "00D000000000001",
                FINGERPRINT, NOW).reason()).isEqualTo("the previous snapshot has no watermark");
        assertThat(plan(previous("salesforce", Map.of(IncrementalFetch.WATERMARK, "yesterday"), Completeness.full()), "00D000000000001",
                FINGERPRINT, NOW).reason()).isEqualTo("the previous snapshot's watermark is not a time");
        assertThat(plan(previous("salesforce", Map.of(), Completeness.full()), "00D000000000001", FINGERPRINT, WATERMARK.minusSeconds(1))
                .reason()).startsWith("the previous snapshot's watermark 2026-03-01T02:00:07.250Z is later than now");
        assertThat(plan(previous("salesforce", Map.of(), Completeness.full()), "00D000000000001", FINGERPRINT, WATERMARK.plus(Duration.ofDays(16)))
                .reason()).isEqualTo("the previous snapshot's watermark 2026-03-01T02:00:07.250Z is older than the 15 days salesforce keeps"
                        + " what an incremental read needs");
        assertThat(plan(previous("salesforce", Map.of(), Completeness.full()), "00D000000000001",
                IncrementalFetch.fingerprint(new FetchRequest(Set.of("Opportunity"), Map.of(), true), ""), NOW).reason())
                .isEqualTo("the audit asks for other objects, fields or history than the previous snapshot holds");
    }

    private static Map<String, String> mapOfNull(String key) {
        Map<String, String> map = new TreeMap<>();
        map.put(key, null);
        return map;
    }

    @Test
    void attributesSayHowTheSnapshotWasReadAndFromWhen() {
        // given
        IncrementalFetch.Plan incremental = plan(previous("salesforce", Map.of(), Completeness.full()), "00D000000000001", FINGERPRINT, NOW);

        // when
        Map<String, String> attributes = IncrementalFetch.attributes(Map.of("orgId", "00D000000000001"), incremental, NOW, FINGERPRINT,
                "3 records re-read");
        Map<String, String> full = IncrementalFetch.attributes(Map.of(), IncrementalFetch.Plan.full("no previous snapshot"), NOW,
                FINGERPRINT, "ignored");

        // then
        assertThat(attributes).containsEntry("fetch", "incremental").containsEntry("fetchReason", "3 records re-read")
                .containsEntry("fetchSince", "2026-03-01T01:45:07Z").containsEntry("watermark", NOW.toString())
                .containsEntry("fetchFingerprint", FINGERPRINT).containsEntry("orgId", "00D000000000001");
        assertThat(full).containsEntry("fetch", "full").containsEntry("fetchReason", "no previous snapshot").doesNotContainKey("fetchSince");
    }

    @Test
    void mergedRecordsReplaceChangedOnesInPlaceDropDeletedOnesAndAppendNewOnes() {
        // given
        CrmRecord first = record("006A", 1L);
        CrmRecord second = record("006B", 2L);
        CrmRecord third = record("006C", 3L);
        CrmRecord changed = record("006B", 20L);
        CrmRecord created = record("006D", 4L);

        // when
        List<CrmRecord> merged = IncrementalFetch.mergeRecords(List.of(first, second, third), List.of(created, changed), Set.of("006A"));

        // then
        assertThat(merged).containsExactly(changed, third, created);
    }

    private static CrmRecord record(String id, long amount) {
        return new CrmRecord("Opportunity", id, Map.of("Amount", amount));
    }
}
