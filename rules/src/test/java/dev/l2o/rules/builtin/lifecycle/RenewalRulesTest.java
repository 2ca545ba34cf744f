package dev.l2o.rules.builtin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenewalRulesTest {
    private static final List<Rule> RULES = List.of(new RenewalMissingRule(), new RenewalInactiveRule(), new RenewalTimingRule());

    private static final String BLUEPRINT = """
            opportunityLifecycle:
              stages:
                - key: won
                  closed: true
                  won: true
            lifecycles:
              - name: renewals
                motion: renewal
                pipeline: Renewal
                stages:
                  - key: renewed
                    closed: true
                    won: true
                renewal:
                  automation: Create_Renewal_Opportunity
                  daysBeforeContractEnd: 120
            """;

    private static List<Finding> run(String yaml, Snapshot snapshot) {
        return RuleRunner.run(RULES, TestBlueprints.parse(yaml), snapshot);
    }

    @Test
    void anActiveFlowThatCreatesTheOpportunity120DaysBeforeEndDateSatisfiesEveryRenewalRule() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .creatingFlow("Contract", "Create_Renewal_Opportunity", true, "Opportunity", "-120 days from EndDate")
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void noAutomationByTheDeclaredNameIsMissing() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce().flow("Opportunity", "Something_Else", true).build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::message, Finding::actual)
                .containsExactly(tuple("L2O-RENEWAL-MISSING", "salesforce:flow/Opportunity.Create_Renewal_Opportunity",
                        "Lifecycle 'renewals': The CRM has no flow or workflow 'Create_Renewal_Opportunity' to create the "
                                + "renewal Opportunity.", "none by that name"));
    }

    @Test
    void anAutomationByTheNameThatCreatesNoOpportunityIsMissing() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .creatingFlow("Contract", "Create Renewal Opportunity", true, "Task", "-120 days from EndDate")
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::actual)
                .containsExactly(tuple("L2O-RENEWAL-MISSING", "creates Task"));
    }

    @Test
    void aDraftFlowIsInactiveAndItsTimingIsStillChecked() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .creatingFlow("Contract", "Create_Renewal_Opportunity", false, "Opportunity", "-90 days from EndDate")
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::expected, Finding::actual)
                .containsExactly(
                        tuple("L2O-RENEWAL-INACTIVE", "active", "Draft"),
                        tuple("L2O-RENEWAL-TIMING", "120 days before EndDate", "90 days before EndDate"));
        assertThat(findings.get(1).message()).isEqualTo("Lifecycle 'renewals': the renewal automation "
                + "'Create_Renewal_Opportunity' runs 90 days before EndDate, not 120 days before EndDate.");
    }

    @Test
    void aFlowWithoutScheduledPathHasWrongTiming() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .creatingFlow("Contract", "Create_Renewal_Opportunity", true, "Opportunity", null)
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::actual)
                .containsExactly(tuple("L2O-RENEWAL-TIMING", "no scheduled path or delay"));
    }

    @Test
    void withAContractTermTheTermLessTheDaysAfterTheStartIsOnTime() {
        // given
        String yaml = BLUEPRINT.replace("daysBeforeContractEnd: 120", "daysBeforeContractEnd: 120\n      contractTermDays: 365");
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .creatingFlow("Opportunity", "Create_Renewal_Opportunity", true, "Opportunity", "245 days from CloseDate")
                .build();

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void lifecyclesOfOtherMotionsHaveNoRenewalRules() {
        // given
        String yaml = BLUEPRINT.replace("motion: renewal", "motion: expansion").replaceAll("(?s)    renewal:.*", "");

        // when
        List<Finding> findings = run(yaml, SnapshotBuilder.salesforce().build());

        // then
        assertThat(findings).isEmpty();
    }
}
