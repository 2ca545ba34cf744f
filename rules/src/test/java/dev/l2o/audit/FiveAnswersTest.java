package dev.l2o.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.metrics.Conversion;
import dev.l2o.metrics.RecordSample;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageStat;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.builtin.BuiltinRules;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FiveAnswersTest {
    private static final Blueprint BLUEPRINT = TestBlueprints.parse("""
            opportunityLifecycle:
              stages:
                - key: discovery
                  probability: 10
                  entry: { requiredFields: [Amount] }
                  exit: { requiredFields: [Pain__c] }
                - key: evaluation
                - key: won
                  closed: true
                  won: true
                  probability: 100
            leadLifecycle:
              statuses:
                - key: mql
                  entry: { requiredFields: [LeadSource] }
            fields:
              - { object: Account, name: ICP_Tier__c, type: Picklist }
              - { object: Opportunity, name: Segment__c, type: Picklist }
              - { object: Lead, name: Industry, type: Picklist }
            routing:
              - name: enterprise
                object: Lead
                when: "lead.Rating == 'Hot'"
                assignTo: { queue: Enterprise SDR }
              - name: mid-market
                object: Lead
                when: "lead.Rating == 'Warm'"
                assignTo: { user: dana }
            automation:
              - { name: Stage_Alert, object: Opportunity, kind: flow }
            """);
    private static final List<RuleDescriptor> ALL_RULES = BuiltinRules.all().stream().map(Rule::descriptor).toList();

    @Test
    void theCustomerIsTheIcpFieldsWithTheirFillRateOverTheSourcesRecords() {
        // given: 2 of 4 accounts hold a tier (one blank, one null); no opportunity records; Lead.Industry absent
        Map<String, Object> noTier = new HashMap<>();
        noTier.put("ICP_Tier__c", null);
        Snapshot snapshot = withRecords(SnapshotBuilder.salesforce()
                .picklist("Account", "ICP_Tier__c", "Tier 1", "Tier 2")
                .picklist("Opportunity", "Segment__c", "SMB")
                .build(), List.of(
                        new CrmRecord("Account", "A1", Map.of("ICP_Tier__c", "Tier 1")),
                        new CrmRecord("Account", "A2", Map.of("ICP_Tier__c", "Tier 2")),
                        new CrmRecord("Account", "A3", Map.of("ICP_Tier__c", "  ")),
                        new CrmRecord("Account", "A4", noTier)));

        // when
        String answer = FiveAnswers.customer(BLUEPRINT, snapshot);

        // then: routing reads Lead.Rating, so it is a segmentation field too
        assertThat(answer).isEqualTo("The blueprint defines the customer by 4 ICP and segmentation fields "
                + "(Account.ICP_Tier__c, Lead.Industry, Lead.Rating, Opportunity.Segment__c); 2 of 4 exist in the CRM. "
                + "They are filled on 50% of 4 records checked: Account.ICP_Tier__c 50%. "
                + "Fill rate not measured for Opportunity.Segment__c: the source holds no records of the object. "
                + "Missing in the CRM: Lead.Industry, Lead.Rating.");
    }

    @Test
    void aBlueprintWithoutIcpFieldsDoesNotSayWhoTheCustomerIs() {
        assertThat(FiveAnswers.customer(TestBlueprints.parse("opportunityLifecycle: { stages: [{ key: open }] }"),
                SnapshotBuilder.salesforce().build())).startsWith("The blueprint does not say: it designs no ICP");
    }

    @Test
    void dealsStallInTheStageWhoseMedianIsFurthestOverItsBenchmark() {
        // given: discovery 10 / 21 days (p90 30), evaluation 25 / 20 days: 1.25 times its benchmark
        StageMetrics metrics = metrics(List.of(
                stage("discovery", "Discovery", 10.0, 30.0, 21, 0),
                stage("evaluation", "Evaluation", 25.0, 28.0, 20, 2)), List.of());

        // when
        String answer = FiveAnswers.stall(metrics);

        // then
        assertThat(answer).isEqualTo("Deals stall in Evaluation: median 25.0 days, p90 28.0 against a benchmark of 20 days; "
                + "2 open records in it are over the benchmark now.");
    }

    @Test
    void whenEveryMedianKeepsPaceTheSlowestTenthNamesTheStage() {
        // given: discovery's median is under 21 days, its p90 of 30 is over
        StageMetrics metrics = metrics(List.of(stage("discovery", "Discovery", 10.0, 30.0, 21, 1)), List.of());

        // when
        String answer = FiveAnswers.stall(metrics);

        // then
        assertThat(answer).isEqualTo("Most deals keep pace, but the slowest tenth stall in Discovery: median 10.0 days, "
                + "p90 30.0 against a benchmark of 21 days; 1 open record in it is over the benchmark now.");
    }

    @Test
    void withoutHistoryTheStallIsNotMeasured() {
        assertThat(FiveAnswers.stall(new StageMetrics(SnapshotBuilder.AS_OF, false, null, 0, 0, 0, 0, 0, 0, List.of(), List.of(),
                null, null, null, null, null, List.of(), List.of(), new RecordSample(0, List.of()), 0, List.of())))
                .isEqualTo("Not measured: the source has no stage history.");
    }

    @Test
    void qualificationIsTheShareOfDesignedCriteriaTheCrmEnforces() {
        // given: 3 criteria designed (Amount, Pain__c, LeadSource), one unenforced
        List<Finding> findings = List.of(finding("L2O-CRITERIA-UNENFORCED", Dimension.QUALIFICATION,
                "salesforce:Opportunity.Pain__c@Qualification"));

        // when
        String answer = FiveAnswers.qualification(BLUEPRINT, findings, ids(ALL_RULES));

        // then
        assertThat(answer).isEqualTo("Qualification means 3 entry and exit criteria in the blueprint; the CRM enforces 2 of "
                + "them (67%). Enforced by nothing: Opportunity.Pain__c@Qualification.");
    }

    @Test
    void criteriaAreNotJudgedWhenTheRulesetTurnedTheirRuleOff() {
        // when
        String answer = FiveAnswers.qualification(BLUEPRINT, List.of(), Set.of("L2O-STAGE-MISSING"));

        // then
        assertThat(answer).isEqualTo("The blueprint designs 3 entry and exit criteria; whether the CRM enforces them was "
                + "not checked (L2O-CRITERIA-UNENFORCED is off in the ruleset).");
    }

    @Test
    void everyHandOffNamesItsOwnerAndWhetherItIsImplemented() {
        // given
        List<Finding> findings = List.of(finding("L2O-ROUTING-UNIMPLEMENTED", Dimension.ROUTING, "salesforce:Lead/routing/mid-market"));

        // when
        String answer = FiveAnswers.handoffs(BLUEPRINT, SnapshotBuilder.salesforce().build(), findings, ids(ALL_RULES));

        // then
        assertThat(answer).isEqualTo("2 of 3 designed hand-offs (routing rules and automations) are implemented and active. "
                + "Owners: enterprise → queue Enterprise SDR, mid-market → user dana (not implemented). "
                + "Not implemented or inactive: Lead/routing/mid-market.");
    }

    @Test
    void theForecastIsStageCoherenceAndConversionsAgainstTargets() {
        // given: discovery → won measured at 20% against 30%; evaluation → won not measurable
        List<Finding> findings = List.of(finding("L2O-STAGE-PROBABILITY", Dimension.MEASUREMENT,
                "salesforce:Opportunity.StageName#Discovery"));
        StageMetrics metrics = metrics(List.of(), List.of(
                new Conversion("discovery", "won", true, 10, 2, 0.2, 0.3, null, null, null, List.of()),
                new Conversion("evaluation", "won", false, 0, 0, null, 0.5, null, null, "no lead history", List.of()),
                new Conversion("discovery", "evaluation", true, 10, 5, 0.5, null, null, null, null, List.of())));

        // when
        String answer = FiveAnswers.forecast(BLUEPRINT, findings, metrics, ids(ALL_RULES));

        // then
        assertThat(answer).isEqualTo("2 of 3 stages have a designed probability or forecast category; 1 stage setting "
                + "disagrees with the CRM: Opportunity.StageName#Discovery. 1 of 2 conversion targets measured; below target: "
                + "discovery → won 20% against 30%.");
    }

    @Test
    void theAnswersComeInQuestionOrder() {
        // when
        FiveAnswers answers = FiveAnswers.of(BLUEPRINT, SnapshotBuilder.salesforce().build(), List.of(),
                metrics(List.of(), List.of()), ALL_RULES);

        // then
        assertThat(answers.answers()).extracting(FiveAnswers.Answer::key)
                .containsExactly("customer", "stall", "qualification", "handoffs", "forecast");
        assertThat(answers.answers()).extracting(FiveAnswers.Answer::question).containsExactly("Who is the customer?",
                "Where do deals stall?", "What does qualification mean?", "Who owns each hand-off?", "How good is the forecast?");
    }

    @Test
    void aLongListNamesFourItemsAndCountsTheRest() {
        assertThat(FiveAnswers.named(List.of("a", "b", "c", "d", "e", "f"))).isEqualTo("a, b, c, d and 2 more");
    }

    private static Set<String> ids(List<RuleDescriptor> rules) {
        return new TreeSet<>(rules.stream().map(RuleDescriptor::id).toList());
    }

    private static Finding finding(String ruleId, Dimension dimension, String subject) {
        return new Finding(ruleId, Severity.WARNING, dimension, DriftKind.MISSING, subject, null, "About " + subject, null, null,
                1, List.of(), null);
    }

    private static StageStat stage(String key, String label, Double median, Double p90, Integer max, long overBenchmark) {
        List<String> examples = new ArrayList<>();
        for (long i = 0; i < overBenchmark; i++) {
            examples.add("R" + i);
        }
        return new StageStat(key, label, label, true, false, false, 10, 8, 2, median, median, p90, max, overBenchmark, examples);
    }

    private static StageMetrics metrics(List<StageStat> stages, List<Conversion> conversions) {
        return new StageMetrics(SnapshotBuilder.AS_OF, true, "test", 20, 0, 10, 4, 6, 3, stages, conversions, 0.5, 30.0, 1000.0,
                30.0, 10.0, List.of(), List.of(), new RecordSample(0, List.of()), 0, List.of());
    }

    private static Snapshot withRecords(Snapshot snapshot, List<CrmRecord> records) {
        return new Snapshot(snapshot.source(), snapshot.crm(), snapshot.asOf(), snapshot.completeness(), snapshot.pipelines(),
                snapshot.fields(), snapshot.automations(), snapshot.assignmentRules(), snapshot.assignees(), records,
                snapshot.history());
    }
}
