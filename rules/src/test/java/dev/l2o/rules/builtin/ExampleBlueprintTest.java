package dev.l2o.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.testing.ExampleOrg;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleBlueprintTest {
    private final Blueprint example = TestBlueprints.read(TestBlueprints.EXAMPLE);

    @Test
    void anOrgConfiguredAsTheExampleBlueprintDesignsHasNoConfigurationFindings() {
        // given
        Snapshot org = ExampleOrg.salesforce().build();

        // when
        List<Finding> findings = RuleRunner.run(BuiltinRules.configuration(), example, org);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void anOrgWithoutHistoryAndWithoutADeclaredFlowGetsExactlyThoseTwoFindings() {
        // given
        Snapshot org = ExampleOrg.salesforce()
                .withoutHistory()
                .withoutAutomation("Renewal_Kickoff_120_Days")
                .flow("Opportunity", "Unrelated_Flow", true)
                .build();

        // when
        List<Finding> findings = RuleRunner.run(BuiltinRules.configuration(), example, org);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject).containsExactly(
                tuple("L2O-AUTOMATION-MISSING",
                        "salesforce:flow/Opportunity.Renewal_Kickoff_120_Days"),
                tuple("L2O-HISTORY-UNTRACKED", "salesforce:Opportunity/history"));
    }
}
