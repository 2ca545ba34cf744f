package dev.l2o.rules.builtin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.metrics.HistoryFixtures;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageMetricsCalculator;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataRulesTest {
    private final Blueprint blueprint = HistoryFixtures.scenarioTwoBlueprint();
    private final Snapshot snapshot = HistoryFixtures.scenarioTwoSnapshot();
    private final StageMetrics metrics = HistoryFixtures.scenarioTwo();

    @Test
    void catalogDescribesTheFiveDataRulesWithTheContractsSeveritiesAndDimensions() {
        // when
        List<RuleDescriptor> descriptors = DataRules.all().stream().map(Rule::descriptor).toList();

        // then
        assertThat(descriptors).extracting(RuleDescriptor::id, RuleDescriptor::defaultSeverity, RuleDescriptor::dimension)
                .containsExactly(
                        tuple("L2O-STALE-DEAL", Severity.WARNING, Dimension.PIPELINE),
                        tuple("L2O-STAGE-SKIPPED", Severity.WARNING, Dimension.PIPELINE),
                        tuple("L2O-STAGE-REGRESSION", Severity.INFO, Dimension.PIPELINE),
                        tuple("L2O-CLOSE-DATE-PAST", Severity.WARNING, Dimension.PIPELINE),
                        tuple("L2O-CONVERSION-BELOW-TARGET", Severity.WARNING, Dimension.MEASUREMENT));
        assertThat(descriptors).allSatisfy(d -> assertThat(d.description()).endsWith("."));
    }

    @Test
    void reportsNothingWithoutAttachedMetrics() {
        // given
        RecordingContext context = new RecordingContext(HistoryFixtures.SCENARIO_TWO_AS_OF, null);

        // when
        DataRules.all().forEach(rule -> rule.check(blueprint, snapshot, context));

        // then
        assertThat(context.reported).isEmpty();
    }

    @Test
    void reportsStaleDealsPerStageWithCountAndExamples() {
        // when
        List<FindingDraft> drafts = check(new StaleDealRule());

        // then
        assertThat(drafts).extracting(FindingDraft::subject, FindingDraft::count, FindingDraft::evidence).containsExactly(
                tuple("salesforce:Opportunity.StageName#Qualification", 2L, List.of("I", "K")),
                tuple("salesforce:Opportunity.StageName#Needs Analysis", 2L, List.of("G", "H")),
                tuple("salesforce:Opportunity.StageName#Proposal/Price Quote", 1L, List.of("F")));
        assertThat(drafts.get(0).message()).isEqualTo("2 open records in Discovery longer than 21 days");
        assertThat(drafts).allSatisfy(d -> assertThat(d.kind()).isEqualTo(DriftKind.THRESHOLD));
    }

    @Test
    void reportsSkippedStagesPerPairNamingTheSkippedStages() {
        // when
        List<FindingDraft> drafts = check(new StageSkippedRule());

        // then
        assertThat(drafts).extracting(FindingDraft::subject, FindingDraft::message, FindingDraft::evidence).containsExactly(
                tuple("salesforce:Opportunity.StageName#Qualification->Proposal/Price Quote",
                        "1 record moved from Discovery to Selection, skipping Evaluation", List.of("F")),
                tuple("salesforce:Opportunity.StageName#Qualification->Closed Won",
                        "1 record moved from Discovery to Won, skipping Evaluation, Selection", List.of("G")));
    }

    @Test
    void reportsNoSkipsOrRegressionsTheBlueprintAllows() {
        // given
        Blueprint permissive = HistoryFixtures.blueprint(true, true, List.of());
        RecordingContext context = new RecordingContext(HistoryFixtures.SCENARIO_TWO_AS_OF, metrics);

        // when
        new StageSkippedRule().check(permissive, snapshot, context);
        new StageRegressionRule().check(permissive, snapshot, context);

        // then
        assertThat(context.reported).isEmpty();
    }

    @Test
    void reportsRegressionsIncludingReopenedDeals() {
        // when
        List<FindingDraft> drafts = check(new StageRegressionRule());

        // then
        assertThat(drafts).extracting(FindingDraft::message).containsExactly(
                "1 record moved back from Selection to Discovery", "1 record moved back from Won to Evaluation");
    }

    @Test
    void reportsOpenRecordsWithACloseDateBeforeTheAsOfDate() {
        // when
        List<FindingDraft> drafts = check(new CloseDatePastRule());

        // then
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo("salesforce:Opportunity.CloseDate");
            assertThat(d.message()).isEqualTo("2 open records have a close date before 2024-02-20");
            assertThat(d.count()).isEqualTo(2);
            assertThat(d.evidence()).containsExactly("G", "I");
        });
    }

    @Test
    void reportsConversionsBelowTheirTargetButNotUnmeasuredLeadTargets() {
        // given
        StageMetrics scenarioOne = HistoryFixtures.scenarioOne();
        RecordingContext context = new RecordingContext(HistoryFixtures.SCENARIO_ONE_AS_OF, scenarioOne);
        Blueprint withTargets = HistoryFixtures.blueprint(false, true, HistoryFixtures.SCENARIO_ONE_TARGETS);

        // when
        new ConversionBelowTargetRule().check(withTargets,
                HistoryFixtures.snapshot(List.of(HistoryFixtures.pipeline()), null, List.of()), context);

        // then
        assertThat(context.reported).extracting(FindingDraft::subject, FindingDraft::message, FindingDraft::count).containsExactly(
                tuple("salesforce:Opportunity.StageName#Needs Analysis->Proposal/Price Quote",
                        "Conversion from Evaluation to Selection is 50.0% (2 of 4), below the target of 60.0%", 4L),
                tuple("salesforce:Opportunity.StageName#Qualification->Closed Won",
                        "Conversion from Discovery to Won is 40.0% (2 of 5), below the target of 50.0%", 5L));
        assertThat(context.reported.get(1).evidence()).containsExactly("B", "C", "D");
    }

    @Test
    void reportsLeadStatusConversionsBelowTargetAtTheLeadStatusValue() {
        // given
        Blueprint withLeadTarget = HistoryFixtures.blueprint(false, true, List.of(new ConversionTarget("mql", "sql", 0.6)));
        Snapshot withLeads = HistoryFixtures.snapshot(List.of(HistoryFixtures.pipeline()),
                HistoryFixtures.historyOf(false, HistoryFixtures.rows("Lead", HistoryFixtures.LEADS)), List.of());
        StageMetrics leadMetrics = StageMetricsCalculator.compute(withLeadTarget, withLeads, HistoryFixtures.SCENARIO_ONE_AS_OF);
        RecordingContext context = new RecordingContext(HistoryFixtures.SCENARIO_ONE_AS_OF, leadMetrics);

        // when
        new ConversionBelowTargetRule().check(withLeadTarget, withLeads, context);

        // then
        assertThat(context.reported).extracting(FindingDraft::subject, FindingDraft::message, FindingDraft::count,
                FindingDraft::evidence).containsExactly(tuple("salesforce:Lead.Status#Marketing Qualified->Sales Qualified",
                "Conversion from Marketing Qualified to Sales Qualified is 50.0% (3 of 6), below the target of 60.0%", 6L,
                List.of("L2", "L4", "L6")));
    }

    @Test
    void addressesLeadStatusConversionsAtTheMappedCrmLeadStatus() {
        // given
        Blueprint withLeadTarget = HistoryFixtures.blueprint(false, true, List.of(new ConversionTarget("mql", "sql", 0.6)));
        Pipeline leadStatuses = new Pipeline("LeadStatus", "LeadStatus", "Lead", true, List.of(
                leadStage("MQL", "Marketing Qualified"), leadStage("SQL", "Sales Qualified")),
                ResourceRef.of("salesforce", "StandardValueSet/LeadStatus"));
        List<StageEvent> rows = new ArrayList<>(HistoryFixtures.rows("Lead", HistoryFixtures.LEADS));
        rows.addAll(HistoryFixtures.rows("Opportunity", HistoryFixtures.SCENARIO_ONE));
        Snapshot withLeads = HistoryFixtures.snapshot(List.of(HistoryFixtures.pipeline(), leadStatuses),
                HistoryFixtures.historyOf(true, rows), List.of());
        StageMetrics leadMetrics = StageMetricsCalculator.compute(withLeadTarget, withLeads, HistoryFixtures.SCENARIO_ONE_AS_OF);
        RecordingContext context = new RecordingContext(HistoryFixtures.SCENARIO_ONE_AS_OF, leadMetrics);

        // when
        new ConversionBelowTargetRule().check(withLeadTarget, withLeads, context);

        // then
        assertThat(context.reported).extracting(FindingDraft::subject, FindingDraft::location)
                .containsExactly(tuple("salesforce:StandardValueSet/LeadStatus/MQL->SQL",
                        ResourceRef.of("salesforce", "StandardValueSet/LeadStatus/MQL")));
    }

    @Test
    void checksEveryLifecycleAgainstItsOwnRecordsScopedToItsPipeline() {
        // given: a renewal sales process sharing its closed stages with new business; R1 is stuck in Renewal Review
        Blueprint bowtie = TestBlueprints.parse("""
                opportunityLifecycle:
                  pipeline: New Business
                  stages:
                    - key: qualification
                      maxDaysInStage: 10
                    - key: won
                      crm: { salesforce: Closed Won }
                      closed: true
                      won: true
                lifecycles:
                  - name: renewals
                    motion: renewal
                    pipeline: Renewal
                    allowRegression: false
                    stages:
                      - key: renewal-review
                        label: Renewal Review
                        maxDaysInStage: 30
                      - key: renewed
                        crm: { salesforce: Closed Won }
                        closed: true
                        won: true
                """);
        Snapshot org = SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "New Business", true, p -> p.stage("Qualification").stage("Closed Won", s -> s.closedWon()))
                .pipeline("Opportunity", "Renewal", false, p -> p.stage("Renewal Review").stage("Closed Won", s -> s.closedWon()))
                .history(List.of(
                        new StageEvent("Opportunity", "N1", "Qualification", SnapshotBuilder.AS_OF.minusSeconds(86_400L * 5), null, null, null, null),
                        new StageEvent("Opportunity", "R1", "Renewal Review", SnapshotBuilder.AS_OF.minusSeconds(86_400L * 90), null, null, null, null),
                        new StageEvent("Opportunity", "R2", "Renewal Review", SnapshotBuilder.AS_OF.minusSeconds(86_400L * 60), null, null, null, null),
                        new StageEvent("Opportunity", "R2", "Closed Won", SnapshotBuilder.AS_OF.minusSeconds(86_400L * 50), null, null, null, null),
                        new StageEvent("Opportunity", "R2", "Renewal Review", SnapshotBuilder.AS_OF.minusSeconds(86_400L * 10), null, null, null, null)))
                .build();
        RecordingContext context = new RecordingContext(SnapshotBuilder.AS_OF,
                StageMetricsCalculator.computeAll(bowtie, org, SnapshotBuilder.AS_OF));

        // when
        DataRules.all().forEach(rule -> rule.check(bowtie, org, context));

        // then: nothing for new business (N1 is 5 days in), the renewal's stale record and its reopened one
        assertThat(context.reported).extracting(FindingDraft::subject, FindingDraft::message).containsExactly(
                tuple("salesforce:BusinessProcess/Opportunity.Renewal#Renewal Review",
                        "Lifecycle 'renewals': 1 open record in Renewal Review longer than 30 days"),
                tuple("salesforce:BusinessProcess/Opportunity.Renewal#Closed Won->Renewal Review",
                        "Lifecycle 'renewals': 1 record moved back from renewed to Renewal Review"));
        assertThat(context.reported.get(0).evidence()).containsExactly("R1");
        assertThat(context.reported.get(0).declaration()).isEqualTo("/lifecycles/0/stages/0");
        assertThat(context.reported.get(1).declaration()).isEqualTo("/lifecycles/0/allowRegression");
    }

    private static Stage leadStage(String apiName, String label) {
        return new Stage(apiName, label, 0, null, null, false, false, false, true,
                ResourceRef.of("salesforce", "StandardValueSet/LeadStatus/" + apiName), Map.of());
    }

    private List<FindingDraft> check(Rule rule) {
        RecordingContext context = new RecordingContext(HistoryFixtures.SCENARIO_TWO_AS_OF, metrics);
        rule.check(blueprint, snapshot, context);
        return context.reported;
    }
}
