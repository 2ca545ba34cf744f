package dev.l2o.rules.builtin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Snapshot;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.Severity;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {
    private static final List<Rule> LIFECYCLE_RULES = List.of(new PipelineMissingRule(), new StageMissingRule(),
            new StageUndeclaredRule(), new StageOrderRule(), new StageClosedFlagsRule());

    private static final String BLUEPRINT = """
            opportunityLifecycle:
              pipeline: New Business
              stages:
                - key: discovery
                  crm: { salesforce: "Qualification" }
                - key: evaluation
                  label: Needs Analysis
                - key: proposal
                - key: won
                  crm: { salesforce: "closed won" }
                  closed: true
                  won: true
            """;

    private static List<Finding> run(String yaml, Snapshot snapshot) {
        return RuleRunner.run(LIFECYCLE_RULES, TestBlueprints.parse(yaml), snapshot);
    }

    private static SnapshotBuilder matching() {
        return SnapshotBuilder.salesforce().pipeline("Opportunity", "New Business", p -> p
                .stage("Qualification")
                .stage("needs analysis")
                .stage("PROPOSAL")
                .stage("Closed Won", s -> s.closedWon()));
    }

    @Test
    void stagesMatchByCrmMappingByKeyAndByLabelIgnoringCase() {
        // given
        Snapshot snapshot = matching().build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void aStageWithoutCrmStageIsMissingAtThePipelineAddress() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce().pipeline("Opportunity", "New Business", p -> p
                .stage("Qualification")
                .stage("Needs Analysis")
                .stage("Closed Won", s -> s.closedWon())).build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("L2O-STAGE-MISSING");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.kind()).isEqualTo(DriftKind.MISSING);
            assertThat(f.subject()).isEqualTo("salesforce:Opportunity.StageName#proposal");
            assertThat(f.expected()).isEqualTo("proposal");
            assertThat(f.message()).isEqualTo(
                    "Blueprint stage 'proposal' has no stage 'proposal' in the CRM pipeline 'New Business'.");
        });
    }

    @Test
    void aPipelineTheSnapshotLacksIsReportedOnceInsteadOfEveryStage() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "Renewals", false, p -> p.stage("Qualification"))
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(tuple("L2O-PIPELINE-MISSING", "salesforce:Opportunity/pipeline/New Business",
                        "New Business", "'Renewals'"));
    }

    @Test
    void onlyActiveUnmappedStagesAreUndeclared() {
        // given
        Snapshot snapshot = matching()
                .pipeline("Opportunity", "Other", false, p -> p.stage("Elsewhere"))
                .build();
        Snapshot withExtraStages = SnapshotBuilder.salesforce().pipeline("Opportunity", "New Business", p -> p
                .stage("Qualification")
                .stage("Prospecting")
                .stage("Needs Analysis")
                .stage("Perception Analysis", s -> s.inactive())
                .stage("Proposal")
                .stage("Closed Won", s -> s.closedWon())).build();

        // when
        List<Finding> unrelatedPipeline = run(BLUEPRINT, snapshot);
        List<Finding> findings = run(BLUEPRINT, withExtraStages);

        // then
        assertThat(unrelatedPipeline).isEmpty();
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::severity, Finding::actual)
                .containsExactly(tuple("L2O-STAGE-UNDECLARED", "salesforce:Opportunity.StageName#Prospecting",
                        Severity.WARNING, "Prospecting"));
    }

    @Test
    void stagesInAnotherRelativeOrderGiveOneOrderFindingWithBothOrders() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce().pipeline("Opportunity", "New Business", p -> p
                .stage("Qualification")
                .stage("Proposal")
                .stage("Needs Analysis")
                .stage("Closed Won", s -> s.closedWon())).build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("L2O-STAGE-ORDER");
            assertThat(f.subject()).isEqualTo("salesforce:Opportunity.StageName");
            assertThat(f.expected()).isEqualTo("Qualification > Needs Analysis > Proposal > Closed Won");
            assertThat(f.actual()).isEqualTo("Qualification > Proposal > Needs Analysis > Closed Won");
            assertThat(f.message()).isEqualTo("The CRM pipeline 'New Business' orders the blueprint's stages as "
                    + "Qualification > Proposal > Needs Analysis > Closed Won instead of "
                    + "Qualification > Needs Analysis > Proposal > Closed Won.");
        });
    }

    @Test
    void closedAndWonFlagsAreComparedWithTheMappedStage() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce().pipeline("Opportunity", "New Business", p -> p
                .stage("Qualification")
                .stage("Needs Analysis")
                .stage("Proposal", s -> s.closedLost())
                .stage("Closed Won", s -> s.closedLost())).build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::subject, Finding::expected, Finding::actual).containsExactly(
                tuple("salesforce:Opportunity.StageName#Closed Won", "closed=true, won=true", "closed=true, won=false"),
                tuple("salesforce:Opportunity.StageName#Proposal", "closed=false, won=false", "closed=true, won=false"));
        assertThat(findings).allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("L2O-STAGE-CLOSED-FLAGS"));
    }

    @Test
    void leadStatusesAreCheckedOnTheLeadPipelineIncludingTheConvertedFlag() {
        // given
        String yaml = BLUEPRINT + """
                leadLifecycle:
                  statuses:
                    - key: new
                      crm: { salesforce: "Open - Not Contacted" }
                    - key: mql
                      label: Marketing Qualified
                    - key: converted
                      crm: { salesforce: "Closed - Converted" }
                      converted: true
                """;
        Snapshot snapshot = matching()
                .pipeline("Lead", "Lead Status", p -> p
                        .stage("Open - Not Contacted")
                        .stage("Working")
                        .stage("Closed - Converted"))
                .build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject).containsExactly(
                tuple("L2O-STAGE-CLOSED-FLAGS", "salesforce:Lead.Status#Closed - Converted"),
                tuple("L2O-STAGE-MISSING", "salesforce:Lead.Status#mql"),
                tuple("L2O-STAGE-UNDECLARED", "salesforce:Lead.Status#Working"));
    }

    @Test
    void aHubSpotPipelineIsComparedTheSameWayWithItsOwnStageIds() {
        // given
        String yaml = """
                opportunityLifecycle:
                  object: deals
                  stages:
                    - key: discovery
                      crm: { hubspot: "appointmentscheduled" }
                    - key: won
                      crm: { hubspot: "closedwon" }
                      closed: true
                      won: true
                """;
        Snapshot snapshot = SnapshotBuilder.hubspot().pipeline("deals", "Sales Pipeline", p -> p
                .stage("appointmentscheduled", s -> s.label("Appointment Scheduled"))
                .stage("3992480464", s -> s.label("Custom"))
                .stage("closedwon", s -> s.label("Closed Won").closedWon())).build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject).containsExactly(
                tuple("L2O-STAGE-UNDECLARED", "hubspot:pipeline/default/stage/3992480464"));
    }

    @Test
    void aBlueprintWrittenWithSalesforceObjectNamesFindsTheHubSpotDealPipeline() {
        // given
        String yaml = """
                opportunityLifecycle:
                  stages:
                    - key: won
                      crm: { salesforce: "Closed Won", hubspot: "closedwon" }
                      closed: true
                      won: true
                """;
        Snapshot snapshot = SnapshotBuilder.hubspot()
                .pipeline("deals", "Sales Pipeline", p -> p.stage("closedwon", s -> s.closedWon()))
                .build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void aLeadLifecycleWithoutAnyLeadPipelineIsOnePipelineMissingFinding() {
        // given
        String yaml = BLUEPRINT + """
                leadLifecycle:
                  statuses:
                    - key: new
                    - key: mql
                """;
        Snapshot snapshot = matching().build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("L2O-PIPELINE-MISSING");
            assertThat(f.subject()).isEqualTo("salesforce:Lead/pipeline/default");
            assertThat(f.message()).isEqualTo(
                    "The CRM has no default Lead pipeline to compare the blueprint's statuses with; it has none.");
        });
    }

    @Test
    void aHubSpotStageArchivedInTheComparedPipelineIsMissingEvenWhenAnotherPipelineHasItActive() {
        // given
        String yaml = """
                opportunityLifecycle:
                  object: deals
                  stages:
                    - key: discovery
                      crm: { hubspot: "appointmentscheduled" }
                    - key: qualification
                      label: Qualification
                    - key: won
                      crm: { hubspot: "closedwon" }
                      closed: true
                      won: true
                """;
        Snapshot snapshot = SnapshotBuilder.hubspot()
                .pipeline("deals", "Sales Pipeline", p -> p
                        .stage("appointmentscheduled", s -> s.label("Discovery"))
                        .stage("1073002", s -> s.label("Qualification").archived())
                        .stage("closedwon", s -> s.label("Closed Won").closedWon()))
                .pipeline("deals", "Partners", false, p -> p
                        .stage("1073101", s -> s.label("Qualification"))
                        .stage("1073102", s -> s.label("Won").closedWon()))
                .build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("L2O-STAGE-MISSING");
            assertThat(f.subject()).isEqualTo("hubspot:pipeline/default#qualification");
            assertThat(f.expected()).isEqualTo("qualification");
            assertThat(f.actual()).isEqualTo("archived in pipeline 'Sales Pipeline'; active only in pipeline 'Partners'");
            assertThat(f.message()).isEqualTo("Blueprint stage 'qualification' has no active stage 'qualification' in the "
                    + "CRM pipeline 'Sales Pipeline': it is archived in pipeline 'Sales Pipeline'; active only in pipeline "
                    + "'Partners'.");
        });
    }

    @Test
    void aSalesforceStageMappedToAnInactiveOpportunityStageValueIsMissing() {
        // given
        String yaml = """
                opportunityLifecycle:
                  stages:
                    - key: discovery
                      crm: { salesforce: "Qualification" }
                    - key: proposal
                      crm: { salesforce: "Proposal/Price Quote" }
                    - key: won
                      crm: { salesforce: "Closed Won" }
                      closed: true
                      won: true
                """;
        Snapshot snapshot = SnapshotBuilder.salesforce().pipeline("Opportunity", "All stages", p -> p
                .stage("Qualification")
                .stage("Proposal/Price Quote", s -> s.inactive())
                .stage("Closed Won", s -> s.closedWon())).build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(tuple("L2O-STAGE-MISSING", "salesforce:Opportunity.StageName#Proposal/Price Quote",
                        "Proposal/Price Quote", "inactive in pipeline 'All stages'"));
    }

    @Test
    void aSalesforceStageOfTheValueSetThatTheSelectedSalesProcessLacksIsMissingWithWhereItIs() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "All stages", p -> p
                        .stage("Qualification")
                        .stage("Needs Analysis")
                        .stage("Proposal")
                        .stage("Closed Won", s -> s.closedWon()))
                .pipeline("Opportunity", "New Business", false, p -> p
                        .stage("Qualification")
                        .stage("Needs Analysis")
                        .stage("Closed Won", s -> s.closedWon()))
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(tuple("L2O-STAGE-MISSING", "salesforce:BusinessProcess/Opportunity.New Business#proposal",
                        "proposal", "exists only in pipeline 'All stages'"));
    }

    @Test
    void aLeadStatusWhoseOnlyMatchIsAnInactiveValueIsMissing() {
        // given
        String yaml = BLUEPRINT + """
                leadLifecycle:
                  statuses:
                    - key: new
                      crm: { salesforce: "Open - Not Contacted" }
                    - key: working
                """;
        Snapshot snapshot = matching()
                .pipeline("Lead", "All statuses", p -> p
                        .stage("Open - Not Contacted")
                        .stage("Working", s -> s.inactive()))
                .build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::actual).containsExactly(
                tuple("L2O-STAGE-MISSING", "salesforce:Lead.Status#working", "inactive in pipeline 'All statuses'"));
    }

    @Test
    void eachLifecycleIsComparedWithItsOwnPipelineAndItsFindingsNameIt() {
        // given
        String yaml = BLUEPRINT + """
                lifecycles:
                  - name: renewals
                    motion: renewal
                    pipeline: Renewal
                    stages:
                      - key: renewal-review
                        label: Renewal Review
                      - key: renewed
                        crm: { salesforce: "closed won" }
                        closed: true
                        won: true
                """;
        Snapshot snapshot = matching()
                .pipeline("Opportunity", "Renewal", false, p -> p
                        .stage("Negotiation")
                        .stage("Closed Won", s -> s.closedWon()))
                .build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("L2O-STAGE-MISSING", "L2O-STAGE-UNDECLARED");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("L2O-STAGE-MISSING")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("Lifecycle 'renewals': Blueprint stage 'renewal-review' has no "
                        + "stage 'renewal-review' in the CRM pipeline 'Renewal'."));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("L2O-STAGE-UNDECLARED")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Lifecycle 'renewals': ").contains("Negotiation"));
    }

    @Test
    void aRenewalLifecycleWhosePipelineIsMissingIsReportedOnce() {
        // given
        String yaml = BLUEPRINT + """
                lifecycles:
                  - name: renewals
                    motion: renewal
                    pipeline: Renewal
                    stages:
                      - key: renewed
                        closed: true
                        won: true
                """;

        // when
        List<Finding> findings = run(yaml, matching().build());

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::message)
                .containsExactly(tuple("L2O-PIPELINE-MISSING", "salesforce:Opportunity/pipeline/Renewal",
                        "Lifecycle 'renewals': The CRM has no Opportunity pipeline 'Renewal'; it has 'New Business'."));
    }
}
