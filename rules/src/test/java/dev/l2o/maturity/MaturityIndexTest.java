package dev.l2o.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.blueprint.AssignTo;
import dev.l2o.blueprint.AutomationSpec;
import dev.l2o.blueprint.Benchmarks;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintMetadata;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.blueprint.Criteria;
import dev.l2o.blueprint.FieldSpec;
import dev.l2o.blueprint.LeadLifecycle;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.Motion;
import dev.l2o.blueprint.OpportunityLifecycle;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.metrics.Conversion;
import dev.l2o.metrics.ConversionBenchmark;
import dev.l2o.metrics.HistoryFixtures;
import dev.l2o.metrics.RecordSample;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaturityIndexTest {

    /** A blueprint and CRM that reach level 4 everywhere until a test takes something away. */
    private static final class World {
        List<StageSpec> stages = new ArrayList<>(HistoryFixtures.stages());
        LeadLifecycle leadLifecycle = HistoryFixtures.leadLifecycle();
        List<FieldSpec> fields = new ArrayList<>(List.of(new FieldSpec("Account", "ICP_Tier__c", "Picklist", true, null)));
        List<RoutingSpec> routing = new ArrayList<>(List.of(new RoutingSpec("enterprise", "Lead",
                "lead.NumberOfEmployees >= 1000 && lead.Country.startsWith('U')", new AssignTo(null, "Enterprise", null))));
        List<AutomationSpec> automation = new ArrayList<>(List.of(new AutomationSpec("Handoff", "Lead", "flow", true)));
        List<ConversionTarget> targets = new ArrayList<>(List.of(new ConversionTarget("discovery", "won", 0.2)));
        List<Pipeline> pipelines = new ArrayList<>(List.of(HistoryFixtures.pipeline(), leadPipeline()));
        List<FieldDef> crmFields = new ArrayList<>(List.of(field("Account", "ICP_Tier__c"), field("Lead", "NumberOfEmployees"),
                field("Lead", "Country")));
        List<CrmRecord> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        StageMetrics metrics = metrics(10, 0, 0.3);
        List<Lifecycle> lifecycles = new ArrayList<>(List.of(new Lifecycle("renewals", Motion.RENEWAL, "Opportunity", null, false,
                null, HistoryFixtures.stages().stream().filter(StageSpec::closed).toList(), null)));

        World() {
            stages.set(0, withCriteria(stages.get(0), List.of("Amount", "CloseDate")));
            for (int i = 0; i < 10; i++) {
                records.add(new CrmRecord("Account", "001" + i, Map.of("ICP_Tier__c", "Tier 1")));
                records.add(new CrmRecord("Lead", "00Q" + i, Map.of("NumberOfEmployees", 50L, "Country", "US")));
            }
        }

        Maturity score() {
            Blueprint blueprint = new Blueprint("l2o/v1", "Blueprint", new BlueprintMetadata("test", null, null), leadLifecycle,
                    new OpportunityLifecycle("Opportunity", null, false, true, stages), fields, routing, automation,
                    new Benchmarks(targets), null, null, null, lifecycles);
            Snapshot snapshot = new Snapshot(new SourceInfo("sfdx", "test", null), "salesforce", HistoryFixtures.day(100),
                    Completeness.full(), pipelines, crmFields, List.of(), List.of(), List.of(), records, null);
            return MaturityIndex.score(blueprint, snapshot, findings, metrics);
        }

        double score(Dimension dimension) {
            return score().dimensions().get(dimension.ordinal()).score();
        }

        void find(String ruleId, Severity severity, Dimension dimension) {
            findings.add(new Finding(ruleId, severity, dimension, DriftKind.MISMATCH, "salesforce:x#" + findings.size(), null,
                    "a finding", null, null, 1, List.of(), null));
        }
    }

    @Test
    void aCompleteArchitectureScoresFourEverywhereWithEvidenceForEachLevel() {
        // when
        Maturity maturity = new World().score();

        // then
        assertThat(maturity.dimensions()).extracting(DimensionScore::dimension).containsExactly(Dimension.values());
        assertThat(maturity.dimensions()).extracting(DimensionScore::score).containsOnly(4.0);
        assertThat(maturity.dimensions()).allSatisfy(d -> assertThat(d.evidence()).hasSize(4));
        assertThat(maturity.overall()).isEqualTo(4.0);
        assertThat(maturity.revenueMachine()).isTrue();
    }

    @Test
    void theTopLifecycleLevelNeedsAPostSaleLifecycle() {
        // given
        World newBusinessOnly = new World();
        newBusinessOnly.lifecycles.clear();
        World expansion = new World();
        expansion.lifecycles.set(0, new Lifecycle("expansion", Motion.EXPANSION, "Opportunity", null, false, null,
                expansion.lifecycles.get(0).stages(), null));

        // when
        DimensionScore withoutPostSale = newBusinessOnly.score().dimensions().get(Dimension.LIFECYCLE.ordinal());

        // then
        assertThat(withoutPostSale.score()).isEqualTo(3.0);
        assertThat(withoutPostSale.evidence()).last().asString().contains("no post-sale (renewal or expansion) lifecycle designed");
        assertThat(expansion.score(Dimension.LIFECYCLE)).isEqualTo(4.0);
    }

    @Test
    void overallOfExactlyThreeIsARevenueMachineAndJustBelowIsNot() {
        // given
        World threeEverywhere = new World();
        World oneLower = new World();
        for (Dimension dimension : Dimension.values()) {
            threeEverywhere.find("TEST-WARNING", Severity.WARNING, dimension);
            oneLower.find("TEST-WARNING", Severity.WARNING, dimension);
        }
        oneLower.find("TEST-ERROR", Severity.ERROR, Dimension.ROUTING);

        // when
        Maturity three = threeEverywhere.score();
        Maturity belowThree = oneLower.score();

        // then
        assertThat(three.overall()).isEqualTo(3.0);
        assertThat(three.revenueMachine()).isTrue();
        assertThat(belowThree.overall()).isEqualTo(17 / 6.0);
        assertThat(belowThree.revenueMachine()).isFalse();
        assertThat(belowThree.dimensions().get(Dimension.ROUTING.ordinal()).evidence())
                .containsExactly("1: 1 routing rules and 1 automations designed", "2: 2 of 2 implemented and active",
                        "not 3: 1 error finding: TEST-ERROR (1)");
    }

    @Test
    void strategyClimbsFromDesignedToPresentToPopulatedFields() {
        // given
        World world = new World();

        // then
        world.records.replaceAll(r -> r.object().equals("Account") && r.id().equals("0010")
                ? new CrmRecord("Account", "0010", Map.of()) : r);
        assertThat(world.score(Dimension.STRATEGY)).isEqualTo(4.0);
        world.records.replaceAll(r -> r.object().equals("Account") && r.id().equals("0011")
                ? new CrmRecord("Account", "0011", Map.of()) : r);
        assertThat(world.score(Dimension.STRATEGY)).isEqualTo(3.0);
        world.records.clear();
        assertThat(world.score(Dimension.STRATEGY)).isEqualTo(3.0);
        world.crmFields.remove(0);
        assertThat(world.score(Dimension.STRATEGY)).isEqualTo(2.0);
        world.crmFields.remove(0);
        assertThat(world.score(Dimension.STRATEGY)).isEqualTo(1.0);
        world.fields.clear();
        world.routing.clear();
        assertThat(world.score(Dimension.STRATEGY)).isEqualTo(0.0);
    }

    @Test
    void strategyFieldsAreNamedForSegmentationOrReadByRouting() {
        // given
        World world = new World();
        world.fields.add(new FieldSpec("Opportunity", "Pain__c", "LongTextArea", false, null));

        // when
        var fields = MaturityIndex.strategyFields(new Blueprint(null, null, null, null, null, world.fields, world.routing,
                null, null, null, null));

        // then
        assertThat(fields.keySet()).containsExactly("Account.ICP_Tier__c", "Lead.Country", "Lead.NumberOfEmployees");
    }

    @Test
    void lifecycleClimbsFromDesignedStagesToAMappedBowtie() {
        // given
        World world = new World();
        world.lifecycles.clear();

        // then
        world.find("L2O-STAGE-ORDER", Severity.WARNING, Dimension.LIFECYCLE);
        assertThat(world.score(Dimension.LIFECYCLE)).isEqualTo(3.0);
        world.findings.clear();
        world.pipelines.remove(1);
        assertThat(world.score(Dimension.LIFECYCLE)).isEqualTo(3.0);
        world.find("L2O-STAGE-CLOSED-FLAGS", Severity.ERROR, Dimension.LIFECYCLE);
        assertThat(world.score(Dimension.LIFECYCLE)).isEqualTo(2.0);
        world.findings.clear();
        for (String key : List.of("a", "b", "c", "d", "e")) {
            world.stages.add(HistoryFixtures.stage(key, "Missing " + key, false, false, 5));
        }
        assertThat(world.score(Dimension.LIFECYCLE)).isEqualTo(2.0);
        world.stages.add(HistoryFixtures.stage("f", "Missing f", false, false, 5));
        assertThat(world.score(Dimension.LIFECYCLE)).isEqualTo(1.0);
        world.stages.clear();
        assertThat(world.score(Dimension.LIFECYCLE)).isEqualTo(0.0);
    }

    @Test
    void qualificationClimbsFromDesignedToEnforcedToRespectedCriteria() {
        // given
        World world = new World();

        // then
        world.find("NW-CLOSE-PLAN", Severity.WARNING, Dimension.QUALIFICATION);
        assertThat(world.score(Dimension.QUALIFICATION)).isEqualTo(3.0);
        world.findings.clear();
        world.metrics = null;
        assertThat(world.score(Dimension.QUALIFICATION)).isEqualTo(3.0);
        world.find("L2O-CRITERIA-UNENFORCED", Severity.WARNING, Dimension.QUALIFICATION);
        assertThat(world.score(Dimension.QUALIFICATION)).isEqualTo(2.0);
        world.find("L2O-CRITERIA-UNENFORCED", Severity.WARNING, Dimension.QUALIFICATION);
        assertThat(world.score(Dimension.QUALIFICATION)).isEqualTo(1.0);
        world.stages.set(0, withCriteria(world.stages.get(0), List.of()));
        assertThat(world.score(Dimension.QUALIFICATION)).isEqualTo(0.0);
    }

    @Test
    void routingClimbsFromDesignedToImplementedToFullyDeclared() {
        // given
        World world = new World();

        // then
        world.find("L2O-ROUTING-UNDECLARED", Severity.WARNING, Dimension.ROUTING);
        assertThat(world.score(Dimension.ROUTING)).isEqualTo(3.0);
        world.find("L2O-AUTOMATION-INACTIVE", Severity.ERROR, Dimension.ROUTING);
        assertThat(world.score(Dimension.ROUTING)).isEqualTo(2.0);
        world.find("L2O-ROUTING-UNIMPLEMENTED", Severity.ERROR, Dimension.ROUTING);
        assertThat(world.score(Dimension.ROUTING)).isEqualTo(1.0);
        world.routing.clear();
        world.automation.clear();
        assertThat(world.score(Dimension.ROUTING)).isEqualTo(0.0);
    }

    @Test
    void pipelineScoresTheShareOfOpenRecordsThatAreStaleOrPastDue() {
        // given
        World world = new World();

        // then
        world.metrics = metrics(20, 2, 0.3);
        assertThat(world.score(Dimension.PIPELINE)).isEqualTo(4.0);
        world.find("L2O-STALE-DEAL", Severity.WARNING, Dimension.PIPELINE);
        assertThat(world.score(Dimension.PIPELINE)).isEqualTo(3.0);
        world.metrics = metrics(20, 3, 0.3);
        assertThat(world.score(Dimension.PIPELINE)).isEqualTo(2.0);
        world.metrics = metrics(20, 5, 0.3);
        assertThat(world.score(Dimension.PIPELINE)).isEqualTo(2.0);
        world.metrics = metrics(20, 6, 0.3);
        assertThat(world.score(Dimension.PIPELINE)).isEqualTo(1.0);
        world.metrics = null;
        assertThat(world.score(Dimension.PIPELINE)).isEqualTo(0.0);
    }

    @Test
    void measurementClimbsFromTrackedHistoryToMeasuredTargets() {
        // given
        World world = new World();

        // then
        world.find("L2O-CONVERSION-BELOW-TARGET", Severity.WARNING, Dimension.MEASUREMENT);
        assertThat(world.score(Dimension.MEASUREMENT)).isEqualTo(3.0);
        world.findings.clear();
        world.metrics = metrics(10, 0, null);
        assertThat(world.score(Dimension.MEASUREMENT)).isEqualTo(3.0);
        world.stages.set(1, HistoryFixtures.stage("evaluation", "Needs Analysis", false, false, null));
        assertThat(world.score(Dimension.MEASUREMENT)).isEqualTo(2.0);
        world.find("L2O-STAGE-PROBABILITY", Severity.WARNING, Dimension.MEASUREMENT);
        assertThat(world.score(Dimension.MEASUREMENT)).isEqualTo(1.0);
        world.find("L2O-HISTORY-UNTRACKED", Severity.WARNING, Dimension.MEASUREMENT);
        assertThat(world.score(Dimension.MEASUREMENT)).isEqualTo(0.0);
    }

    private static StageSpec withCriteria(StageSpec stage, List<String> entryFields) {
        return new StageSpec(stage.key(), stage.label(), stage.crm(), stage.probability(), stage.forecastCategory(),
                stage.closed(), stage.won(), new Criteria(entryFields), stage.exit(), stage.maxDaysInStage());
    }

    private static Pipeline leadPipeline() {
        return new Pipeline("LeadStatus", "LeadStatus", "Lead", true, List.of(
                HistoryFixtures.crmStage("Marketing Qualified", 0, false, false),
                HistoryFixtures.crmStage("Sales Qualified", 1, false, false),
                HistoryFixtures.crmStage("Closed - Converted", 2, true, false)),
                ResourceRef.of("salesforce", "StandardValueSet/LeadStatus"));
    }

    private static FieldDef field(String object, String name) {
        return new FieldDef(object, name, null, "Text", false, true, null, null, null, false,
                ResourceRef.of("salesforce", object + "." + name));
    }

    /** Metrics of 10 closed and {@code open} open records, with a measured discovery-to-won rate or none. */
    private static StageMetrics metrics(long open, long staleOrPastDue, Double discoveryToWon) {
        List<Conversion> conversions = discoveryToWon == null ? List.of()
                : List.of(new Conversion("discovery", "won", true, 10, (long) (10 * discoveryToWon), discoveryToWon, 0.2,
                        0.26, 0.34, null, List.of()));
        return new StageMetrics(HistoryFixtures.day(100), true, "test", 100, 0, open + 10, open, 10, 5, List.of(),
                conversions, 0.5, 30.0, 1000.0, 30.0, 1.0, List.of(), List.of(), RecordSample.none(), staleOrPastDue,
                ConversionBenchmark.FORRESTER_FUNNEL);
    }
}
