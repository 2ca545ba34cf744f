package dev.l2o.rules.builtin.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.rules.Finding;
import dev.l2o.rules.testing.RuleConventions;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.snapshot.ListStageHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class HubSpotStageDatesRuleTest {
    private static final String BLUEPRINT = """
            opportunityLifecycle:
              object: deals
              stages:
                - key: discovery
                  crm: { hubspot: "appointmentscheduled" }
                - key: evaluation
                  crm: { hubspot: "qualifiedtobuy" }
                - key: won
                  crm: { hubspot: "closedwon" }
                  closed: true
                  won: true
            """;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-11T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-21T00:00:00Z");
    private static final long TEN_DAYS_MILLIS = 10L * 86_400_000;

    @Test
    void followsTheRuleConventions() {
        RuleConventions.assertConventions(new HubSpotStageDatesRule());
    }

    @Test
    void stageDatePropertiesThatMatchTheHistoryGiveNoFinding() {
        // given
        Snapshot snapshot = portal(List.of(deal("1", Map.of(
                "hs_v2_date_entered_appointmentscheduled", T0.toString(),
                "hs_v2_cumulative_time_in_appointmentscheduled", (double) TEN_DAYS_MILLIS,
                "hs_v2_date_entered_qualifiedtobuy", T1.toString()))));

        // when
        List<Finding> findings = RuleRunner.run(new HubSpotStageDatesRule(), BLUEPRINT, snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void aDateEnteredOrCumulativeTimeThatDiffersIsReportedPerStageWithTheDeals() {
        // given
        Snapshot snapshot = portal(List.of(
                deal("1", Map.of("hs_v2_date_entered_qualifiedtobuy", T2.toString())),
                deal("2", Map.of("hs_v2_cumulative_time_in_appointmentscheduled", (double) (2 * TEN_DAYS_MILLIS))),
                deal("3", Map.of("hs_date_entered_qualifiedtobuy", Long.toString(T1.toEpochMilli())))));

        // when
        List<Finding> findings = RuleRunner.run(new HubSpotStageDatesRule(), BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::subject, Finding::count, Finding::evidence).containsExactly(
                Tuple.tuple("hubspot:pipeline/default/stage/appointmentscheduled", 1L, List.of("2")),
                Tuple.tuple("hubspot:pipeline/default/stage/qualifiedtobuy", 1L, List.of("1")));
        assertThat(findings.get(0).message()).contains("cumulative time");
        assertThat(findings.get(1).message()).contains("date entered");
    }

    @Test
    void historyNotGroupedByRecordIsNotJudged() {
        // given
        Snapshot grouped = portal(List.of(deal("1", Map.of("hs_v2_date_entered_qualifiedtobuy", T2.toString()))));
        Snapshot ungrouped = grouped.withHistory(new ListStageHistory(history(List.of("1")), "unsorted", false));

        // when
        List<Finding> findings = RuleRunner.run(new HubSpotStageDatesRule(), BLUEPRINT, ungrouped);

        // then
        assertThat(findings).isEmpty();
    }

    /** Deals 1, 2 and 3 each enter discovery at T0, evaluation at T1 (and stay there). */
    private static Snapshot portal(List<CrmRecord> deals) {
        Snapshot base = SnapshotBuilder.hubspot()
                .pipeline("deals", "Sales Pipeline", p -> p.stage("appointmentscheduled").stage("qualifiedtobuy")
                        .stage("closedwon", s -> s.closedWon()))
                .build();
        List<String> ids = deals.stream().map(CrmRecord::id).toList();
        return new Snapshot(base.source(), base.crm(), base.asOf(), base.completeness(), base.pipelines(), base.fields(),
                base.automations(), base.assignmentRules(), base.assignees(), deals,
                new ListStageHistory(history(ids), "deals dealstage history", true));
    }

    private static List<StageEvent> history(List<String> ids) {
        return ids.stream().flatMap(id -> Stream.of(
                        new StageEvent("deals", id, "appointmentscheduled", T0, null, null, null, null),
                        new StageEvent("deals", id, "appointmentscheduled", T0.plusSeconds(3600), 5000.0, null, null, null),
                        new StageEvent("deals", id, "qualifiedtobuy", T1, null, null, null, null)))
                .toList();
    }

    private static CrmRecord deal(String id, Map<String, Object> values) {
        return new CrmRecord("deals", id, values);
    }
}
