package dev.l2o.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.audit.Coverage.Section;
import dev.l2o.audit.Coverage.SectionShare;
import dev.l2o.audit.Coverage.Status;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.RuleEngine;
import dev.l2o.rules.builtin.BuiltinRules;
import dev.l2o.rules.testing.SnapshotBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {
    private static final String BLUEPRINT = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata:
              name: coverage
            opportunityLifecycle:
              stages:
                - key: discovery
                  crm: { salesforce: "Qualification" }
                  probability: 10
                  maxDaysInStage: 14
                  entry:
                    requiredFields: [Amount]
                  exit:
                    requiredFields: [Pain__c]
                - key: evaluation
                  crm: { salesforce: "Needs Analysis" }
                  maxDaysInStage: 30
                  entry:
                    requiredFields: [Budget__c]
                - key: won
                  crm: { salesforce: "Closed Won" }
                  closed: true
                  won: true
            fields:
              - { object: Opportunity, name: Pain__c, type: LongTextArea }
              - { object: Opportunity, name: Budget__c, type: Currency }
              - { object: Opportunity, name: Segment__c, type: Picklist, values: [SMB, Enterprise] }
            automation:
              - { name: Renewal_Kickoff, object: Opportunity, kind: flow }
              - { name: Stage_Guard, object: Opportunity, kind: flow }
            benchmarks:
              conversion:
                - { from: discovery, to: evaluation, rate: 0.4 }
                - { from: evaluation, to: won, rate: 0.3 }
            """;

    private static Coverage coverage(Snapshot snapshot) {
        LoadedBlueprint loaded = BlueprintLoader.parse(BLUEPRINT, "blueprint.yaml");
        List<Finding> findings = new RuleEngine(BuiltinRules.all()).run(loaded, snapshot, SnapshotBuilder.AS_OF, Map.of());
        return Coverage.of(loaded, snapshot, findings);
    }

    private static SnapshotBuilder fullOrg() {
        return SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "All", p -> p.stage("Qualification", s -> s.probability(10))
                        .stage("Needs Analysis").stage("Closed Won", s -> s.closedWon()))
                .requiredField("Opportunity", "Amount", "Currency")
                .requiredField("Opportunity", "Pain__c", "LongTextArea")
                .requiredField("Opportunity", "Budget__c", "Currency")
                .picklist("Opportunity", "Segment__c", "SMB", "Enterprise")
                .flow("Opportunity", "Renewal_Kickoff", true)
                .flow("Opportunity", "Stage_Guard", true);
    }

    @Test
    void aCrmThatHasEverythingTheBlueprintDesignsIsFullyCovered() {
        // when
        Coverage coverage = coverage(fullOrg().build());

        // then
        assertThat(coverage.gaps()).isEmpty();
        assertThat(coverage.overall()).hasValue(1.0);
        assertThat(coverage.sections()).extracting(SectionShare::section, SectionShare::total).containsExactly(
                tuple(Section.STAGES, 3), tuple(Section.CRITERIA, 3), tuple(Section.FIELDS, 3),
                tuple(Section.AUTOMATION, 2), tuple(Section.BENCHMARKS, 4));
    }

    @Test
    void missingFindingsMakeElementsAbsentAndMismatchOrUnenforcedFindingsPartlyLive() {
        // given: evaluation is gone, Budget__c is missing, Pain__c is optional and enforced by nothing, discovery
        // has another probability, Segment__c lacks a value, one flow is inactive and the other missing
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "All", p -> p.stage("Qualification", s -> s.probability(20))
                        .stage("Closed Won", s -> s.closedWon()))
                .requiredField("Opportunity", "Amount", "Currency")
                .field("Opportunity", "Pain__c", "LongTextArea")
                .picklist("Opportunity", "Segment__c", "SMB")
                .flow("Opportunity", "Stage_Guard", false)
                .build();

        // when
        Coverage coverage = coverage(snapshot);

        // then
        assertThat(coverage.elements()).extracting(Coverage.Element::section, Coverage.Element::name,
                Coverage.Element::status, Coverage.Element::because).containsExactly(
                tuple(Section.STAGES, "discovery", Status.PARTIAL, List.of("L2O-STAGE-PROBABILITY")),
                tuple(Section.STAGES, "evaluation", Status.ABSENT, List.of("L2O-STAGE-MISSING")),
                tuple(Section.STAGES, "won", Status.LIVE, List.of()),
                tuple(Section.CRITERIA, "discovery: enter requires Amount", Status.LIVE, List.of()),
                tuple(Section.CRITERIA, "discovery: leave requires Pain__c", Status.PARTIAL, List.of("L2O-CRITERIA-UNENFORCED")),
                tuple(Section.CRITERIA, "evaluation: enter requires Budget__c", Status.ABSENT, List.of("stage absent")),
                tuple(Section.FIELDS, "Opportunity.Pain__c", Status.LIVE, List.of()),
                tuple(Section.FIELDS, "Opportunity.Budget__c", Status.ABSENT, List.of("L2O-FIELD-MISSING")),
                tuple(Section.FIELDS, "Opportunity.Segment__c", Status.PARTIAL, List.of("L2O-FIELD-PICKLIST")),
                tuple(Section.AUTOMATION, "flow Renewal_Kickoff", Status.ABSENT, List.of("L2O-AUTOMATION-MISSING")),
                tuple(Section.AUTOMATION, "flow Stage_Guard", Status.PARTIAL, List.of("L2O-AUTOMATION-INACTIVE")),
                tuple(Section.BENCHMARKS, "maxDaysInStage discovery (14 days)", Status.LIVE, List.of()),
                tuple(Section.BENCHMARKS, "maxDaysInStage evaluation (30 days)", Status.ABSENT, List.of("stage absent")),
                tuple(Section.BENCHMARKS, "conversion discovery → evaluation (40%)", Status.PARTIAL, List.of("one stage absent")),
                tuple(Section.BENCHMARKS, "conversion evaluation → won (30%)", Status.PARTIAL, List.of("one stage absent")));
        assertThat(coverage.sections()).extracting(SectionShare::section, SectionShare::live, SectionShare::partial,
                SectionShare::absent, SectionShare::share).containsExactly(
                tuple(Section.STAGES, 1, 1, 1, 0.5),
                tuple(Section.CRITERIA, 1, 1, 1, 0.5),
                tuple(Section.FIELDS, 1, 1, 1, 0.5),
                tuple(Section.AUTOMATION, 0, 1, 1, 0.25),
                tuple(Section.BENCHMARKS, 1, 2, 1, 0.5));
        // (1 + 1 + 1 + 0 + 1 live) + ½ (1 + 1 + 1 + 1 + 2 partial) over 15 elements
        assertThat(coverage.overall()).hasValue(0.4667);
    }

    @Test
    void aCriterionWhoseFieldIsMissingIsAbsentWhileItsStageIsLive() {
        // given
        Snapshot snapshot = fullOrg().build();
        Snapshot withoutBudget = new Snapshot(snapshot.source(), snapshot.crm(), snapshot.asOf(), snapshot.completeness(),
                snapshot.pipelines(), snapshot.fields().stream().filter(f -> !f.name().equals("Budget__c")).toList(),
                snapshot.automations(), snapshot.assignmentRules(), snapshot.assignees(), snapshot.records(),
                snapshot.history());

        // when
        Coverage coverage = coverage(withoutBudget);

        // then
        assertThat(coverage.gaps()).extracting(Coverage.Element::name, Coverage.Element::status).containsExactly(
                tuple("evaluation: enter requires Budget__c", Status.ABSENT),
                tuple("Opportunity.Budget__c", Status.ABSENT));
    }

    @Test
    void withoutStageHistoryNoBenchmarkIsLive() {
        // when
        Coverage coverage = coverage(fullOrg().withoutHistory().build());

        // then
        assertThat(coverage.elements()).filteredOn(e -> e.section() == Section.BENCHMARKS)
                .extracting(Coverage.Element::status, Coverage.Element::because)
                .containsOnly(tuple(Status.ABSENT, List.of("L2O-HISTORY-UNTRACKED")));
        assertThat(coverage.sections()).filteredOn(s -> s.section() == Section.STAGES)
                .extracting(SectionShare::share).containsExactly(1.0);
    }

    @Test
    void aBlueprintWithoutPipelineInTheCrmHasEveryStageAbsentByThePipelineRule() {
        // when
        Coverage coverage = coverage(SnapshotBuilder.salesforce().build());

        // then
        assertThat(coverage.elements()).filteredOn(e -> e.section() == Section.STAGES)
                .extracting(Coverage.Element::status, Coverage.Element::because)
                .containsOnly(tuple(Status.ABSENT, List.of("L2O-PIPELINE-MISSING")));
    }

    @Test
    void aReportWithoutDesignedElementsHasNoOverallShare() {
        assertThat(Coverage.none().overall()).isEmpty();
        assertThat(Coverage.none().sections()).isEmpty();
    }

    @Test
    void theStagesOfEachLifecycleAreElementsNamedAfterIt() {
        // given
        String yaml = BLUEPRINT.replace("fields:\n", """
                lifecycles:
                  - name: renewals
                    motion: renewal
                    pipeline: Renewal
                    stages:
                      - key: renewal-review
                        label: Renewal Review
                      - key: renewed
                        crm: { salesforce: "Closed Won" }
                        closed: true
                        won: true
                fields:
                """);
        LoadedBlueprint loaded = BlueprintLoader.parse(yaml, "blueprint.yaml");
        Snapshot snapshot = fullOrg()
                .pipeline("Opportunity", "Renewal", false, p -> p.stage("Closed Won", s -> s.closedWon()))
                .build();
        List<Finding> findings = new RuleEngine(BuiltinRules.all()).run(loaded, snapshot, SnapshotBuilder.AS_OF, Map.of());

        // when
        Coverage coverage = Coverage.of(loaded, snapshot, findings);

        // then
        assertThat(coverage.elements()).filteredOn(e -> e.name().startsWith("renewals/"))
                .extracting(Coverage.Element::name, Coverage.Element::status)
                .containsExactly(tuple("renewals/renewal-review", Status.ABSENT), tuple("renewals/renewed", Status.LIVE));
    }
}
