package dev.l2o.rules.custom;

import static dev.l2o.rules.custom.Fixtures.field;
import static dev.l2o.rules.custom.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.CustomRuleSpec;
import dev.l2o.blueprint.OpportunityLifecycle;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomRulesTest {
    private static final String HEAD = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata: { name: test }
            opportunityLifecycle:
              pipeline: New Business
              stages:
                - { key: discovery, crm: { salesforce: Qualification }, maxDaysInStage: 10 }
                - { key: commitment, crm: { salesforce: Negotiation/Review }, maxDaysInStage: 10 }
                - { key: won, crm: { salesforce: Closed Won }, closed: true, won: true }
            leadLifecycle:
              statuses:
                - { key: new, crm: { salesforce: "Open - Not Contacted" } }
                - { key: sql, crm: { salesforce: "Sales Qualified" } }
            """;

    @Test
    void exampleClosePlanRuleReportsCommitmentDealsAboveTheLimitWithoutAPlan() {
        // given
        Blueprint blueprint = Fixtures.example();
        Snapshot snapshot = Fixtures.salesforce(List.of(), List.of(
                record("Opportunity", "006A", "StageName", "Negotiation/Review", "Amount", 150000.0),
                record("Opportunity", "006B", "StageName", "Negotiation/Review", "Amount", 150000.0, "Close_Plan__c", "https://plan"),
                record("Opportunity", "006C", "StageName", "Negotiation/Review", "Amount", 50000.0),
                record("Opportunity", "006D", "StageName", "Qualification", "Amount", 500000.0),
                record("Opportunity", "006E", "StageName", "Negotiation/Review"),
                record("Opportunity", "006F", "StageName", "Negotiation/Review", "Amount", 200000L, "Close_Plan__c", " "),
                record("Lead", "00Q1", "Status", "Sales Qualified", "Amount", 900000.0)));

        // when
        List<FindingDraft> findings = check(blueprint, snapshot);

        // then
        assertThat(findings).containsExactly(FindingDraft.of(DriftKind.THRESHOLD, "salesforce:Opportunity",
                        "Deals above 100k in Commitment need a mutual close plan: 2 of 3 Opportunity records fail the requirement")
                .expectedActual("has(opp.Close_Plan__c)", "2 records fail")
                .counted(2, List.of("006A", "006F"))
                .declaredAt("/rules/0"));
    }

    @Test
    void descriptorComesFromTheBlueprintEntry() {
        // when
        RuleDescriptor descriptor = CustomRules.from(Fixtures.example()).get(0).descriptor();

        // then
        assertThat(descriptor).isEqualTo(new RuleDescriptor("NW-CLOSE-PLAN", "Deals above 100k in Commitment need a mutual close plan",
                "Deals above 100k in Commitment need a mutual close plan.", Dimension.QUALIFICATION, Severity.WARNING));
    }

    @Test
    void titleDropsTheTrailingPeriodOfTheDescription() {
        // given
        Blueprint blueprint = Fixtures.blueprint(HEAD + """
                rules:
                  - { id: R1, description: "Leads need a company.", severity: error, dimension: strategy, on: lead, require: "has(lead.Company)" }
                """);

        // when
        RuleDescriptor descriptor = CustomRules.from(blueprint).get(0).descriptor();

        // then
        assertThat(descriptor.title()).isEqualTo("Leads need a company");
        assertThat(descriptor.description()).isEqualTo("Leads need a company.");
        assertThat(descriptor.defaultSeverity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void leadRulesSeeTheBlueprintStatusKeyAsStage() {
        // given
        Blueprint blueprint = Fixtures.blueprint(HEAD + """
                rules:
                  - id: SQL-BUDGET
                    description: Sales-qualified leads have a budget
                    severity: warning
                    dimension: qualification
                    on: lead
                    when: "lead.stage == 'sql'"
                    require: "has(lead.Budget__c) && record.crmStage == 'Sales Qualified'"
                """);
        Snapshot snapshot = Fixtures.salesforce(List.of(), List.of(
                record("Lead", "00Q2", "Status", "Sales Qualified"),
                record("Lead", "00Q1", "Status", "Sales Qualified", "Budget__c", 1000.0),
                record("Lead", "00Q3", "Status", "Open - Not Contacted")));

        // when
        List<FindingDraft> findings = check(blueprint, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.subject()).isEqualTo("salesforce:Lead");
            assertThat(finding.count()).isEqualTo(1);
            assertThat(finding.evidence()).containsExactly("00Q2");
        });
    }

    @Test
    void hubSpotDealsUseDealstageTheirPipelineAndTypedProperties() {
        // given
        Blueprint blueprint = Fixtures.blueprint("""
                apiVersion: l2o/v1
                kind: Blueprint
                metadata: { name: test }
                opportunityLifecycle:
                  object: deals
                  stages:
                    - { key: discovery, crm: { hubspot: appointmentscheduled }, maxDaysInStage: 10 }
                    - { key: commitment, crm: { hubspot: decisionmakerboughtin }, maxDaysInStage: 10 }
                    - { key: won, crm: { hubspot: closedwon }, closed: true, won: true }
                rules:
                  - id: BIG-DEALS
                    description: Big committed deals have a close plan
                    severity: warning
                    dimension: pipeline
                    on: opportunity
                    when: "deal.amount > 100000 && deal.stage == 'commitment' && deal.hs_is_closed == false"
                    require: "has(deal.close_plan)"
                """);
        Pipeline sales = Fixtures.pipeline("hubspot", "default", "Sales Pipeline", "deals",
                List.of("appointmentscheduled", "decisionmakerboughtin", "closedwon"));
        Pipeline other = new Pipeline("renewals", "Renewals", "deals", false, List.of(), sales.ref());
        Snapshot snapshot = Fixtures.snapshot("hubspot", List.of(sales, other),
                List.of(field("hubspot", "deals", "amount", "number/number"), field("hubspot", "deals", "hs_is_closed", "bool/booleancheckbox")),
                List.of(
                        record("deals", "101", "amount", "150000", "dealstage", "decisionmakerboughtin", "pipeline", "default", "hs_is_closed", "false"),
                        record("deals", "102", "amount", "150000.50", "dealstage", "decisionmakerboughtin", "pipeline", "default",
                                "hs_is_closed", "false", "close_plan", "yes"),
                        record("deals", "103", "amount", "150000", "dealstage", "decisionmakerboughtin", "pipeline", "renewals", "hs_is_closed", "false"),
                        record("deals", "104", "amount", "", "dealstage", "decisionmakerboughtin", "pipeline", "default", "hs_is_closed", "false")));

        // when
        List<FindingDraft> findings = check(blueprint, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.subject()).isEqualTo("hubspot:deals");
            assertThat(finding.evidence()).containsExactly("101");
            assertThat(finding.message()).isEqualTo("Big committed deals have a close plan: 1 of 2 deals records fail the requirement");
        });
    }

    @Test
    void evidenceHoldsTheTenSmallestIdsWhileCountHoldsAll() {
        // given
        Blueprint blueprint = Fixtures.blueprint(HEAD + """
                rules:
                  - { id: R1, severity: info, dimension: pipeline, on: opportunity, require: "has(opp.NextStep)" }
                """);
        List<CrmRecord> records = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            records.add(record("Opportunity", String.format("R%02d", i), "StageName", "Qualification"));
        }

        // when
        List<FindingDraft> findings = check(blueprint, Fixtures.salesforce(List.of(), records));

        // then
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.count()).isEqualTo(12);
            assertThat(finding.evidence()).containsExactly("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10");
        });
    }

    @Test
    void noFindingWhenEveryMatchingRecordMeetsTheRequirement() {
        // given
        Blueprint blueprint = Fixtures.blueprint(HEAD + """
                rules:
                  - { id: R1, severity: info, dimension: pipeline, on: opportunity, when: "opp.stage == 'won'", require: "opp.Amount > 0" }
                """);
        Snapshot snapshot = Fixtures.salesforce(List.of(), List.of(
                record("Opportunity", "006A", "StageName", "Closed Won", "Amount", 10L),
                record("Opportunity", "006B", "StageName", "Qualification")));

        // then
        assertThat(check(blueprint, snapshot)).isEmpty();
    }

    @Test
    void configRuleReportsOnceWhenItsRequirementDoesNotHold() {
        // given
        Blueprint blueprint = Fixtures.blueprint(HEAD + """
                rules:
                  - id: CLOSE-PLAN-FIELD
                    description: The org has a close plan field
                    severity: error
                    dimension: qualification
                    on: config
                    when: "config.crm == 'salesforce'"
                    require: "config.fieldNames.exists(f, f == 'Opportunity.Close_Plan__c')"
                """);
        Snapshot without = Fixtures.salesforce(List.of(field("salesforce", "Opportunity", "Pain__c", "LongTextArea")), List.of());
        Snapshot with = Fixtures.salesforce(List.of(field("salesforce", "Opportunity", "Close_Plan__c", "Url")), List.of());

        // then
        assertThat(check(blueprint, without)).containsExactly(FindingDraft.of(DriftKind.MISMATCH, "salesforce:configuration",
                        "The org has a close plan field: the requirement does not hold")
                .expectedActual("config.fieldNames.exists(f, f == 'Opportunity.Close_Plan__c')", "false")
                .declaredAt("/rules/0"));
        assertThat(check(blueprint, with)).isEmpty();
    }

    @Test
    void configRuleDoesNotApplyWhereItsConditionDoesNotHold() {
        // given
        Blueprint blueprint = Fixtures.blueprint(HEAD + """
                rules:
                  - { id: R1, severity: info, dimension: pipeline, on: config, when: "config.crm == 'hubspot'", require: "false" }
                """);

        // then
        assertThat(check(blueprint, Fixtures.salesforce(List.of(), List.of()))).isEmpty();
    }

    @Test
    void configVariablesShowCrmStagesWithTheirBlueprintKeys() {
        // given
        Blueprint blueprint = Fixtures.example();
        Snapshot snapshot = Fixtures.salesforce(List.of(field("salesforce", "Opportunity", "Pain__c", "LongTextArea")),
                List.of(record("Opportunity", "006A", "StageName", "Qualification")));

        // when
        Map<String, Object> config = ConfigVariables.of(blueprint, snapshot);

        // then
        assertThat(config.get("stageKeys")).isEqualTo(List.of("discovery", "evaluation", "selection", "commitment", "won", "lost"));
        assertThat((List<?>) config.get("stages")).element(3).isEqualTo(Map.of("apiName", "Negotiation/Review",
                "label", "Negotiation/Review", "order", 3L, "forecastCategory", "Pipeline", "closed", false, "won", false,
                "converted", false, "active", true, "key", "commitment"));
        assertThat(config.get("fieldNames")).isEqualTo(List.of("Opportunity.Pain__c"));
        assertThat(config.get("recordCounts")).isEqualTo(Map.of("Opportunity", 1L));
        assertThat(config.get("historyTracked")).isEqualTo(false);
    }

    @Test
    void entryThatNoLoadedBlueprintCanHaveIsABlueprintError() {
        // given
        Blueprint blueprint = new Blueprint("l2o/v1", "Blueprint", null, null, new OpportunityLifecycle(null, null, null, null, List.of()),
                null, null, null, null, List.of(new CustomRuleSpec("R1", null, "fatal", "pipeline", "config", null, "true")), null);

        // then
        assertThatThrownBy(() -> CustomRules.from(blueprint))
                .isInstanceOf(L2oException.class)
                .hasMessage("custom rule R1: severity must be error, warning or info")
                .extracting(e -> ((L2oException) e).code())
                .isEqualTo(ErrorCode.BAD_BLUEPRINT);
    }

    private static List<FindingDraft> check(Blueprint blueprint, Snapshot snapshot) {
        RecordingContext context = new RecordingContext();
        for (Rule rule : CustomRules.from(blueprint)) {
            rule.check(blueprint, snapshot, context);
        }
        return context.reported;
    }
}
